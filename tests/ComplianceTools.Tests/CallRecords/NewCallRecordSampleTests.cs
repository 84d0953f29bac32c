using System;
using System.IO;
using System.Linq;
using ComplianceTools.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace ComplianceTools.Tests.CallRecords
{
    /// <summary>New-CallRecordSample: deterministic by seed, the shapes of the issue, no overwrite without -Force.</summary>
    public sealed class NewCallRecordSampleTests : IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public void Dispose()
        {
            _ps.Dispose();
            _tmp.Dispose();
        }

        [Fact]
        public void The_same_seed_gives_the_same_files_and_another_seed_other_files()
        {
            var a = _ps.Run("New-CallRecordSample -Calls 2000 -Seed 4 -OutputDirectory $args[0]", _tmp.File("a")).Single();
            var b = _ps.Run("New-CallRecordSample -Calls 2000 -Seed 4 -OutputDirectory $args[0]", _tmp.File("b")).Single();
            var c = _ps.Run("New-CallRecordSample -Calls 2000 -Seed 5 -OutputDirectory $args[0]", _tmp.File("c")).Single();
            foreach (string name in new[] { "platform.csv", "carrier.csv", "privacy-number.csv", "expected.json" })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(_tmp.File("a"), name)), File.ReadAllBytes(Path.Combine(_tmp.File("b"), name)));
            }

            Assert.NotEqual(File.ReadAllBytes(Path.Combine(_tmp.File("a"), "carrier.csv")), File.ReadAllBytes(Path.Combine(_tmp.File("c"), "carrier.csv")));
            Assert.Equal(2000L, a.Prop("Calls"));
        }

        [Fact]
        public void The_exports_have_the_shapes_of_the_field()
        {
            var s = _ps.Run("New-CallRecordSample -Calls 5000 -Seed 2 -OutputDirectory $args[0]", _tmp.FullName).Single();
            byte[] carrier = File.ReadAllBytes(s.Text("Carrier"));
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, carrier.Take(3));
            string carrierText = File.ReadAllText(s.Text("Carrier"));
            Assert.StartsWith("序号,主叫号码,被叫号码,开始时间", carrierText);
            Assert.Contains("\r\n", carrierText);
            string privacy = File.ReadAllText(s.Text("PrivacyNumber"));
            Assert.StartsWith("bind_id,x_number,real_caller", privacy);
            Assert.Matches(@",2025-\d\d-\d\dT\d\d:\d\d:\d\dZ,", privacy);
            string platform = File.ReadAllText(s.Text("Platform"));
            Assert.Contains("+86 1", platform);
            Assert.Matches(@",0\d{2,3}-\d{8},", platform);
            Assert.Matches(@",\(0\d{2,3}\)\d{8},", platform);
            JObject expected = JObject.Parse(File.ReadAllText(s.Text("Expected")));
            foreach (string source in new[] { "Platform", "Carrier", "PrivacyNumber" })
            {
                double missing = (double)expected[source]["Missing"] / (double)expected["Union"];
                double duplicates = (double)expected[source]["Duplicates"] / (double)expected[source]["Rows"];
                Assert.InRange(missing, 0.005, 0.07);
                Assert.InRange(duplicates, 0.005, 0.035);
            }
        }

        [Fact]
        public void Existing_sample_files_are_not_overwritten_without_Force()
        {
            _ps.Run("New-CallRecordSample -Calls 10 -OutputDirectory $args[0]", _tmp.FullName).Single();
            var again = _ps.Run("New-CallRecordSample -Calls 10 -OutputDirectory $args[0]", _tmp.FullName);
            Assert.Equal("ComplianceTools.CallRecords.SampleExists,ComplianceTools.Commands.CallRecords.NewCallRecordSampleCommand", Assert.Single(again.AllErrors).FullyQualifiedErrorId);
            _ps.Run("New-CallRecordSample -Calls 10 -OutputDirectory $args[0] -Force", _tmp.FullName).Single();
        }
    }
}
