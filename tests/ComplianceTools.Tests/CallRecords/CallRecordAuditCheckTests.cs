using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.CallRecords
{
    /// <summary>DATA-001 and DATA-002 from the CallRecords input, compared once for both; DATA-002 Skipped without it.</summary>
    public sealed class CallRecordAuditCheckTests
    {
        private static readonly IReadOnlyList<RuleCheck> s_checks = AuditChecks.Discover(typeof(RuleCheck).Assembly, typeof(CatalogLoader).Assembly);

        private static AuditResult Run(IDictionary<string, object> inputs, List<ComplianceProblem> problems) =>
            AuditRunner.Run(s_checks, new ComplianceDataset(), CatalogLoader.Default, new[] { "DATA-001", "DATA-002" }, new DateTime(2026, 3, 1), report: problems.Add, inputs: inputs);

        [Fact]
        public void Without_call_records_nothing_is_read_and_DATA_002_is_skipped_saying_how_to_give_them()
        {
            var findings = Run(null, new List<ComplianceProblem>()).Findings;
            Finding match = findings.Single(f => f.RuleId == "DATA-002");
            Assert.Equal(FindingStatus.Skipped, match.Status);
            Assert.Contains("-CallRecords", match.Reason);
            Assert.Equal("DATA-002|CallRecords|", match.Key);
            Assert.Equal(FindingStatus.Skipped, findings.Single(f => f.RuleId == "DATA-001").Status);   // no Revenue sheet either
        }

        [Fact]
        public void With_call_records_by_source_the_check_gives_the_worked_examples_findings()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                var (p, c, x) = CallRecordFixtures.WorkedExample(tmp.FullName);
                var problems = new List<ComplianceProblem>();
                var inputs = new Dictionary<string, object> { ["CallRecords"] = new Hashtable { ["Platform"] = p, ["Carrier"] = new[] { c }, ["PrivacyNumber"] = System.IO.Path.Combine(tmp.FullName, "priv*.csv") } };
                var findings = Run(inputs, problems).Findings.ToList();
                Assert.Empty(problems);
                Assert.Equal(new[] { "DATA-001", "DATA-001", "DATA-002" }, findings.Select(f => f.RuleId));
                Finding match = findings.Single(f => f.RuleId == "DATA-002");
                Assert.Equal(2.0 / 3.0, match.Value.Value, 10);
                Assert.Equal(Severity.Yellow, match.Severity);
            }
        }

        [Fact]
        public void A_missing_file_is_reported_and_too_few_sources_skip_both_rules_reporting_the_problem_once()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                var (p, _, _) = CallRecordFixtures.WorkedExample(tmp.FullName);
                var problems = new List<ComplianceProblem>();
                var inputs = new Dictionary<string, object> { ["CallRecords"] = new Hashtable { ["Platform"] = p, ["Carrier"] = System.IO.Path.Combine(tmp.FullName, "missing.csv") } };
                var findings = Run(inputs, problems).Findings;
                Assert.All(findings, f => Assert.Equal(FindingStatus.Skipped, f.Status));
                Assert.Equal(new[] { "DATA-001", "DATA-002" }, findings.Select(f => f.RuleId));
                Assert.Equal(new[] { "ComplianceTools.CallRecords.FileNotFound", "ComplianceTools.CallRecords.TooFewSources" }, problems.Select(pr => pr.ErrorId));
            }
        }
    }
}
