using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Credit;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Credit
{
    /// <summary>CRED-001: Red below 80; the complaint rate and real-name pass rate are shown beside the score.</summary>
    public sealed class CreditScoreTests : System.IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public CreditScoreTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void The_workbook_gives_the_score_and_the_complaint_rate_from_complaints_and_traffic()
        {
            var dataset = new ComplianceDataset
            {
                Company = new CompanyProfile { CompanyName = "Acme", CreditScore = 78, RealNameSpotCheckPassRate = 0.96 },
                Complaints = new[]
                {
                    new ComplaintRow { TicketId = "T1", Source = ComplaintChannel.C12321 },
                    new ComplaintRow { TicketId = "T2", Source = ComplaintChannel.C12300 },
                    new ComplaintRow { TicketId = "T3", Source = ComplaintChannel.Own },
                },
                Traffic = new[] { new TrafficRow { Month = "2025-01", DisplayNumber = "95123", OutboundCalls = 10_000 } },
            };
            var result = ComplianceTools.Core.Audit.AuditRunner.Run(ComplianceTools.Core.Audit.AuditChecks.Discover(typeof(CreditScore).Assembly), dataset, CatalogLoader.Default, new[] { CreditScore.Id });
            Finding f = Assert.Single(result.Findings);
            Assert.Equal(Severity.Red, f.Severity);
            Assert.Equal(0.0002, f.Evidence.Single(e => e.Subject == "ComplaintRate").Value.Value, 12);   // 12321 + 12300: 2 of 10,000 calls
            Assert.Equal(0.96, f.Evidence.Single(e => e.Subject == "RealNameSpotCheckPassRate").Value.Value, 12);
        }

        [Fact]
        public void The_complaint_rate_behind_the_score_counts_the_channels_cmpl_001_counts()
        {
            using var tmp = ComplianceTools.Tests.Infrastructure.Paths.NewTempFolder();
            string baseline = tmp.File("own.json");
            System.IO.File.WriteAllText(baseline, "{ \"rules\": { \"CMPL-001\": { \"parameters\": { \"channels\": [\"12321\", \"12300\", \"Own\"] } } } }");
            var dataset = new ComplianceDataset
            {
                Company = new CompanyProfile { CompanyName = "Acme", CreditScore = 85 },
                Complaints = new[] { new ComplaintRow { TicketId = "T1", Source = ComplaintChannel.C12321 }, new ComplaintRow { TicketId = "T3", Source = ComplaintChannel.Own } },
                Traffic = new[] { new TrafficRow { Month = "2025-01", DisplayNumber = "95123", OutboundCalls = 10_000 } },
            };
            var result = ComplianceTools.Core.Audit.AuditRunner.Run(ComplianceTools.Core.Audit.AuditChecks.Discover(typeof(CreditScore).Assembly), dataset, CatalogLoader.Load(new[] { baseline }), new[] { CreditScore.Id });
            Assert.Equal(0.0002, Assert.Single(result.Findings).Evidence.Single(e => e.Subject == "ComplaintRate").Value.Value, 12);
        }

        [Fact]
        public void Runspace_80_is_green_and_79_9_red_with_the_two_rates_shown()
        {
            Assert.Equal("Green", _ps.Run("Test-CreditScore -Score 80").Single().Text("Severity"));
            var red = _ps.Run("Test-CreditScore -Score 79.9 -ComplaintRate 0.00015 -RealNamePassRate 0.92").Single();
            Assert.Equal("Red", red.Text("Severity"));
            Assert.Equal("< 80", red.Text("ThresholdText"));
            Assert.Contains("complaint rate 0.015%", red.Text("Reason"));
            Assert.Contains("pass rate 92%", red.Text("Reason"));
        }

        [Fact]
        public void Runspace_a_workbook_without_a_score_is_skipped_with_the_reason()
        {
            var f = _ps.Run("[ComplianceTools.Core.Workbook.ComplianceDataset]@{ Company = [ComplianceTools.Core.Workbook.Sheets.CompanyProfile]@{ CompanyName = 'Acme' } } | Test-CreditScore").Single();
            Assert.Equal("Skipped", f.Text("Outcome"));
            Assert.Contains("credit score", f.Text("Reason"));
        }
    }
}
