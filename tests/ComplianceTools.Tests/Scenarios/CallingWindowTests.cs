using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Scenarios;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Scenarios
{
    /// <summary>WIN-001: no scenario may allow 22:00–08:00 and no call may be placed then.</summary>
    public sealed class CallingWindowTests : System.IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public CallingWindowTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose() => _ps.Dispose();

        [Theory]
        [InlineData("08:00", "22:00", 0)]
        [InlineData("09:00", "22:30", 30)]
        [InlineData("07:30", "21:00", 30)]
        [InlineData("22:00", "08:00", 600)]
        [InlineData("23:00", "01:00", 120)]
        [InlineData("00:00", "00:00", 600)]
        [InlineData("08:00", "24:00", 120)]
        public void Minutes_inside_22_to_08_are_counted_on_a_24_hour_clock(string from, string to, int expected)
        {
            Assert.True(CallingWindow.TryParseTime(from, out int f));
            Assert.True(CallingWindow.TryParseTime(to, out int t));
            Assert.Equal(expected, CallingWindow.OverlapMinutes(f, t, 22 * 60, 8 * 60));
        }

        [Fact]
        public void Calls_placed_in_the_window_are_red_and_counted_by_scenario()
        {
            var rule = CatalogLoader.Default.Get(CallingWindow.Id);
            var scenarios = new[]
            {
                new ScenarioRow { Scenario = "信用卡分期营销", Category = "金融营销", AllowedFrom = "09:00", AllowedTo = "21:00" },
                new ScenarioRow { Scenario = "贷后提醒", Category = "催收", AllowedFrom = "08:00", AllowedTo = "20:00" },
            };
            var traffic = new[]
            {
                new TrafficRow { Month = "2025-01", DisplayNumber = "13812345678", Scenario = "催收", OutboundCalls = 1000, CallsInForbiddenWindow = 12 },
                new TrafficRow { Month = "2025-02", DisplayNumber = "95123", Scenario = "贷后提醒", OutboundCalls = 1000, CallsInForbiddenWindow = 3 },
                new TrafficRow { Month = "2025-01", DisplayNumber = "95123", Scenario = "信用卡分期营销", OutboundCalls = 1000, CallsInForbiddenWindow = 0 },
            };
            var findings = CallingWindow.Check(rule, scenarios, traffic, "2025", p => Assert.Fail(p.Message));
            Assert.Equal(2, findings.Count);
            Finding collection = findings.Single(f => f.Subject == "贷后提醒");
            Assert.Equal(15, collection.Value);
            Assert.Equal(Severity.Red, collection.Severity);
            Assert.Contains(collection.Evidence, e => e.Subject == "2025-01 138****5678");
            Assert.DoesNotContain(collection.Evidence, e => e.Subject.Contains("13812345678"));
            Assert.Equal(Severity.Green, findings.Single(f => f.Subject == "信用卡分期营销").Severity);
        }

        [Fact]
        public void A_bad_time_is_reported_with_its_row_and_the_rest_is_checked()
        {
            var rule = CatalogLoader.Default.Get(CallingWindow.Id);
            var problems = new List<ComplianceProblem>();
            var scenarios = new[]
            {
                new ScenarioRow { Scenario = "A", AllowedFrom = "9点", AllowedTo = "21:00", Origin = new SourceLocation("in.xlsx", "外呼场景", 3) },
                new ScenarioRow { Scenario = "B", AllowedFrom = "22:00", AllowedTo = "08:00" },
            };
            var findings = CallingWindow.Check(rule, scenarios, null, null, problems.Add);
            ComplianceProblem p = Assert.Single(problems);
            Assert.Equal("ComplianceTools.Scenarios.TimeInvalid", p.ErrorId);
            Assert.Contains("row 3 column AllowedFrom", p.Message);
            Assert.Equal(Severity.Yellow, findings.Single(f => f.Subject == "A").Severity);
            Assert.Equal(Severity.Red, findings.Single(f => f.Subject == "B").Severity);
        }

        [Fact]
        public void Runspace_a_collection_scenario_allowing_22_to_08_is_red_and_08_to_22_green()
        {
            var red = _ps.Run("Test-CallingWindow -AllowedFrom 22:00 -AllowedTo 08:00 -Name 催收").Single();
            Assert.Equal("Red", red.Text("Severity"));
            Assert.Equal("催收", red.Text("Subject"));
            Assert.Contains("600 minutes", red.Text("Reason"));
            Assert.Equal("Green", _ps.Run("Test-CallingWindow -AllowedFrom 08:00 -AllowedTo 22:00 -Name 催收").Single().Text("Severity"));
        }

        [Fact]
        public void Runspace_scenario_and_traffic_rows_piped_together()
        {
            var r = _ps.Run(@"
                $s = [ComplianceTools.Core.Workbook.Sheets.ScenarioRow]@{ Scenario = '催收'; AllowedFrom = '08:00'; AllowedTo = '21:00' }
                $t = [ComplianceTools.Core.Workbook.Sheets.TrafficRow]@{ Month = '2025-03'; DisplayNumber = '95123'; Scenario = '催收'; OutboundCalls = 500; CallsInForbiddenWindow = 4 }
                $s, $t | Test-CallingWindow").ThrowOnError();
            var f = Assert.Single(r.Output);
            Assert.Equal("Red", f.Text("Severity"));
            Assert.Equal(4.0, (double)f.Prop("Value"));
        }

        [Fact]
        public void Runspace_a_time_that_is_not_HH_mm_is_a_clear_error()
        {
            var error = Assert.Single(_ps.Run("Test-CallingWindow -AllowedFrom 25:00 -AllowedTo 08:00").AllErrors);
            Assert.Equal("ComplianceTools.Scenarios.TimeInvalid,ComplianceTools.Commands.Scenarios.TestCallingWindowCommand", error.FullyQualifiedErrorId);
        }
    }
}
