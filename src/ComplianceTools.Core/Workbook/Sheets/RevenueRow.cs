namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Revenue", "收入与结算", Order = 12,
        Purpose = "Monthly 95/96 number revenue against the carrier's settlement invoices, and call volumes as each source reports them.",
        PurposeZh = "按月的95/96码号收入与基础电信企业结算发票,以及各数据源统计的呼叫量。")]
    public sealed class RevenueRow : WorkbookRow
    {
        [Column("Month", "月份", Required = true, TextFormat = "yyyy-MM")]
        public string Month { get; set; }

        [Column("NumberRevenue", "码号业务收入", Min = 0, Format = "#,##0.00", Aliases = new[] { "95/96码号收入" })]
        public double? NumberRevenue { get; set; }

        [Column("SettlementInvoiced", "结算发票金额", Min = 0, Format = "#,##0.00", Aliases = new[] { "结算发票" })]
        public double? SettlementInvoiced { get; set; }

        [Column("PlatformCalls", "平台呼叫量", Min = 0, Format = "#,##0", Aliases = new[] { "呼叫中心平台呼叫量", "CRM呼叫量" })]
        public long? PlatformCalls { get; set; }

        [Column("CarrierCalls", "运营商对账呼叫量", Min = 0, Format = "#,##0", Aliases = new[] { "计费系统呼叫量" })]
        public long? CarrierCalls { get; set; }

        [Column("PrivacyNumberCalls", "隐私号平台呼叫量", Min = 0, Format = "#,##0")]
        public long? PrivacyNumberCalls { get; set; }

        [Column("FinanceRevenue", "财务收入", Min = 0, Format = "#,##0.00")]
        public double? FinanceRevenue { get; set; }
    }
}
