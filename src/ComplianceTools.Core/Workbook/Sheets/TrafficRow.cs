namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Traffic", "呼叫流量", Order = 8,
        Purpose = "Monthly call traffic by display number, channel and team: outbound calls, AI calls, calls in 22:00–08:00.",
        PurposeZh = "呼叫流量月报:按月份、外显号码、通道和外包团队统计的外呼量、AI外呼量、22:00—08:00外呼量。")]
    public sealed class TrafficRow : WorkbookRow
    {
        [Column("Month", "月份", Required = true, TextFormat = "yyyy-MM", Aliases = new[] { "统计月份" })]
        public string Month { get; set; }

        [Column("DisplayNumber", "外显号码", Required = true, Aliases = new[] { "主叫号码", "外显" })]
        public string DisplayNumber { get; set; }

        [Column("Channel", "通道", Aliases = new[] { "线路" })]
        public string Channel { get; set; }

        [Column("Team", "外包团队", Aliases = new[] { "团队" })]
        public string Team { get; set; }

        [Column("Scenario", "场景", Aliases = new[] { "外呼场景" })]
        public string Scenario { get; set; }

        [Column("OutboundCalls", "外呼量", Required = true, Min = 0, Format = "#,##0", Aliases = new[] { "外呼通话量", "呼出量" })]
        public long? OutboundCalls { get; set; }

        [Column("AiOutboundCalls", "AI外呼量", Min = 0, Format = "#,##0", Aliases = new[] { "机器人外呼量" })]
        public long? AiOutboundCalls { get; set; }

        [Column("ConnectedCalls", "接通量", Min = 0, Format = "#,##0")]
        public long? ConnectedCalls { get; set; }

        [Column("CallsInForbiddenWindow", "22:00-08:00外呼量", Min = 0, Format = "#,##0", Aliases = new[] { "夜间外呼量" })]
        public long? CallsInForbiddenWindow { get; set; }

        [Column("Days", "外呼天数", Min = 0, Max = 31, Format = "0", Aliases = new[] { "天数" })]
        public int? Days { get; set; }
    }
}
