using System.IO;
using System.Linq;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Graph
{
    /// <summary>Every Microsoft 365 cmdlet is exported and has help in both cultures with a section per parameter and an example.</summary>
    public sealed class GraphHelpTests : System.IDisposable
    {
        private static readonly string[] s_cmdlets = { "Connect-ComplianceGraph", "Disconnect-ComplianceGraph", "Import-ComplianceDirectory", "Publish-ComplianceTask", "Copy-ComplianceDocument", "Connect-ComplianceWorkplace", "Disconnect-ComplianceWorkplace", "Send-ComplianceReminder" };
        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        [Theory]
        [InlineData("en-US")]
        [InlineData("zh-CN")]
        public void Each_graph_cmdlet_has_help_naming_every_parameter_with_an_example(string culture)
        {
            foreach (string cmdlet in s_cmdlets)
            {
                string path = Path.Combine(Paths.Root, "module", "help", culture, cmdlet + ".md");
                Assert.True(File.Exists(path), path);
                string help = File.ReadAllText(path);
                Assert.Contains("## EXAMPLES", help);
                Assert.Contains("```powershell", help);
                var parameters = _ps.Run("(Get-Command $args[0]).Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }", cmdlet).Output.Select(o => o.BaseObject.ToString()).ToList();
                Assert.Equal(cmdlet == "Disconnect-ComplianceGraph", parameters.Count == 0);
                foreach (string parameter in parameters)
                {
                    Assert.True(help.Contains("### -" + parameter + "\n", System.StringComparison.Ordinal), cmdlet + " (" + culture + ") lacks ### -" + parameter);
                }
            }
        }
    }
}
