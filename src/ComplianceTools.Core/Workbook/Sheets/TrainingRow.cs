namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Training", "合规培训", EmptyMeansNone = true, Order = 14,
        Purpose = "This year's compliance training per person: exam certificate, sign-in sheet and exam paper.",
        PurposeZh = "当年合规培训:每人的电信业务合规考试证书、签到表与试卷。")]
    public sealed class TrainingRow : WorkbookRow
    {
        [Column("EmployeeId", "工号", Required = true)]
        public string EmployeeId { get; set; }

        [Column("Name", "姓名", Personal = true)]
        public string Name { get; set; }

        [Column("Year", "培训年度", Required = true, Min = 2000, Max = 2099, Aliases = new[] { "年度" })]
        public int? Year { get; set; }

        [Column("CertificateNumber", "考试证书编号", Aliases = new[] { "证书编号" })]
        public string CertificateNumber { get; set; }

        [Column("SignedIn", "签到", Aliases = new[] { "签到表" })]
        public YesNo? SignedIn { get; set; }

        [Column("ExamPaper", "试卷", Aliases = new[] { "试卷存档" })]
        public YesNo? ExamPaper { get; set; }

        [Column("Score", "成绩", Min = 0, Max = 100, Format = "0")]
        public double? Score { get; set; }
    }
}
