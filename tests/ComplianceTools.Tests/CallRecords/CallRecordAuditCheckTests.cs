using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Engine.CallRecords;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.CallRecords
{
    /// <summary>The audit check: DATA-001/002 from context.Inputs["CallRecords"], nothing without it.</summary>
    public sealed class CallRecordAuditCheckTests
    {
        [Fact]
        public void Without_call_records_the_check_reads_nothing_and_says_DATA_002_was_skipped()
        {
            var check = new CallRecordAuditCheck();
            var context = new AuditContext(new ComplianceDataset(), CatalogLoader.Default, new DateTime(2026, 3, 1), null);
            var finding = Assert.Single(check.Run(context));
            Assert.Equal("DATA-002", finding.RuleId);
            Assert.Equal(Core.Findings.Outcome.Skipped, finding.Outcome);
            Assert.Contains("-CallRecords", finding.Reason);
            Assert.Empty(check.RequiredSheets);
            Assert.Equal(new[] { "DATA-001", "DATA-002" }, check.RuleIds);
        }

        [Fact]
        public void With_call_records_by_source_the_check_gives_the_worked_examples_findings()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                var (p, c, x) = CallRecordFixtures.WorkedExample(tmp.FullName);
                var problems = new List<ComplianceProblem>();
                var context = new AuditContext(new ComplianceDataset(), CatalogLoader.Default, new DateTime(2026, 3, 1), problems.Add);
                context.Inputs["CallRecords"] = new Hashtable { ["Platform"] = p, ["Carrier"] = new[] { c }, ["PrivacyNumber"] = System.IO.Path.Combine(tmp.FullName, "priv*.csv") };
                List<Finding> findings = new CallRecordAuditCheck().Run(context).ToList();
                Assert.Empty(problems);
                Assert.Equal(new[] { "DATA-001", "DATA-001", "DATA-002" }, findings.Select(f => f.RuleId));
                Finding match = findings.Single(f => f.RuleId == "DATA-002");
                Assert.Equal(2.0 / 3.0, match.Value.Value, 10);
                Assert.Equal(Severity.Yellow, match.Severity);
            }
        }

        [Fact]
        public void A_missing_file_is_reported_and_too_few_sources_give_no_findings()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                var (p, _, _) = CallRecordFixtures.WorkedExample(tmp.FullName);
                var problems = new List<ComplianceProblem>();
                var context = new AuditContext(new ComplianceDataset(), CatalogLoader.Default, new DateTime(2026, 3, 1), problems.Add);
                context.Inputs["CallRecords"] = new Hashtable { ["Platform"] = p, ["Carrier"] = System.IO.Path.Combine(tmp.FullName, "missing.csv") };
                Assert.Empty(new CallRecordAuditCheck().Run(context));
                Assert.Equal(new[] { "ComplianceTools.CallRecords.FileNotFound", "ComplianceTools.CallRecords.TooFewSources" }, problems.Select(pr => pr.ErrorId));
            }
        }
    }
}
