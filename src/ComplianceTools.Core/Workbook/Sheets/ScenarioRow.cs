namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Scenarios", "外呼场景", Order = 10,
        Purpose = "Outbound scenarios as filed: sub-category, permitted hours, average call length, consent method and the figures behind the unsubscribe rate.",
        PurposeZh = "外呼场景填报:子类、允许外呼时段、平均通话时长、用户授权方式及退订率所需数据。")]
    public sealed class ScenarioRow : WorkbookRow
    {
        [Column("Scenario", "场景名称", Required = true, Aliases = new[] { "场景" })]
        public string Scenario { get; set; }

        [Column("Category", "场景子类", Aliases = new[] { "子类", "外呼场景子类" }, Hint = "金融营销, 催收, 政务回访, 社调 …", HintZh = "金融营销、催收、政务回访、社调等")]
        public string Category { get; set; }

        [Column("AllowedFrom", "允许外呼开始", TextFormat = "HH:mm", Aliases = new[] { "外呼开始时间" })]
        public string AllowedFrom { get; set; }

        [Column("AllowedTo", "允许外呼结束", TextFormat = "HH:mm", Aliases = new[] { "外呼结束时间" })]
        public string AllowedTo { get; set; }

        [Column("AverageCallSeconds", "平均通话时长(秒)", Min = 0, Format = "0", Aliases = new[] { "平均通话时长" })]
        public double? AverageCallSeconds { get; set; }

        [Column("ConsentMethod", "用户授权方式", Aliases = new[] { "授权方式" })]
        public ConsentMethod? ConsentMethod { get; set; }

        [Column("SmsSent", "营销短信发送量", Min = 0, Format = "#,##0")]
        public long? SmsSent { get; set; }

        [Column("SmsUnsubscribeReplies", "回N退订数", Min = 0, Format = "#,##0")]
        public long? SmsUnsubscribeReplies { get; set; }

        [Column("HangUpRate", "挂断率", Format = "0.00%")]
        public double? HangUpRate { get; set; }

        [Column("ComplaintRate", "投诉率", Format = "0.0000%")]
        public double? ComplaintRate { get; set; }

        [Column("UnsubscribeRate", "退订率(填报)", Format = "0.00%", Aliases = new[] { "退订率" })]
        public double? UnsubscribeRate { get; set; }
    }
}
