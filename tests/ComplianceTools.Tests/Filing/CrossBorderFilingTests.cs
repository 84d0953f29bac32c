using System.Globalization;
using System.IO;
using ComplianceTools.Core.Filing;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Filing
{
    /// <summary>XB-001: with overseas seats the access numbers, gateways, return path and CAC number are each required.</summary>
    public sealed class CrossBorderFilingTests : System.IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public CrossBorderFilingTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose() => _ps.Dispose();

        private static CompanyProfile Complete() => new CompanyProfile
        {
            CompanyName = "Acme",
            HasOverseasSeats = YesNo.Yes,
            OverseasAccessNumbers = "+852 3000 0000",
            LandingGateways = "GW-SZ-01",
            DataReturnPath = "HK cloud → Shenzhen IDC",
            CacFilingNumber = "CAC-2025-0001",
        };

        [Fact]
        public void Without_overseas_seats_the_rule_does_not_apply()
        {
            Finding f = CrossBorderFiling.Check(CatalogLoader.Default.Get("XB-001"), new CompanyProfile { HasOverseasSeats = YesNo.No }, new[] { new SeatRow { SeatId = "1", Location = SeatLocation.Domestic } });
            Assert.Equal(Outcome.NotApplicable, f.Outcome);
        }

        [Fact]
        public void Each_missing_item_counts_and_undeclared_overseas_seats_count_too()
        {
            var company = Complete();
            company.HasOverseasSeats = YesNo.No;
            company.CacFilingNumber = null;
            company.DataReturnPath = " ";
            Finding f = CrossBorderFiling.Check(CatalogLoader.Default.Get("XB-001"), company, new[] { new SeatRow { SeatId = "1", Location = SeatLocation.Overseas, SeatType = SeatType.Cloud } });
            Assert.Equal(Severity.Red, f.Severity);
            Assert.Equal(3, f.Value);   // undeclared overseas seats, no data return path, and no CAC number with an overseas cloud seat
        }

        [Fact]
        public void As_the_guide_says_the_cac_number_is_asked_for_only_with_overseas_cloud_seats_unless_a_baseline_asks_for_all()
        {
            var company = Complete();
            company.CacFilingNumber = null;
            var physical = new[] { new SeatRow { SeatId = "1", Location = SeatLocation.Overseas, SeatType = SeatType.Physical } };
            Assert.Equal(FindingStatus.Green, CrossBorderFiling.Check(CatalogLoader.Default.Get("XB-001"), company, physical).Status);

            using var tmp = Paths.NewTempFolder();
            string baseline = tmp.File("strict.json");
            System.IO.File.WriteAllText(baseline, "{ \"rules\": { \"XB-001\": { \"parameters\": { \"cacRequiredFor\": \"allOverseas\" } } } }");
            Finding strict = CrossBorderFiling.Check(CatalogLoader.Load(new[] { baseline }).Get("XB-001"), company, physical);
            Assert.Equal(FindingStatus.Red, strict.Status);
            Assert.Equal(1, strict.Value);
        }

        private const string CompanyScript = @"$company = [ComplianceTools.Core.Workbook.Sheets.CompanyProfile]@{
                CompanyName = 'Acme'; HasOverseasSeats = 'Yes'; OverseasAccessNumbers = '+852 3000 0000'
                LandingGateways = 'GW-SZ-01'; DataReturnPath = 'HK cloud to Shenzhen IDC'; CacFilingNumber = 'CAC-2025-0001' }
            ";

        [Fact]
        public void Runspace_complete_is_green_and_a_missing_cac_number_red()
        {
            Assert.Equal("Green", _ps.Run(CompanyScript + "$company | Test-CrossBorderFiling").Single().Text("Severity"));
            var red = _ps.Run(CompanyScript + "$company.CacFilingNumber = $null; $company | Test-CrossBorderFiling").Single();
            Assert.Equal("Red", red.Text("Severity"));
            Assert.Contains("CAC filing number", red.Text("Reason"));
        }

        [Fact]
        public void Runspace_the_guides_literal_reading_asks_the_cac_number_only_for_overseas_cloud_seats()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string baseline = tmp.File("literal.json");
                File.WriteAllText(baseline, "{ \"rules\": { \"XB-001\": { \"parameters\": { \"cacRequiredFor\": \"overseasCloudSeats\" } } } }");
                string script = CompanyScript + "$company.CacFilingNumber = $null; $company, [ComplianceTools.Core.Workbook.Sheets.SeatRow]@{ SeatId = 'HK1'; Location = 'Overseas'; SeatType = $args[1] } | Test-CrossBorderFiling -Baseline $args[0]";
                Assert.Equal("Green", _ps.Run(script, baseline, "Physical").Single().Text("Severity"));
                Assert.Equal("Red", _ps.Run(script, baseline, "Cloud").Single().Text("Severity"));
            }
        }
    }
}
