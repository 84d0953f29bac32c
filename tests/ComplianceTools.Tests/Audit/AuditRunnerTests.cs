using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Engine.Rules;

namespace ComplianceTools.Tests.Audit
{
    /// <summary>The audit runner in Core, without a runspace.</summary>
    public sealed class AuditRunnerTests
    {
        private static readonly IReadOnlyList<RuleCheck> s_checks = AuditChecks.Discover(typeof(RuleCheck).Assembly, typeof(CatalogLoader).Assembly);

        [Fact]
        public void Discovery_finds_one_class_per_catalog_rule_ordered_by_rule_id()
        {
            var ids = s_checks.Select(c => c.RuleId).ToList();
            Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), ids);
            Assert.Equal(CatalogLoader.Default.Rules.Count(), ids.Distinct().Count());
            Assert.All(CatalogLoader.Default.Rules, r => Assert.Contains(r.Id, ids));
        }

        [Fact]
        public void Two_classes_claiming_one_rule_are_refused_by_name()
        {
            var ex = Assert.Throws<InvalidOperationException>(() => AuditChecks.Discover(typeof(RuleCheck).Assembly, typeof(CatalogLoader).Assembly, typeof(AuditRunnerTests).Assembly));
            Assert.Contains("SEAT-001", ex.Message);
            Assert.Contains(typeof(DuplicateSeatCheck).FullName, ex.Message);
        }

        [Fact]
        public void A_readiness_form_never_filled_in_skips_its_rules_instead_of_judging_every_empty_field_red()
        {
            // An onboarded client's template: the company is there, the readiness form has its labels and no value.
            var blank = new Core.Workbook.ComplianceDataset
            {
                Company = new Core.Workbook.Sheets.CompanyProfile { CompanyName = "空白丙", ReportYear = 2026 },
                Readiness = new Core.Workbook.Sheets.Readiness(),
            };
            var findings = AuditRunner.Run(s_checks, blank, CatalogLoader.Default, new[] { "SYS-001", "SYS-002" }, new DateTime(2026, 12, 5)).Findings;
            Assert.Equal(2, findings.Count);
            Assert.All(findings, f =>
            {
                Assert.Equal(FindingStatus.Skipped, f.Status);
                Assert.Equal("the sheet Readiness (检查准备) is blank: nothing on it is filled in yet", f.Reason);
            });

            // One field filled in is an answer: the other empty fields are judged as before (a missing log date is Yellow).
            blank.Readiness.ComplaintButton = Core.Workbook.Sheets.YesNo.Yes;
            var partial = AuditRunner.Run(s_checks, blank, CatalogLoader.Default, new[] { "SYS-001", "SYS-002" }, new DateTime(2026, 12, 5)).Findings;
            Assert.Equal(FindingStatus.Yellow, partial.Single(f => f.RuleId == "SYS-001").Status);
            Assert.Equal(FindingStatus.Red, partial.Single(f => f.RuleId == "SYS-002").Status);
        }

        [Fact]
        public void Progress_reports_each_check_in_turn_with_its_rule_ids()
        {
            var seen = new List<AuditProgress>();
            AuditRunner.Run(s_checks, InspectionSamples.Varied(), CatalogLoader.Default, new[] { "SYS-001", "SYS-002", "CMPL-003" }, progress: seen.Add);
            Assert.Equal(new[] { 1, 2, 3 }, seen.Select(p => p.Index).ToArray());
            Assert.All(seen, p => Assert.Equal(3, p.Count));
            Assert.Equal(new[] { "CMPL-003" }, seen[0].RuleIds);
            Assert.Equal(new[] { "SYS-001" }, seen[1].RuleIds);
        }

        [Fact]
        public void Only_the_selected_rule_is_written()
        {
            var result = AuditRunner.Run(s_checks, InspectionSamples.Varied(), CatalogLoader.Default, new[] { "CMPL-003" });
            Assert.Equal(new[] { "CMPL-003" }, result.Findings.Select(f => f.RuleId).Distinct().ToArray());
        }

        [Fact]
        public void Rules_without_a_check_are_listed_as_unchecked_not_as_passed()
        {
            var result = AuditRunner.Run(s_checks.Where(c => c.RuleId != "SYS-002").ToList(), InspectionSamples.Varied(), CatalogLoader.Default);
            Assert.Equal(new[] { "SYS-002" }, result.Summary.Unchecked);
            Assert.DoesNotContain(result.Findings, f => f.RuleId == "SYS-002");
        }

        [Fact]
        public void A_check_that_meets_a_problem_is_skipped_with_the_problem_and_the_audit_goes_on()
        {
            var dataset = InspectionSamples.Varied();
            dataset.Traffic = dataset.Traffic.Select(t => new Core.Workbook.Sheets.TrafficRow { Month = t.Month, DisplayNumber = t.DisplayNumber, OutboundCalls = 0 }).ToList();
            var problems = new List<Core.Common.ComplianceProblem>();
            var result = AuditRunner.Run(s_checks, dataset, CatalogLoader.Default, report: problems.Add);
            Assert.Contains(problems, p => p.ErrorId == "ComplianceTools.Complaints.NoOutboundCalls");
            Assert.Contains(result.Summary.Skipped, s => s.RuleId == "CMPL-001");
            Assert.Contains(result.Findings, f => f.RuleId == "SYS-001" && f.Outcome == Outcome.Pass);
        }

        [Fact]
        public void The_check_date_comes_from_the_company_sheet()
        {
            var dataset = InspectionSamples.Varied();
            var result = AuditRunner.Run(s_checks, dataset, CatalogLoader.Default, new[] { "SYS-001" });
            Assert.Equal(new DateTime(2026, 3, 1), result.Summary.AsOf);
            Assert.Equal(5, MonthKey.MonthsBetween(new DateTime(2025, 9, 2), new DateTime(2026, 3, 1)));
            Assert.Equal(6, MonthKey.MonthsBetween(new DateTime(2025, 8, 31), new DateTime(2026, 2, 28)));
        }
    }

    /// <summary>A second class for SEAT-001, public so discovery meets it in this assembly.</summary>
    public sealed class DuplicateSeatCheck : RuleCheck
    {
        public override string RuleId => "SEAT-001";

        public override IEnumerable<Finding> Run(AuditContext context) => Array.Empty<Finding>();
    }
}
