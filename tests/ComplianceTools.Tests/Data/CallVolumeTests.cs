using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Data;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Rules;

namespace ComplianceTools.Tests.Data
{
    /// <summary>DATA-001 engine: difference = |source − reference| / reference, Red above 5%.</summary>
    public sealed class CallVolumeTests
    {
        public CallVolumeTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        private static Core.Rules.RuleDefinition Rule => CatalogLoader.Default.Get(CallVolume.RuleId);

        [Fact]
        public void The_guides_case_120M_90M_150M_is_red_for_both_sources_against_the_carrier()
        {
            var findings = CallVolume.Check(Rule, new Dictionary<string, double> { ["Platform"] = 120_000_000, ["Carrier"] = 90_000_000, ["PrivacyNumber"] = 150_000_000 });
            Assert.Equal(2, findings.Count);
            Finding platform = findings.Single(f => f.Subject == "Platform vs Carrier");
            Finding privacy = findings.Single(f => f.Subject == "PrivacyNumber vs Carrier");
            Assert.Equal(30.0 / 90, platform.Value.Value, 10);
            Assert.Equal(60.0 / 90, privacy.Value.Value, 10);
            Assert.All(findings, f => Assert.Equal(Severity.Red, f.Severity));
        }

        [Fact]
        public void A_difference_of_0_7_percent_is_green()
        {
            var f = Assert.Single(CallVolume.Check(Rule, new Dictionary<string, double> { ["Platform"] = 90_630_000, ["Carrier"] = 90_000_000 }));
            Assert.Equal(0.007, f.Value.Value, 10);
            Assert.Equal(Severity.Green, f.Severity);
        }

        [Fact]
        public void Exactly_5_percent_is_green_and_just_above_is_red()
        {
            Assert.Equal(Severity.Green, CallVolume.Check(Rule, new Dictionary<string, double> { ["Platform"] = 105, ["Carrier"] = 100 })[0].Severity);
            Assert.Equal(Severity.Red, CallVolume.Check(Rule, new Dictionary<string, double> { ["Platform"] = 105.01, ["Carrier"] = 100 })[0].Severity);
            Assert.Equal(Severity.Red, CallVolume.Check(Rule, new Dictionary<string, double> { ["Platform"] = 94.99, ["Carrier"] = 100 })[0].Severity);
        }

        [Fact]
        public void Another_reference_divides_by_that_source()
        {
            var findings = CallVolume.Check(Rule, new Dictionary<string, double> { ["Platform"] = 120, ["Carrier"] = 90 }, "Platform");
            Finding f = Assert.Single(findings);
            Assert.Equal("Carrier vs Platform", f.Subject);
            Assert.Equal(0.25, f.Value.Value, 10);
        }

        [Fact]
        public void Monthly_rows_give_a_yearly_finding_with_each_month_as_evidence_and_monthly_findings_on_request()
        {
            var rows = Enumerable.Range(1, 12).Select(m => new RevenueRow
            {
                Month = "2025-" + m.ToString("00", CultureInfo.InvariantCulture),
                PlatformCalls = m == 3 ? 1_100_000 : 1_007_000,
                CarrierCalls = 1_000_000,
            }).ToList();

            Finding year = Assert.Single(CallVolume.Check(Rule, rows));
            Assert.Equal("2025", year.Period);
            Assert.Equal(12, year.Evidence.Count);
            Assert.Equal((11 * 7_000 + 100_000) / 12_000_000.0, year.Value.Value, 10);
            Assert.Equal(Severity.Green, year.Severity);

            var withMonths = CallVolume.Check(Rule, rows, byMonth: true);
            Assert.Equal(13, withMonths.Count);
            Finding march = withMonths.Single(f => f.Period == "2025-03");
            Assert.Equal(Severity.Red, march.Severity);
            Assert.Equal(0.10, march.Value.Value, 10);
        }

        [Fact]
        public void Months_missing_in_one_source_are_left_out_of_the_year_and_said_so()
        {
            var rows = new[]
            {
                new RevenueRow { Month = "2025-01", PlatformCalls = 100, CarrierCalls = 100 },
                new RevenueRow { Month = "2025-02", PlatformCalls = 100 },
            };
            Finding f = Assert.Single(CallVolume.Check(Rule, rows));
            Assert.Equal(0, f.Value.Value, 10);
            Assert.Contains("1 of 2 months", f.Reason);
        }

        [Fact]
        public void Finance_revenue_is_held_against_the_declared_number_revenue()
        {
            var rows = new[] { new RevenueRow { Month = "2025-01", FinanceRevenue = 880_000, NumberRevenue = 1_000_000 } };
            Finding f = Assert.Single(CallVolume.Check(Rule, rows));
            Assert.Equal("FinanceRevenue vs NumberRevenue", f.Subject);
            Assert.Equal(0.12, f.Value.Value, 10);
            Assert.Equal(Severity.Red, f.Severity);
        }

        [Fact]
        public void A_month_not_of_the_form_yyyy_MM_is_an_error_naming_it()
        {
            var ex = Assert.Throws<ComplianceException>(() => CallVolume.Check(Rule, new[] { new RevenueRow { Month = "March", PlatformCalls = 1, CarrierCalls = 1 } }));
            Assert.Equal("ComplianceTools.Data.MonthInvalid", ex.ErrorId);
            Assert.Contains("March", ex.Message);
        }
    }
}
