using System.IO;
using System.Linq;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Audit
{
    /// <summary>Every inspection cmdlet is exported and has help in both cultures with a section for each of its parameters.</summary>
    public sealed class InspectionHelpTests : System.IDisposable
    {
        private static readonly string[] s_cmdlets =
        {
            "Get-ComplaintRate", "Get-NumberConsistency", "Measure-ComplaintHandling", "Test-StaffingConsistency",
            "Test-LogRetention", "Test-CallbackReadiness", "Test-SystemCapability", "Get-ComplaintHotspot", "Invoke-ComplianceAudit",
        };

        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        public static TheoryData<string, string> Cases()
        {
            var data = new TheoryData<string, string>();
            foreach (string cmdlet in s_cmdlets)
            {
                data.Add(cmdlet, "en-US");
                data.Add(cmdlet, "zh-CN");
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Help_names_every_parameter_and_has_an_example(string cmdlet, string culture)
        {
            string path = Path.Combine(Paths.Root, "module", "help", culture, cmdlet + ".md");
            Assert.True(File.Exists(path), path);
            string text = File.ReadAllText(path);
            Assert.StartsWith("# " + cmdlet, text);
            Assert.Contains("## EXAMPLES", text);
            Assert.Contains("```powershell", text);
            var parameters = _ps.Run(
                "(Get-Command $args[0]).Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }",
                cmdlet).Output.Select(o => o.ToString()).ToList();
            Assert.NotEmpty(parameters);
            foreach (string parameter in parameters)
            {
                Assert.Contains("### -" + parameter + "\n", text.Replace("\r\n", "\n"));
            }
        }
    }
}
