using System;

namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Numbers", "码号资源", Order = 7,
        Purpose = "The number-resource ledger: 95/96 numbers, trunks and display numbers, with the gateway each is filed on.",
        PurposeZh = "码号资源使用台账:95/96短号码、中继线及外显号码,以及备案落地网关。")]
    public sealed class NumberResourceRow : WorkbookRow
    {
        [Column("Number", "号码", Required = true, Aliases = new[] { "码号", "号码资源" })]
        public string Number { get; set; }

        [Column("NumberType", "号码类型", Aliases = new[] { "类型" })]
        public NumberType? NumberType { get; set; }

        [Column("FiledGateway", "备案网关", Aliases = new[] { "落地网关" })]
        public string FiledGateway { get; set; }

        [Column("Trunk", "中继线", Aliases = new[] { "中继" })]
        public string Trunk { get; set; }

        [Column("Status", "状态")]
        public NumberStatus? Status { get; set; }

        [Column("AllocatedOn", "分配日期", NotInFuture = true, Format = "yyyy-mm-dd")]
        public DateTime? AllocatedOn { get; set; }

        [Column("Revenue", "码号收入", Min = 0, Format = "#,##0.00")]
        public double? Revenue { get; set; }
    }
}
