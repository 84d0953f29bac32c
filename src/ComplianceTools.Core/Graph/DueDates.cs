using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ComplianceTools.Core.Graph
{
    /// <summary>
    /// Due dates of plan items with their offset. A value that says its offset (a DateTimeOffset, a UTC
    /// DateTime, a string ending in Z or ±hh:mm) keeps it; any other date or time is China Standard Time
    /// (UTC+08:00), the time of the regulator's deadlines.
    /// </summary>
    public static class DueDates
    {
        public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);
        private static readonly Regex s_offset = new Regex(@"(Z|[+-]\d{2}:?\d{2})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The due date of a bound value; null for null or an empty string; FormatException for anything else.</summary>
        public static DateTimeOffset? Normalize(object value)
        {
            switch (value)
            {
                case null:
                    return null;
                case DateTimeOffset dto:
                    return dto;
                case DateTime dt:
                    return dt.Kind == DateTimeKind.Utc ? new DateTimeOffset(dt) : new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified), ChinaStandardTime);
                case string s when string.IsNullOrWhiteSpace(s):
                    return null;
                case string s when s_offset.IsMatch(s):
                    return DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None);
                case string s:
                    DateTime local = DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None);
                    return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaStandardTime);
                default:
                    throw new FormatException(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }
    }
}
