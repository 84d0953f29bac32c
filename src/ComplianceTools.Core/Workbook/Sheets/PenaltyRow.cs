using System;

namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Penalties", "行政处罚", EmptyMeansNone = true, Order = 13,
        Purpose = "Administrative penalties of the last three years (market regulator, MIIT, provincial administration) and their rectification.",
        PurposeZh = "过去三年市监、工信、通管局的行政处罚及整改情况。")]
    public sealed class PenaltyRow : WorkbookRow
    {
        [Column("DecisionNumber", "处罚决定书文号", Required = true, Aliases = new[] { "决定书文号", "文号" })]
        public string DecisionNumber { get; set; }

        [Column("Authority", "处罚机关", Aliases = new[] { "机关" })]
        public string Authority { get; set; }

        [Column("DecisionDate", "处罚日期", Required = true, NotInFuture = true, Format = "yyyy-mm-dd", Aliases = new[] { "决定日期" })]
        public DateTime? DecisionDate { get; set; }

        [Column("Matter", "处罚事由", Aliases = new[] { "事由" })]
        public string Matter { get; set; }

        [Column("RectificationReport", "整改报告", Aliases = new[] { "整改报告文件" })]
        public string RectificationReport { get; set; }

        [Column("Status", "整改状态", Aliases = new[] { "状态" })]
        public PenaltyStatus? Status { get; set; }
    }
}
