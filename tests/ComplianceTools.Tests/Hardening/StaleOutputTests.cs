using System;
using System.IO;
using System.Linq;
using ComplianceTools.Tests.CallRecords;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Hardening
{
    /// <summary>
    /// Issue 13, family 7 (Compare-CallRecord -OutputDirectory): empty input never replaces a good output, and a run that
    /// writes fewer files than an earlier one leaves none of the earlier run's files behind as if they were its own.
    /// </summary>
    public sealed class StaleOutputTests : IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public void Dispose()
        {
            _ps.Dispose();
            _tmp.Dispose();
        }

        [Fact]
        public void A_second_run_with_fewer_sources_removes_the_only_in_file_it_no_longer_writes_and_says_so()
        {
            var (platform, carrier, privacy) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string output = Path.Combine(_tmp.FullName, "out");
            _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1] -PrivacyNumber $args[2] -OutputDirectory $args[3] -WarningAction SilentlyContinue", platform, carrier, privacy, output).ThrowOnError();
            Assert.True(File.Exists(Path.Combine(output, "only-in-PrivacyNumber.csv")));

            var r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1] -OutputDirectory $args[2] -Force", platform, carrier, output);
            r.ThrowOnError();

            Assert.Equal(new[] { "only-in-Carrier.csv", "only-in-Platform.csv", "rejected-rows.csv" }, Directory.GetFiles(output).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Contains(r.Warnings, w => w.Contains("only-in-PrivacyNumber.csv") && w.Contains("was removed"));
            Assert.Equal(new[] { Path.Combine(output, "only-in-PrivacyNumber.csv") }, ((System.Collections.IEnumerable)r.Output[0].Prop("RemovedFiles")).Cast<string>());
        }

        [Fact]
        public void A_source_whose_every_row_is_rejected_does_not_replace_its_earlier_only_in_file_with_an_empty_one()
        {
            var (platform, carrier, privacy) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string output = Path.Combine(_tmp.FullName, "out");
            _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1] -PrivacyNumber $args[2] -OutputDirectory $args[3] -WarningAction SilentlyContinue", platform, carrier, privacy, output).ThrowOnError();
            string broken = CallRecordFixtures.Write(_tmp.FullName, "privacy-unix.csv", "real_caller,start_time\n13800138000,1740794400\n");

            var r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1] -PrivacyNumber $args[2] -OutputDirectory $args[3] -Force", platform, carrier, broken, output);
            r.ThrowOnError();

            var written = ((System.Collections.IEnumerable)r.Output[0].Prop("OutputFiles")).Cast<string>().Select(Path.GetFileName).ToList();
            Assert.DoesNotContain("only-in-PrivacyNumber.csv", written);
            Assert.Contains("rejected-rows.csv", written);
            Assert.False(File.Exists(Path.Combine(output, "only-in-PrivacyNumber.csv")));
            Assert.Contains("privacy-unix.csv", File.ReadAllText(Path.Combine(output, "rejected-rows.csv")));
        }

        [Fact]
        public void An_empty_pipeline_never_replaces_a_good_calendar_with_an_empty_one()
        {
            string ics = _tmp.File("tasks.ics");
            _ps.Run("New-ComplianceSchedule -Year 2026 -Kind Inspection -AsOf '2026-01-01' -WarningAction SilentlyContinue | Export-ComplianceTask -Path $args[0]", ics).ThrowOnError();
            string good = File.ReadAllText(ics);

            var r = _ps.Run("@() | Export-ComplianceTask -Path $args[0] -Force", ics);

            Assert.StartsWith("ComplianceTools.Output.NothingToWrite,", Assert.Single(r.AllErrors).FullyQualifiedErrorId);
            Assert.Equal(good, File.ReadAllText(ics));
        }

        [Fact]
        public void Without_force_a_file_of_an_earlier_run_stops_the_command_before_any_work()
        {
            var (platform, carrier, _) = CallRecordFixtures.WorkedExample(_tmp.FullName);
            string output = Path.Combine(_tmp.FullName, "out");
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "only-in-PrivacyNumber.csv"), "Caller,StartUtc\n");

            var r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1] -OutputDirectory $args[2]", platform, carrier, output);

            Assert.StartsWith("ComplianceTools.CallRecords.OutputExists,", Assert.Single(r.AllErrors).FullyQualifiedErrorId);
            Assert.Equal(new[] { "only-in-PrivacyNumber.csv" }, Directory.GetFiles(output).Select(Path.GetFileName));
        }
    }
}
