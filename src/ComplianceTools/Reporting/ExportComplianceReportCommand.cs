using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Engine.Reporting;

namespace ComplianceTools.Commands.Reporting
{
    /// <summary>Findings, plan items and schedule items from the pipeline into one Excel workbook.</summary>
    [Cmdlet(VerbsData.Export, "ComplianceReport", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportComplianceReportCommand : ComplianceCmdlet
    {
        private readonly List<Finding> _findings = new List<Finding>();
        private readonly List<PlanItem> _items = new List<PlanItem>();

        /// <summary>The .xlsx file to write.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Findings (any check, Invoke-ComplianceAudit) and plan items (New-RectificationPlan, New-ComplianceSchedule).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowNull]
        public PSObject InputObject { get; set; }

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private string _path;

        protected override void BeginProcessing()
        {
            _path = ResolvePath(Path);
            Run(() =>
            {
                OutputFile.CheckTarget(_path, Force.IsPresent);
                return true;
            });
        }

        protected override void ProcessRecord()
        {
            object item = InputObject?.BaseObject;
            switch (item)
            {
                case null:
                    break;
                case Finding finding:
                    _findings.Add(finding);
                    break;
                case PlanItem planItem:
                    _items.Add(planItem);
                    break;
                case object other when other.GetType().Namespace?.StartsWith("ComplianceTools.", StringComparison.Ordinal) == true:
                    WriteVerbose(Text.Format("InputSkipped", other.GetType().Name));
                    break;
                default:
                    WriteProblem(new ComplianceProblem("ComplianceTools.Report.InputNotSupported", ProblemKind.InvalidArgument, Text.Format("ReportInputNotSupported", item.GetType().FullName), item));
                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (ShouldProcess(_path))
            {
                WriteObject(Run(() => ComplianceReportWriter.Write(_path, _findings, _items, Force.IsPresent)));
            }
        }
    }
}
