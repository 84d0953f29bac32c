using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Engine.Planning;

namespace ComplianceTools.Commands.Planning
{
    /// <summary>Findings in (from any check or Invoke-ComplianceAudit), owned and dated rectification items out.</summary>
    [Cmdlet(VerbsCommon.New, "RectificationPlan")]
    [OutputType(typeof(PlanItem))]
    public sealed class NewRectificationPlanCommand : PlanningCmdlet
    {
        private readonly List<Finding> _findings = new List<Finding>();

        /// <summary>Findings, down the pipeline; other module objects (the audit's summary) are passed over.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowNull]
        public PSObject InputObject { get; set; }

        /// <summary>The workbook (Import-ComplianceWorkbook): its owners sheet assigns the items.</summary>
        [Parameter]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>The day the rectification notice (整改通知书) arrived or the audit ran; working days count from it. Today by default.</summary>
        [Parameter]
        [Alias("Notice")]
        public DateTime NoticeDate { get; set; } = DateTime.Today;

        /// <summary>Plan Green findings too (a standing review), which make no items by default.</summary>
        [Parameter]
        public SwitchParameter IncludeGreen { get; set; }

        /// <summary>Make no "provide the data" items for Skipped findings (checks that could not run).</summary>
        [Parameter]
        public SwitchParameter ExcludeSkipped { get; set; }

        /// <summary>A JSON file in the shape of module/rules/planning.json; its severities and rules replace the shipped ones.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string PlanningFile { get; set; }

        /// <summary>A JSON file in the shape of module/rules/schedules.json: the milestones a "provide the data" item is due at.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ScheduleFile { get; set; }

        protected override void ProcessRecord()
        {
            switch (InputObject?.BaseObject)
            {
                case null:
                    break;
                case Finding finding:
                    _findings.Add(finding);
                    break;
                case object other when other.GetType().Namespace?.StartsWith("ComplianceTools.", StringComparison.Ordinal) == true:
                    WriteVerbose(Core.Common.Text.Format(nameof(Core.Resources.Strings.InputSkipped), other.GetType().Name));
                    break;
                case object other:
                    WriteProblem(new Core.Common.ComplianceProblem("ComplianceTools.Planning.InputNotSupported", Core.Common.ProblemKind.InvalidArgument, Core.Common.Text.Format(nameof(Core.Resources.Strings.PlanInputNotSupported), other.GetType().FullName), other));
                    break;
            }
        }

        protected override void EndProcessing()
        {
            PlanningPolicy policy = Run(() => PlanningData.LoadPolicy(string.IsNullOrEmpty(PlanningFile) ? null : ResolvePath(PlanningFile)));
            OwnerDirectory owners = BuildOwners(policy, Dataset?.Owners?.ToArray());
            var schedules = Run(() => PlanningData.LoadSchedules(string.IsNullOrEmpty(ScheduleFile) ? null : ResolvePath(ScheduleFile)));
            PlanResult result = PlanBuilder.Rectification(_findings, policy, owners, WorkingCalendar, NoticeDate, AsOf, IncludeGreen.IsPresent, ExcludeSkipped.IsPresent, schedules);
            WriteResult(result);
        }
    }
}
