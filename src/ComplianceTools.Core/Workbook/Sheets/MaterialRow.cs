using System;

namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Materials", "材料清单", Order = 15,
        Purpose = "The materials package: each document, its file, the paper-set attestation (bound, A4, seals, who checked) and the audit report's firm and opinion.",
        PurposeZh = "材料包:每份材料及其文件、纸质版核对(胶装、A4、骑缝章、首页公章、核对人)与审计报告的事务所资格和意见类型。")]
    public sealed class MaterialRow : WorkbookRow
    {
        [Column("Document", "材料名称", Required = true, Aliases = new[] { "材料" })]
        public string Document { get; set; }

        [Column("File", "文件", Aliases = new[] { "文件路径", "Path" })]
        public string File { get; set; }

        [Column("PaperBound", "纸质胶装")]
        public YesNo? PaperBound { get; set; }

        [Column("A4", "A4幅面")]
        public YesNo? A4 { get; set; }

        [Column("PerforationSeal", "骑缝章")]
        public YesNo? PerforationSeal { get; set; }

        [Column("FirstPageSeal", "首页公章")]
        public YesNo? FirstPageSeal { get; set; }

        [Column("CheckedBy", "核对人", Personal = true)]
        public string CheckedBy { get; set; }

        [Column("CheckedOn", "核对日期", Format = "yyyy-mm-dd")]
        public DateTime? CheckedOn { get; set; }

        [Column("AuditFirm", "会计师事务所")]
        public string AuditFirm { get; set; }

        [Column("SecuritiesQualified", "证券期货从业资格")]
        public YesNo? SecuritiesQualified { get; set; }

        [Column("AuditOpinion", "审计意见类型", Aliases = new[] { "意见类型" })]
        public AuditOpinion? AuditOpinion { get; set; }
    }
}
