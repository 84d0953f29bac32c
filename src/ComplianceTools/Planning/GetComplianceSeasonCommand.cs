using System;
using System.Management.Automation;
using ComplianceTools.Commands.Calendar;
using ComplianceTools.Core.Planning;
using ComplianceTools.Engine.Planning;

namespace ComplianceTools.Commands.Planning
{
    /// <summary>
    /// The season a run plans by default and why: the first year whose inspection deadline (guide B's official deadline,
    /// 30 June, on a working day) has not passed on -AsOf. Run in December 2026 it is 2027.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ComplianceSeason")]
    [OutputType(typeof(SeasonChoice))]
    public sealed class GetComplianceSeasonCommand : CalendarCmdlet
    {
        /// <summary>The day the season is chosen on; today by default.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public DateTime AsOf { get; set; } = DateTime.Today;

        /// <summary>A JSON file in the shape of module/rules/schedules.json whose Inspection calendar replaces the shipped one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ScheduleFile { get; set; }

        protected override void ProcessRecord()
        {
            ScheduleDefinition inspection = Run(() => PlanningData.LoadSchedule("Inspection", string.IsNullOrEmpty(ScheduleFile) ? null : ResolvePath(ScheduleFile)));
            SeasonChoice season = Run(() => Season.Default(AsOf, inspection, WorkingCalendar));
            if (season.Provisional)
            {
                WarnUncovered(new[] { season.Year });
            }

            WriteObject(season);
        }
    }
}
