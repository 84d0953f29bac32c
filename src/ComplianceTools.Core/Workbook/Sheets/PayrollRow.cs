namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Payroll", "工资发放", EmptyMeansNone = true, Order = 6,
        Purpose = "Payroll: one row per person and month paid (the wage flow the inspectors compare with seats and insurance).",
        PurposeZh = "工资流水:每人每月一行(检查组与坐席、社保三对照)。")]
    public sealed class PayrollRow : WorkbookRow
    {
        [Column("EmployeeId", "工号", Aliases = new[] { "员工编号" })]
        public string EmployeeId { get; set; }

        [Column("Name", "姓名", Required = true, Personal = true)]
        public string Name { get; set; }

        [Column("IdNumber", "身份证号", Personal = true, Aliases = new[] { "身份证号码" })]
        public string IdNumber { get; set; }

        [Column("Month", "发放月份", Required = true, TextFormat = "yyyy-MM", Aliases = new[] { "月份" })]
        public string Month { get; set; }

        [Column("NetPay", "实发金额", Min = 0, Format = "#,##0.00", Aliases = new[] { "实发工资", "金额" })]
        public double? NetPay { get; set; }
    }
}
