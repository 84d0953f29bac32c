using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ComplianceTools.Core.Publishing
{
    /// <summary>
    /// Due dates of items to publish. A value that says its offset (a DateTimeOffset, a UTC DateTime, a string
    /// ending in Z or ±hh:mm) keeps it; any other date or time is China Standard Time (UTC+08:00), the time of
    /// the regulator's deadlines. A date without a time of day is a due day, not a moment.
    /// </summary>
    public static class DueDates
    {
        public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);
        private static readonly Regex s_offset = new Regex(@"(Z|[+-]\d{2}:?\d{2})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The due moment of a bound value; null for null or an empty string; FormatException for anything else.</summary>
        public static DateTimeOffset? Normalize(object value)
        {
            Parse(value, out DateTime? day, out DateTimeOffset? time);
            return time ?? (day.HasValue ? StartOfDay(day.Value) : (DateTimeOffset?)null);
        }

        /// <summary>
        /// A bound value as a due day (a date at midnight, without an offset) or a due moment (anything with a
        /// time of day or an offset); both null for null or an empty string; FormatException for anything else.
        /// </summary>
        public static void Parse(object value, out DateTime? day, out DateTimeOffset? time)
        {
            day = null;
            time = null;
            switch (value)
            {
                case null:
                    return;
                case DateTimeOffset dto:
                    time = dto;
                    return;
                case DateTime dt when dt.Kind == DateTimeKind.Utc:
                    time = new DateTimeOffset(dt);
                    return;
                case DateTime dt:
                    FromLocal(dt, out day, out time);
                    return;
                case string s when string.IsNullOrWhiteSpace(s):
                    return;
                case string s when s_offset.IsMatch(s):
                    time = DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None);
                    return;
                case string s:
                    FromLocal(DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None), out day, out time);
                    return;
                default:
                    throw new FormatException(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }

        /// <summary>The first moment of a day in China Standard Time.</summary>
        public static DateTimeOffset StartOfDay(DateTime day) => new DateTimeOffset(DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified), ChinaStandardTime);

        /// <summary>The day a moment falls on in China.</summary>
        public static DateTime ChinaDay(DateTimeOffset moment) => moment.ToOffset(ChinaStandardTime).Date;

        private static void FromLocal(DateTime value, out DateTime? day, out DateTimeOffset? time)
        {
            DateTime local = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
            if (local.TimeOfDay == TimeSpan.Zero)
            {
                day = local.Date;
                time = null;
            }
            else
            {
                day = null;
                time = new DateTimeOffset(local, ChinaStandardTime);
            }
        }
    }
}
