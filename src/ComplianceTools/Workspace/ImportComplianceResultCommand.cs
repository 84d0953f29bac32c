using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Workspace;
using ComplianceTools.Engine.Workspace;

namespace ComplianceTools.Commands.Workspace
{
    /// <summary>Reads result files (a workspace's results/…, or Export-ComplianceResult's); a file from a newer schema is an error naming it, the next file is read.</summary>
    [Cmdlet(VerbsData.Import, "ComplianceResult")]
    [OutputType(typeof(ComplianceResult))]
    public sealed class ImportComplianceResultCommand : ComplianceCmdlet
    {
        /// <summary>The result file(s); FileInfo objects (Get-ChildItem) bind by their FullName.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        protected override void ProcessRecord()
        {
            foreach (string path in Path)
            {
                string full = ResolvePath(path);
                TryRun(() => WriteObject(ResultFile.Read(full)));
            }
        }
    }
}
