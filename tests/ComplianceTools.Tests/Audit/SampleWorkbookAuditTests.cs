using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using ComplianceTools.Core.Audit;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Audit
{
    /// <summary>
    /// The whole job on the bundled sample: New-ComplianceWorkbook -Sample writes the workbook (once, for the
    /// collection), and Invoke-ComplianceAudit reads and audits it, in a real runspace.
    /// </summary>
    [Collection(SampleWorkbook.Collection)]
    public sealed class SampleWorkbookAuditTests : System.IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();
        private readonly TempFolder _tmp = Paths.NewTempFolder();
        private readonly SampleWorkbook _sample;

        public SampleWorkbookAuditTests(SampleWorkbook sample) => _sample = sample;

        public void Dispose()
        {
            _ps.Dispose();
            _tmp.Dispose();
        }

        private static List<PSObject> Findings(ModuleSession.Result r) => r.Output.Where(o => o.Prop("RuleId") != null).ToList();

        [Fact]
        public void The_sample_audit_has_findings_of_all_three_colours_and_the_guides_intended_results()
        {
            var r = _sample.Ps.Run("$global:audit").ThrowOnError();
            var findings = Findings(r);
            Assert.Contains(findings, f => f.Text("Severity") == "Red");
            Assert.Contains(findings, f => f.Text("Severity") == "Yellow");
            Assert.Contains(findings, f => f.Text("Severity") == "Green" && f.Text("Outcome") == "Pass");

            string Worst(string rule) => findings.Where(f => f.Text("RuleId") == rule && f.Text("Outcome") != "Skipped")
                .Select(f => f.Text("Severity")).OrderByDescending(s => s == "Red" ? 2 : s == "Yellow" ? 1 : 0).First();
            Assert.Equal("Red", Worst("SEAT-001"));
            Assert.Equal("Red", Worst("ALG-001"));
            Assert.Equal("Red", Worst("PRIV-001"));
            Assert.Equal("Red", Worst("WIN-001"));
            Assert.Equal("Green", Worst("NUM-001"));
            Assert.Equal("Green", Worst("STAFF-002"));
            Assert.Equal("Yellow", Worst("TRAIN-001"));
            Assert.Equal("Yellow", Worst("PEN-001"));

            PSObject summary = r.Output.Last();
            Assert.Equal("示例呼叫中心有限公司", summary.Text("Subject"));
            Assert.Equal("Red", summary.Text("Worst"));
            var skipped = ((System.Collections.IEnumerable)summary.Prop("Skipped")).Cast<object>().Select(PSObject.AsPSObject).Select(s => s.Text("RuleId")).ToList();
            Assert.Equal(new[] { "DATA-002", "MAT-001", "MAT-002", "MAT-003", "MAT-004" }, skipped.OrderBy(s => s));
        }

        [Fact]
        public void A_workbook_without_the_traffic_sheet_skips_exactly_the_rules_whose_checks_need_it_and_says_so()
        {
            string book = _sample.Copy("no-traffic.xlsx");
            using (var package = new OfficeOpenXml.ExcelPackage(new FileInfo(book)))
            {
                var traffic = package.Workbook.Worksheets.Single(w => w.Name.Contains("Traffic") || w.Name.Contains("呼叫流量"));
                package.Workbook.Worksheets.Delete(traffic);
                package.Save();
            }

            var needTraffic = AuditChecks.Discover(typeof(RuleCheck).Assembly, typeof(Engine.Rules.CatalogLoader).Assembly)
                .Where(c => c.RequiredSheets.Contains("Traffic"))
                .Select(c => c.RuleId).Distinct().OrderBy(s => s).ToList();
            Assert.Contains("CMPL-001", needTraffic);
            Assert.Contains("NUM-001", needTraffic);

            var r = _ps.Run("Invoke-ComplianceAudit -Path $args[0]", book);
            r.ThrowOnError();
            PSObject summary = r.Output.Last();
            var skipped = ((System.Collections.IEnumerable)summary.Prop("Skipped")).Cast<object>().Select(PSObject.AsPSObject).ToList();
            var skippedForTraffic = skipped.Where(s => s.Text("Reason").Contains("Traffic")).Select(s => s.Text("RuleId")).OrderBy(s => s).ToList();
            Assert.Equal(needTraffic, skippedForTraffic);
            Assert.All(skipped.Where(s => !s.Text("RuleId").StartsWith("MAT-") && s.Text("RuleId") != "DATA-002"), s => Assert.Contains("Traffic (呼叫流量)", s.Text("Reason")));
        }

        [Fact]
        public void CallRecords_adds_the_per_call_reconciliation_to_the_audit_and_leaves_it_out_without()
        {
            string records = _tmp.File("records");
            _ps.Run("New-CallRecordSample -Calls 2000 -Seed 11 -OutputDirectory $args[0]", records).ThrowOnError();
            var with = Findings(_sample.Ps.Run(
                "$global:book | Invoke-ComplianceAudit -Rule DATA-001,DATA-002 -CallRecords @{ Platform = [IO.Path]::Combine($args[0], 'platform*'); Carrier = [IO.Path]::Combine($args[0], 'carrier*'); PrivacyNumber = [IO.Path]::Combine($args[0], 'privacy*') }",
                records).ThrowOnError());
            Assert.Contains(with, f => f.Text("RuleId") == "DATA-002" && f.Text("Subject") == "CallRecords");
            Assert.Contains(with, f => f.Text("RuleId") == "DATA-001" && f.Text("Subject") == "CallRecords:Platform");

            var without = _sample.Ps.Run("$global:book | Invoke-ComplianceAudit -Rule DATA-001,DATA-002").ThrowOnError();
            Assert.DoesNotContain(Findings(without), f => f.Text("Subject").StartsWith("CallRecords") && f.Text("Outcome") != "Skipped");
            var skipped = ((System.Collections.IEnumerable)without.Output.Last().Prop("Skipped")).Cast<object>().Select(PSObject.AsPSObject).ToList();
            PSObject data002 = Assert.Single(skipped);
            Assert.Equal("DATA-002", data002.Text("RuleId"));
            Assert.Contains("-CallRecords", data002.Text("Reason"));
        }

        [Fact]
        public void No_phone_or_id_number_of_the_sample_appears_unmasked_in_any_finding_or_evidence()
        {
            var r = _sample.Ps.Run(@"
foreach ($o in $global:audit) {
    foreach ($p in $o.PSObject.Properties) { [string]$p.Value }
    foreach ($e in @($o.Evidence)) { if ($e) { $e.Subject; $e.Detail; $e.Location } }
}");
            r.ThrowOnError();
            string all = string.Join("\n", r.Output.Select(o => o?.ToString()));
            Assert.DoesNotMatch(new Regex(@"(?<!\d)1[3-9]\d{9}(?!\d)"), all);
            Assert.DoesNotMatch(new Regex(@"(?<![0-9A-Za-z.])\d{17}[\dXx](?![0-9A-Za-z])"), all);
        }
    }
}
