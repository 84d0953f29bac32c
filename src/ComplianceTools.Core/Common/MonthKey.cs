using System;
using System.Globalization;

namespace ComplianceTools.Core.Common
{
    /// <summary>
    /// The one month parser: months as the sheets give them (2025-03, 2025-3, 2025/03, 2025.3, 202503, 2025年3月,
    /// a date such as 2025-03-01 or 2025年3月1日 8时, full-width digits) reduced to one key, yyyy-MM, so traffic,
    /// complaints, insurance and payroll months line up; and the one count of whole months between two dates.
    /// </summary>
    public static class MonthKey
    {
        /// <summary>The first and last year a month or date of the workbook may fall in.</summary>
        public const int FirstYear = 1950;

        public const int LastYear = 2099;

        /// <summary>The yyyy-MM key of a month text, or false when the text is not a month (2025-13, 2025-02-30, 2025, 0000-01).</summary>
        public static bool TryNormalize(string text, out string key)
        {
            key = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            string t = TimeText.Fold(text);
            int year, month;
            if (t.Length == 6 && IsDigits(t, 0, 6))
            {
                year = Number(t, 0, 4);
                month = Number(t, 4, 2);
            }
            else if (t.Length >= 6 && t.Length <= 7 && IsDigits(t, 0, 4) && (t[4] == '-' || t[4] == '.') && IsDigits(t, 5, t.Length - 5))
            {
                year = Number(t, 0, 4);
                month = Number(t, 5, t.Length - 5);
            }
            else if (TimeText.TryParse(text, out DateTime date) && !IsDigits(t, 0, t.Length))
            {
                // A whole date names its month; a bare number (a serial, 2025) does not.
                year = date.Year;
                month = date.Month;
            }
            else
            {
                return false;
            }

            if (month < 1 || month > 12 || year < FirstYear || year > LastYear)
            {
                return false;
            }

            key = year.ToString("0000", CultureInfo.InvariantCulture) + "-" + month.ToString("00", CultureInfo.InvariantCulture);
            return true;
        }

        /// <summary>The yyyy-MM key of a date.</summary>
        public static string Of(DateTime date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        /// <summary>
        /// Whole months from <paramref name="since"/> to <paramref name="asOf"/> (times ignored, never below 0): the
        /// largest n with since + n months ≤ asOf, where a month added to the 31st ends on the last day of a shorter
        /// month. 2025-09-02 → 2026-03-01 is 5; 2025-09-01 → 2026-03-01 is 6; 2025-08-31 → 2026-02-28 is 6.
        /// </summary>
        public static int MonthsBetween(DateTime since, DateTime asOf)
        {
            int months = ((asOf.Year - since.Year) * 12) + asOf.Month - since.Month;
            int day = Math.Min(since.Day, DateTime.DaysInMonth(asOf.Year, asOf.Month));
            if (asOf.Day < day)
            {
                months--;
            }

            return Math.Max(0, months);
        }

        /// <summary>A period covering these month keys: the year when they share one (2025), else first..last.</summary>
        public static string PeriodOf(string firstMonth, string lastMonth)
        {
            if (string.IsNullOrEmpty(firstMonth))
            {
                return null;
            }

            string y1 = firstMonth.Substring(0, 4);
            string y2 = lastMonth.Substring(0, 4);
            return y1 == y2 ? y1 : firstMonth + ".." + lastMonth;
        }

        private static bool IsDigits(string s, int start, int length)
        {
            if (length <= 0 || start + length > s.Length)
            {
                return false;
            }

            for (int i = start; i < start + length; i++)
            {
                if (s[i] < '0' || s[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static int Number(string s, int start, int length) => int.Parse(s.Substring(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
