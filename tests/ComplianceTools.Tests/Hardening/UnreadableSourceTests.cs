using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Tests.CallRecords;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Hardening
{
    /// <summary>
    /// Issue 13, family 6: a source that could not be read is not a finding about the business, and a rejected row is
    /// located where the user will look for it.
    /// </summary>
    public sealed class UnreadableSourceTests : IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public void Dispose()
        {
            _ps.Dispose();
            _tmp.Dispose();
        }

        [Fact]
        public void A_source_of_unix_timestamps_gives_skipped_findings_naming_it_not_a_red_100_percent()
        {
            var (platform, carrier, _) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string privacy = CallRecordFixtures.Write(_tmp.FullName, "axb-2025.csv", "real_caller,start_time\n13800138000,1740794400\n02160717894,1740843000\n13912345678,1740794401\n");

            PSObject r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1] -PrivacyNumber $args[2] -WarningAction SilentlyContinue", platform, carrier, privacy).Single();

            var findings = ((System.Collections.IEnumerable)r.Prop("Findings")).Cast<object>().Select(PSObject.AsPSObject).ToList();
            PSObject volume = findings.Single(f => f.Text("RuleId") == "DATA-001" && f.Text("Subject") == "CallRecords:PrivacyNumber");
            PSObject match = findings.Single(f => f.Text("RuleId") == "DATA-002");
            foreach (PSObject f in new[] { volume, match })
            {
                Assert.Equal("Skipped", f.Text("Status"));
                Assert.Null(f.Prop("Severity"));
                Assert.Contains("PrivacyNumber could not be read: every one of its 3 rows in axb-2025.csv was rejected, most often for StartInvalid (3 rows", f.Text("Reason"));
            }

            // The platform, read well, is still compared with the carrier.
            Assert.Equal("Green", findings.Single(f => f.Text("RuleId") == "DATA-001" && f.Text("Subject") == "CallRecords:Platform").Text("Status"));
        }

        [Fact]
        public void A_reference_whose_every_row_is_rejected_skips_every_volume_finding_with_the_reason()
        {
            var (platform, _, privacy) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string carrier = CallRecordFixtures.Write(_tmp.FullName, "carrier-unix.csv", "主叫号码,开始时间\n13800138000,1740794400\n");

            PSObject r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1] -PrivacyNumber $args[2] -WarningAction SilentlyContinue", platform, carrier, privacy).Single();

            var volume = ((System.Collections.IEnumerable)r.Prop("Findings")).Cast<object>().Select(PSObject.AsPSObject).Where(f => f.Text("RuleId") == "DATA-001").ToList();
            Assert.Equal(2, volume.Count);
            Assert.All(volume, f => Assert.Equal("Skipped", f.Text("Status")));
            Assert.All(volume, f => Assert.Contains("Carrier could not be read", f.Text("Reason")));
        }

        [Fact]
        public void A_header_only_source_is_not_read_either()
        {
            var (platform, carrier, _) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string privacy = CallRecordFixtures.Write(_tmp.FullName, "axb-empty.csv", "real_caller,start_time\n");

            PSObject r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1] -PrivacyNumber $args[2] -WarningAction SilentlyContinue", platform, carrier, privacy).Single();

            PSObject match = ((System.Collections.IEnumerable)r.Prop("Findings")).Cast<object>().Select(PSObject.AsPSObject).Single(f => f.Text("RuleId") == "DATA-002");
            Assert.Equal("Skipped", match.Text("Status"));
            Assert.Contains("PrivacyNumber has no data row in axb-empty.csv", match.Text("Reason"));
        }

        [Fact]
        public void Rejected_rows_are_located_by_physical_line_in_a_csv_and_by_sheet_row_in_an_xlsx()
        {
            // Line 1 header, 2-4 one row whose quoted note spans three lines, 5 blank, 6 a bad start, 7 blank, 8 a bad caller.
            string platform = CallRecordFixtures.Write(_tmp.FullName, "platform.csv",
                "caller,start_time,note\r\n" +
                "13800138000,2025-03-01 10:00:00,\"第一行\r\n第二行\r\n第三行\"\r\n" +
                "\r\n" +
                "13800138000,2025-13-01 10:00:00,x\r\n" +
                "\r\n" +
                "NULL,2025-03-01 10:00:00,y\r\n");

            // Row 1 header, 2 good, 3-4 blank, 5 a bad start.
            string carrier = CallRecordFixtures.WriteXlsx(_tmp.FullName, "carrier.xlsx", new[] { "主叫号码", "开始时间" }, new[]
            {
                new object[] { "8613800138000", 45717 + (36002 / 86400.0) },
                null,
                null,
                new object[] { "8613800138000", "2025-02-30 10:00:00" },
            });

            PSObject r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1] -WarningAction SilentlyContinue", platform, carrier).Single();

            var rejections = ((System.Collections.IEnumerable)r.Prop("Rejections")).Cast<object>().Select(PSObject.AsPSObject).ToList();
            Assert.Equal(new[] { "platform.csv:6 StartInvalid", "platform.csv:8 CallerMissing", "carrier.xlsx:5 StartInvalid" }, rejections.Select(x => Path.GetFileName(x.Text("File")) + ":" + x.Text("Line") + " " + x.Text("Reason")));
        }
    }
}
