using System.IO;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Resources;
using ComplianceTools.Core.Workspace;
using ComplianceTools.Engine.Workspace;

namespace ComplianceTools.Commands.Workspace
{
    /// <summary>
    /// Compares two results finding by finding (rule, subject, period read against each result's report year, so last
    /// season's run meets this season's): per key Regressed, New, Improved, Fixed, Removed or Unchanged, with the status,
    /// value and line on both sides.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "ComplianceResult")]
    [OutputType(typeof(FindingChange))]
    public sealed class CompareComplianceResultCommand : ComplianceCmdlet
    {
        /// <summary>The earlier result: an object from Import-ComplianceResult, or a result file's path.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public PSObject Reference { get; set; }

        /// <summary>The later result: an object from Import-ComplianceResult, or a result file's path; from the pipeline too.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject Difference { get; set; }

        /// <summary>Only these changes (Regressed, New, Improved, Fixed, Removed, Unchanged); all by default.</summary>
        [Parameter]
        public ChangeKind[] Change { get; set; }

        private ComplianceResult _reference;

        protected override void BeginProcessing()
        {
            _reference = Result(Reference, nameof(Reference));
        }

        protected override void ProcessRecord()
        {
            ComplianceResult difference = Result(Difference, nameof(Difference));
            foreach (FindingChange c in ResultComparer.Compare(_reference, difference).Where(c => Change == null || Change.Contains(c.Change)))
            {
                WriteObject(c);
            }
        }

        private ComplianceResult Result(PSObject value, string parameter)
        {
            switch (value.BaseObject)
            {
                case ComplianceResult result:
                    return result;
                case FileInfo file:
                    return Run(() => ResultFile.Read(file.FullName));
                case string path:
                    return Run(() => ResultFile.Read(ResolvePath(path)));
                default:
                    ThrowProblem(new ComplianceProblem("ComplianceTools.Workspace.InputNotSupported", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.WorkspaceCompareInput), parameter, value.BaseObject?.GetType().FullName), parameter));
                    return null;
            }
        }
    }
}
