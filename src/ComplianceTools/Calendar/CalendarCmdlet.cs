using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Calendar;
using ComplianceTools.Core.Common;
using ComplianceTools.Engine.Calendar;

namespace ComplianceTools.Commands.Calendar
{
    /// <summary>
    /// A cmdlet that counts China's working days: gives -HolidayFile and warns about years the data does not cover,
    /// once per year in a session (a script that plans, schedules and reports on 2027 is told once, not by every
    /// cmdlet; every date it gives is marked Provisional all the same).
    /// </summary>
    public abstract class CalendarCmdlet : ComplianceCmdlet
    {
        private static readonly ConditionalWeakTable<Runspace, HashSet<int>> s_warnedPerSession = new ConditionalWeakTable<Runspace, HashSet<int>>();
        private HashSet<int> _warned;
        private WorkingCalendar _calendar;

        /// <summary>A JSON file in the shape of the shipped holiday data; its years add to or replace the shipped ones.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string HolidayFile { get; set; }

        /// <summary>The shipped calendar with -HolidayFile applied.</summary>
        protected WorkingCalendar WorkingCalendar
        {
            get
            {
                if (_calendar == null)
                {
                    _calendar = Run(() => HolidayData.Load(string.IsNullOrEmpty(HolidayFile) ? null : ResolvePath(HolidayFile)));
                }

                return _calendar;
            }
        }

        /// <summary>Writes the provisional-result warning for each year not yet warned about.</summary>
        protected void WarnUncovered(IEnumerable<int> years)
        {
            if (_warned == null)
            {
                Runspace session = Runspace.DefaultRunspace;
                _warned = session == null ? new HashSet<int>() : s_warnedPerSession.GetValue(session, _ => new HashSet<int>());
            }

            List<int> fresh;
            lock (_warned)
            {
                fresh = years.Where(y => _warned.Add(y)).OrderBy(y => y).ToList();
            }

            if (fresh.Count > 0)
            {
                string covered = WorkingCalendar.Years.Count == 0 ? string.Empty : WorkingCalendar.Years.Min() + "–" + WorkingCalendar.Years.Max();
                WriteWarning(Text.Format(nameof(Core.Resources.Strings.CalendarYearNotCovered), string.Join(", ", fresh), covered));
            }
        }
    }
}
