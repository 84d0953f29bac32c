using System;
using System.Globalization;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Penalties;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Penalties
{
    /// <summary>PEN-001: penalties of the last 3 years each have a rectification report and are closed.</summary>
    public sealed class PenaltyRectificationTests : IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public PenaltyRectificationTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void An_open_penalty_within_three_years_is_yellow_and_an_older_one_is_out_of_scope()
        {
            var rows = new[]
            {
                new PenaltyRow { DecisionNumber = "京通管罚〔2023〕12号", Authority = "北京市通信管理局", DecisionDate = new DateTime(2023, 3, 1), RectificationReport = "rect-12.pdf", Status = PenaltyStatus.Closed },
                new PenaltyRow { DecisionNumber = "京市监罚〔2024〕7号", Authority = "市场监管局", DecisionDate = new DateTime(2024, 6, 1), Status = PenaltyStatus.Open },
                new PenaltyRow { DecisionNumber = "京通管罚〔2021〕3号", DecisionDate = new DateTime(2021, 12, 31), Status = PenaltyStatus.Open },
            };
            Finding f = PenaltyRectification.Check(CatalogLoader.Default.Get(PenaltyRectification.Id), rows, new DateTime(2025, 2, 1));
            // The penalty list is an optional attachment of the report (guide A): a gap is Yellow, see docs/rules.md.
            Assert.Equal(Severity.Yellow, f.Severity);
            Assert.Equal(1, f.Value);
            EvidenceItem e = Assert.Single(f.Evidence);
            Assert.Equal("京市监罚〔2024〕7号", e.Subject);
            Assert.Contains("no rectification report", e.Detail);
            Assert.Contains("not shown as 已整改完成", e.Detail);
        }

        [Fact]
        public void A_baseline_can_make_an_open_penalty_blocking()
        {
            using var tmp = Paths.NewTempFolder();
            string baseline = tmp.File("strict.json");
            System.IO.File.WriteAllText(baseline, "{ \"rules\": { \"PEN-001\": { \"severity\": \"Red\" } } }");
            var rows = new[] { new PenaltyRow { DecisionNumber = "P9", DecisionDate = new DateTime(2024, 6, 1), Status = PenaltyStatus.Open } };
            var rule = CatalogLoader.Load(new[] { baseline }).Get(PenaltyRectification.Id);
            Assert.Equal(Severity.Red, PenaltyRectification.Check(rule, rows, new DateTime(2025, 2, 1)).Severity);
        }

        [Fact]
        public void Runspace_all_closed_with_reports_is_green_and_one_without_report_yellow()
        {
            const string Rows = @"
                $a = [ComplianceTools.Core.Workbook.Sheets.PenaltyRow]@{ DecisionNumber = 'P1'; DecisionDate = [datetime]'2024-05-01'; RectificationReport = 'P1-rect.pdf'; Status = 'Closed' }
                $b = [ComplianceTools.Core.Workbook.Sheets.PenaltyRow]@{ DecisionNumber = 'P2'; DecisionDate = [datetime]'2023-05-01'; RectificationReport = $args[0]; Status = 'Closed' }
                $a, $b | Test-PenaltyRectification -AsOf ([datetime]'2025-02-01')";
            Assert.Equal("Green", _ps.Run(Rows, "P2-rect.pdf").Single().Text("Severity"));
            var yellow = _ps.Run(Rows, string.Empty).Single();
            Assert.Equal("Yellow", yellow.Text("Severity"));
            Assert.Equal("1", yellow.Text("ValueText"));
        }
    }
}
