using System.IO;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Module
{
    /// <summary>The README's main command where PowerShell is absent: the embedded host runs the main job on the sample.</summary>
    public sealed class MainJobTests
    {
        [Fact]
        public void The_embedded_host_runs_the_main_job_on_the_sample_and_writes_the_report_and_calendar()
        {
            using var tmp = Paths.NewTempFolder();
            string script = Path.Combine(Paths.Root, "examples", "Invoke-AnnualComplianceRun.ps1");
            var (exit, stdout, stderr) = DependencyIsolationTests.RunHost(script, "-OutputDirectory", tmp.FullName, "-Year", "2026", "-NoticeDate", "2026-03-02");
            Assert.True(exit == 0, stdout + stderr);
            Assert.True(File.Exists(tmp.File("sample-workbook.xlsx")));
            Assert.True(File.Exists(tmp.File("compliance-2026.xlsx")));
            Assert.StartsWith("BEGIN:VCALENDAR", File.ReadAllText(tmp.File("compliance-2026.ics")));
            Assert.Matches(@"Red\s+: 13", stdout);
            Assert.Matches(@"WithoutOwner\s+: 0", stdout);

            // A second run without -Force refuses to overwrite and leaves the files as they were.
            byte[] before = File.ReadAllBytes(tmp.File("compliance-2026.xlsx"));
            var (exit2, _, stderr2) = DependencyIsolationTests.RunHost(script, "-OutputDirectory", tmp.FullName, "-Year", "2026");
            Assert.NotEqual(0, exit2);
            Assert.Contains("-Force", stderr2);
            Assert.Equal(before, File.ReadAllBytes(tmp.File("compliance-2026.xlsx")));
        }
    }
}
