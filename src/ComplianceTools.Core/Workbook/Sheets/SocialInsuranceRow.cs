namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("SocialInsurance", "社保缴费", EmptyMeansNone = true, Order = 5,
        Purpose = "The social-insurance payment list: one row per person and month paid.",
        PurposeZh = "社保缴费清单:每人每个缴费月份一行。")]
    public sealed class SocialInsuranceRow : WorkbookRow
    {
        [Column("EmployeeId", "工号", Aliases = new[] { "员工编号" })]
        public string EmployeeId { get; set; }

        [Column("Name", "姓名", Required = true, Personal = true)]
        public string Name { get; set; }

        [Column("IdNumber", "身份证号", Personal = true, Aliases = new[] { "身份证号码", "证件号码" })]
        public string IdNumber { get; set; }

        [Column("Month", "缴费月份", Required = true, TextFormat = "yyyy-MM", Aliases = new[] { "所属期", "月份" })]
        public string Month { get; set; }

        [Column("Amount", "缴费金额", Min = 0, Format = "#,##0.00", Aliases = new[] { "金额" })]
        public double? Amount { get; set; }
    }
}
