using System.Diagnostics;
using System.IO;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Graph
{
    /// <summary>
    /// Importing the module must stay fast: the Graph and identity libraries load only when a Graph cmdlet
    /// first runs, the WeCom/DingTalk assembly only when a workplace cmdlet does (and a workplace cmdlet loads no
    /// Graph library). Checked in a fresh pwsh process, since this test process loads them for other tests.
    /// </summary>
    public sealed class GraphLoadingTests
    {
        private static string Pwsh()
        {
            string path = Path.Combine(Path.GetDirectoryName(Paths.Root), "shared", "tools", "pwsh", "pwsh");
            Assert.True(File.Exists(path), "pwsh 7 expected at " + path);
            return path;
        }

        private static string RunPwsh(string script)
        {
            var start = new ProcessStartInfo(Pwsh(), new[] { "-NoProfile", "-NonInteractive", "-Command", script })
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Paths.Root,
            };
            using Process process = Process.Start(start);
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "pwsh did not finish");
            Assert.True(process.ExitCode == 0, output + error);
            return output.Trim();
        }

        private const string Loaded = "([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -match '^(Microsoft\\.Graph|Microsoft\\.Kiota|Azure\\.|Microsoft\\.Identity\\.Client)' } | ForEach-Object { $_.GetName().Name } | Sort-Object) -join ','";

        [Fact]
        public void Importing_the_module_loads_no_graph_kiota_azure_or_msal_assembly()
        {
            Assert.Equal("[]", RunPwsh("Import-Module ./ComplianceTools.psd1; Get-Command -Module ComplianceTools | Out-Null; '[' + (" + Loaded + ") + ']'"));
        }

        [Fact]
        public void Importing_the_module_does_not_load_the_workplace_assembly_and_a_workplace_cmdlet_loads_it_into_the_module_load_context()
        {
            string script = "Import-Module ./ComplianceTools.psd1; Get-Command -Module ComplianceTools | Out-Null; "
                + "$before = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'ComplianceTools.Workplace' }).Count; "
                + "Disconnect-ComplianceWorkplace; "
                + "$w = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'ComplianceTools.Workplace' }; "
                + "\"$before \" + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($w).GetType().FullName + ' [' + (" + Loaded + ") + ']'";
            Assert.Equal("0 ComplianceTools.Resolver.ModuleLoadContext []", RunPwsh(script));
        }

        [Fact]
        public void Publishing_to_wecom_loads_no_graph_kiota_azure_or_msal_assembly()
        {
            using var wecom = new ComplianceTools.Tests.Workplace.Fake.FakeWeCom();
            using TempFolder state = Paths.NewTempFolder();
            wecom.AddUser("ZhangSan", mail: "zhangsan@contoso.cn");
            string script = "Import-Module ./ComplianceTools.psd1; "
                + "Connect-ComplianceWorkplace -Platform WeCom -CorpId " + ComplianceTools.Tests.Workplace.Fake.FakeWeCom.CorpId + " -AgentId 1000002 -Secret (ConvertTo-SecureString '" + wecom.Secret + "' -AsPlainText -Force) -Endpoint " + wecom.Endpoint + " -StateFolder '" + state.FullName + "' | Out-Null; "
                + "$r = [pscustomobject]@{ Key = 'K1'; Title = 'T1'; Owner = 'zhangsan@contoso.cn'; DueDate = '2026-03-31' } | Publish-ComplianceTask -Target WeCom; "
                + "[string]$r.Action + ' [' + (" + Loaded + ") + ']'";
            Assert.Equal("Created []", RunPwsh(script));
        }

        [Fact]
        public void A_graph_cmdlet_loads_them_into_the_module_load_context_not_the_default_one()
        {
            string script = "Import-Module ./ComplianceTools.psd1; Connect-ComplianceGraph -AccessToken (ConvertTo-SecureString 'a.b.c' -AsPlainText -Force) -GraphEndpoint http://127.0.0.1:9 | Out-Null; "
                + "$g = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Microsoft.Graph.Core' }; "
                + "[System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($g).GetType().FullName";
            Assert.Equal("ComplianceTools.Resolver.ModuleLoadContext", RunPwsh(script));
        }
    }
}
