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
            var file = _ps.Run(Pipeline + "@($f) + @($p) + @($s) | Export-ComplianceReport -Path $args[0]", path).Single();
            Assert.Equal(path, file.Text("FullName"));
            using (var package = new OfficeOpenXml.ExcelPackage(new FileInfo(path)))
            {
                Assert.Equal(2, package.Workbook.Worksheets["Findings"].Dimension.End.Row);
                Assert.Equal(2, package.Workbook.Worksheets["Plan"].Dimension.End.Row);
                Assert.Equal(1 + 1 + 9, package.Workbook.Worksheets["Schedule"].Dimension.End.Row);
            }
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
                    Assert.Equal("信号灯", package.Workbook.Worksheets["仪表盘"].Cells[1, 7].Text);
                    Assert.Equal("红", package.Workbook.Worksheets["仪表盘"].Cells[2, 7].Text);
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
