using System;

namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("CallbackTests", "回拨测试", EmptyMeansNone = true, Order = 17,
        Purpose = "Callback tests of the 95/96 numbers: the gateway each landed on and the seconds until the callback connected.",
        PurposeZh = "95/96短号码回拨测试:实际落地网关与回拨接通秒数。")]
    public sealed class CallbackTestRow : WorkbookRow
    {
        [Column("Number", "号码", Required = true, Aliases = new[] { "码号" })]
        public string Number { get; set; }

        [Column("TestedAt", "测试时间", Format = "yyyy-mm-dd hh:mm")]
        public DateTime? TestedAt { get; set; }

        [Column("LandedGateway", "落地网关", Aliases = new[] { "实际网关" })]
        public string LandedGateway { get; set; }

        [Column("Connected", "是否接通")]
        public YesNo? Connected { get; set; }

        [Column("ConnectSeconds", "接通秒数", Min = 0, Format = "0.0", Aliases = new[] { "回拨时长" })]
        public double? ConnectSeconds { get; set; }
    }
}
