using System.Globalization;
using System.IO;
using ComplianceTools.Core.Filing;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Filing
{
    /// <summary>ALG-001: AI declared where used, and a 网信算备…号 rather than an ICP, licence or public-security number.</summary>
    public sealed class AlgorithmFilingTests : System.IDisposable
    {
        private const string RealForm = "网信算备110108123456701240011号";
        private readonly ModuleSession _ps = new ModuleSession();

        public AlgorithmFilingTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose() => _ps.Dispose();

        private static Core.Rules.RuleDefinition Rule => CatalogLoader.Default.Get(AlgorithmFiling.Id);

        [Theory]
        [InlineData("网信算备110108123456701240011号", null)]
        [InlineData("网信算备 330110507206401230035 号", null)]
        [InlineData("京ICP备12345678号-1", "website ICP filing number")]
        [InlineData("粤ICP备2021012345号", "website ICP filing number")]
        [InlineData("京ICP证030173号", "ICP or value-added telecom licence number")]
        [InlineData("京B2-20191234", "ICP or value-added telecom licence number")]
        [InlineData("B2-20191234", "ICP or value-added telecom licence number")]
        [InlineData("京公网安备 11010802020174号", "public-security filing number")]
        [InlineData("Beijing-YunQue-20230821", "generative-AI service registration number")]
        [InlineData("网信算备12345号", "does not have its form")]
        public void The_shipped_patterns_tell_the_algorithm_number_from_the_numbers_entered_in_its_place(string number, string expected)
        {
            string problem = AlgorithmFiling.Judge(Rule, number);
            if (expected == null)
            {
                Assert.Null(problem);
            }
            else
            {
                Assert.Contains(expected, problem);
                Assert.Contains(number, problem);
            }
        }

        [Fact]
        public void Ai_seats_without_the_capability_declared_are_red()
        {
            var dataset = new ComplianceDataset
            {
                Company = new CompanyProfile { CompanyName = "Acme", AiCapabilityDeclared = YesNo.No, AlgorithmFilingNumber = RealForm },
                Seats = new[] { new SeatRow { SeatId = "A1", SeatType = SeatType.AI }, new SeatRow { SeatId = "P1", SeatType = SeatType.Physical } },
                Traffic = new[] { new TrafficRow { Month = "2025-01", DisplayNumber = "95123", AiOutboundCalls = 3000 } },
            };
            Finding f = AlgorithmFiling.Check(Rule, dataset, "Acme", "2025");
            Assert.Equal(Severity.Red, f.Severity);
            Assert.Contains("1 AI seats and 3,000 AI outbound calls", f.Reason);
        }

        [Fact]
        public void No_ai_at_all_is_not_applicable()
        {
            Finding f = AlgorithmFiling.Check(Rule, false, 0, 0, null);
            Assert.Equal(Outcome.NotApplicable, f.Outcome);
        }

        [Fact]
        public void Runspace_an_icp_number_in_place_of_the_algorithm_number_is_red_and_named()
        {
            var f = _ps.Run("Test-AlgorithmFiling -AiCapability $true -AiSeats 20 -FilingNumber '京ICP备12345678号-1'").Single();
            Assert.Equal("Red", f.Text("Severity"));
            Assert.Contains("'京ICP备12345678号-1'", f.Text("Reason"));
            Assert.Contains("website ICP filing number", f.Text("Reason"));
        }

        [Fact]
        public void Runspace_the_icp_message_names_the_number_kind_in_chinese_too()
        {
            using (var zh = new ModuleSession("zh-CN"))
            {
                var f = zh.Run("Test-AlgorithmFiling -AiCapability $true -AiSeats 20 -FilingNumber '京ICP备12345678号-1'").Single();
                Assert.Contains("网站ICP备案号", f.Text("Reason"));
            }
        }

        [Fact]
        public void Runspace_a_real_algorithm_filing_number_is_green_and_a_missing_one_red()
        {
            Assert.Equal("Green", _ps.Run("Test-AlgorithmFiling -AiCapability $true -AiSeats 20 -FilingNumber $args[0]", RealForm).Single().Text("Severity"));
            Assert.Equal("Red", _ps.Run("Test-AlgorithmFiling -AiCapability $true -AiSeats 20").Single().Text("Severity"));
        }

        [Fact]
        public void Runspace_a_baseline_may_replace_the_pattern()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string baseline = tmp.File("alg.json");
                File.WriteAllText(baseline, "{ \"rules\": { \"ALG-001\": { \"parameters\": { \"algorithmPattern\": \"^网信算备\\\\d{10,30}号$\" } } } }");
                Assert.Equal("Green", _ps.Run("Test-AlgorithmFiling -AiCapability $true -FilingNumber '网信算备1234567890号' -Baseline $args[0]", baseline).Single().Text("Severity"));
            }
        }
    }
}
