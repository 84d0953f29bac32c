using System.Linq;
using System.Management.Automation;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Systems
{
    /// <summary>SYS-001 (logs ≥ 6 months back from the check date) and SYS-002 (capabilities on record) through a real runspace.</summary>
    public sealed class SystemsTests : System.IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void Logs_since_1_september_checked_on_1_march_are_six_months_and_green()
        {
            var f = _ps.Run("Test-LogRetention -CallLogsSince '2025-09-01' -GatewayLogsSince '2025-08-15' -AsOf '2026-03-01'").Single();
            Assert.Equal("SYS-001", f.Text("RuleId"));
            Assert.Equal(6.0, (double)f.Prop("Value"));
            Assert.Equal("Green", f.Text("Severity"));
        }

        [Fact]
        public void Logs_since_2_september_are_five_whole_months_and_red()
        {
            var f = _ps.Run("Test-LogRetention -CallLogsSince '2025-09-02' -GatewayLogsSince '2025-01-01' -AsOf '2026-03-01'").Single();
            Assert.Equal(5.0, (double)f.Prop("Value"));
            Assert.Equal("Red", f.Text("Severity"));
            Assert.Equal("< 6 mo", f.Text("ThresholdText"));
        }

        [Fact]
        public void A_readiness_sheet_without_the_gateway_date_is_at_least_yellow()
        {
            var f = _ps.Run("[ComplianceTools.Core.Workbook.Sheets.Readiness]@{ CallLogsSince = '2025-01-01' } | Test-LogRetention -AsOf '2026-03-01'").Single();
            Assert.Equal("Yellow", f.Text("Severity"));
            Assert.Equal(14.0, (double)f.Prop("Value"));
        }

        [Fact]
        public void No_log_date_at_all_is_an_error()
        {
            var r = _ps.Run("Test-LogRetention");
            Assert.Equal("ComplianceTools.Systems.LogDatesMissing,ComplianceTools.Commands.Systems.TestLogRetentionCommand", Assert.Single(r.AllErrors).FullyQualifiedErrorId);
        }

        [Fact]
        public void With_ai_robots_every_capability_on_record_is_green()
        {
            var f = _ps.Run("[ComplianceTools.Core.Workbook.Sheets.Readiness]@{ ComplaintButton = 'Yes'; AiIntentRecognition = 'Yes'; AiHumanHandover = 'Yes'; PredictiveDialling = 'Yes'; PredictiveDiallingDeclared = 'Yes' } | Test-SystemCapability -UsesAi").Single();
            Assert.Equal("SYS-002", f.Text("RuleId"));
            Assert.Equal(0.0, (double)f.Prop("Value"));
            Assert.Equal("Green", f.Text("Severity"));
        }

        [Fact]
        public void With_ai_robots_a_missing_hand_over_to_a_human_is_red()
        {
            var f = _ps.Run("[ComplianceTools.Core.Workbook.Sheets.Readiness]@{ ComplaintButton = 'Yes'; AiIntentRecognition = 'Yes'; AiHumanHandover = 'No'; PredictiveDialling = 'No' } | Test-SystemCapability -UsesAi").Single();
            Assert.Equal(1.0, (double)f.Prop("Value"));
            Assert.Equal("Red", f.Text("Severity"));
            Assert.Contains("AI immediate hand-over to a human", f.Text("Reason"));
        }

        [Fact]
        public void Without_ai_robots_the_ai_part_is_not_applicable_and_undeclared_predictive_dialling_is_red()
        {
            var f = _ps.Run("[ComplianceTools.Core.Workbook.Sheets.Readiness]@{ ComplaintButton = 'Yes'; AiHumanHandover = 'No'; PredictiveDialling = 'Yes'; PredictiveDiallingDeclared = 'No' } | Test-SystemCapability").Single();
            Assert.Equal(1.0, (double)f.Prop("Value"));
            Assert.Equal("Red", f.Text("Severity"));
            var evidence = ((System.Collections.IEnumerable)f.Prop("Evidence")).Cast<object>().Select(PSObject.AsPSObject).ToList();
            Assert.StartsWith("not applicable", evidence.Single(e => e.Text("Subject") == "AI immediate hand-over to a human").Text("Detail"));
        }
    }
}
