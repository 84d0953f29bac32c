using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using ComplianceTools.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace ComplianceTools.Tests.CallRecords
{
    /// <summary>Compare-CallRecord through a real runspace: the issue's worked example, its rules and its errors.</summary>
    public sealed class CompareCallRecordTests : IDisposable
    {
        private const string Three = "Compare-CallRecord -Platform $args[0] -Carrier $args[1] -PrivacyNumber $args[2] -WarningAction SilentlyContinue";
        private readonly ModuleSession _ps = new ModuleSession();
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public void Dispose()
        {
            _ps.Dispose();
            _tmp.Dispose();
        }

        [Fact]
        public void The_worked_example_gives_the_issues_figures()
        {
            var (p, c, x) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            PSObject r = _ps.Run(Three, p, c, x).Single();
            AssertStats(r, "Platform", rows: 4, rejected: 1, duplicates: 1, unique: 2, only: 0);
            AssertStats(r, "Carrier", rows: 2, rejected: 0, duplicates: 0, unique: 2, only: 1);
            AssertStats(r, "PrivacyNumber", rows: 2, rejected: 0, duplicates: 0, unique: 2, only: 0);
            Assert.Equal(1L, r.Prop("PlatformCarrier"));
            Assert.Equal(2L, r.Prop("PlatformPrivacyNumber"));
            Assert.Equal(1L, r.Prop("CarrierPrivacyNumber"));
            Assert.Equal(1L, r.Prop("AllThree"));
            Assert.Equal(3L, r.Prop("Union"));
            Assert.Equal(3, ((System.Collections.ICollection)r.Prop("Files")).Count);
        }

        [Fact]
        public void The_worked_example_with_a_tolerance_of_3_seconds_has_2_calls_all_in_three_sources()
        {
            var (p, c, x) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            PSObject r = _ps.Run(Three + " -Tolerance 3", p, c, x).Single();
            Assert.Equal(2L, r.Prop("Union"));
            Assert.Equal(2L, r.Prop("AllThree"));
            Assert.Equal(0L, Stat(r, "Carrier", "Only"));
        }

        [Fact]
        public void A_baseline_can_set_the_tolerance_and_the_reference()
        {
            var (p, c, x) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string baseline = CallRecordFixtures.Write(_tmp.FullName, "client.json", "{ \"name\": \"client\", \"rules\": { \"DATA-002\": { \"parameters\": { \"toleranceSeconds\": 3 } }, \"DATA-001\": { \"parameters\": { \"reference\": \"Platform\" } } } }");
            PSObject r = _ps.Run(Three + " -Baseline $args[3]", p, c, x, baseline).Single();
            Assert.Equal(2L, r.Prop("Union"));
            Assert.Equal(3, (int)r.Prop("ToleranceSeconds"));
            Assert.Equal("Platform", r.Text("Reference"));
            Assert.Equal(new[] { "CallRecords:Carrier", "CallRecords:PrivacyNumber" }, Findings(r).Where(f => f.Text("RuleId") == "DATA-001").Select(f => f.Text("Subject")));
        }

        [Fact]
        public void The_worked_example_gives_DATA_001_against_the_carrier_and_DATA_002_with_the_unmatched_share()
        {
            var (p, c, x) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            PSObject r = _ps.Run(Three, p, c, x).Single();
            var findings = ((System.Collections.IEnumerable)r.Prop("Findings")).Cast<object>().Select(PSObject.AsPSObject).ToList();
            Assert.Equal(new[] { "DATA-001|CallRecords:Platform|", "DATA-001|CallRecords:PrivacyNumber|", "DATA-002|CallRecords|" }, findings.Select(f => f.Text("Key")));
            Assert.Equal("Green", findings[0].Text("Severity"));
            Assert.Equal(0.0, (double)findings[0].Prop("Value"), 10);
            Assert.Equal("Yellow", findings[2].Text("Severity"));
            Assert.Equal(2.0 / 3.0, (double)findings[2].Prop("Value"), 10);
        }

        [Fact]
        public void A_source_more_than_5_percent_off_the_reference_is_red()
        {
            var rows = new StringBuilder("caller,start_time\n");
            var carrier = new StringBuilder("caller,start_time\n");
            for (int i = 0; i < 100; i++)
            {
                string line = "139" + i.ToString("00000000") + ",2025-03-01 10:00:00\n";
                carrier.Append(line);
                if (i < 94)
                {
                    rows.Append(line);
                }
            }

            string p = CallRecordFixtures.Write(_tmp.FullName, "p.csv", rows.ToString());
            string c = CallRecordFixtures.Write(_tmp.FullName, "c.csv", carrier.ToString());
            PSObject r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1]", p, c).Single();
            PSObject volume = Findings(r).Single(f => f.Text("RuleId") == "DATA-001");
            Assert.Equal(0.06, (double)volume.Prop("Value"), 10);
            Assert.Equal("Red", volume.Text("Severity"));

            string p95 = CallRecordFixtures.Write(_tmp.FullName, "p95.csv", string.Join("\n", carrier.ToString().Split('\n').Take(96)) + "\n");
            PSObject green = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1]", p95, c).Single();
            PSObject v95 = Findings(green).Single(f => f.Text("RuleId") == "DATA-001");
            Assert.Equal(0.05, (double)v95.Prop("Value"), 10);
            Assert.Equal("Green", v95.Text("Severity"));
        }

        [Fact]
        public void Each_rejection_reason_is_listed_with_its_file_and_line()
        {
            string p = CallRecordFixtures.Write(_tmp.FullName, "bad.csv", string.Join("\n",
                "caller,start_time,agent",
                "13800138000,2025-03-01 10:00:00,A1",
                "13800138001,2025-03-01 10:00:00",
                "NULL,2025-03-01 10:00:00,A1",
                "1234,2025-03-01 10:00:00,A1",
                "13800138002,2025-02-30 10:00:00,A1",
                "13800138003,2025-13-01 10:00:00,A1",
                "13800138004,2025-03-01 25:00:00,A1",
                "13800138005,0000-00-00 00:00:00,A1",
                "13800138006,NULL,A1",
                "13800138007,2025-03-01 10:00:00,A1,extra",
                ",2025-03-01 10:00:00,A1") + "\n");
            var (_, c, _) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            var result = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1]", p, c);
            PSObject r = result.Single();
            Assert.Single(result.Warnings);
            Assert.Equal(11L, Stat(r, "Platform", "Rows"));
            Assert.Equal(10L, Stat(r, "Platform", "Rejected"));
            var rejections = ((System.Collections.IEnumerable)r.Prop("Rejections")).Cast<object>().Select(PSObject.AsPSObject)
                .Select(x => x.Text("Line") + " " + x.Text("Reason")).ToArray();
            Assert.Equal(
                new[] { "3 FieldCount", "4 CallerMissing", "5 CallerMissing", "6 StartInvalid", "7 StartInvalid", "8 StartInvalid", "9 StartInvalid", "10 StartInvalid", "11 FieldCount", "12 CallerMissing" },
                rejections);
            PSObject first = PSObject.AsPSObject(((System.Collections.IList)r.Prop("Rejections"))[0]);
            Assert.Equal(p, first.Text("File"));
            Assert.Equal("138****8001,2025-03-01 10:00:00", first.Text("Row"));
        }

        [Fact]
        public void Blank_lines_are_not_rows_and_a_row_starting_with_a_hash_is_a_row()
        {
            string p = CallRecordFixtures.Write(_tmp.FullName, "blank.csv", "caller,start_time\n13800138000,2025-03-01 10:00:00\n\n#13800138001,2025-03-01 10:00:00\n13800138002,2025-02-30 10:00:00\n\n\n");
            var (_, c, _) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            PSObject r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1] -WarningAction SilentlyContinue", p, c).Single();
            AssertStats(r, "Platform", rows: 3, rejected: 1, duplicates: 0, unique: 2, only: 1);
            Assert.Equal(5L, PSObject.AsPSObject(((System.Collections.IList)r.Prop("Rejections"))[0]).Prop("Line"));
        }

        [Fact]
        public void Rows_with_the_same_caller_and_start_second_are_one_call()
        {
            string p = CallRecordFixtures.Write(_tmp.FullName, "dup.csv", "caller,start_time\n13800138000,2025-03-01 10:00:00\n+86 138 0013 8000,2025-03-01 10:00:00.700\n13800138000,2025-03-01 10:00:01\n13800138000,2025-03-01 10:00:00\n");
            string c = CallRecordFixtures.Write(_tmp.FullName, "c.csv", "caller,start_time\n13800138000,2025-03-01 10:00:00\n");
            PSObject r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1]", p, c).Single();
            AssertStats(r, "Platform", rows: 4, rejected: 0, duplicates: 2, unique: 2, only: 1);
        }

        [Theory]
        [InlineData("2025-03-01 10:00:02", 1)]
        [InlineData("2025-03-01 09:59:58", 1)]
        [InlineData("2025-03-01 10:00:03", 0)]
        [InlineData("2025-03-01 09:59:57", 0)]
        public void Starts_2_seconds_apart_match_and_3_seconds_apart_do_not(string carrierStart, long matched)
        {
            string p = CallRecordFixtures.Write(_tmp.FullName, "p.csv", "caller,start_time\n13800138000,2025-03-01 10:00:00\n");
            string c = CallRecordFixtures.Write(_tmp.FullName, "c.csv", "caller,start_time\n13800138000," + carrierStart + "\n");
            PSObject r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1]", p, c).Single();
            Assert.Equal(matched, r.Prop("PlatformCarrier"));
            Assert.Equal(2 - matched, r.Prop("Union"));
        }

        [Fact]
        public void Each_row_matches_one_row_of_the_other_source_nearest_first()
        {
            string p = CallRecordFixtures.Write(_tmp.FullName, "p.csv", "caller,start_time\n13800138000,2025-03-01 10:00:00\n13800138000,2025-03-01 10:00:03\n");
            string c = CallRecordFixtures.Write(_tmp.FullName, "c.csv", "caller,start_time\n13800138000,2025-03-01 10:00:02\n");
            string output = Path.Combine(_tmp.FullName, "out");
            PSObject r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1] -OutputDirectory $args[2]", p, c, output).Single();
            Assert.Equal(1L, r.Prop("PlatformCarrier"));
            Assert.Equal(1L, Stat(r, "Platform", "Only"));
            string[] only = File.ReadAllLines(Path.Combine(output, "only-in-Platform.csv"));
            Assert.Equal(2, only.Length);
            Assert.StartsWith("138****8000,2025-03-01 02:00:00,2025-03-01 10:00:00,", only[1]);
        }

        [Fact]
        public void A_source_split_over_two_files_gives_the_same_figures_as_one_file()
        {
            var sample = _ps.Run("New-CallRecordSample -Calls 3000 -Seed 11 -OutputDirectory $args[0]", _tmp.FullName).Single();
            string[] lines = File.ReadAllLines(sample.Text("Platform"));
            int half = lines.Length / 2;
            while (lines[half].StartsWith("第二行", StringComparison.Ordinal))
            {
                half++;
            }

            string split = Directory.CreateDirectory(Path.Combine(_tmp.FullName, "split")).FullName;
            File.WriteAllLines(Path.Combine(split, "platform-01.csv"), lines.Take(half));
            File.WriteAllLines(Path.Combine(split, "platform-02.csv"), new[] { lines[0] }.Concat(lines.Skip(half)));
            PSObject one = _ps.Run(Three, sample.Text("Platform"), sample.Text("Carrier"), sample.Text("PrivacyNumber")).Single();
            PSObject two = _ps.Run(Three, Path.Combine(split, "platform-*.csv"), sample.Text("Carrier"), sample.Text("PrivacyNumber")).Single();
            Assert.Equal(2, (int)Stat(two, "Platform", "Files"));
            foreach (string name in new[] { "Rows", "Rejected", "Duplicates", "Unique", "Only", "Missing" })
            {
                Assert.Equal(Stat(one, "Platform", name), Stat(two, "Platform", name));
            }

            foreach (string name in new[] { "PlatformCarrier", "PlatformPrivacyNumber", "CarrierPrivacyNumber", "AllThree", "Union" })
            {
                Assert.Equal(one.Prop(name), two.Prop(name));
            }
        }

        [Fact]
        public void Two_sources_give_their_pair_and_no_three_way_figures()
        {
            var (p, c, _) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            PSObject r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1] -WarningAction SilentlyContinue", p, c).Single();
            Assert.Equal(1L, r.Prop("PlatformCarrier"));
            Assert.Null(r.Prop("PlatformPrivacyNumber"));
            Assert.Null(r.Prop("AllThree"));
            Assert.Null(r.Prop("PrivacyNumber"));
            Assert.Equal(3L, r.Prop("Union"));
            Assert.Equal(1L, Stat(r, "Platform", "Only"));
            Assert.Equal(1L, Stat(r, "Carrier", "Only"));
        }

        [Fact]
        public void Without_the_reference_source_DATA_001_is_skipped_with_the_reason()
        {
            var (p, _, x) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            PSObject r = _ps.Run("Compare-CallRecord -Platform $args[0] -PrivacyNumber $args[1] -WarningAction SilentlyContinue", p, x).Single();
            var volume = Findings(r).Where(f => f.Text("RuleId") == "DATA-001").ToList();
            Assert.Equal(new[] { "CallRecords:Platform", "CallRecords:PrivacyNumber" }, volume.Select(f => f.Text("Subject")));
            Assert.All(volume, f => Assert.Equal("Skipped", f.Text("Outcome")));
            Assert.Contains("Carrier", volume[0].Text("Reason"));
            PSObject withReference = _ps.Run("Compare-CallRecord -Platform $args[0] -PrivacyNumber $args[1] -Reference PrivacyNumber -WarningAction SilentlyContinue", p, x).Single();
            Assert.Equal("Pass", Findings(withReference).Single(f => f.Text("RuleId") == "DATA-001").Text("Outcome"));
        }

        [Fact]
        public void Gzip_gb18030_tsv_crlf_and_quoted_fields_give_the_worked_example()
        {
            var (p, c, x) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string platformText = "\"备注\",caller,start_time\n\"含逗号, 和\n换行\",138 0013 8000,2025-03-01 10:00:00\n\"\",13800138000,2025-03-01 10:00:00\n\"x\",021-60717894,2025-03-01 23:30:00\n\"y\",95599,2025-02-30 10:00:00\n";
            string gz = CallRecordFixtures.WriteGzip(_tmp.FullName, "platform.csv.gz", platformText);
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            string gb = CallRecordFixtures.Write(_tmp.FullName, "carrier-gb.tsv", "主叫号码\t开始时间\t备注\r\n8613800138000\t2025/3/1 10:00:02\t正常\r\n02160717894\t2025/3/1 23:30:03\t正常\r\n", Encoding.GetEncoding("GB18030"));
            string noBom = CallRecordFixtures.Write(_tmp.FullName, "privacy-nobom.csv", "中间号,真实主叫,开始时间\n17100000001,+8613800138000,2025-03-01T02:00:01Z\n17100000002,+862160717894,2025-03-01T15:30:00Z\n");
            PSObject r = _ps.Run(Three, gz, gb, noBom).Single();
            AssertStats(r, "Platform", rows: 4, rejected: 1, duplicates: 1, unique: 2, only: 0);
            Assert.Equal(3L, r.Prop("Union"));
            Assert.Equal(1L, r.Prop("AllThree"));
            var files = ((System.Collections.IEnumerable)r.Prop("Files")).Cast<object>().Select(PSObject.AsPSObject).ToList();
            Assert.Equal("gb18030", files.Single(f => f.Text("Path") == gb).Text("Encoding"));
            Assert.Equal("真实主叫", files.Single(f => f.Text("Path") == noBom).Text("CallerColumn"));
            // The row of 2025-02-30 is on the file's 6th line: the quoted 备注 of the first row spans lines 2 and 3.
            Assert.Equal(6L, PSObject.AsPSObject(((System.Collections.IList)r.Prop("Rejections"))[0]).Prop("Line"));
        }

        [Fact]
        public void An_xlsx_carrier_statement_with_excel_date_serials_is_read()
        {
            var (p, _, x) = CallRecordFixtures.WorkedExample(_tmp.FullName);

            // 2025-03-01 10:00:02 China time is serial 45717 + 36002/86400.
            string xlsx = CallRecordFixtures.WriteXlsx(_tmp.FullName, "carrier.xlsx", new[] { "主叫号码", "开始时间" }, new[]
            {
                new object[] { 8613800138000d, 45717 + (36002 / 86400.0) },
                new object[] { "02160717894", "2025/3/1 23:30:03" },
            });
            PSObject r = _ps.Run(Three, p, xlsx, x).Single();
            AssertStats(r, "Carrier", rows: 2, rejected: 0, duplicates: 0, unique: 2, only: 1);
            Assert.Equal(1L, r.Prop("PlatformCarrier"));
            Assert.Equal(3L, r.Prop("Union"));
        }

        [Fact]
        public void The_privacy_number_key_is_the_real_caller_never_the_x_number()
        {
            var (p, c, _) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string x = CallRecordFixtures.Write(_tmp.FullName, "axb.csv", "主叫号码,X号码,真实主叫号码,start_time_utc\n17100000001,17100000009,13800138000,2025-03-01 02:00:01\n");
            PSObject r = _ps.Run(Three, p, c, x).Single();
            var file = ((System.Collections.IEnumerable)r.Prop("Files")).Cast<object>().Select(PSObject.AsPSObject).Single(f => f.Text("Path") == x);
            Assert.Equal("真实主叫号码", file.Text("CallerColumn"));
            Assert.Equal(1L, r.Prop("AllThree"));
        }

        [Fact]
        public void ColumnMap_and_TimeZone_are_taken_per_source()
        {
            var (p, c, _) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string x = CallRecordFixtures.Write(_tmp.FullName, "odd.csv", "号码,时刻\n+8613800138000,2025-03-01 02:00:01\n+862160717894,2025-03-01 15:30:00\n");
            PSObject r = _ps.Run(Three + " -ColumnMap @{ PrivacyNumber = @{ Caller = '号码'; Start = '时刻' } } -TimeZone @{ PrivacyNumber = 'UTC' }", p, c, x).Single();
            Assert.Equal(2L, r.Prop("PlatformPrivacyNumber"));
            Assert.Equal(3L, r.Prop("Union"));
        }

        [Fact]
        public void Generated_exports_give_the_generators_expected_figures_also_when_partitioned_to_disk()
        {
            var sample = _ps.Run("New-CallRecordSample -Calls 20000 -Seed 3 -OutputDirectory $args[0]", _tmp.FullName).Single();
            JObject expected = JObject.Parse(File.ReadAllText(sample.Text("Expected")));
            int tempsBefore = Directory.GetDirectories(Path.GetTempPath(), "ComplianceTools-callrecords-*").Length;
            foreach (string extra in new[] { string.Empty, " -MemoryLimitMB 1" })
            {
                PSObject r = _ps.Run(Three + extra, sample.Text("Platform"), sample.Text("Carrier"), sample.Text("PrivacyNumber")).Single();
                foreach (string source in new[] { "Platform", "Carrier", "PrivacyNumber" })
                {
                    foreach (string name in new[] { "Rows", "Rejected", "Duplicates", "Unique", "Only", "Missing" })
                    {
                        Assert.Equal((long)expected[source][name], Stat(r, source, name));
                    }
                }

                foreach (string name in new[] { "PlatformCarrier", "PlatformPrivacyNumber", "CarrierPrivacyNumber", "AllThree", "Union" })
                {
                    Assert.Equal((long)expected[name], (long)r.Prop(name));
                }

                Assert.Equal(extra.Length > 0, (bool)r.Prop("Spilled"));
            }

            Assert.True((long)expected["Platform"]["Rejected"] + (long)expected["Carrier"]["Rejected"] + (long)expected["PrivacyNumber"]["Rejected"] >= 0);
            Assert.Equal(tempsBefore, Directory.GetDirectories(Path.GetTempPath(), "ComplianceTools-callrecords-*").Length);
        }

        [Fact]
        public void Output_files_mask_callers_unless_personal_data_is_asked_for()
        {
            var (p, c, x) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string output = Path.Combine(_tmp.FullName, "out");
            PSObject r = _ps.Run(Three + " -OutputDirectory $args[3]", p, c, x, output).Single();
            Assert.Equal(4, ((System.Collections.ICollection)r.Prop("OutputFiles")).Count);
            string only = File.ReadAllText(Path.Combine(output, "only-in-Carrier.csv"));
            Assert.Contains("021****7894,2025-03-01 15:30:03,2025-03-01 23:30:03,", only);
            Assert.DoesNotContain("02160717894", only);
            string rejected = File.ReadAllText(Path.Combine(output, "rejected-rows.csv"));
            Assert.Contains("Platform," + p + ",5,StartInvalid,\"95599,2025-02-30 10:00:00\"", rejected);
            Assert.Empty(Directory.GetFiles(output, "*.tmp"));

            _ps.Run(Three + " -OutputDirectory $args[3] -Force -IncludePersonalData", p, c, x, output).Single();
            Assert.Contains("02160717894,2025-03-01 15:30:03", File.ReadAllText(Path.Combine(output, "only-in-Carrier.csv")));
        }

        [Fact]
        public void Existing_output_files_are_not_overwritten_without_Force()
        {
            var (p, c, x) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string output = Directory.CreateDirectory(Path.Combine(_tmp.FullName, "out")).FullName;
            File.WriteAllText(Path.Combine(output, "only-in-Carrier.csv"), "keep me");
            var result = _ps.Run(Three + " -OutputDirectory $args[3]", p, c, x, output);
            Assert.Empty(result.Output);
            Assert.Equal("ComplianceTools.CallRecords.OutputExists,ComplianceTools.Commands.CallRecords.CompareCallRecordCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.Equal("keep me", File.ReadAllText(Path.Combine(output, "only-in-Carrier.csv")));
            Assert.Single(Directory.GetFiles(output));

            _ps.Run(Three + " -OutputDirectory $args[3] -Force", p, c, x, output).Single();
            Assert.StartsWith("Caller,StartUtc", File.ReadAllText(Path.Combine(output, "only-in-Carrier.csv")));
        }

        [Fact]
        public void Input_files_are_never_modified()
        {
            var (p, c, x) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            byte[] before = File.ReadAllBytes(c);
            DateTime written = File.GetLastWriteTimeUtc(c);
            _ps.Run(Three + " -OutputDirectory $args[3]", p, c, x, Path.Combine(_tmp.FullName, "out")).Single();
            Assert.Equal(before, File.ReadAllBytes(c));
            Assert.Equal(written, File.GetLastWriteTimeUtc(c));
        }

        [Fact]
        public void A_missing_file_is_an_error_and_the_other_sources_are_still_compared()
        {
            var (p, c, _) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            var result = _ps.Run(Three, p, c, Path.Combine(_tmp.FullName, "nope-*.csv"));
            Assert.Equal("ComplianceTools.CallRecords.FileNotFound,ComplianceTools.Commands.CallRecords.CompareCallRecordCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Equal(1L, Assert.Single(result.Output).Prop("PlatformCarrier"));
        }

        [Fact]
        public void An_empty_file_is_a_clear_error_naming_it()
        {
            var (p, c, _) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string empty = CallRecordFixtures.Write(_tmp.FullName, "empty.csv", string.Empty);
            var result = _ps.Run(Three, p, c, empty);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("ComplianceTools.CallRecords.FileEmpty,ComplianceTools.Commands.CallRecords.CompareCallRecordCommand", error.FullyQualifiedErrorId);
            Assert.Equal(empty, error.TargetObject);
            Assert.Contains("empty.csv", error.Exception.Message);
            Assert.Single(result.Output);
        }

        [Fact]
        public void A_file_without_caller_or_start_columns_names_the_headers_it_saw()
        {
            var (p, c, _) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string odd = CallRecordFixtures.Write(_tmp.FullName, "odd.csv", "号码,时刻\n13800138000,2025-03-01 10:00:00\n");
            var result = _ps.Run(Three, p, c, odd);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("ComplianceTools.CallRecords.ColumnsNotFound,ComplianceTools.Commands.CallRecords.CompareCallRecordCommand", error.FullyQualifiedErrorId);
            Assert.Contains("'号码', '时刻'", error.Exception.Message);
            Assert.Contains("odd.csv", error.Exception.Message);
        }

        [Fact]
        public void A_corrupt_gzip_file_is_a_read_error_naming_it()
        {
            var (p, c, _) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string corrupt = CallRecordFixtures.Write(_tmp.FullName, "privacy.csv.gz", "this is not gzip data");
            var result = _ps.Run(Three, p, c, corrupt);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("ComplianceTools.CallRecords.FileUnreadable,ComplianceTools.Commands.CallRecords.CompareCallRecordCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ReadError, error.CategoryInfo.Category);
            Assert.Equal(1L, Assert.Single(result.Output).Prop("PlatformCarrier"));
        }

        [Theory]
        [InlineData("-TimeZone @{ Billing = 'UTC' }", "ComplianceTools.CallRecords.SourceUnknown")]
        [InlineData("-TimeZone 'Mars/Olympus'", "ComplianceTools.CallRecords.TimeZoneUnknown")]
        [InlineData("-Encoding 'no-such-encoding'", "ComplianceTools.CallRecords.EncodingUnknown")]
        [InlineData("-ColumnMap @{ Carrier = 'caller' }", "ComplianceTools.CallRecords.ColumnMapInvalid")]
        [InlineData("-ColumnMap @{ Carrier = @{ Calller = 'caller' } }", "ComplianceTools.CallRecords.ColumnMapInvalid")]
        public void Bad_per_source_arguments_stop_with_a_clear_error(string arguments, string errorId)
        {
            var (p, c, x) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            var result = _ps.Run(Three + " " + arguments, p, c, x);
            Assert.Empty(result.Output);
            Assert.Equal(errorId + ",ComplianceTools.Commands.CallRecords.CompareCallRecordCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
        }

        [Fact]
        public void One_source_is_not_enough()
        {
            var (p, _, _) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            var result = _ps.Run("Compare-CallRecord -Platform $args[0]", p);
            Assert.Empty(result.Output);
            Assert.Equal("ComplianceTools.CallRecords.TooFewSources,ComplianceTools.Commands.CallRecords.CompareCallRecordCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Errors_follow_the_chinese_ui_culture()
        {
            using (var zh = new ModuleSession("zh-CN"))
            {
                var result = zh.Run("Compare-CallRecord -Platform $args[0]", CallRecordFixtures.WorkedExample(_tmp.FullName).Platform);
                Assert.Contains("请至少提供两个", Assert.Single(result.AllErrors).Exception.Message);
            }
        }

        private static void AssertStats(PSObject r, string source, long rows, long rejected, long duplicates, long unique, long only)
        {
            Assert.Equal(new[] { rows, rejected, duplicates, unique, only }, new[] { Stat(r, source, "Rows"), Stat(r, source, "Rejected"), Stat(r, source, "Duplicates"), Stat(r, source, "Unique"), Stat(r, source, "Only") });
        }

        private static long Stat(PSObject r, string source, string name) => Convert.ToInt64(PSObject.AsPSObject(r.Prop(source)).Prop(name), System.Globalization.CultureInfo.InvariantCulture);

        private static System.Collections.Generic.List<PSObject> Findings(PSObject r) => ((System.Collections.IEnumerable)r.Prop("Findings")).Cast<object>().Select(PSObject.AsPSObject).ToList();
    }
}
