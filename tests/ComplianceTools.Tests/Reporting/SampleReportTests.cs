using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AngleSharp.Html.Dom;
using ComplianceTools.Tests.Infrastructure;
using OfficeOpenXml;
using OfficeOpenXml.Drawing.Chart;

namespace ComplianceTools.Tests.Reporting
{
    /// <summary>The main job's reports on the bundled sample, as a Chinese user runs it on the notice date 2 March 2026.</summary>
    public sealed class SampleReportFixture : IDisposable
    {
        public SampleReportFixture()
        {
            Folder = Paths.NewTempFolder();
            Xlsx = Folder.File("compliance-2026.xlsx");
            Html = Folder.File("compliance-2026.html");
            Ps = new ModuleSession("zh-CN");
            Ps.Run(
                "New-ComplianceWorkbook -Path $args[0] -Sample -Year 2025 | Out-Null; " +
                "$global:book = Import-ComplianceWorkbook -Path $args[0]; " +
                "$global:findings = @($global:book | Invoke-ComplianceAudit | Where-Object RuleId); " +
                "$global:items = @($global:findings | New-RectificationPlan -Dataset $global:book -NoticeDate 2026-03-02 -AsOf 2026-03-02) + " +
                "  @(New-ComplianceSchedule -Year 2026 -Kind AnnualReport -Dataset $global:book -AsOf 2026-03-02) + @(New-ComplianceSchedule -Year 2026 -Kind Inspection -Dataset $global:book -AsOf 2026-03-02); " +
                "$all = $global:findings + $global:items; " +
                "Export-ComplianceReport -Path $args[1] -InputObject $all -Dataset $global:book -AsOf 2026-03-02 | Out-Null; " +
                "Export-ComplianceReport -Path $args[2] -InputObject $all -Dataset $global:book -AsOf 2026-03-02 | Out-Null",
                Folder.File("sample.xlsx"), Xlsx, Html).ThrowOnError();
            Findings = Ps.Run("$global:findings").ThrowOnError().Output.ToList();
            Items = Ps.Run("$global:items").ThrowOnError().Output.ToList();
        }

        public TempFolder Folder { get; }

        public string Xlsx { get; }

        public string Html { get; }

        public ModuleSession Ps { get; }

        public List<PSObject> Findings { get; }

        public List<PSObject> Items { get; }

        public int Overdue => Items.Count(i => (DateTime)i.Prop("DueDate") < new DateTime(2026, 3, 2) && i.Text("Status") != "Completed");

        public int DueSoon => Items.Count(i => (DateTime)i.Prop("DueDate") >= new DateTime(2026, 3, 2) && (DateTime)i.Prop("DueDate") <= new DateTime(2026, 3, 16) && i.Text("Status") != "Completed");

        public void Dispose()
        {
            Ps.Dispose();
            Folder.Dispose();
        }
    }

    /// <summary>The dashboard sheet and the HTML file of the sample, read back: what a manager sees on the first page.</summary>
    public sealed class SampleReportTests : IClassFixture<SampleReportFixture>
    {
        private readonly SampleReportFixture _run;

        public SampleReportTests(SampleReportFixture run) => _run = run;

        private int Count(string status) => _run.Findings.Count(f => f.Text("Status") == status);

        [Fact]
        public void The_sample_has_the_counts_the_tiles_must_show()
        {
            Assert.Equal((13, 4, 5, 3), (Count("Red"), Count("Yellow"), Count("Skipped"), Count("NotApplicable")));
            Assert.True(Count("Green") > 30);
            Assert.True(_run.Overdue > 0 && _run.DueSoon > 0, "overdue " + _run.Overdue + ", due soon " + _run.DueSoon);
        }

        [Fact]
        public void The_dashboard_is_the_first_sheet_in_chinese_with_the_company_sheet_in_its_header()
        {
            using var package = new ExcelPackage(new FileInfo(_run.Xlsx));
            Assert.Equal(new[] { "仪表盘", "发现", "证据", "整改计划", "排期" }, package.Workbook.Worksheets.Select(w => w.Name).ToArray());
            ExcelWorksheet ws = package.Workbook.Worksheets.First();
            Assert.Equal("合规报告 · 示例呼叫中心有限公司", ws.Cells["A1"].Text);
            Assert.Equal("许可证编号", ws.Cells["A2"].Text);
            Assert.Equal("B2-20990001", ws.Cells["B2"].Text);
            Assert.Equal("2025", ws.Cells["E2"].Text);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}\(北京时间\)$", ws.Cells["G2"].Text);
            Assert.Equal("无(使用目录默认判定线)", ws.Cells["K2"].Text);
            Assert.Equal("模块版本", ws.Cells["K1"].Text);
            Assert.Matches(@"^\d+\.\d+\.\d+", ws.Cells["L1"].Text);
        }

        [Fact]
        public void The_tiles_equal_the_findings_by_status_and_the_items_overdue_and_due_within_14_days()
        {
            using var package = new ExcelPackage(new FileInfo(_run.Xlsx));
            ExcelWorksheet ws = package.Workbook.Worksheets.First();
            int[] tiles = new[] { "A4", "C4", "E4", "G4", "J4", "L4" }.Select(a => Convert.ToInt32(ws.Cells[a].Value, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(new[] { Count("Red"), Count("Yellow"), Count("Green"), Count("Skipped"), _run.Overdue, _run.DueSoon }, tiles);
            Assert.Equal("红灯 · 项检查", ws.Cells["A5"].Text);
            Assert.Equal("未检查 · 另有3项不适用", ws.Cells["G5"].Text);
            Assert.Equal("FFE04B4B", ws.Cells["A4"].Style.Fill.BackgroundColor.Rgb);
            Assert.Equal("FFFFD966", ws.Cells["C4"].Style.Fill.BackgroundColor.Rgb);
            Assert.Equal("FF63BE7B", ws.Cells["E4"].Style.Fill.BackgroundColor.Rgb);
            Assert.Equal("FFBFBFBF", ws.Cells["G4"].Style.Fill.BackgroundColor.Rgb);
        }

        [Fact]
        public void Each_area_has_one_light_with_the_worst_status_of_its_findings()
        {
            using var package = new ExcelPackage(new FileInfo(_run.Xlsx));
            ExcelWorksheet ws = package.Workbook.Worksheets.First();
            Assert.Equal("各领域状态(取最差结果)", ws.Cells["A7"].Text);
            var lights = Enumerable.Range(1, 13).Select(c => ws.Cells[8, c]).ToList();
            Assert.Equal(new[] { "坐席", "投诉", "号码", "人员", "数据", "备案", "场景", "材料", "系统", "培训", "收入", "信用", "处罚" }, lights.Select(l => l.Text.Split('\n')[0]).ToArray());
            Assert.Equal("坐席\n红", lights[0].Text);            // SEAT-001 is Red
            Assert.Equal("FFE04B4B", lights[0].Style.Fill.BackgroundColor.Rgb);
            Assert.Equal("材料\n未检查", lights[7].Text);         // MAT-001..004 could not run
            Assert.Equal("FFBFBFBF", lights[7].Style.Fill.BackgroundColor.Rgb);
            Assert.Equal("培训\n黄", lights[9].Text);             // TRAIN-001 is Yellow
            Assert.Equal("系统\n绿", lights[8].Text);
            foreach (string area in new[] { "Seats", "Materials", "Training", "Systems" })
            {
                var statuses = _run.Findings.Where(f => f.Text("Area") == area).Select(f => f.Text("Status")).ToList();
                Assert.NotEmpty(statuses);
            }
        }

        [Fact]
        public void Four_charts_answer_the_four_questions()
        {
            using var package = new ExcelPackage(new FileInfo(_run.Xlsx));
            ExcelWorksheet ws = package.Workbook.Worksheets.First();
            var charts = ws.Drawings.Cast<ExcelChart>().ToList();
            Assert.Equal(new[] { "Trend", "Loads", "Owners", "Upcoming" }, charts.Select(c => c.Name).ToArray());
            Assert.Equal(new[] { eChartType.LineMarkers, eChartType.BarStacked, eChartType.BarStacked, eChartType.ColumnStacked }, charts.Select(c => c.ChartType).ToArray());
            Assert.Equal("CMPL-001 月度投诉率与红线", charts[0].Title.Text);
            Assert.Equal(3, charts[0].Series.Count); // the rate, its line, the months over it
            int months = _run.Findings.Count(f => f.Text("RuleId") == "CMPL-001" && f.Text("Period").Length == 7);
            Assert.Equal(12, months);
            Assert.Equal("'仪表盘'!$P$5:$P$16", charts[0].Series[0].Series); // twelve months of data beside the page
        }

        [Fact]
        public void The_dashboard_prints_on_one_a4_landscape_page()
        {
            using var package = new ExcelPackage(new FileInfo(_run.Xlsx));
            ReportReader.AssertDashboardFitsOnePage(package.Workbook.Worksheets.First());
        }

        [Fact]
        public void The_ten_most_urgent_actions_are_listed_most_overdue_first_with_days_left()
        {
            using var package = new ExcelPackage(new FileInfo(_run.Xlsx));
            ExcelWorksheet ws = package.Workbook.Worksheets.First();
            int header = Enumerable.Range(1, 60).First(r => ws.Cells[r, 1].Text == "规则");
            Assert.Equal("最紧急的十项行动", ws.Cells[header - 1, 1].Text);
            Assert.Equal(new[] { "规则", "要做什么", "负责人", "截止日期", "剩余天数" }, new[] { 1, 3, 9, 11, 12 }.Select(c => ws.Cells[header, c].Text).ToArray());
            var due = Enumerable.Range(header + 1, 10).Select(r => DateTime.FromOADate((double)ws.Cells[r, 11].Value)).ToList();
            Assert.Equal(due.OrderBy(d => d).ToList(), due);
            var open = _run.Items.Where(i => i.Text("Status") != "Completed").Select(i => (DateTime)i.Prop("DueDate")).OrderBy(d => d).Take(10).ToList();
            Assert.Equal(open, due);
            int last = header + 1;
            int days = (int)(due[0] - new DateTime(2026, 3, 2)).TotalDays;
            Assert.Equal(days < 0 ? "逾期" + (-days) + "天" : (days == 0 ? "今天到期" : days + "天"), ws.Cells[last, 12].Text);
            Assert.Equal(string.Empty, ws.Cells[header + 11, 1].Text);
        }

        [Fact]
        public void The_findings_sheet_still_says_whose_line_each_finding_was_judged_against()
        {
            using var package = new ExcelPackage(new FileInfo(_run.Xlsx));
            ExcelWorksheet ws = package.Workbook.Worksheets["发现"];
            Assert.Equal("判定线来源", ws.Cells[1, 9].Text);
            int seat = Enumerable.Range(2, ws.Dimension.End.Row - 1).First(r => ws.Cells[r, 1].Text == "SEAT-001");
            Assert.Equal("指引 · 年检指引 · 数据关", ws.Cells[seat, 9].Text);
            Assert.Equal(_run.Findings.Count + 1, ws.Dimension.End.Row);
        }

        [Fact]
        public void The_html_tiles_and_findings_table_count_the_same_findings()
        {
            IHtmlDocument doc = ReportReader.ParseHtml(_run.Html);
            Assert.Equal("zh-CN", doc.DocumentElement.GetAttribute("lang"));
            Assert.Equal("合规报告 · 示例呼叫中心有限公司", doc.QuerySelector("h1").TextContent);
            Assert.Equal("B2-20990001", doc.QuerySelector("[data-fact=licence] dd").TextContent);
            Assert.Equal("2025", doc.QuerySelector("[data-fact=year] dd").TextContent);
            var rows = doc.QuerySelectorAll("#findings-table tbody tr");
            Assert.Equal(_run.Findings.Count, rows.Length);
            foreach (string status in new[] { "Red", "Yellow", "Green", "Skipped" })
            {
                Assert.Equal(Count(status), ReportReader.Tile(doc, status));
                Assert.Equal(Count(status), rows.Count(r => r.GetAttribute("data-status") == status));
            }

            Assert.Equal(_run.Overdue, ReportReader.Tile(doc, "Overdue"));
            Assert.Equal(_run.DueSoon, ReportReader.Tile(doc, "DueSoon"));
            Assert.Equal(13, doc.QuerySelectorAll("ul.areas a").Length);
            Assert.Equal("Red", doc.QuerySelector("ul.areas a[data-area=Seats]").GetAttribute("data-worst"));
            Assert.Equal("Skipped", doc.QuerySelector("ul.areas a[data-area=Materials]").GetAttribute("data-worst"));
            Assert.Equal(new[] { "trend", "loads", "owners", "upcoming" }, doc.QuerySelectorAll("figure[data-chart]").Select(f => f.GetAttribute("data-chart")).ToArray());
            Assert.All(doc.QuerySelectorAll("figure[data-chart]"), f => Assert.NotNull(f.QuerySelector("svg")));
            Assert.Equal(12, doc.QuerySelectorAll("figure[data-chart=trend] circle").Length); // one point per month
            Assert.Equal(10, doc.QuerySelectorAll("table.urgent tbody tr").Length);
        }

        [Fact]
        public void The_html_has_the_findings_filters_evidence_plan_and_a_gantt_of_every_item()
        {
            IHtmlDocument doc = ReportReader.ParseHtml(_run.Html);
            Assert.Equal(new[] { "dashboard", "findings", "evidence", "plan", "schedule" }, doc.QuerySelectorAll("main > section").Select(s => s.Id).ToArray());
            Assert.NotNull(doc.QuerySelector("select#f-status"));
            Assert.NotNull(doc.QuerySelector("select#f-area option[value=Complaints]"));
            Assert.NotNull(doc.QuerySelector("input#f-search"));
            Assert.Equal(_run.Items.Count, doc.QuerySelectorAll("#schedule-table tbody tr").Length);
            Assert.All(doc.QuerySelectorAll("#schedule-table tbody tr"), tr => Assert.NotNull(tr.QuerySelector("svg rect")));
            Assert.Equal(_run.Items.Count(i => i.Text("Kind") == "Rectification"), doc.QuerySelectorAll("#plan-table tbody tr").Length);
            int evidence = _run.Findings.Sum(f => ((System.Collections.IEnumerable)f.Prop("Evidence")).Cast<object>().Count());
            Assert.Equal(evidence, doc.QuerySelectorAll("#evidence-table tbody tr").Length);
            var seat = doc.QuerySelectorAll("#findings-table tbody tr").First(r => r.GetAttribute("data-rule") == "SEAT-001");
            Assert.Equal("指引 · 年检指引 · 数据关", seat.QuerySelector("td.origin").TextContent);
            Assert.Equal("Guide", seat.QuerySelector("td.origin").GetAttribute("data-origin"));
        }

        [Fact]
        public void The_html_fetches_nothing_and_allows_only_its_own_style_and_script()
        {
            IHtmlDocument doc = ReportReader.ParseHtml(_run.Html);
            ReportReader.AssertSelfContained(doc, File.ReadAllText(_run.Html));
            ReportReader.AssertStrictCsp(doc);
        }

        [Fact]
        public void No_phone_or_id_number_from_the_sample_is_in_clear_in_either_report()
        {
            string text = ReportReader.ParseHtml(_run.Html).Body.TextContent;
            Assert.DoesNotMatch(@"(?<!\d)1[3-9]\d{9}(?!\d)", text);
            Assert.DoesNotMatch(@"(?<!\d)[1-9]\d{16}[\dXx](?!\d)", text);
            using var package = new ExcelPackage(new FileInfo(_run.Xlsx));
            foreach (ExcelWorksheet ws in package.Workbook.Worksheets)
            {
                Assert.DoesNotContain(ws.Cells[ws.Dimension.Address], c => System.Text.RegularExpressions.Regex.IsMatch(c.Text, @"(?<!\d)1[3-9]\d{9}(?!\d)"));
            }
        }
    }
}
