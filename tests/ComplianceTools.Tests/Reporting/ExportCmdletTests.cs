using System;
using System.IO;
using System.Linq;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Reporting
{
    /// <summary>Export-ComplianceReport and Export-ComplianceTask through a real runspace.</summary>
    public sealed class ExportCmdletTests : IDisposable
    {
        private const string Pipeline = @"
$f = Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69
$p = $f | New-RectificationPlan -NoticeDate '2025-09-26' -Owner @{ Seats = 'wang.fang@example.com' }
$s = New-ComplianceSchedule -Year 2026 -Kind Inspection -Owner @{ '*' = 'lead@example.com' } -AsOf '2026-01-01'
";

        private readonly ModuleSession _ps = new ModuleSession();
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public void Dispose()
        {
            _ps.Dispose();
            _tmp.Dispose();
        }

        [Fact]
        public void Findings_plan_and_schedule_go_into_one_workbook()
        {
            string path = _tmp.File("report.xlsx");
            var file = _ps.Run(Pipeline + "@($f) + @($p) + @($s) | Export-ComplianceReport -Path $args[0] -Culture en-US", path).Single();
            Assert.Equal(path, file.Text("FullName"));
            using (var package = new OfficeOpenXml.ExcelPackage(new FileInfo(path)))
            {
                Assert.Equal(2, package.Workbook.Worksheets["Findings"].Dimension.End.Row);
                Assert.Equal(2, package.Workbook.Worksheets["Plan"].Dimension.End.Row);
                Assert.Equal(1 + 1 + 9, package.Workbook.Worksheets["Schedule"].Dimension.End.Row);
            }
        }

        [Fact]
        public void The_files_written_come_back_as_the_file_system_gives_them_even_with_brackets_in_the_name()
        {
            // A plain FileInfo showed blank mode, size and owner columns in pwsh's file view; Get-Item's object does not.
            string report = _tmp.File("report[2026].xlsx");
            string tasks = _tmp.File("tasks[2026].ics");
            var r = _ps.Run(Pipeline + "$f | Export-ComplianceReport -Path $args[0]; @($p) + @($s) | Export-ComplianceTask -Path $args[1]", report, tasks);
            r.ThrowOnError();
            Assert.Equal(new[] { report, tasks }, r.Output.Select(o => o.Text("FullName")));
            Assert.All(r.Output, o =>
            {
                Assert.StartsWith("Microsoft.PowerShell.Core\\FileSystem::", o.Text("PSPath"), StringComparison.Ordinal);
                Assert.True((long)o.Prop("Length") > 0);
            });
        }

        [Fact]
        public void An_existing_report_is_kept_without_force_and_replaced_with_it()
        {
            string path = _tmp.File("report.xlsx");
            File.WriteAllText(path, "keep me");
            var r = _ps.Run(Pipeline + "$f | Export-ComplianceReport -Path $args[0]", path);
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Output.FileExists,ComplianceTools.Commands.Reporting.ExportComplianceReportCommand", error.FullyQualifiedErrorId);
            Assert.Equal("keep me", File.ReadAllText(path));
            _ps.Run(Pipeline + "$f | Export-ComplianceReport -Path $args[0] -Force", path).ThrowOnError();
            Assert.NotEqual("keep me", File.ReadAllText(path));
        }

        [Fact]
        public void Arrays_given_to_InputObject_are_unrolled_as_the_pipeline_unrolls_them()
        {
            string path = _tmp.File("report.xlsx");
            _ps.Run(Pipeline + "Export-ComplianceReport -Path $args[0] -InputObject @($f, $p, $s) -Culture en-US", path).ThrowOnError();
            using (var package = new OfficeOpenXml.ExcelPackage(new FileInfo(path)))
            {
                Assert.Equal(2, package.Workbook.Worksheets["Findings"].Dimension.End.Row);
                Assert.Equal(2, package.Workbook.Worksheets["Plan"].Dimension.End.Row);
                Assert.Equal(1 + 1 + 9, package.Workbook.Worksheets["Schedule"].Dimension.End.Row);
            }
        }

        [Fact]
        public void Nothing_to_report_is_an_error_and_an_existing_report_is_kept_even_with_force()
        {
            string path = _tmp.File("report.xlsx");
            File.WriteAllText(path, "keep me");
            foreach (string empty in new[] { "@() | Export-ComplianceReport -Path $args[0] -Force", "$null | Export-ComplianceReport -Path $args[0] -Force", "Export-ComplianceReport -Path $args[0] -InputObject @() -Force" })
            {
                var r = _ps.Run(empty, path);
                Assert.Equal("ComplianceTools.Report.Empty,ComplianceTools.Commands.Reporting.ExportComplianceReportCommand", Assert.Single(r.AllErrors).FullyQualifiedErrorId);
                Assert.Equal("keep me", File.ReadAllText(path));
            }

            var written = _ps.Run("@() | Export-ComplianceReport -Path $args[0] -Force -AllowEmpty", path).ThrowOnError().Output.Single();
            Assert.Equal(path, written.Text("FullName"));
            Assert.NotEqual("keep me", File.ReadAllText(path));
        }

        [Fact]
        public void A_html_path_writes_the_html_report_with_the_company_of_the_dataset()
        {
            string path = _tmp.File("report.html");
            string script = "$d = [ComplianceTools.Core.Workbook.ComplianceDataset]::new(); $d.Company = [ComplianceTools.Core.Workbook.Sheets.CompanyProfile]@{ CompanyName = '某某呼叫中心有限公司'; LicenceNumber = 'B2-20990002'; ReportYear = 2025 }; " +
                "@($f) + @($p) | Export-ComplianceReport -Path $args[0] -Dataset $d -AsOf 2025-10-10";
            var file = _ps.Run(Pipeline + script, path).ThrowOnError().Output.Single();
            Assert.Equal(path, file.Text("FullName"));
            var doc = ReportReader.ParseHtml(path);
            Assert.Equal("合规报告 · 某某呼叫中心有限公司", doc.QuerySelector("h1").TextContent);
            Assert.Equal("B2-20990002", doc.QuerySelector("[data-fact=licence] dd").TextContent);
            Assert.Equal(1, ReportReader.Tile(doc, "Red"));
            Assert.Equal(1, ReportReader.Tile(doc, "DueSoon")); // the SEAT-001 item, due 16 October: 10 working days after 26 September with the National Day week off
            ReportReader.AssertStrictCsp(doc);
        }

        [Fact]
        public void The_html_report_masks_owners_and_IncludePersonalData_shows_them()
        {
            string masked = _tmp.File("masked.html");
            string clear = _tmp.File("clear.html");
            _ps.Run(Pipeline + "@($f) + @($p) | Export-ComplianceReport -Path $args[0] -AsOf 2025-10-10", masked).ThrowOnError();
            _ps.Run(Pipeline + "@($f) + @($p) | Export-ComplianceReport -Path $args[0] -AsOf 2025-10-10 -IncludePersonalData", clear).ThrowOnError();
            string plan = ReportReader.ParseHtml(masked).QuerySelector("#plan tbody").TextContent;
            Assert.Contains("w********@example.com", plan);
            Assert.DoesNotContain("wang.fang", File.ReadAllText(masked));
            Assert.Contains("wang.fang@example.com", ReportReader.ParseHtml(clear).QuerySelector("#plan tbody").TextContent);
        }

        [Fact]
        public void Culture_picks_the_report_language_and_the_session_keeps_its_own()
        {
            using (var zh = new ModuleSession("zh-CN"))
            {
                string path = _tmp.File("english.xlsx");
                var r = zh.Run(Pipeline + "$f | Export-ComplianceReport -Path $args[0] -Culture en-US | Out-Null; [cultureinfo]::CurrentUICulture.Name", path).ThrowOnError();
                Assert.Equal("zh-CN", r.Output.Single().ToString());
                using (var package = new OfficeOpenXml.ExcelPackage(new FileInfo(path)))
                {
                    Assert.Equal("Dashboard", package.Workbook.Worksheets.First().Name);
                    Assert.StartsWith("Compliance report", package.Workbook.Worksheets.First().Cells["A1"].Text, StringComparison.Ordinal);
                    Assert.Equal("Seat vacancy rate", package.Workbook.Worksheets["Findings"].Cells[2, 2].Text); // the finding was made in Chinese
                }
            }

            var bad = _ps.Run(Pipeline + "$f | Export-ComplianceReport -Path $args[0] -Culture fr-FR", _tmp.File("fr.xlsx"));
            Assert.StartsWith("ParameterArgumentValidationError", Assert.Single(bad.AllErrors).FullyQualifiedErrorId, StringComparison.Ordinal);
        }

        [Fact]
        public void By_default_the_report_is_in_chinese_whatever_the_session_language()
        {
            string path = _tmp.File("默认.xlsx");
            _ps.Run(Pipeline + "$f | Export-ComplianceReport -Path $args[0]", path).ThrowOnError();
            using (var package = new OfficeOpenXml.ExcelPackage(new FileInfo(path)))
            {
                Assert.Equal("仪表盘", package.Workbook.Worksheets.First().Name);
                Assert.Equal("坐席空置率", package.Workbook.Worksheets["发现"].Cells[2, 2].Text); // the finding was made in English
            }
        }

        [Fact]
        public void Under_a_chinese_ui_culture_sheets_headers_and_schedule_titles_are_chinese()
        {
            using (var zh = new ModuleSession("zh-CN"))
            {
                string path = _tmp.File("报表.xlsx");
                var items = zh.Run("New-ComplianceSchedule -Year 2026 -Kind AnnualReport -Owner @{ '*' = 'lead@example.com' }").ThrowOnError().Output;
                Assert.Equal("年报:系统预填、交叉复核", items.Single(o => o.Text("Key") == "SCHED|AnnualReport|2026|pre-fill").Text("Title"));
                zh.Run(Pipeline + "@($f) + @($p) + @($s) | Export-ComplianceReport -Path $args[0]", path).ThrowOnError();
                using (var package = new OfficeOpenXml.ExcelPackage(new FileInfo(path)))
                {
                    Assert.Equal(new[] { "仪表盘", "发现", "证据", "整改计划", "排期" }, package.Workbook.Worksheets.Select(w => w.Name).ToArray());
                    Assert.Equal("红灯 · 项检查", package.Workbook.Worksheets["仪表盘"].Cells["A5"].Text);
                    Assert.Equal("红", package.Workbook.Worksheets["发现"].Cells[2, 3].Text);
                }
            }
        }

        [Fact]
        public void WhatIf_writes_nothing()
        {
            string path = _tmp.File("report.xlsx");
            _ps.Run(Pipeline + "$f | Export-ComplianceReport -Path $args[0] -WhatIf", path).ThrowOnError();
            Assert.False(File.Exists(path));
        }

        [Fact]
        public void Other_objects_are_reported_and_the_rest_is_written()
        {
            string path = _tmp.File("report.xlsx");
            var r = _ps.Run(Pipeline + "@($f, 'not a finding') | Export-ComplianceReport -Path $args[0]", path);
            var error = Assert.Single(r.Errors);
            Assert.Equal("ComplianceTools.Report.InputNotSupported,ComplianceTools.Commands.Reporting.ExportComplianceReportCommand", error.FullyQualifiedErrorId);
            Assert.True(File.Exists(path));
        }

        [Fact]
        public void Tasks_go_to_an_ics_file_whose_uids_are_the_item_keys()
        {
            string path = _tmp.File("tasks.ics");
            _ps.Run(Pipeline + "@($p) + @($s) | Export-ComplianceTask -Path $args[0] -Component Todo", path).ThrowOnError();
            var calendar = Ical.Net.Calendar.Load(File.ReadAllText(path));
            Assert.Equal(1 + 9, calendar.Todos.Count);
            var closes = calendar.Todos.Single(t => t.Uid == "SCHED|Inspection|2026|system-closes@compliancetools");
            Assert.Equal(new DateTime(2026, 4, 1), closes.DtStart.Value);
            Assert.Equal(new DateTime(2026, 4, 30), closes.Due.Value);
        }

        [Fact]
        public void A_csv_extension_gives_csv_and_an_existing_file_needs_force()
        {
            string path = _tmp.File("tasks.csv");
            _ps.Run(Pipeline + "$p | Export-ComplianceTask -Path $args[0]", path).ThrowOnError();
            byte[] bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3).ToArray()); // the BOM makes Excel read Chinese as UTF-8
            Assert.StartsWith("Key,Kind,Title", System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), StringComparison.Ordinal);
            var r = _ps.Run(Pipeline + "$p | Export-ComplianceTask -Path $args[0]", path);
            Assert.Equal("ComplianceTools.Output.FileExists,ComplianceTools.Commands.Reporting.ExportComplianceTaskCommand", Assert.Single(r.AllErrors).FullyQualifiedErrorId);
        }
    }
}
