using System;
using System.Diagnostics;
using System.IO;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Module
{
    /// <summary>
    /// A session that already loaded another Newtonsoft.Json (the host's 13.0.4) still imports the module and
    /// runs a cmdlet that uses Newtonsoft (baseline parsing) with the module's own copy (13.0.3) from
    /// bin/dependencies, loaded into the module's own AssemblyLoadContext. Runs in a fresh process (the
    /// embedded host) so nothing else has touched the session. (PowerShell 7.6's engine itself requires
    /// Newtonsoft 13.0.0.0, so no 7.6 session can hold a 12.x copy: the conflict on 7.6 is between 13.x builds.)
    /// </summary>
    public sealed class DependencyIsolationTests
    {
        [Fact]
        public void A_session_that_loaded_another_Newtonsoft_first_runs_the_module_on_its_own_copy()
        {
            using var tmp = Paths.NewTempFolder();
            File.WriteAllText(tmp.File("baseline.json"), "{ \"rules\": { \"SEAT-001\": { \"red\": 0.40 } } }");
            File.WriteAllText(tmp.File("conflict.ps1"), @"
param($Manifest, $Baseline)
$hostCopy = [System.Reflection.Assembly]::Load('Newtonsoft.Json')
'first:' + $hostCopy.GetCustomAttributes([System.Reflection.AssemblyFileVersionAttribute], $false)[0].Version
Import-Module $Manifest -ErrorAction Stop
$finding = Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69 -Baseline $Baseline
'severity:' + $finding.Severity
'threshold:' + $finding.Threshold
$engine = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'ComplianceTools.Engine' }
$context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine)
'engine-in-default-context:' + ($context -eq [System.Runtime.Loader.AssemblyLoadContext]::Default)
$ours = $context.Assemblies | Where-Object { $_.GetName().Name -eq 'Newtonsoft.Json' }
'module-newtonsoft:' + $ours.GetCustomAttributes([System.Reflection.AssemblyFileVersionAttribute], $false)[0].Version
'module-newtonsoft-folder:' + [System.IO.Path]::GetFileName([System.IO.Path]::GetDirectoryName($ours.Location))
'host-copy-unchanged:' + ([object]::ReferenceEquals([Newtonsoft.Json.JsonConvert].Assembly, $hostCopy))
'host-copy-works:' + [Newtonsoft.Json.JsonConvert]::SerializeObject(42)
");
            var (exit, stdout, stderr) = RunHost("--no-import", tmp.File("conflict.ps1"), "-Manifest", Paths.Manifest, "-Baseline", tmp.File("baseline.json"));
            Assert.True(exit == 0, stdout + stderr);
            Assert.Contains("first:13.0.4", stdout);
            Assert.Contains("severity:Green", stdout);
            Assert.Contains("threshold:0.4", stdout);
            Assert.Contains("engine-in-default-context:False", stdout);
            Assert.Contains("module-newtonsoft:13.0.3", stdout);
            Assert.Contains("module-newtonsoft-folder:dependencies", stdout);
            Assert.Contains("host-copy-unchanged:True", stdout);
            Assert.Contains("host-copy-works:42", stdout);
        }

        internal static (int Exit, string Stdout, string Stderr) RunHost(params string[] args)
        {
            string hostDll = Path.Combine(Paths.Root, "src", "ComplianceTools.Host", "bin", Configuration, "net10.0", "ComplianceTools.Host.dll");
            Assert.True(File.Exists(hostDll), "build the solution first: " + hostDll);
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(hostDll);
            foreach (string a in args)
            {
                psi.ArgumentList.Add(a);
            }

            using var process = Process.Start(psi);
            var stdoutTask = process.StandardOutput.ReadToEndAsync();
            var stderrTask = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(true);
                throw new TimeoutException("host did not finish");
            }

            return (process.ExitCode, stdoutTask.Result, stderrTask.Result);
        }

#if DEBUG
        private const string Configuration = "Debug";
#else
        private const string Configuration = "Release";
#endif
    }
}
