using System;

namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Complaints", "投诉", EmptyMeansNone = true, Order = 9,
        Purpose = "Complaint tickets: channel (12321, 12300, 12345, MIIT), times received, first answered and closed, the number complained about, agent and recording.",
        PurposeZh = "投诉工单:来源渠道(12321、12300、12345、工信部)、受理/首次响应/结案时间、被投诉号码、坐席工号与录音。")]
    public sealed class ComplaintRow : WorkbookRow
    {
        [Column("TicketId", "工单号", Required = true, Aliases = new[] { "工单编号", "投诉编号" })]
        public string TicketId { get; set; }

        [Column("Source", "来源渠道", Required = true, Aliases = new[] { "投诉渠道", "渠道来源" })]
        public ComplaintChannel? Source { get; set; }

        [Column("ReceivedAt", "受理时间", Required = true, NotInFuture = true, Format = "yyyy-mm-dd hh:mm", Aliases = new[] { "投诉时间", "接收时间" })]
        public DateTime? ReceivedAt { get; set; }

        [Column("FirstResponseAt", "首次响应时间", NotInFuture = true, Format = "yyyy-mm-dd hh:mm", Aliases = new[] { "响应时间" })]
        public DateTime? FirstResponseAt { get; set; }

        [Column("ClosedAt", "结案时间", NotInFuture = true, Format = "yyyy-mm-dd hh:mm", Aliases = new[] { "关闭时间" })]
        public DateTime? ClosedAt { get; set; }

        [Column("Status", "状态", Aliases = new[] { "工单状态" })]
        public TicketStatus? Status { get; set; }

        [Column("ComplainantNumber", "投诉人号码", Personal = true, Aliases = new[] { "被叫号码", "用户号码" })]
        public string ComplainantNumber { get; set; }

        [Column("CallingNumber", "被投诉号码", Aliases = new[] { "外显号码", "主叫号码" })]
        public string CallingNumber { get; set; }

        [Column("Channel", "通道", Aliases = new[] { "线路" })]
        public string Channel { get; set; }

        [Column("Team", "外包团队", Aliases = new[] { "团队" })]
        public string Team { get; set; }

        [Column("AgentId", "坐席工号", Aliases = new[] { "工号" })]
        public string AgentId { get; set; }

        [Column("RecordingId", "通话录音", Aliases = new[] { "录音编号", "录音" })]
        public string RecordingId { get; set; }
    }
}
