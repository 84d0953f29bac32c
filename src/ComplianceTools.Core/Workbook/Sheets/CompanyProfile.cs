using System;

namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Company", "公司信息", Layout = SheetLayout.Form, Order = 1,
        Purpose = "The licence holder and the facts the annual report declares: licence, seats on file, AI capability, filing numbers, privacy policy, credit score.",
        PurposeZh = "许可证持有企业及年报申报事项:许可证、备案坐席、人工智能能力、各类备案号、隐私政策、信用分。")]
    public sealed class CompanyProfile : WorkbookRow
    {
        [Column("CompanyName", "公司名称", Required = true)]
        public string CompanyName { get; set; }

        [Column("LicenceNumber", "许可证编号", Required = true, Aliases = new[] { "许可证号", "License Number", "LicenseNumber" }, Hint = "B2-20191234 (nationwide) or 京B2-20191234 (provincial)", HintZh = "全网如 B2-20191234,地网如 京B2-20191234")]
        public string LicenceNumber { get; set; }

        [Column("LicenceScope", "许可范围", Aliases = new[] { "覆盖范围", "Scope" })]
        public LicenceScope? LicenceScope { get; set; }

        [Column("Province", "省份", Aliases = new[] { "所在省份" })]
        public string Province { get; set; }

        [Column("BusinessCategory", "业务种类", Hint = "B24 呼叫中心业务", HintZh = "B24 呼叫中心业务")]
        public string BusinessCategory { get; set; }

        [Column("ReportYear", "报告年度", Required = true, Min = 2000, Max = 2099, Aliases = new[] { "年度", "Year" })]
        public int? ReportYear { get; set; }

        [Column("CheckDate", "检查日期", Aliases = new[] { "自查日期" }, Format = "yyyy-mm-dd")]
        public DateTime? CheckDate { get; set; }

        [Column("SeatsOnFile", "备案坐席数", Min = 0, Aliases = new[] { "填报坐席数", "坐席规模" })]
        public int? SeatsOnFile { get; set; }

        [Column("AiCapabilityDeclared", "具备人工智能语音能力", Aliases = new[] { "AI能力", "AiCapability" })]
        public YesNo? AiCapabilityDeclared { get; set; }

        [Column("AlgorithmFilingNumber", "算法备案号", Aliases = new[] { "AlgorithmFiling" })]
        public string AlgorithmFilingNumber { get; set; }

        [Column("HasOverseasSeats", "有境外坐席或网关", Aliases = new[] { "跨境呼叫", "CrossBorder" })]
        public YesNo? HasOverseasSeats { get; set; }

        [Column("OverseasAccessNumbers", "境外接入号", Hint = "Separate several with ;", HintZh = "多个以;分隔")]
        public string OverseasAccessNumbers { get; set; }

        [Column("LandingGateways", "落地网关")]
        public string LandingGateways { get; set; }

        [Column("DataReturnPath", "数据回流路径")]
        public string DataReturnPath { get; set; }

        [Column("CacFilingNumber", "网信办备案编号", Aliases = new[] { "CAC备案编号" })]
        public string CacFilingNumber { get; set; }

        [Column("PrivacyPolicyDate", "隐私政策版本日期", Aliases = new[] { "隐私政策日期" }, Format = "yyyy-mm-dd")]
        public DateTime? PrivacyPolicyDate { get; set; }

        [Column("PrivacyPolicyHasSensitiveList", "隐私政策含敏感个人信息处理清单")]
        public YesNo? PrivacyPolicyHasSensitiveList { get; set; }

        [Column("PrivacyPolicyFile", "隐私政策文件", Hint = ".txt, .docx or .pdf path", HintZh = ".txt、.docx或.pdf文件路径")]
        public string PrivacyPolicyFile { get; set; }

        [Column("CreditScore", "码号信用分", Min = 0, Max = 100, Aliases = new[] { "信用分" })]
        public double? CreditScore { get; set; }

        [Column("RealNameSpotCheckPassRate", "实名抽检合格率", Format = "0.00%")]
        public double? RealNameSpotCheckPassRate { get; set; }

        [Column("PackageFolder", "材料包目录", Aliases = new[] { "材料包" })]
        public string PackageFolder { get; set; }
    }
}
