using System;
using System.Management.Automation;
using ComplianceTools.Core.Reporting;

namespace ComplianceTools.Commands.Common
{
    /// <summary>
    /// A command that writes the findings and plan items of its pipeline into one file at -Path (Export-ComplianceReport,
    /// Export-ComplianceResult): arrays given to -InputObject are unrolled as the pipeline unrolls them, other objects are
    /// reported and skipped, and an existing file is refused before any input is read unless -Force.
    /// </summary>
    public abstract class FindingsExportCmdlet : ComplianceCmdlet
    {
        /// <summary>The file to write.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Findings (any check, Invoke-ComplianceAudit) and plan items (New-RectificationPlan, New-ComplianceSchedule); arrays are unrolled.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowNull]
        [AllowEmptyCollection]
        public PSObject[] InputObject { get; set; }

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The findings and plan items collected so far.</summary>
        internal ReportInput Input { get; private set; }

        /// <summary>-Path, resolved.</summary>
        protected string TargetPath { get; private set; }

        /// <summary>The error id of an object that is neither a finding nor a plan item.</summary>
        protected abstract string UnsupportedInputErrorId { get; }

        protected override void BeginProcessing()
        {
            Input = new ReportInput(UnsupportedInputErrorId, WriteVerbose, WriteProblem);
            TargetPath = ResolvePath(Path);
            Run(() =>
            {
                OutputFile.CheckTarget(TargetPath, Force.IsPresent);
                return true;
            });
        }

        protected override void ProcessRecord()
        {
            foreach (PSObject item in InputObject ?? Array.Empty<PSObject>())
            {
                Input.Collect(item?.BaseObject);
            }
        }
    }
}
