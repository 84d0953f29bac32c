using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Revenue;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Revenue
{
    /// <summary>REV-001: number revenue / settlement invoices, Red below 80% (the guide's 转租转售 line).</summary>
    public sealed class RevenueConsistencyTests : System.IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public RevenueConsistencyTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void Eighty_percent_is_green_and_just_below_is_red()
        {
            var rule = CatalogLoader.Default.Get(RevenueConsistency.Id);
            Assert.Equal(Severity.Green, RevenueConsistency.Check(rule, 800_000, 1_000_000).Severity);
            Finding red = RevenueConsistency.Check(rule, 799_999, 1_000_000);
            Assert.Equal(Severity.Red, red.Severity);
            Assert.Equal(0.799999, red.Value.Value, 10);
        }

        [Fact]
        public void The_year_sums_the_months_and_lists_each_as_evidence()
        {
            var rule = CatalogLoader.Default.Get(RevenueConsistency.Id);
            var rows = new[]
            {
                new RevenueRow { Month = "2025-01", NumberRevenue = 90, SettlementInvoiced = 100 },
                new RevenueRow { Month = "2025-02", NumberRevenue = 60, SettlementInvoiced = 100 },
            };
            var findings = RevenueConsistency.Check(rule, rows, "Acme", byMonth: true);
            Finding year = findings.Single(f => f.Period == "2025");
            Assert.Equal(0.75, year.Value.Value, 10);
            Assert.Equal(Severity.Red, year.Severity);
            Assert.Equal(2, year.Evidence.Count);
            Assert.Equal(Severity.Green, findings.Single(f => f.Period == "2025-01").Severity);
            Assert.Equal(Severity.Red, findings.Single(f => f.Period == "2025-02").Severity);
        }

        [Fact]
        public void Runspace_figures_on_both_sides_of_80_percent()
        {
            Assert.Equal("Green", _ps.Run("Test-RevenueConsistency -NumberRevenue 8000000 -SettlementInvoiced 10000000").Single().Text("Severity"));
            var red = _ps.Run("Test-RevenueConsistency -NumberRevenue 7900000 -SettlementInvoiced 10000000").Single();
            Assert.Equal("Red", red.Text("Severity"));
            Assert.Equal("79%", red.Text("ValueText"));
            Assert.Equal("< 80%", red.Text("ThresholdText"));
        }

        [Fact]
        public void Runspace_rows_give_monthly_findings_with_ByMonth()
        {
            var r = _ps.Run(@"
                [ComplianceTools.Core.Workbook.Sheets.RevenueRow]@{ Month = '2025-01'; NumberRevenue = 500; SettlementInvoiced = 1000 },
                [ComplianceTools.Core.Workbook.Sheets.RevenueRow]@{ Month = '2025-02'; NumberRevenue = 1500; SettlementInvoiced = 1000 } | Test-RevenueConsistency -ByMonth").ThrowOnError();
            Assert.Equal(3, r.Output.Count);
            Assert.Equal("Green", r.Output.Single(f => f.Text("Period") == "2025").Text("Severity"));
            Assert.Equal("Red", r.Output.Single(f => f.Text("Period") == "2025-01").Text("Severity"));
        }

        [Fact]
        public void No_settlement_invoices_is_a_clear_error()
        {
            var error = Assert.Single(_ps.Run("Test-RevenueConsistency -NumberRevenue 1 -SettlementInvoiced 0").AllErrors);
            Assert.Equal("ComplianceTools.Revenue.NoSettlement,ComplianceTools.Commands.Revenue.TestRevenueConsistencyCommand", error.FullyQualifiedErrorId);
        }
    }
}
