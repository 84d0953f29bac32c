using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Engine.Calendar;
using ComplianceTools.Engine.Planning;
using ComplianceTools.Engine.Reporting;
using ComplianceTools.Tests.Infrastructure;
using ComplianceTools.Tests.Planning;
using OfficeOpenXml;

namespace ComplianceTools.Tests.Reporting
{
    /// <summary>The workbook Export-ComplianceReport writes, read back with EPPlus.</summary>
    public sealed class ReportTests : IDisposable
    {
        private const string Hostile = "=HYPERLINK(\"x\")";
        private readonly TempFolder _tmp = Paths.NewTempFolder();
        private readonly CultureInfo _savedUi = CultureInfo.CurrentUICulture;
        private readonly ExcelPackage _package;

        public ReportTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
            List<Finding> findings = PlanBuilderTests.VariedFindings();
            findings.Add(new Finding
            {
                RuleId = "CMPL-004", Title = "Complaint trace", Area = "Complaints", Severity = Severity.Yellow, Subject = Hostile, Period = "2025",
                Reason = "+1 unlinked; called 13812345678", Recommendation = "-link it", Value = 1, Threshold = 0, Unit = "count",
                Evidence = new[] { new EvidenceItem("T-001", "caller 13812345678, ID 110101199003071234", null, "@complaints.csv row 2") },
            });
            findings[0].Subject = "某某呼叫中心有限公司";
            PlanningPolicy policy = PlanningData.LoadPolicy(null);
            var owners = new OwnerDirectory(policy.AreaAliases);
            owners.Add("Seats", "wang.fang@example.com");
            var items = PlanBuilder.Rectification(findings, policy, owners, HolidayData.Default, new DateTime(2026, 2, 2), new DateTime(2026, 2, 20), false).Items.ToList();
            items.AddRange(PlanBuilder.Schedule(PlanningData.LoadSchedule("AnnualReport", null), 2026, owners, HolidayData.Default, new DateTime(2026, 2, 20)).Items);
            Path = _tmp.File("report.xlsx");
            ComplianceReportWriter.Write(Path, findings, items, Options, force: false);
            _package = new ExcelPackage(new FileInfo(Path));
        }

        private string Path { get; }

        private static ReportOptions Options => new ReportOptions
        {
            Culture = new CultureInfo("en-US"), AsOf = new DateTime(2026, 2, 20), Catalog = Engine.Rules.CatalogLoader.Default, Phrases = ReportPhrases.Shipped,
        };

        public void Dispose()
        {
            _package.Dispose();
            CultureInfo.CurrentUICulture = _savedUi;
            _tmp.Dispose();
        }

        private ExcelWorksheet Sheet(string name) => _package.Workbook.Worksheets[name];

        private static IEnumerable<ExcelRangeBase> Cells(ExcelWorksheet ws) => ws.Dimension == null ? Enumerable.Empty<ExcelRangeBase>() : ws.Cells[ws.Dimension.Address];

        private static int Row(ExcelWorksheet ws, int column, string text) => Enumerable.Range(2, ws.Dimension.End.Row - 1).First(r => ws.Cells[r, column].Text == text);

        [Fact]
        public void The_workbook_has_the_five_sheets_in_order()
        {
            Assert.Equal(new[] { "Dashboard", "Findings", "Evidence", "Plan", "Schedule" }, _package.Workbook.Worksheets.Select(w => w.Name).ToArray());
        }

        [Fact]
        public void The_dashboard_counts_the_findings_and_draws_a_chart_for_each_question_with_data()
        {
            ExcelWorksheet ws = Sheet("Dashboard");
            Assert.StartsWith("Compliance report · ", ws.Cells["A1"].Text);
            Assert.Equal(new[] { 3, 3, 1, 0 }, new[] { "A4", "C4", "E4", "G4" }.Select(a => Convert.ToInt32(ws.Cells[a].Value, CultureInfo.InvariantCulture)).ToArray()); // Red, Yellow, Green, Skipped
            Assert.Equal("FFE04B4B", ws.Cells["A4"].Style.Fill.BackgroundColor.Rgb);

            // No CMPL-001 months here: three charts, and the trend's place says there is no data.
            Assert.Equal(new[] { "Loads", "Owners", "Upcoming" }, ws.Drawings.Select(d => d.Name).ToArray());
            Assert.Contains(Cells(ws), c => c.Text == "No data for this chart");
        }

        [Fact]
        public void Every_sheet_has_its_header_row_frozen_and_a_table_with_filters()
        {
            foreach (ExcelWorksheet ws in _package.Workbook.Worksheets.Skip(1)) // the dashboard is a page, not a table
            {
                var pane = ws.WorksheetXml.SelectSingleNode("//*[local-name()='pane']");
                Assert.NotNull(pane);
                Assert.Equal("frozen", pane.Attributes["state"].Value);
                Assert.Equal("1", pane.Attributes["ySplit"].Value);
                var table = Assert.Single(ws.Tables);
                Assert.True(table.ShowFilter, ws.Name);
                Assert.True(table.ShowHeader, ws.Name);
            }
        }

        [Fact]
        public void Text_that_looks_like_a_formula_stays_text()
        {
            foreach (ExcelWorksheet ws in _package.Workbook.Worksheets)
            {
                Assert.All(Cells(ws), c => Assert.True(string.IsNullOrEmpty(c.Formula), ws.Name + "!" + c.Address + " has a formula"));
            }

            ExcelWorksheet findings = Sheet("Findings");
            int row = Row(findings, 5, Hostile);
            Assert.IsType<string>(findings.Cells[row, 5].Value);
            Assert.True(findings.Cells[row, 5].Style.QuotePrefix);
            Assert.Equal("+1 unlinked; called 138****5678", findings.Cells[row, 11].Text);
            Assert.True(findings.Cells[row, 11].Style.QuotePrefix);
            Assert.True(findings.Cells[row, 12].Style.QuotePrefix);
        }

        [Fact]
        public void Evidence_is_masked_and_no_raw_phone_or_id_number_is_anywhere()
        {
            ExcelWorksheet evidence = Sheet("Evidence");
            Assert.Equal("caller 138****5678, ID 110101********1234", evidence.Cells[2, 4].Text);
            Assert.Equal("@complaints.csv row 2", evidence.Cells[2, 6].Text);
            Assert.True(evidence.Cells[2, 6].Style.QuotePrefix);
            foreach (ExcelWorksheet ws in _package.Workbook.Worksheets)
            {
                Assert.DoesNotContain(Cells(ws), c => c.Text.Contains("13812345678", StringComparison.Ordinal) || c.Text.Contains("110101199003071234", StringComparison.Ordinal));
            }
        }

        [Fact]
        public void The_plan_shows_owner_due_date_and_status_and_marks_missing_owners()
        {
            ExcelWorksheet plan = Sheet("Plan");
            int seat = Enumerable.Range(2, plan.Dimension.End.Row - 1).First(r => plan.Cells[r, 15].Text.StartsWith("SEAT-001", StringComparison.Ordinal));
            Assert.Equal("w********@example.com", plan.Cells[seat, 3].Text); // the owner, masked: a report leaves the company
            Assert.Equal(new DateTime(2026, 2, 14), DateTime.FromOADate((double)plan.Cells[seat, 9].Value)); // 10 working days after 2 Feb 2026: 3–6, 9–13, and the make-up Saturday 14th
            Assert.Equal("yyyy-mm-dd", plan.Cells[seat, 9].Style.Numberformat.Format);
            Assert.Equal("NotStarted", plan.Cells[seat, 11].Text);
            int data = Enumerable.Range(2, plan.Dimension.End.Row - 1).First(r => plan.Cells[r, 15].Text.StartsWith("DATA-001", StringComparison.Ordinal));
            Assert.Equal("yes", plan.Cells[data, 5].Text);
            Assert.Equal("FFFFD966", plan.Cells[data, 3].Style.Fill.BackgroundColor.Rgb);
        }

        [Fact]
        public void Owners_are_masked_one_mask_per_person_unless_personal_data_is_asked_for()
        {
            var owners = new OwnerDirectory(PlanningData.LoadPolicy(null).AreaAliases);
            owners.Add("Seats", "刘洋");
            owners.Add("Complaints", "刘伟");
            owners.Add("Training", "刘洋");
            List<Finding> findings = PlanBuilderTests.VariedFindings();
            var items = PlanBuilder.Rectification(findings, PlanningData.LoadPolicy(null), owners, HolidayData.Default, new DateTime(2026, 2, 2), new DateTime(2026, 2, 20), false).Items.ToList();
            string Owner(ExcelWorksheet plan, string area) => plan.Cells[Enumerable.Range(2, plan.Dimension.End.Row - 1).First(r => plan.Cells[r, 2].Text == area), 3].Text;

            string masked = _tmp.File("masked.xlsx");
            ComplianceReportWriter.Write(masked, findings, items, Options, force: false);
            using (var package = new ExcelPackage(new FileInfo(masked)))
            {
                ExcelWorksheet plan = package.Workbook.Worksheets["Plan"];
                Assert.Equal("刘*", Owner(plan, "Complaints")); // 刘伟 comes before 刘洋 in code-point order
                Assert.Equal("刘* (2)", Owner(plan, "Seats")); // 刘洋 masks like 刘伟: numbered, not merged into one person
                Assert.Equal("刘* (2)", Owner(plan, "Training")); // 刘洋 again: the same mask as on Seats
                Assert.DoesNotContain(package.Workbook.Worksheets.SelectMany(w => w.Cells.Where(c => c.Value is string)), c => ((string)c.Value).Contains("刘洋") || ((string)c.Value).Contains("刘伟"));
            }

            string clear = _tmp.File("clear.xlsx");
            ReportOptions withNames = Options;
            withNames.IncludePersonalData = true;
            ComplianceReportWriter.Write(clear, findings, items, withNames, force: false);
            using (var package = new ExcelPackage(new FileInfo(clear)))
            {
                Assert.Equal("刘洋", Owner(package.Workbook.Worksheets["Plan"], "Seats"));
                Assert.Equal("刘伟", Owner(package.Workbook.Worksheets["Plan"], "Complaints"));
            }

            Assert.Equal("刘洋", items.First(x => x.Area == "Seats").Owner); // the plan items given are not changed
        }

        [Fact]
        public void The_gantt_fills_the_weeks_an_item_runs()
        {
            ExcelWorksheet gantt = Sheet("Schedule");
            int headers = 7;
            int week = Enumerable.Range(headers + 1, gantt.Dimension.End.Column - headers).First(c => gantt.Cells[1, c].Text == "2026-02-09");
            int prefill = Row(gantt, 1, "Annual report: pre-fill in the system and cross-check");
            Assert.Equal("FFE04B4B", gantt.Cells[prefill, week].Style.Fill.BackgroundColor.Rgb); // 11–14 Feb, overdue on 20 Feb: red
            Assert.Equal("◆", gantt.Cells[prefill, week].Text); // due Saturday 14 Feb, in that week
            Assert.NotEqual("FFE04B4B", gantt.Cells[prefill, week + 1].Style.Fill.BackgroundColor.Rgb ?? string.Empty);
            Assert.NotEqual("FFE04B4B", gantt.Cells[prefill, week - 1].Style.Fill.BackgroundColor.Rgb ?? string.Empty);
            int upload = Row(gantt, 1, "Annual report: upload and receipt"); // 2–10 March: the weeks of 2 and 9 March, blue
            Assert.Equal("FF4472C4", gantt.Cells[upload, week + 3].Style.Fill.BackgroundColor.Rgb);
            Assert.Equal("FF4472C4", gantt.Cells[upload, week + 4].Style.Fill.BackgroundColor.Rgb);
            Assert.NotEqual("FF4472C4", gantt.Cells[upload, week + 5].Style.Fill.BackgroundColor.Rgb ?? string.Empty);
            int dataGovernance = Row(gantt, 1, "Annual report: data governance and difference analysis");
            Assert.Equal("overdue", gantt.Cells[dataGovernance, 7].Text);
        }

        [Fact]
        public void Column_widths_count_chinese_characters_double()
        {
            ExcelWorksheet ws = Sheet("Findings");
            // 某某呼叫中心有限公司: 10 characters, 20 columns wide, plus 2 of padding.
            Assert.True(ws.Column(5).Width >= 22, "width " + ws.Column(5).Width);
        }

        [Fact]
        public void An_existing_file_is_not_replaced_without_force_and_no_temporary_file_is_left()
        {
            DateTime written = File.GetLastWriteTimeUtc(Path);
            var one = new[] { PlanBuilderTests.VariedFindings()[0] };
            var ex = Assert.Throws<ComplianceTools.Core.Common.ComplianceException>(() => ComplianceReportWriter.Write(Path, one, Array.Empty<PlanItem>(), Options, force: false));
            Assert.Equal("ComplianceTools.Output.FileExists", ex.ErrorId);
            Assert.Equal(written, File.GetLastWriteTimeUtc(Path));
            ComplianceReportWriter.Write(Path, one, Array.Empty<PlanItem>(), Options, force: true);
            Assert.Equal(new[] { "report.xlsx" }, Directory.GetFiles(_tmp.FullName).Select(System.IO.Path.GetFileName).ToArray());
        }
    }
}
