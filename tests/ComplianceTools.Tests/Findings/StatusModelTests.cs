using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Tests.Infrastructure;
using OfficeOpenXml;

namespace ComplianceTools.Tests.Findings
{
    /// <summary>
    /// Status says what happened: a check that did not run is Skipped (work to do) or NotApplicable, never Green,
    /// and every consumer of Status — views, the report, .ics and CSV, the main job's summary — shows it.
    /// </summary>
    [Collection(SampleWorkbook.Collection)]
    public sealed class StatusModelTests
    {
        private readonly SampleWorkbook _sample;

        public StatusModelTests(SampleWorkbook sample) => _sample = sample;

        private List<PSObject> Findings() => _sample.Ps.Run("$global:audit | Where-Object RuleId").ThrowOnError().Output.ToList();

        [Fact]
        public void The_sample_audit_has_no_green_finding_that_was_not_evaluated()
        {
            var findings = Findings();
            var notRun = findings.Where(f => f.Text("Status") == "Skipped").ToList();
            Assert.Equal(new[] { "DATA-002", "MAT-001", "MAT-002", "MAT-003", "MAT-004" }, notRun.Select(f => f.Text("RuleId")).OrderBy(s => s, StringComparer.Ordinal));
            Assert.All(notRun, f => Assert.Null(f.Prop("Severity")));
            Assert.All(notRun, f => Assert.False(string.IsNullOrWhiteSpace(f.Text("Reason"))));
            Assert.Equal(3, findings.Count(f => f.Text("Status") == "NotApplicable"));
            Assert.All(findings.Where(f => f.Text("Status") == "NotApplicable"), f => Assert.Null(f.Prop("Severity")));
            Assert.All(findings.Where(f => f.Text("Status") == "Green"), f => Assert.Equal("Green", f.Text("Severity")));
            Assert.All(findings.Where(f => f.Text("Status") == "Green"), f => Assert.False(string.IsNullOrEmpty(f.Text("ValueText")), f.Text("Key")));

            var notGreen = _sample.Ps.Run("$global:audit | Where-Object RuleId | Where-Object Status -ne Green").ThrowOnError().Output;
            Assert.Equal(findings.Count(f => f.Text("Status") != "Green"), notGreen.Count);
            Assert.Contains(notGreen, f => f.Text("RuleId") == "MAT-001");
        }

        [Fact]
        public void The_readme_pipeline_makes_provide_the_data_items_for_the_four_materials_rules_due_at_the_april_close()
        {
            var items = _sample.Ps.Run("$global:audit | Where-Object RuleId | Where-Object Status -ne Green | New-RectificationPlan -Dataset $global:book -NoticeDate 2026-03-02 -AsOf 2026-03-02")
                .ThrowOnError().Output;
            var provide = items.Where(i => i.Text("FindingStatus") == "Skipped").ToList();
            Assert.Equal(new[] { "DATA-002", "MAT-001", "MAT-002", "MAT-003", "MAT-004" }, provide.Select(i => i.Text("RuleId")).OrderBy(s => s, StringComparer.Ordinal));
            foreach (PSObject mat in provide.Where(i => i.Text("RuleId").StartsWith("MAT-", StringComparison.Ordinal)))
            {
                Assert.Contains("Provide the data", mat.Text("Title"));
                Assert.Equal(new DateTime(2026, 4, 30), (DateTime)mat.Prop("DueDate"));   // guide B: the system closes on 30 April
                Assert.Equal("Guide", mat.Text("DueDateOrigin"));
                Assert.Equal("Materials", mat.Text("Area"));
                Assert.False((bool)mat.Prop("OwnerMissing"));
                Assert.StartsWith("Check result: Skipped.", mat.Text("Description"));
                Assert.Null(mat.Prop("Severity"));
            }

            // DATA-002 (no call records) is needed by the annual report's upload, 1–10 March.
            Assert.Equal(new DateTime(2026, 3, 10), (DateTime)provide.Single(i => i.Text("RuleId") == "DATA-002").Prop("DueDate"));
            Assert.DoesNotContain(items, i => i.Text("FindingStatus") == "NotApplicable");

            var without = _sample.Ps.Run("$global:audit | Where-Object RuleId | New-RectificationPlan -Dataset $global:book -NoticeDate 2026-03-02 -ExcludeSkipped").ThrowOnError().Output;
            Assert.DoesNotContain(without, i => i.Text("FindingStatus") == "Skipped");
            Assert.Equal(items.Count - provide.Count, without.Count);
        }

        [Fact]
        public void A_skipped_finding_with_no_milestone_ahead_is_due_in_five_working_days()
        {
            // With a schedule file that has no phases, no milestone needs the data: the item takes our 5 working days.
            using var tmp = Paths.NewTempFolder();
            string schedule = tmp.File("schedules.json");
            File.WriteAllText(schedule, "{ \"schedules\": { \"AnnualReport\": { \"guide\": \"A\", \"section\": \"x\", \"phases\": [] }, \"Inspection\": { \"guide\": \"B\", \"section\": \"x\", \"phases\": [] } } }");
            var items = _sample.Ps.Run("$global:audit | Where-Object RuleId -eq 'MAT-001' | New-RectificationPlan -Dataset $global:book -NoticeDate 2026-05-06 -ScheduleFile $args[0]", schedule).ThrowOnError().Output;
            var item = Assert.Single(items);
            Assert.Equal(new DateTime(2026, 5, 12), (DateTime)item.Prop("DueDate"));   // 7, 8, Saturday 9 (a make-up working day), 11, 12
            Assert.Equal("Ours", item.Text("DueDateOrigin"));
        }

        [Fact]
        public void The_main_job_summary_counts_skipped_and_not_applicable_apart_from_green()
        {
            var r = _sample.Ps.Run(
                "$f = @($global:audit | Where-Object RuleId); " +
                "[pscustomobject]@{ Red = @($f | Where-Object Status -eq 'Red').Count; Green = @($f | Where-Object Status -eq 'Green').Count; Skipped = @($f | Where-Object Status -eq 'Skipped').Count; NotApplicable = @($f | Where-Object Status -eq 'NotApplicable').Count }").Single();
            Assert.Equal(13, (int)r.Prop("Red"));   // the sample's intended Red findings: SEAT-001, ALG-001, PRIV-001, WIN-001 …
            Assert.Equal(5, (int)r.Prop("Skipped"));
            Assert.Equal(3, (int)r.Prop("NotApplicable"));

            PSObject summary = _sample.Ps.Run("$global:audit | Where-Object { $_ -is [ComplianceTools.Core.Audit.AuditSummary] }").Single();
            Assert.Equal(5, (int)summary.Prop("SkippedFindings"));
            Assert.Equal((int)r.Prop("Green"), (int)summary.Prop("Green"));
            Assert.Equal((int)r.Prop("Red") + (int)summary.Prop("Yellow") + (int)r.Prop("Green"), (int)summary.Prop("Evaluated"));
            Assert.Equal(string.Empty, summary.Text("Note"));
        }

        [Fact]
        public void The_report_shows_skipped_with_a_grey_light_and_not_applicable_without_one_and_every_line_says_whose_it_is()
        {
            string report = _sample.Folder.File("report-" + Guid.NewGuid().ToString("N") + ".xlsx");
            _sample.Ps.Run("$global:audit | Export-ComplianceReport -Path $args[0] -Culture en-US", report).ThrowOnError();
            using var package = new ExcelPackage(new FileInfo(report));
            ExcelWorksheet ws = package.Workbook.Worksheets["Findings"];
            string[] headers = Enumerable.Range(1, ws.Dimension.End.Column).Select(c => ws.Cells[1, c].Text).ToArray();
            int status = Array.IndexOf(headers, "Status") + 1;
            int origin = Array.IndexOf(headers, "Line origin") + 1;
            int rule = Array.IndexOf(headers, "Rule") + 1;
            Assert.True(status > 0 && origin > 0, string.Join("|", headers));
            var rows = Enumerable.Range(2, ws.Dimension.End.Row - 1).ToList();

            int mat = rows.First(r => ws.Cells[r, rule].Text == "MAT-001");
            Assert.Equal("Skipped", ws.Cells[mat, status].Text);
            Assert.Equal("FFBFBFBF", ws.Cells[mat, status].Style.Fill.BackgroundColor.Rgb);

            int na = rows.First(r => ws.Cells[r, status].Text == "Not applicable");
            Assert.NotEqual(OfficeOpenXml.Style.ExcelFillStyle.Solid, ws.Cells[na, status].Style.Fill.PatternType);

            int seat = rows.First(r => ws.Cells[r, rule].Text == "SEAT-001");
            Assert.StartsWith("Guide · ", ws.Cells[seat, origin].Text);
            int staff = rows.First(r => ws.Cells[r, rule].Text == "STAFF-002");
            Assert.Equal("Ours", ws.Cells[staff, origin].Text);
        }

        [Fact]
        public void A_provide_the_data_item_says_skipped_in_the_ics_and_the_csv()
        {
            string ics = _sample.Folder.File("plan-" + Guid.NewGuid().ToString("N") + ".ics");
            string csv = Path.ChangeExtension(ics, ".csv");
            _sample.Ps.Run(
                "$p = @($global:audit | Where-Object RuleId -eq 'MAT-001' | New-RectificationPlan -Dataset $global:book -NoticeDate 2026-03-02); " +
                "$p | Export-ComplianceTask -Path $args[0] | Out-Null; $p | Export-ComplianceTask -Path $args[1] | Out-Null", ics, csv).ThrowOnError();
            string calendar = File.ReadAllText(ics).Replace("\r\n ", string.Empty);
            Assert.Contains("\\nCheck result: Skipped.\\n", calendar);
            Assert.Contains("DTSTART;VALUE=DATE:20260430", calendar);
            string[] lines = File.ReadAllLines(csv);
            string[] header = lines[0].TrimStart('\uFEFF').Split(',');
            int column = Array.IndexOf(header, "FindingStatus");
            Assert.True(column >= 0, lines[0]);
            Assert.Equal("Skipped", lines[1].Split(',')[column]);
        }

        [Fact]
        public void An_audit_where_every_check_is_skipped_still_writes_its_summary_and_report_and_says_nothing_was_evaluated()
        {
            string report = _sample.Folder.File("empty-" + Guid.NewGuid().ToString("N") + ".xlsx");
            var r = _sample.Ps.Run(
                "$all = @(Invoke-ComplianceAudit -Dataset ([ComplianceTools.Core.Workbook.ComplianceDataset]::new()) -Rule MAT-001,MAT-002,DATA-002); " +
                "$all; $all | Export-ComplianceReport -Path $args[0] | Out-Null", report);
            Assert.Empty(r.AllErrors);
            PSObject summary = r.Output.Last();
            Assert.Equal(0, (int)summary.Prop("Evaluated"));
            Assert.Equal("Skipped", summary.Text("Worst"));
            Assert.StartsWith("Nothing was evaluated", summary.Text("Note"));
            Assert.True(File.Exists(report));
        }
    }
}
