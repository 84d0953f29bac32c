using System.Linq;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workspace;
using ComplianceTools.Engine.Workspace;

namespace ComplianceTools.Commands.Workspace
{
    /// <summary>Lists a workspace's clients with their settings and their last run; a client whose file has a problem is an error naming it, the others are listed.</summary>
    [Cmdlet(VerbsCommon.Get, "ComplianceClient")]
    [OutputType(typeof(ClientDefinition))]
    public sealed class GetComplianceClientCommand : ComplianceCmdlet
    {
        /// <summary>The workspace's folder (New-ComplianceWorkspace).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Path")]
        [ValidateNotNullOrEmpty]
        public string Workspace { get; set; }

        /// <summary>Only these clients (wildcards allowed); every client by default.</summary>
        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; }

        protected override void ProcessRecord()
        {
            ComplianceWorkspace workspace = Run(() => WorkspaceFiles.Open(ResolvePath(Workspace)));
            var patterns = (Name ?? new[] { "*" }).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            foreach (ClientDefinition client in WorkspaceFiles.LoadClients(workspace, null, WriteProblem).Where(c => patterns.Any(p => p.IsMatch(c.Name))))
            {
                string last = WorkspaceFiles.LatestResultFile(workspace.Path, client.Name, null);
                if (last != null)
                {
                    try
                    {
                        ComplianceResult result = ResultFile.Read(last);
                        client.LastRun = result.RunTime;
                        client.LastSeason = result.Season;
                        client.LastRed = result.Red;
                        client.LastYellow = result.Yellow;
                        client.LastSkipped = result.Skipped;
                    }
                    catch (ComplianceException ex)
                    {
                        WriteProblem(ClientJob.ForClient(ex.Problem, client.Name));
                    }
                }

                WriteObject(client.Masked());
            }
        }
    }
}
