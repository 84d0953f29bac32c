using System;
using System.Management.Automation;
using ComplianceTools.Core.Calendar;

namespace ComplianceTools.Commands.Calendar
{
    /// <summary>The n-th China working day after a date (weekends, public holidays and make-up working days 调休).</summary>
    [Cmdlet(VerbsCommon.Get, "ComplianceDueDate")]
    [OutputType(typeof(DueDateResult))]
    public sealed class GetComplianceDueDateCommand : CalendarCmdlet
    {
        /// <summary>The day counting starts from (not itself counted): a notice date, a report date.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Date", "NoticeDate")]
        public DateTime From { get; set; }

        /// <summary>How many working days to count; negative counts backwards.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public int WorkingDays { get; set; }

        protected override void ProcessRecord()
        {
            // A date or count the calendar cannot take fails this input only; the next date down the pipeline is counted.
            TryRun(() =>
            {
                DueDateResult result = WorkingCalendar.AddWorkingDays(From, WorkingDays);
                WarnUncovered(result.UncoveredYears);
                WriteObject(result);
            });
        }
    }
}
