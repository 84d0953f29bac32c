using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ComplianceTools.Core.Calendar
{
    /// <summary>What kind of day a date is in China's working calendar.</summary>
    public enum DayKind
    {
        /// <summary>Monday to Friday, no holiday.</summary>
        Workday,

        /// <summary>Saturday or Sunday, no make-up working day.</summary>
        Weekend,

        /// <summary>An announced public holiday (法定节假日 and the days joined to it).</summary>
        Holiday,

        /// <summary>A weekend day announced as a working day (调休).</summary>
        MakeUpWorkday,
    }

    /// <summary>
    /// China's working days: weekends off except the announced make-up working days (调休), public
    /// holidays off. Built from data (the shipped State Council notices, plus a user file for years not
    /// yet shipped). A date in a year the data does not cover is counted over weekends only, and every
    /// result says so (<see cref="DueDateResult.Provisional"/>): never a silent guess.
    /// </summary>
    public sealed class WorkingCalendar
    {
        /// <summary>The first and last day the calendar counts (years without holiday data count weekends only, and say so).</summary>
        public static readonly DateTime FirstDate = new DateTime(1900, 1, 1);

        public static readonly DateTime LastDate = new DateTime(2199, 12, 31);

        /// <summary>The most working days counted at once, either way (about 14 years).</summary>
        public const int MaxWorkingDays = 3650;

        private readonly Dictionary<DateTime, string> _holidays;
        private readonly Dictionary<DateTime, string> _workdays;
        private readonly SortedSet<int> _years;

        public WorkingCalendar(IDictionary<DateTime, string> holidays, IDictionary<DateTime, string> workdays, IEnumerable<int> years, string source)
        {
            _holidays = (holidays ?? new Dictionary<DateTime, string>()).ToDictionary(p => p.Key.Date, p => p.Value);
            _workdays = (workdays ?? new Dictionary<DateTime, string>()).ToDictionary(p => p.Key.Date, p => p.Value);
            _years = new SortedSet<int>(years ?? _holidays.Keys.Concat(_workdays.Keys).Select(d => d.Year));
            Source = source ?? string.Empty;
        }

        /// <summary>Where the data came from (the shipped notices, then any user file).</summary>
        public string Source { get; }

        /// <summary>The years whose holidays and make-up working days are known.</summary>
        public IReadOnlyCollection<int> Years => _years;

        public bool Covers(int year) => _years.Contains(year);

        public DayKind Classify(DateTime date)
        {
            date = date.Date;
            if (_holidays.ContainsKey(date))
            {
                return DayKind.Holiday;
            }

            bool weekend = date.DayOfWeek == DayOfWeek.Saturday || date.DayOfWeek == DayOfWeek.Sunday;
            if (weekend)
            {
                return _workdays.ContainsKey(date) ? DayKind.MakeUpWorkday : DayKind.Weekend;
            }

            return DayKind.Workday;
        }

        public bool IsWorkingDay(DateTime date)
        {
            DayKind kind = Classify(date);
            return kind == DayKind.Workday || kind == DayKind.MakeUpWorkday;
        }

        /// <summary>The holiday's or make-up day's name (春节, 国庆节), or null.</summary>
        public string NameOf(DateTime date)
        {
            date = date.Date;
            if (_holidays.TryGetValue(date, out string name) || _workdays.TryGetValue(date, out name))
            {
                return name;
            }

            return null;
        }

        /// <summary>
        /// The <paramref name="workingDays"/>-th working day after <paramref name="from"/> (the start day itself
        /// does not count; 0 gives the start day). Negative counts go backwards.
        /// </summary>
        public DueDateResult AddWorkingDays(DateTime from, int workingDays)
        {
            CheckDate(from, "From");
            if (workingDays > MaxWorkingDays || workingDays < -MaxWorkingDays)
            {
                throw new Common.ComplianceException(new Common.ComplianceProblem(
                    "ComplianceTools.Calendar.WorkingDaysOutOfRange", Common.ProblemKind.InvalidArgument, Common.Text.Format(nameof(Resources.Strings.CalendarWorkingDaysOutOfRange), workingDays, MaxWorkingDays), workingDays.ToString(CultureInfo.InvariantCulture)));
            }

            var uncovered = new SortedSet<int>();
            DateTime day = from.Date;
            int step = workingDays < 0 ? -1 : 1;
            int remaining = Math.Abs(workingDays);
            while (remaining > 0)
            {
                if ((step > 0 && day >= LastDate) || (step < 0 && day <= FirstDate))
                {
                    throw new Common.ComplianceException(new Common.ComplianceProblem(
                        "ComplianceTools.Calendar.DateOutOfRange", Common.ProblemKind.InvalidArgument, Common.Text.Format(nameof(Resources.Strings.CalendarCountOutOfRange), Iso(from), workingDays, Iso(FirstDate), Iso(LastDate)), Iso(from)));
                }

                day = day.AddDays(step);
                Note(day, uncovered);
                if (IsWorkingDay(day))
                {
                    remaining--;
                }
            }

            return new DueDateResult(from.Date, day, workingDays, uncovered);
        }

        /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (negative when <paramref name="to"/> is earlier).</summary>
        public WorkingDayCount CountWorkingDays(DateTime from, DateTime to)
        {
            CheckDate(from, "From");
            CheckDate(to, "To");
            var uncovered = new SortedSet<int>();
            DateTime a = from.Date;
            DateTime b = to.Date;
            int sign = 1;
            if (b < a)
            {
                DateTime t = a;
                a = b;
                b = t;
                sign = -1;
            }

            int working = 0;
            int holidays = 0;
            int makeUp = 0;
            for (DateTime day = a.AddDays(1); day <= b; day = day.AddDays(1))
            {
                Note(day, uncovered);
                switch (Classify(day))
                {
                    case DayKind.Workday:
                        working++;
                        break;
                    case DayKind.MakeUpWorkday:
                        working++;
                        makeUp++;
                        break;
                    case DayKind.Holiday:
                        holidays++;
                        break;
                }
            }

            return new WorkingDayCount(from.Date, to.Date, sign * working, sign * (int)(b - a).TotalDays, holidays, makeUp, uncovered);
        }

        /// <summary>The date itself when it is a working day, else the nearest working day before it (internal phases: do not leave work for a day off).</summary>
        public DueDateResult OnOrBefore(DateTime date) => Nearest(date, -1);

        /// <summary>The date itself when it is a working day, else the next working day (a statutory deadline on a day off moves to the next working day).</summary>
        public DueDateResult OnOrAfter(DateTime date) => Nearest(date, 1);

        /// <summary>This calendar with the years of <paramref name="overrides"/> replacing (or adding) whole years.</summary>
        public WorkingCalendar With(WorkingCalendar overrides)
        {
            if (overrides == null)
            {
                return this;
            }

            var years = new HashSet<int>(overrides.Years);
            var holidays = _holidays.Where(p => !years.Contains(p.Key.Year)).Concat(overrides._holidays).ToDictionary(p => p.Key, p => p.Value);
            var workdays = _workdays.Where(p => !years.Contains(p.Key.Year)).Concat(overrides._workdays).ToDictionary(p => p.Key, p => p.Value);
            return new WorkingCalendar(holidays, workdays, _years.Union(years), Source + "; " + overrides.Source);
        }

        private DueDateResult Nearest(DateTime date, int step)
        {
            CheckDate(date, "Date");
            var uncovered = new SortedSet<int>();
            DateTime day = date.Date;
            Note(day, uncovered);
            while (!IsWorkingDay(day))
            {
                if ((step > 0 && day >= LastDate) || (step < 0 && day <= FirstDate))
                {
                    throw new Common.ComplianceException(new Common.ComplianceProblem(
                        "ComplianceTools.Calendar.DateOutOfRange", Common.ProblemKind.InvalidArgument, Common.Text.Format(nameof(Resources.Strings.CalendarDateOutOfRange), "Date", Iso(date), Iso(FirstDate), Iso(LastDate)), Iso(date)));
                }

                day = day.AddDays(step);
                Note(day, uncovered);
            }

            return new DueDateResult(date.Date, day, (int)(day - date.Date).TotalDays == 0 ? 0 : step, uncovered);
        }

        /// <summary>A date the calendar can count from, or ComplianceTools.Calendar.DateOutOfRange naming the parameter and the date.</summary>
        public static void CheckDate(DateTime date, string name)
        {
            if (date.Date < FirstDate || date.Date > LastDate)
            {
                throw new Common.ComplianceException(new Common.ComplianceProblem(
                    "ComplianceTools.Calendar.DateOutOfRange", Common.ProblemKind.InvalidArgument, Common.Text.Format(nameof(Resources.Strings.CalendarDateOutOfRange), name, Iso(date), Iso(FirstDate), Iso(LastDate)), Iso(date)));
            }
        }

        private static string Iso(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private void Note(DateTime day, ISet<int> uncovered)
        {
            if (!_years.Contains(day.Year))
            {
                uncovered.Add(day.Year);
            }
        }
    }

    /// <summary>A date reached by counting working days, and whether it rests on years the data does not cover.</summary>
    public sealed class DueDateResult
    {
        public DueDateResult(DateTime from, DateTime date, int workingDays, IEnumerable<int> uncoveredYears)
        {
            From = from;
            DueDate = date;
            WorkingDays = workingDays;
            UncoveredYears = (uncoveredYears ?? Enumerable.Empty<int>()).ToArray();
        }

        public DateTime From { get; }

        public DateTime DueDate { get; }

        public DayOfWeek DayOfWeek => DueDate.DayOfWeek;

        public string UncoveredYearsText => string.Join(", ", UncoveredYears.Select(y => y.ToString(CultureInfo.InvariantCulture)));

        public int WorkingDays { get; }

        /// <summary>Years crossed that the holiday data does not cover (counted over weekends only).</summary>
        public IReadOnlyList<int> UncoveredYears { get; }

        /// <summary>True when the result crossed a year without holiday data: it may move once that year's notice is out.</summary>
        public bool Provisional => UncoveredYears.Count > 0;
    }

    /// <summary>Working days between two dates (the first excluded, the last included).</summary>
    public sealed class WorkingDayCount
    {
        public WorkingDayCount(DateTime from, DateTime to, int workingDays, int calendarDays, int holidays, int makeUpWorkdays, IEnumerable<int> uncoveredYears)
        {
            From = from;
            To = to;
            WorkingDays = workingDays;
            CalendarDays = calendarDays;
            Holidays = holidays;
            MakeUpWorkdays = makeUpWorkdays;
            UncoveredYears = (uncoveredYears ?? Enumerable.Empty<int>()).ToArray();
        }

        public DateTime From { get; }

        public DateTime To { get; }

        public int WorkingDays { get; }

        public int CalendarDays { get; }

        /// <summary>Public holiday days in the span (weekend or not).</summary>
        public int Holidays { get; }

        /// <summary>Weekend days in the span that are make-up working days (调休) and were counted.</summary>
        public int MakeUpWorkdays { get; }

        public IReadOnlyList<int> UncoveredYears { get; }

        public bool Provisional => UncoveredYears.Count > 0;

        public string UncoveredYearsText => string.Join(", ", UncoveredYears.Select(y => y.ToString(CultureInfo.InvariantCulture)));
    }
}
