using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ComplianceTools.Core.Common
{
    /// <summary>
    /// Months as the sheets give them (2025-03, 2025-3, 2025/03, 202503, 2025年3月, 2025-03-01) reduced to
    /// one key, yyyy-MM, so traffic, complaints, insurance and payroll months line up.
    /// </summary>
    public static class MonthKey
    {
        private static readonly Regex s_month = new Regex(@"^\s*(\d{4})\s*(?:[-/.年]\s*(\d{1,2})|(\d{2}))\s*(?:月|[-/.]\d{1,2}.*)?\s*$", RegexOptions.CultureInvariant);

        /// <summary>The yyyy-MM key of a month text, or false when the text is not a month.</summary>
        public static bool TryNormalize(string text, out string key)
        {
            key = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            Match m = s_month.Match(text);
            if (!m.Success)
            {
                return false;
            }

            int year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            int month = int.Parse(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value, CultureInfo.InvariantCulture);
            if (month < 1 || month > 12)
            {
                return false;
            }

            key = year.ToString("0000", CultureInfo.InvariantCulture) + "-" + month.ToString("00", CultureInfo.InvariantCulture);
            return true;
        }

        /// <summary>The yyyy-MM key of a date.</summary>
        public static string Of(DateTime date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

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
    }
}
