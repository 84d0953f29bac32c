using System.Linq;
using System.Management.Automation;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Engine.Planning;

namespace ComplianceTools.Commands.Planning
{
    /// <summary>The year's calendar of the annual report (guide A) or the annual inspection (guide B) as owned, dated items.</summary>
    [Cmdlet(VerbsCommon.New, "ComplianceSchedule")]
    [OutputType(typeof(PlanItem))]
    public sealed class NewComplianceScheduleCommand : PlanningCmdlet
    {
        /// <summary>The year the work happens in (the 2026 schedule files the 2025 report). Default: the season ahead, the first whose inspection deadline has not passed on -AsOf (Get-ComplianceSeason).</summary>
        [Parameter(Position = 0)]
        [ValidateRange(2000, 2200)]
        public int Year { get; set; }

        /// <summary>AnnualReport (年报, guide A) or Inspection (年检, guide B).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("AnnualReport", "Inspection", IgnoreCase = true)]
        [ValidateNotNullOrEmpty]
        public string Kind { get; set; }

        /// <summary>The workbook (Import-ComplianceWorkbook): its owners sheet assigns the items.</summary>
        [Parameter(ValueFromPipeline = true)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>A JSON file in the shape of module/rules/schedules.json; its AnnualReport or Inspection calendar replaces the shipped one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ScheduleFile { get; set; }

        protected override void EndProcessing()
        {
            ScheduleDefinition schedule = Run(() => PlanningData.LoadSchedule(Kind, string.IsNullOrEmpty(ScheduleFile) ? null : ResolvePath(ScheduleFile)));
            PlanningPolicy policy = Run(() => PlanningData.LoadPolicy(null));
            OwnerDirectory owners = BuildOwners(policy, Dataset?.Owners?.ToArray());
            int year = Year;
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(Year)))
            {
                SeasonChoice season = Run(() => Season.Default(AsOf, PlanningData.LoadSchedule("Inspection", string.IsNullOrEmpty(ScheduleFile) ? null : ResolvePath(ScheduleFile)), WorkingCalendar));
                year = season.Year;
                WriteVerbose(season.Reason);
            }

            WriteResult(PlanBuilder.Schedule(schedule, year, owners, WorkingCalendar, AsOf));
        }
    }
}
