using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Resources;
using ComplianceTools.Core.Workspace;
using ComplianceTools.Engine.Workspace;

namespace ComplianceTools.Commands.Workspace
{
    /// <summary>Makes a consultant's workspace: a folder with workspace.json, clients/, results/, portfolio/ and baselines/.</summary>
    [Cmdlet(VerbsCommon.New, "ComplianceWorkspace", SupportsShouldProcess = true)]
    [OutputType(typeof(ComplianceWorkspace))]
    public sealed class NewComplianceWorkspaceCommand : ComplianceCmdlet
    {
        /// <summary>The workspace's folder; created when missing. A folder that is a workspace already is refused.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The consultancy's name for the workspace (the portfolio's title); default the folder's name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        /// <summary>The language of the reports and the portfolio: zh-CN (default) or en-US.</summary>
        [Parameter]
        [ValidateSet("zh-CN", "en-US", IgnoreCase = true)]
        public string Culture { get; set; } = "zh-CN";

        protected override void ProcessRecord()
        {
            string path = ResolvePath(Path);
            if (!ShouldProcess(path, Text.Get(nameof(Strings.WorkspaceShouldCreate))))
            {
                return;
            }

            string culture = Culture.StartsWith("zh", System.StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en-US";
            if (TryRun(() => WriteObject(WorkspaceFiles.Create(path, Name, culture))))
            {
                WriteVerbose(Text.Format(nameof(Strings.WorkspaceCreated), path));
            }
        }
    }
}
