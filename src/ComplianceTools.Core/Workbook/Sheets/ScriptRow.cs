namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Scripts", "外呼话术", Order = 11,
        Purpose = "Last year's outbound scripts, to map each to a scenario by keyword.",
        PurposeZh = "去年实际使用的外呼话术,用关键词对应到场景。")]
    public sealed class ScriptRow : WorkbookRow
    {
        [Column("ScriptId", "话术编号", Required = true, Aliases = new[] { "编号" })]
        public string ScriptId { get; set; }

        [Column("Scenario", "填报场景", Aliases = new[] { "场景" })]
        public string Scenario { get; set; }

        [Column("Text", "话术内容", Required = true, Aliases = new[] { "话术", "内容" })]
        public string Text { get; set; }

        [Column("Calls", "外呼量", Min = 0, Format = "#,##0")]
        public long? Calls { get; set; }
    }
}
