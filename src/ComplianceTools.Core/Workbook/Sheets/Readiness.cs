using System;

namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Readiness", "检查准备", Layout = SheetLayout.Form, Order = 2,
        Purpose = "Facts the on-site inspection checks: how far back call and gateway logs go, and the system capabilities on record.",
        PurposeZh = "现场检查核对的事项:呼叫与网关日志可追溯的起始日期,以及系统能力(一键投诉、AI转人工、预测式外呼)。")]
    public sealed class Readiness : WorkbookRow
    {
        [Column("CallLogsSince", "呼叫日志最早日期", NotInFuture = true, Aliases = new[] { "通话日志起始日期" }, Format = "yyyy-mm-dd")]
        public DateTime? CallLogsSince { get; set; }

        [Column("GatewayLogsSince", "网关日志最早日期", NotInFuture = true, Aliases = new[] { "码号网关日志起始日期" }, Format = "yyyy-mm-dd")]
        public DateTime? GatewayLogsSince { get; set; }

        [Column("ComplaintButton", "一键投诉按钮")]
        public YesNo? ComplaintButton { get; set; }

        [Column("AiIntentRecognition", "AI意图识别")]
        public YesNo? AiIntentRecognition { get; set; }

        [Column("AiHumanHandover", "AI立即转人工")]
        public YesNo? AiHumanHandover { get; set; }

        [Column("PredictiveDialling", "使用预测式外呼")]
        public YesNo? PredictiveDialling { get; set; }

        [Column("PredictiveDiallingDeclared", "预测式外呼已申报")]
        public YesNo? PredictiveDiallingDeclared { get; set; }

        [Column("ComplaintDrillDate", "投诉演练日期", Format = "yyyy-mm-dd")]
        public DateTime? ComplaintDrillDate { get; set; }
    }
}
