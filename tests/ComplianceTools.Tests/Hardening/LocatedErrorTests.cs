using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Management.Automation;
using System.Text;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Engine.Workbook;
using ComplianceTools.Tests.Infrastructure;
using ComplianceTools.Tests.Workbook;

namespace ComplianceTools.Tests.Hardening
{
    /// <summary>
    /// Issue 13, family 2: no raw .NET exception reaches the user. Every hostile input below gives an ErrorRecord with
    /// a ComplianceTools.* id that names the file (and part, sheet or row), and the next input is still processed.
    /// </summary>
    public sealed class LocatedErrorTests : IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public void Dispose()
        {
            _ps.Dispose();
            _tmp.Dispose();
        }

        public static TheoryData<string, string, string> HostileWorkbooks => new TheoryData<string, string, string>
        {
            // name, what is done to the sheet part of a good workbook, error id
            { "truncated-sheet", "truncate", "ComplianceTools.Workbook.Unreadable" },
            { "dtd-in-sheet", "dtd", "ComplianceTools.Workbook.DtdNotAllowed" },
            { "dtd-in-shared-strings", "dtd-sst", "ComplianceTools.Workbook.DtdNotAllowed" },
            { "strings-bomb", "bomb", "ComplianceTools.Workbook.TooLarge" },
            { "not-xml", "garbage", "ComplianceTools.Workbook.Unreadable" },
            { "zip-cut-short", "cut-zip", "ComplianceTools.Workbook.Damaged" },
        };

        [Theory]
        [MemberData(nameof(HostileWorkbooks))]
        public void A_hostile_workbook_is_a_located_error_and_the_next_path_is_still_read(string name, string damage, string errorId)
        {
            string bad = Hostile(name, damage);
            string good = Good("good-" + name + ".xlsx");

            var r = _ps.Run("$args[0], $args[1] | Import-ComplianceWorkbook", bad, good);

            ErrorRecord error = Assert.Single(r.AllErrors);
            Assert.Equal(errorId + ",ComplianceTools.Commands.Workbook.ImportComplianceWorkbookCommand", error.FullyQualifiedErrorId);
            Assert.Contains(Path.GetFileName(bad), error.Exception.Message);
            Assert.IsType<ComplianceException>(error.Exception);
            var dataset = Assert.Single(r.Output);
            Assert.Equal(good, dataset.Text("Path"));
        }

        [Fact]
        public void A_workbook_under_a_megabyte_that_would_expand_past_memory_is_refused_from_the_zip_directory()
        {
            // 600 MiB of shared strings (more than the 512 MiB a workbook may hold) squeezed into under a megabyte:
            // refused before a byte of it is inflated.
            string path = _tmp.File("bomb.xlsx");
            using (var source = ZipFile.OpenRead(Good("base.xlsx")))
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                foreach (ZipArchiveEntry entry in source.Entries.Where(e => e.FullName != "xl/sharedStrings.xml"))
                {
                    using (Stream from = entry.Open())
                    using (Stream to = zip.CreateEntry(entry.FullName).Open())
                    {
                        from.CopyTo(to);
                    }
                }

                using (Stream s = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Optimal).Open())
                {
                    byte[] block = Encoding.ASCII.GetBytes(new string('A', 1 << 20));
                    for (int i = 0; i < 600; i++)
                    {
                        s.Write(block, 0, block.Length);
                    }
                }
            }

            Assert.True(new FileInfo(path).Length < 1L << 20, new FileInfo(path).Length.ToString());
            long before = GC.GetAllocatedBytesForCurrentThread();
            var ex = Assert.Throws<ComplianceException>(() => WorkbookReader.ReadDataset(path, null));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal("ComplianceTools.Workbook.TooLarge", ex.ErrorId);
            Assert.Contains("xl/sharedStrings.xml", ex.Message);
            Assert.True(allocated < 64L << 20, "reading allocated " + allocated + " bytes");
        }

        [Fact]
        public void A_very_long_output_name_is_written_when_the_name_itself_is_valid()
        {
            // 240 characters + .ics: valid; the old temporary name (.name.xxxxxxxx.tmp) pushed it past 255.
            string name = new string('a', 240) + ".ics";
            string path = _tmp.File(name);
            var r = _ps.Run("New-ComplianceSchedule -Year 2026 -Kind Inspection -AsOf '2026-01-01' -WarningAction SilentlyContinue | Export-ComplianceTask -Path $args[0]", path);
            r.ThrowOnError();
            Assert.True(File.Exists(path));
            Assert.Single(Directory.GetFiles(_tmp.FullName));
        }

        [Fact]
        public void An_output_name_longer_than_file_systems_take_is_a_located_error()
        {
            string path = _tmp.File(new string('名', 100) + ".ics");
            var r = _ps.Run("New-ComplianceSchedule -Year 2026 -Kind Inspection -AsOf '2026-01-01' -WarningAction SilentlyContinue | Export-ComplianceTask -Path $args[0]", path);
            ErrorRecord error = Assert.Single(r.AllErrors);
            Assert.StartsWith("ComplianceTools.Output.NameTooLong,", error.FullyQualifiedErrorId);
            Assert.Contains("304 bytes", error.Exception.Message);
            Assert.Empty(Directory.GetFiles(_tmp.FullName));
        }

        [Theory]
        [InlineData("Get-ComplianceDueDate -From '9999-12-30' -WorkingDays 10", "ComplianceTools.Calendar.DateOutOfRange")]
        [InlineData("Get-ComplianceDueDate -From '0001-01-01' -WorkingDays -1", "ComplianceTools.Calendar.DateOutOfRange")]
        [InlineData("Get-ComplianceDueDate -From '2199-12-20' -WorkingDays 30", "ComplianceTools.Calendar.DateOutOfRange")]
        [InlineData("Get-ComplianceDueDate -From '2025-01-01' -WorkingDays 2000000000", "ComplianceTools.Calendar.WorkingDaysOutOfRange")]
        [InlineData("Measure-ComplianceWorkingDay -From '0001-01-01' -To '9999-12-31'", "ComplianceTools.Calendar.DateOutOfRange")]
        public void Calendar_dates_and_counts_out_of_range_are_located_errors(string script, string errorId)
        {
            var r = _ps.Run(script + " -WarningAction SilentlyContinue");
            ErrorRecord error = Assert.Single(r.AllErrors);
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
            Assert.Empty(r.Output);
        }

        [Theory]
        [InlineData("{ \"years\": [123456789012345678901234567890], \"holidays\": {} }", "'123456789012345678901234567890' in \"years\" is not a year")]
        [InlineData("{ \"holidays\": { \"0001-01-01\": \"元旦\" } }", "'0001-01-01' is not a date")]
        public void A_holiday_file_with_a_30_digit_year_or_a_date_out_of_range_is_a_located_error(string json, string message)
        {
            string file = _tmp.File("holidays.json");
            File.WriteAllText(file, json);
            var r = _ps.Run("Get-ComplianceDueDate -From '2025-09-26' -WorkingDays 10 -HolidayFile $args[0]", file);
            ErrorRecord error = Assert.Single(r.AllErrors);
            Assert.StartsWith("ComplianceTools.Calendar.HolidayFileInvalid,", error.FullyQualifiedErrorId);
            Assert.Contains("holidays.json' line 1: " + message, error.Exception.Message);
        }

        [Fact]
        public void A_row_number_past_excels_last_row_stops_the_sheet_instead_of_reading_two_billion_blank_rows()
        {
            string path = _tmp.File("row-two-billion.xlsx");
            File.Copy(Good("base-rows.xlsx"), path);
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
            {
                string sheet = Read(zip, "xl/worksheets/sheet1.xml");
                Replace(zip, "xl/worksheets/sheet1.xml", sheet.Replace("</sheetData>", "<row r=\"2000000000\"><c r=\"A2000000000\" t=\"inlineStr\"><is><t>S9</t></is></c></row></sheetData>"));
            }

            var ex = Assert.Throws<ComplianceException>(() => WorkbookReader.ReadSheet(path, "Seats", null).ToList());
            Assert.Equal("ComplianceTools.Workbook.TooLarge", ex.ErrorId);
            Assert.Contains("goes past Excel's 1,048,576 rows or 16,384 columns", ex.Message);
        }

        [Fact]
        public void A_header_row_of_thousands_of_long_cells_gives_a_message_of_reasonable_size()
        {
            var header = new object[600];
            header[0] = "坐席编号";
            for (int i = 1; i < header.Length; i++)
            {
                // Varied text, so the part compresses as a real sheet does (a repeated one would be refused as a zip bomb).
                header[i] = string.Concat(Enumerable.Range(0, 100).Select(n => Guid.NewGuid().ToString("N")));
            }

            string path = new XlsxBuilder().Sheet("Seats", header).Save(_tmp.File("seats-wide-header.xlsx"));
            var ex = Assert.Throws<ComplianceException>(() => WorkbookReader.ReadSheet(path, "Seats", null).ToList());
            Assert.Equal("ComplianceTools.Workbook.ColumnMissing", ex.ErrorId);
            Assert.True(ex.Message.Length < 4000, ex.Message.Length.ToString());
        }

        [Fact]
        public void An_output_folder_whose_name_is_too_long_is_a_located_error_not_a_path_exception()
        {
            var (platform, carrier, _) = CallRecords.CallRecordFixtures.WorkedExample(_tmp.FullName);
            string folder = Path.Combine(_tmp.FullName, new string('x', 300));
            var r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1] -OutputDirectory $args[2] -WarningAction SilentlyContinue", platform, carrier, folder);
            ErrorRecord error = Assert.Single(r.AllErrors);
            Assert.StartsWith("ComplianceTools.CallRecords.WriteFailed,", error.FullyQualifiedErrorId);
            Assert.IsType<ComplianceException>(error.Exception);
        }

        [Fact]
        public void A_date_out_of_range_fails_that_pipeline_input_only()
        {
            var r = _ps.Run("[datetime]'9999-12-31', [datetime]'2025-09-26' | Get-ComplianceDueDate -WorkingDays 10");
            Assert.StartsWith("ComplianceTools.Calendar.DateOutOfRange,", Assert.Single(r.Errors).FullyQualifiedErrorId);
            Assert.Contains("9999-12-31", r.Errors[0].Exception.Message);
            Assert.Equal(new DateTime(2025, 10, 16), (DateTime)Assert.Single(r.Output).Prop("DueDate"));
        }

        [Fact]
        public void OutputFile_writes_through_a_short_temporary_name_in_the_same_folder()
        {
            string target = _tmp.File(new string('x', 250) + ".csv");
            string seen = null;
            OutputFile.Write(target, false, temp =>
            {
                seen = temp;
                File.WriteAllText(temp, "a,b\n");
            });
            Assert.Equal(_tmp.FullName, Path.GetDirectoryName(seen));
            Assert.True(Path.GetFileName(seen).Length <= 16, Path.GetFileName(seen));
            Assert.Equal("a,b\n", File.ReadAllText(target));
        }

        private string Good(string name)
        {
            string path = _tmp.File(name);
            if (!File.Exists(path))
            {
                new XlsxBuilder()
                    .Sheet("坐席 Seats", new object[] { "坐席编号", "是否开通" }, new object[] { "S1", "是" }, new object[] { "S2", "否" })
                    .Save(path);
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
                {
                    // A shared-string table, as Excel writes one.
                    using (var w = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open()))
                    {
                        w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>S3</t></si></sst>");
                    }
                }
            }

            return path;
        }

        private string Hostile(string name, string damage)
        {
            string path = _tmp.File(name + ".xlsx");
            File.Copy(Good("base-" + name + ".xlsx"), path);
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
            {
                string sheet = Read(zip, "xl/worksheets/sheet1.xml");
                switch (damage)
                {
                    case "truncate":
                        Replace(zip, "xl/worksheets/sheet1.xml", sheet.Substring(0, sheet.Length / 2));
                        break;
                    case "dtd":
                        Replace(zip, "xl/worksheets/sheet1.xml", sheet.Replace("<worksheet", "<!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet"));
                        break;
                    case "dtd-sst":
                        Replace(zip, "xl/sharedStrings.xml", "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&x;</t></si></sst>");
                        break;
                    case "bomb":
                        zip.GetEntry("xl/sharedStrings.xml").Delete();
                        using (Stream s = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Optimal).Open())
                        {
                            byte[] block = new byte[1 << 20];
                            for (int i = 0; i < 200; i++)
                            {
                                s.Write(block, 0, block.Length);
                            }
                        }

                        break;
                    case "garbage":
                        Replace(zip, "xl/worksheets/sheet1.xml", "this is not XML at all \u0001\u0002");
                        break;
                }
            }

            if (damage == "cut-zip")
            {
                byte[] bytes = File.ReadAllBytes(path);
                File.WriteAllBytes(path, bytes.Take(bytes.Length - 40).ToArray());
            }

            return path;
        }

        private static string Read(ZipArchive zip, string name)
        {
            using (var r = new StreamReader(zip.GetEntry(name).Open()))
            {
                return r.ReadToEnd();
            }
        }

        private static void Replace(ZipArchive zip, string name, string content)
        {
            zip.GetEntry(name)?.Delete();
            using (var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false)))
            {
                w.Write(content);
            }
        }
    }
}
