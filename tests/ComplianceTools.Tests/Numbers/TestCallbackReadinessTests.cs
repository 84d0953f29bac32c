using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Numbers
{
    /// <summary>NUM-002 through a real runspace: a callback connects within 30 s and lands on the filed gateway.</summary>
    public sealed class TestCallbackReadinessTests : System.IDisposable
    {
        private const string Ledger = @"
$n = @(
  [ComplianceTools.Core.Workbook.Sheets.NumberResourceRow]@{ Number = '95555'; NumberType = 'Short95'; FiledGateway = 'GW-BJ-01'; Status = 'InUse' }
  [ComplianceTools.Core.Workbook.Sheets.NumberResourceRow]@{ Number = '96888'; NumberType = 'Short96'; FiledGateway = 'GW-BJ-02'; Status = 'Suspended' }
)
function Test-One($number, $gateway, $seconds) {
  [ComplianceTools.Core.Workbook.Sheets.CallbackTestRow]@{ Number = $number; TestedAt = '2026-02-20 10:00'; LandedGateway = $gateway; Connected = 'Yes'; ConnectSeconds = $seconds } | Test-CallbackReadiness -Number $n
}
";

        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void Thirty_seconds_on_the_filed_gateway_is_green_whatever_the_number_formatting()
        {
            var f = _ps.Run(Ledger + "Test-One '+86 95555' ' gw-bj-01 ' 30").Single();
            Assert.Equal("NUM-002", f.Text("RuleId"));
            Assert.Equal("95555", f.Text("Subject"));
            Assert.Equal(30.0, (double)f.Prop("Value"));
            Assert.Equal("Green", f.Text("Severity"));
        }

        [Fact]
        public void Thirty_one_seconds_is_red()
        {
            var f = _ps.Run(Ledger + "Test-One '95555' 'GW-BJ-01' 31").Single();
            Assert.Equal("Red", f.Text("Severity"));
            Assert.Contains("31 s", f.Text("Reason"));
        }

        [Fact]
        public void Landing_on_another_gateway_is_red_even_when_fast()
        {
            var f = _ps.Run(Ledger + "Test-One '95555' 'GW-SH-09' 5").Single();
            Assert.Equal("Red", f.Text("Severity"));
            Assert.Contains("GW-SH-09", f.Text("Reason"));
            Assert.Contains("GW-BJ-01", f.Text("Reason"));
        }

        [Fact]
        public void A_number_missing_from_the_ledger_is_red_and_the_untested_95_number_in_use_is_yellow()
        {
            var r = _ps.Run(Ledger + "Test-One '95999' 'GW-BJ-01' 5");
            r.ThrowOnError();
            Assert.Equal(2, r.Output.Count);
            Assert.Equal("95999", r.Output[0].Text("Subject"));
            Assert.Equal("Red", r.Output[0].Text("Severity"));
            Assert.Contains("not in the number ledger", r.Output[0].Text("Reason"));
            Assert.Equal("95555", r.Output[1].Text("Subject"));
            Assert.Equal("Yellow", r.Output[1].Text("Severity"));
            Assert.Contains("no callback test", r.Output[1].Text("Reason"));
        }
    }
}
