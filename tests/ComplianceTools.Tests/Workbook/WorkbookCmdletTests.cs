using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Management.Automation;
using System.Xml.Linq;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Workbook
{
    /// <summary>New-ComplianceWorkbook and Import-ComplianceWorkbook through a real runspace, as a user runs them.</summary>
    [Collection(SampleWorkbook.Collection)]
    public sealed class WorkbookCmdletTests : IDisposable
    {
        private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        private readonly ModuleSession _ps = new ModuleSession();
        private readonly TempFolder _tmp = Paths.NewTempFolder();
        private readonly SampleWorkbook _sample;

        public WorkbookCmdletTests(SampleWorkbook sample)
        {
            _sample = sample;
        }

        public void Dispose()
        {
            _ps.Dispose();
            _tmp.Dispose();
        }

        [Fact]
        public void The_sample_round_trips_to_the_vacancy_the_sample_was_built_with()
        {
            string path = _sample.Book;
            Assert.Equal(path, _sample.Written.Text("FullName"));

            // $global:book is Import-ComplianceWorkbook -Path of the file New-ComplianceWorkbook wrote.
            PSObject ds = _sample.Ps.Run("$global:book").Single();
            Assert.Equal(path, ds.Text("Path"));
            Assert.Equal("示例呼叫中心有限公司", PSObject.AsPSObject(ds.Prop("Company")).Text("CompanyName"));
            Assert.Equal(17, ((System.Collections.IEnumerable)ds.Prop("SheetsPresent")).Cast<object>().Count());
            Assert.Equal(30000, ((System.Collections.ICollection)ds.Prop("Complaints")).Count);
            Assert.Empty((System.Collections.ICollection)ds.Prop("Problems"));

            PSObject fromDataset = _sample.Ps.Run("$global:book | Get-SeatVacancy").Single();
            Assert.Equal(0.32, (double)fromDataset.Prop("Value"), 10);
            Assert.Equal("Red", fromDataset.Text("Severity"));

            PSObject fromRows = _ps.Run("Import-ComplianceWorkbook -Path $args[0] -Sheet Seats | Get-SeatVacancy", path).Single();
            Assert.Equal(0.32, (double)fromRows.Prop("Value"), 10);

            var counted = _ps.Run("$n = 0; Import-ComplianceWorkbook $args[0] 坐席 | ForEach-Object { $n++ }; $n", path).Single();
            Assert.Equal(2000, (int)counted.BaseObject);
        }

        [Fact]
        public void The_same_year_gives_the_same_bytes()
        {
            string again = _tmp.File("again.xlsx");
            _ps.Run("New-ComplianceWorkbook $args[0] -Sample -Year 2025", again).ThrowOnError();
            Assert.Equal(_sample.WrittenHash, SampleWorkbook.Hash(again));
        }

        [Fact]
        public void An_existing_file_is_not_overwritten_without_force_and_is_with_it()
        {
            string path = _tmp.File("exists.xlsx");
            File.WriteAllText(path, "keep me");

            var refused = _ps.Run("New-ComplianceWorkbook -Path $args[0]", path);
            Assert.Empty(refused.Output);
            ErrorRecord error = Assert.Single(refused.AllErrors);
            Assert.Equal("ComplianceTools.Workbook.FileExists,ComplianceTools.Commands.Workbook.NewComplianceWorkbookCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Equal("keep me", File.ReadAllText(path));

            _ps.Run("New-ComplianceWorkbook -Path $args[0] -Force -WhatIf", path).ThrowOnError();
            Assert.Equal("keep me", File.ReadAllText(path));

            _ps.Run("New-ComplianceWorkbook -Path $args[0] -Force", path).Single();
            Assert.NotEqual("keep me", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(_tmp.FullName));
        }

        [Fact]
        public void The_template_has_instructions_bilingual_headers_frozen_rows_and_drop_downs()
        {
            string path = _tmp.File("template.xlsx");
            _ps.Run("New-ComplianceWorkbook $args[0] -Year 2025", path).Single();
            using (ZipArchive zip = ZipFile.OpenRead(path))
            {
                XDocument workbook = Load(zip, "xl/workbook.xml");
                var tabs = workbook.Descendants(Main + "sheet").Select(s => (string)s.Attribute("name")).ToList();
                Assert.Equal("说明 Instructions", tabs[0]);
                Assert.Equal(new[] { "公司信息 Company", "检查准备 Readiness", "坐席 Seats" }, tabs.Skip(1).Take(3));
                Assert.Equal(18, tabs.Count);

                string[] strings = Load(zip, "xl/sharedStrings.xml").Descendants(Main + "t").Select(t => t.Value).ToArray();
                XDocument seats = Load(zip, "xl/worksheets/sheet4.xml");
                string a1 = strings[int.Parse(seats.Descendants(Main + "c").First(c => (string)c.Attribute("r") == "A1").Element(Main + "v").Value)];
                Assert.Equal("坐席编号 SeatId", a1);
                Assert.Equal("frozen", (string)seats.Descendants(Main + "pane").Single().Attribute("state"));
                var lists = seats.Descendants(Main + "dataValidation").ToDictionary(v => ((string)v.Attribute("sqref")).Substring(0, 1), v => v.Element(Main + "formula1").Value);
                Assert.Equal("\"否,是\"", lists["C"]);
                Assert.Equal("\"物理坐席,云坐席,AI坐席\"", lists["B"]);
                Assert.Contains(strings, s => s.StartsWith("坐席明细表", StringComparison.Ordinal));
            }

            // The unfilled form's required fields are reported; the year given by -Year is there.
            var r = _ps.Run("Import-ComplianceWorkbook $args[0]", path);
            PSObject ds = Assert.Single(r.Output);
            Assert.Equal(2025, PSObject.AsPSObject(ds.Prop("Company")).Prop("ReportYear"));
            Assert.Empty((System.Collections.ICollection)ds.Prop("Seats"));
            Assert.Equal(new[] { "B (公司名称 CompanyName)", "B (许可证编号 LicenceNumber)" }, r.Errors.Select(e => e.TargetObject.ToString().Substring(e.TargetObject.ToString().IndexOf("column ", StringComparison.Ordinal) + 7)));
            Assert.All(r.Errors, e => Assert.StartsWith("ComplianceTools.Workbook.InvalidCell,", e.FullyQualifiedErrorId, StringComparison.Ordinal));
        }

        [Fact]
        public void A_bad_cell_is_a_non_terminating_invalid_data_error_and_the_other_rows_still_come()
        {
            string path = new XlsxBuilder().Sheet("Seats",
                new object[] { "坐席编号 SeatId", "是否开通 Activated" },
                new object[] { "S1", "是" },
                new object[] { "S2", "maybe" },
                new object[] { "S3", "是" }).Save(_tmp.File("seats-bad-activated-cell.xlsx"));

            var r = _ps.Run("Import-ComplianceWorkbook $args[0] -Sheet Seats", path);
            Assert.Equal(new[] { "S1", "S2", "S3" }, r.Output.Select(o => o.Text("SeatId")));
            ErrorRecord error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Workbook.InvalidCell,ComplianceTools.Commands.Workbook.ImportComplianceWorkbookCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains("row 3, column B (是否开通 Activated)", error.Exception.Message);
            Assert.Contains("'maybe'", error.Exception.Message);
        }

        [Fact]
        public void A_missing_sheet_and_a_missing_column_are_one_clear_error_each()
        {
            string path = new XlsxBuilder().Sheet("坐席", new object[] { "坐席编号" }, new object[] { "S1" }).Save(_tmp.File("seats-without-activated-and-no-complaints.xlsx"));

            var noSheet = _ps.Run("Import-ComplianceWorkbook $args[0] -Sheet 投诉", path);
            Assert.Equal("ComplianceTools.Workbook.SheetNotFound,ComplianceTools.Commands.Workbook.ImportComplianceWorkbookCommand", Assert.Single(noSheet.AllErrors).FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, noSheet.AllErrors.Single().CategoryInfo.Category);

            var noColumn = _ps.Run("Import-ComplianceWorkbook $args[0] -Sheet Seats", path);
            Assert.Empty(noColumn.Output);
            ErrorRecord error = Assert.Single(noColumn.AllErrors);
            Assert.Equal("ComplianceTools.Workbook.ColumnMissing,ComplianceTools.Commands.Workbook.ImportComplianceWorkbookCommand", error.FullyQualifiedErrorId);
            Assert.Contains("是否开通 Activated", error.Exception.Message);
            Assert.Contains("'坐席编号'", error.Exception.Message);
        }

        [Fact]
        public void Several_paths_from_the_pipeline_each_give_a_dataset_and_a_missing_one_an_error_without_stopping_the_rest()
        {
            string first = new XlsxBuilder().Sheet("坐席", new object[] { "坐席编号 SeatId", "是否开通 Activated" }, new object[] { "S1", "是" }).Save(_tmp.File("one-seat.xlsx"));
            string missing = _tmp.File("missing.xlsx");
            string last = new XlsxBuilder().Sheet("坐席", new object[] { "坐席编号 SeatId", "是否开通 Activated" }, new object[] { "S1", "否" }, new object[] { "S2", "是" }).Save(_tmp.File("two-seats.xlsx"));
            var r = _ps.Run("$args[0], $args[1], $args[2] | Import-ComplianceWorkbook", first, missing, last);
            Assert.Equal(new[] { first, last }, r.Output.Select(ds => ds.Text("Path")));
            Assert.Equal(new[] { 1, 2 }, r.Output.Select(ds => ((System.Collections.ICollection)ds.Prop("Seats")).Count));
            Assert.Equal("ComplianceTools.Workbook.FileNotFound,ComplianceTools.Commands.Workbook.ImportComplianceWorkbookCommand", Assert.Single(r.AllErrors).FullyQualifiedErrorId);
        }

        [Fact]
        public void A_form_sheet_gives_one_object_and_an_unknown_sheet_name_is_an_error_listing_the_names_to_use()
        {
            PSObject company = _ps.Run("Import-ComplianceWorkbook $args[0] -Sheet 公司信息", _sample.Book).Single();
            Assert.Equal("B2-20990001", company.Text("LicenceNumber"));
            Assert.Equal(2000, company.Prop("SeatsOnFile"));

            var r = _ps.Run("Import-ComplianceWorkbook $args[0] -Sheet Seets", _sample.Book);
            Assert.Empty(r.Output);
            Assert.Equal("ComplianceTools.Workbook.UnknownSheet,ComplianceTools.Commands.Workbook.ImportComplianceWorkbookCommand", Assert.Single(r.AllErrors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Importing_never_changes_the_workbook()
        {
            // The whole workbook was imported for $global:book; the hash was taken right after writing, before that.
            string path = _sample.Book;
            Assert.Equal(path, _sample.Ps.Run("$global:book").Single().Text("Path"));
            _ps.Run("$null = Import-ComplianceWorkbook $args[0] -Sheet Complaints", path).ThrowOnError();
            Assert.Equal(_sample.WrittenHash, SampleWorkbook.Hash(path));
        }

        [Fact]
        public void Messages_follow_the_chinese_ui_culture()
        {
            string path = _tmp.File("exists.xlsx");
            File.WriteAllText(path, "x");
            using (var zh = new ModuleSession("zh-CN"))
            {
                var r = zh.Run("New-ComplianceWorkbook $args[0]", path);
                Assert.Contains("已存在。如需覆盖请加 -Force", Assert.Single(r.AllErrors).Exception.Message);

                // Rows are read ahead on a second thread; its messages still follow the caller's culture.
                string bad = new XlsxBuilder().Sheet("坐席", new object[] { "坐席编号", "是否开通" }, new object[] { "S1", "也许" }).Save(_tmp.File("seats-bad-cell-zh.xlsx"));
                var read = zh.Run("Import-ComplianceWorkbook $args[0] -Sheet 坐席", bad);
                Assert.Single(read.Output);
                Assert.Equal("seats-bad-cell-zh.xlsx,工作表“坐席”第2行B (是否开通 Activated)列:应为以下之一:否, 是,实际为“也许”。该单元格按空值处理,该行仍会读取。", Assert.Single(read.AllErrors).Exception.Message);
            }
        }

        private static XDocument Load(ZipArchive zip, string name)
        {
            using (Stream s = zip.GetEntry(name).Open())
            {
                return XDocument.Load(s);
            }
        }
    }
}
