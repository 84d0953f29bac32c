using System;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Calendar;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Resources;

namespace ComplianceTools.Core.Planning
{
    /// <summary>Which filing season a run plans, and why (the main job, Invoke-ComplianceRun and New-ComplianceSchedule without -Year).</summary>
    public sealed class SeasonChoice
    {
        public SeasonChoice(int year, DateTime inspectionDeadline, DateTime asOf, bool provisional, string reason)
        {
            Year = year;
            InspectionDeadline = inspectionDeadline;
            AsOf = asOf;
            Provisional = provisional;
            Reason = reason;
        }

        /// <summary>The season: the year the filing work happens in (season 2027 files the 2026 report).</summary>
        public int Year { get; }

        /// <summary>The report year the season files: <see cref="Year"/> − 1.</summary>
        public int ReportYear => Year - 1;

        /// <summary>The season's inspection deadline (guide B's official deadline, on a working day).</summary>
        public DateTime InspectionDeadline { get; }

        /// <summary>The day the choice was made on.</summary>
        public DateTime AsOf { get; }

        /// <summary>True when the holiday data does not cover the season's year: its dates count weekends only until that year's notice is given.</summary>
        public bool Provisional { get; }

        /// <summary>Why this season, in the user's language.</summary>
        public string Reason { get; }

        public override string ToString() => Year.ToString(CultureInfo.InvariantCulture) + ": " + Reason;
    }

    /// <summary>
    /// The default season: the first year whose inspection deadline (guide B: "官方文件写的截止日期是6月30日", the latest
    /// regulator's date of the Inspection calendar in module/rules/schedules.json) has not passed on the run date. Run in
    /// December 2026 that is 2027 — the coming season, not the one that is over and all overdue.
    /// </summary>
    public static class Season
    {
        public static SeasonChoice Default(DateTime asOf, ScheduleDefinition inspection, WorkingCalendar calendar)
        {
            if (inspection == null)
            {
                throw new ArgumentNullException(nameof(inspection));
            }

            SchedulePhase deadline = inspection.Phases.Where(p => p.Deadline == DeadlineKind.Regulator)
                .OrderBy(p => p.EndMonth).ThenBy(p => p.EndDay).LastOrDefault()
                ?? inspection.Phases.OrderBy(p => p.EndMonth).ThenBy(p => p.EndDay).Last();
            DateTime day = asOf.Date;
            for (int year = day.Year; ; year++)
            {
                DateTime due = PlanBuilder.PhaseDue(deadline, year, calendar).DueDate;
                if (due < day)
                {
                    continue;
                }

                bool provisional = !calendar.Covers(year);
                string reason = year == day.Year
                    ? Text.Format(nameof(Strings.SeasonThisYear), year, Iso(due), Iso(day))
                    : Text.Format(nameof(Strings.SeasonNextYear), year, year - 1, Iso(PlanBuilder.PhaseDue(deadline, year - 1, calendar).DueDate), Iso(day), Iso(due));
                if (provisional)
                {
                    string covered = calendar.Years.Count == 0 ? string.Empty : calendar.Years.Min() + "–" + calendar.Years.Max();
                    reason += " " + Text.Format(nameof(Strings.SeasonProvisional), year, covered);
                }

                return new SeasonChoice(year, due, day, provisional, reason);
            }
        }

        private static string Iso(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
