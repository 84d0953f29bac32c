using System;
using System.Management.Automation;
using ComplianceTools.Core.Calendar;

namespace ComplianceTools.Commands.Calendar
{
    /// <summary>China working days between two dates: the first excluded, the last included.</summary>
    [Cmdlet(VerbsDiagnostic.Measure, "ComplianceWorkingDay")]
    [OutputType(typeof(WorkingDayCount))]
    public sealed class MeasureComplianceWorkingDayCommand : CalendarCmdlet
    {
        /// <summary>The first date (not counted).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Start", "StartDate")]
        public DateTime From { get; set; }

        /// <summary>The last date (counted when it is a working day).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("End", "DueDate")]
        public DateTime To { get; set; }

        protected override void ProcessRecord()
        {
            // A date the calendar cannot take fails this input only; the next pair down the pipeline is counted.
            TryRun(() =>
            {
                WorkingDayCount count = WorkingCalendar.CountWorkingDays(From, To);
                WarnUncovered(count.UncoveredYears);
                WriteObject(count);
            });
        }
    }
}
