using System.Linq;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Data
{
    /// <summary>Compare-CallVolume in a real runspace: the guide's 120M / 90M / 150M is Red, 0.7% is Green.</summary>
    public sealed class CompareCallVolumeTests : System.IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void The_guides_three_volumes_are_red_against_the_carrier_statement()
        {
            var r = _ps.Run("Compare-CallVolume -Volume @{Platform=120000000; Carrier=90000000; PrivacyNumber=150000000}").ThrowOnError();
            Assert.Equal(2, r.Output.Count);
            Assert.All(r.Output, f => Assert.Equal("Red", f.Text("Severity")));
            var platform = r.Output.Single(f => f.Text("Subject") == "Platform vs Carrier");
            Assert.Equal("33.3333%", platform.Text("ValueText"));
            Assert.Equal("> 5%", platform.Text("ThresholdText"));
        }

        [Fact]
        public void After_clean_up_a_0_7_percent_difference_is_green()
        {
            var f = _ps.Run("Compare-CallVolume -Volume @{Platform=90630000; Carrier=90000000} -Reference Carrier").Single();
            Assert.Equal("Green", f.Text("Severity"));
            Assert.Equal("0.7%", f.Text("ValueText"));
        }

        [Fact]
        public void Revenue_rows_built_in_the_runspace_are_compared_per_year()
        {
            var r = _ps.Run(@"
                $rows = 1..12 | ForEach-Object { [ComplianceTools.Core.Workbook.Sheets.RevenueRow]@{ Month = '2025-{0:00}' -f $_; PlatformCalls = 10000000; CarrierCalls = 7500000; PrivacyNumberCalls = 12500000 } }
                $rows | Compare-CallVolume -Reference Platform").ThrowOnError();
            Assert.Equal(2, r.Output.Count);
            var carrier = r.Output.Single(f => f.Text("Subject") == "Carrier vs Platform");
            Assert.Equal(0.25, (double)carrier.Prop("Value"), 10);
            Assert.Equal("2025", carrier.Text("Period"));
            Assert.Equal("Red", carrier.Text("Severity"));
        }

        [Fact]
        public void An_unknown_source_is_a_clear_error()
        {
            var r = _ps.Run("Compare-CallVolume -Volume @{CRM=1; Carrier=1}");
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Data.UnknownSource,ComplianceTools.Commands.Data.CompareCallVolumeCommand", error.FullyQualifiedErrorId);
            Assert.Contains("'CRM'", error.Exception.Message);
        }

        [Fact]
        public void A_baseline_may_change_the_default_reference()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string baseline = tmp.File("ref.json");
                System.IO.File.WriteAllText(baseline, "{ \"rules\": { \"DATA-001\": { \"parameters\": { \"reference\": \"PrivacyNumber\" } } } }");
                var f = _ps.Run("Compare-CallVolume -Volume @{Platform=120; PrivacyNumber=150} -Baseline $args[0]", baseline).Single();
                Assert.Equal("Platform vs PrivacyNumber", f.Text("Subject"));
                Assert.Equal(0.2, (double)f.Prop("Value"), 10);
            }
        }

        [Fact]
        public void A_row_with_a_bad_month_is_an_error_naming_it_and_the_other_rows_are_still_compared()
        {
            var r = _ps.Run(@"
                [ComplianceTools.Core.Workbook.Sheets.RevenueRow]@{ Month = '2025-01'; PlatformCalls = 100; CarrierCalls = 100 },
                [ComplianceTools.Core.Workbook.Sheets.RevenueRow]@{ Month = 'Jan'; PlatformCalls = 500; CarrierCalls = 100 } | Compare-CallVolume");
            var error = Assert.Single(r.Errors);
            Assert.Equal("ComplianceTools.Data.MonthInvalid,ComplianceTools.Commands.Data.CompareCallVolumeCommand", error.FullyQualifiedErrorId);
            Assert.Contains("'Jan'", error.Exception.Message);
            var f = Assert.Single(r.Output);
            Assert.Equal("Green", f.Text("Severity"));
        }

        [Fact]
        public void A_workbook_without_the_revenue_sheet_gives_a_skipped_finding_naming_the_sheet_as_the_audit_does()
        {
            var r = _ps.Run("[ComplianceTools.Core.Workbook.ComplianceDataset]@{ Path = 'annual.xlsx' } | Compare-CallVolume");
            Assert.Empty(r.AllErrors);
            var f = Assert.Single(r.Output);
            Assert.Equal("DATA-001", f.Text("RuleId"));
            Assert.Equal("Skipped", f.Text("Status"));
            Assert.Contains("Revenue (收入与结算)", f.Text("Reason"));
            Assert.Equal("DATA-001|annual|", f.Text("Key"));
        }
    }
}
