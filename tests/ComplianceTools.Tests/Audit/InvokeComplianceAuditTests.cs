using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Audit
{
    /// <summary>Invoke-ComplianceAudit through a real runspace, on the varied dataset of <see cref="InspectionSamples"/>.</summary>
    public sealed class InvokeComplianceAuditTests : System.IDisposable
    {
        private static readonly Regex s_mobile = new Regex(@"(?<!\d)1[3-9]\d{9}(?!\d)");
        private static readonly Regex s_idNumber = new Regex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])");
        private readonly ModuleSession _ps = new ModuleSession();

        /// <summary>The inspection's rules: the varied dataset has the sheets for these (the annual report's and the package's need others).</summary>
        private const string InspectionRules = "-Rule SEAT-001,CMPL-001,CMPL-002,CMPL-003,NUM-001,NUM-002,STAFF-001,STAFF-002,SYS-001,SYS-002";

        public void Dispose() => _ps.Dispose();

        private static List<PSObject> Findings(ModuleSession.Result r) => r.Output.Where(o => o.Prop("RuleId") != null).ToList();

        private static PSObject Summary(ModuleSession.Result r) => r.Output.Last();

        [Fact]
        public void An_audit_of_a_varied_workbook_shows_all_three_colours_and_ends_with_a_summary_that_counts_them()
        {
            var r = _ps.Run("$args[0] | Invoke-ComplianceAudit " + InspectionRules, InspectionSamples.Varied());
            r.ThrowOnError();
            var findings = Findings(r);
            Assert.Contains(findings, f => f.Text("Severity") == "Red");
            Assert.Contains(findings, f => f.Text("Severity") == "Yellow");
            Assert.Contains(findings, f => f.Text("Severity") == "Green");
            PSObject summary = Summary(r);
            Assert.Equal("ComplianceTools.Core.Audit.AuditSummary", summary.BaseObject.GetType().FullName);

            // By hand from InspectionSamples. Red: CMPL-001 in February (12 / 100,000 = 0.012%) and for the year
            // (22 / 200,000 = 0.011%), STAFF-001 (E002 is not on the payroll). Yellow: CMPL-002 and CMPL-003 (24 of 25
            // tickets, 96%), NUM-002 for 96888 (never tested). Green, the other seven: SEAT-001 (0 of 5 vacant), CMPL-001 in
            // January (10 / 100,000 = 0.01%, on the line), NUM-001 (60%), NUM-002 for 95555 (12 s), STAFF-002 (4 insured,
            // 5 seats), SYS-001 (6 months), SYS-002 (everything on record).
            string[] Keys(string status) => findings.Where(f => f.Text("Status") == status).Select(f => f.Text("Key")).OrderBy(k => k, System.StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "CMPL-001|示例呼叫中心有限公司|2025", "CMPL-001|示例呼叫中心有限公司|2025-02", "STAFF-001|示例呼叫中心有限公司|2025" }, Keys("Red"));
            Assert.Equal(new[] { "CMPL-002|示例呼叫中心有限公司|2025", "CMPL-003|示例呼叫中心有限公司|2025", "NUM-002|96888|2025" }, Keys("Yellow"));
            Assert.Equal(7, Keys("Green").Length);
            Assert.Equal(3, (int)summary.Prop("Red"));
            Assert.Equal(3, (int)summary.Prop("Yellow"));
            Assert.Equal(7, (int)summary.Prop("Green"));
            Assert.Equal("Red", summary.Text("Worst"));
            Assert.Empty((System.Collections.IEnumerable)summary.Prop("Skipped"));
        }

        [Fact]
        public void The_varied_workbook_gives_the_figures_checked_by_hand()
        {
            var findings = Findings(_ps.Run("$args[0] | Invoke-ComplianceAudit", InspectionSamples.Varied()));
            PSObject Year(string rule) => findings.First(f => f.Text("RuleId") == rule && f.Text("Period") == "2025");
            Assert.Equal(0.00011, (double)Year("CMPL-001").Prop("Value"), 10);
            Assert.Equal("Red", Year("CMPL-001").Text("Severity"));
            Assert.Equal("Green", findings.Single(f => f.Text("RuleId") == "CMPL-001" && f.Text("Period") == "2025-01").Text("Severity"));
            Assert.Equal("Red", findings.Single(f => f.Text("RuleId") == "CMPL-001" && f.Text("Period") == "2025-02").Text("Severity"));
            Assert.Equal(0.6, (double)Year("NUM-001").Prop("Value"), 10);
            Assert.Equal(0.96, (double)Year("CMPL-002").Prop("Value"), 10);
            Assert.Equal("Yellow", Year("CMPL-002").Text("Severity")); // guide B: below 98% is 黄灯
            Assert.Equal("Yellow", Year("CMPL-003").Text("Severity"));
            Assert.Equal(1.0, (double)Year("STAFF-001").Prop("Value"));
            Assert.Equal(0.8, (double)Year("STAFF-002").Prop("Value"), 10);
            Assert.Equal(6.0, (double)Year("SYS-001").Prop("Value"));
            Assert.Equal("Green", Year("SYS-002").Text("Severity"));
            Assert.Equal("Green", findings.Single(f => f.Text("RuleId") == "NUM-002" && f.Text("Subject") == "95555").Text("Severity"));
            Assert.Equal("Yellow", findings.Single(f => f.Text("RuleId") == "NUM-002" && f.Text("Subject") == "96888").Text("Severity"));
        }

        [Fact]
        public void Without_the_traffic_sheet_exactly_the_rules_needing_it_are_skipped_and_the_summary_names_the_sheet()
        {
            var r = _ps.Run("$args[0] | Invoke-ComplianceAudit " + InspectionRules, InspectionSamples.Without("Traffic"));
            r.ThrowOnError();
            PSObject summary = Summary(r);
            var skipped = ((System.Collections.IEnumerable)summary.Prop("Skipped")).Cast<object>().Select(PSObject.AsPSObject).ToList();
            Assert.Equal(new[] { "CMPL-001", "NUM-001" }, skipped.Select(s => s.Text("RuleId")).OrderBy(s => s).ToArray());
            Assert.All(skipped, s => Assert.Contains("Traffic (呼叫流量)", s.Text("Reason")));
            var findings = Findings(r);
            Assert.All(findings.Where(f => f.Text("RuleId") == "CMPL-001" || f.Text("RuleId") == "NUM-001"), f => Assert.Equal("Skipped", f.Text("Outcome")));
            foreach (string rule in new[] { "SEAT-001", "CMPL-002", "CMPL-003", "STAFF-001", "STAFF-002", "SYS-001", "SYS-002", "NUM-002" })
            {
                Assert.Contains(findings, f => f.Text("RuleId") == rule && f.Text("Outcome") != "Skipped");
            }
        }

        [Fact]
        public void Rule_selection_with_a_wildcard_runs_only_those_rules()
        {
            var r = _ps.Run("$args[0] | Invoke-ComplianceAudit -Rule 'CMPL-*'", InspectionSamples.Varied());
            var rules = Findings(r).Select(f => f.Text("RuleId")).Distinct().OrderBy(s => s).ToArray();
            Assert.Equal(new[] { "CMPL-001", "CMPL-002", "CMPL-003", "CMPL-004" }, rules);
        }

        [Fact]
        public void An_unknown_rule_id_is_an_error_naming_it()
        {
            var r = _ps.Run("$args[0] | Invoke-ComplianceAudit -Rule 'NOPE-001'", InspectionSamples.Varied());
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Catalog.RuleNotFound,ComplianceTools.Commands.Audit.InvokeComplianceAuditCommand", error.FullyQualifiedErrorId);
            Assert.Contains("NOPE-001", error.Exception.Message);
        }

        [Fact]
        public void A_rule_disabled_by_a_baseline_is_listed_as_disabled_and_says_so_in_a_not_applicable_finding()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string baseline = tmp.File("client.json");
                File.WriteAllText(baseline, "{ \"rules\": { \"SYS-002\": { \"enabled\": false } } }");
                var r = _ps.Run("$args[0] | Invoke-ComplianceAudit -Baseline $args[1]", InspectionSamples.Varied(), baseline);
                var off = Assert.Single(Findings(r), f => f.Text("RuleId") == "SYS-002"); // absent before: a report never showed it was off
                Assert.Equal("NotApplicable", off.Text("Status"));
                Assert.Equal("switched off by the baseline client.json: this rule was not checked", off.Text("Reason"));
                Assert.Equal(new[] { "SYS-002" }, ((System.Collections.IEnumerable)Summary(r).Prop("Disabled")).Cast<object>().Select(o => o.ToString()).ToArray());
            }
        }

        [Fact]
        public void No_phone_or_id_number_appears_unmasked_in_any_finding_evidence_or_hotspot_row()
        {
            string script = @"
$d = $args[0]
$out = @($d | Invoke-ComplianceAudit) + @($d | Get-ComplaintHotspot) + @($d | Test-StaffingConsistency) + @($d | Get-ComplaintRate) + @($d | Measure-ComplaintHandling -AsOf '2026-03-01')
foreach ($o in $out) {
    foreach ($p in $o.PSObject.Properties) { [string]$p.Value }
    foreach ($e in @($o.Evidence)) { if ($e) { $e.Subject; $e.Detail; $e.Location } }
}";
            var r = _ps.Run(script, InspectionSamples.Varied());
            r.ThrowOnError();
            string all = string.Join("\n", r.Output.Select(o => o?.ToString()));
            Assert.Contains("138****8000", all);
            Assert.Contains("110101********345X", all);
            Assert.DoesNotMatch(s_mobile, all);
            Assert.DoesNotMatch(s_idNumber, all);
            Assert.DoesNotContain("张三", all);
            Assert.DoesNotContain("李四", all);
        }

        [Fact]
        public void The_summary_follows_the_chinese_ui_culture()
        {
            using (var zh = new ModuleSession("zh-CN"))
            {
                var r = zh.Run("$args[0] | Invoke-ComplianceAudit " + InspectionRules, InspectionSamples.Without("Readiness"));
                var skipped = ((System.Collections.IEnumerable)Summary(r).Prop("Skipped")).Cast<object>().Select(PSObject.AsPSObject).ToList();
                Assert.Equal(new[] { "SYS-001", "SYS-002" }, skipped.Select(s => s.Text("RuleId")).OrderBy(s => s).ToArray());
                Assert.All(skipped, s => Assert.Contains("工作簿缺少工作表Readiness (检查准备)", s.Text("Reason")));
            }
        }
    }
}
