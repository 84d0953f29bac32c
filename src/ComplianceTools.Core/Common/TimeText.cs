using System;
using System.Globalization;
using System.Text;

namespace ComplianceTools.Core.Common
{
    /// <summary>What a number standing where a date belongs plainly is, when it is not an Excel date.</summary>
    public enum NumberLooksLike
    {
        /// <summary>Nothing in particular: an Excel date serial or simply out of range.</summary>
        Serial,

        /// <summary>A year (2025).</summary>
        Year,

        /// <summary>A year and month run together (202501).</summary>
        YearMonth,

        /// <summary>A resident ID number (15 or 18 characters).</summary>
        IdNumber,
    }

    /// <summary>
    /// The one parser of dates and times written as text, for every sheet and for rows given as text:
    /// 2025-03-01 08:00, 2025/3/1 8:00, 2025.3.1, 2025年3月1日 8时30分, 20250301, 20250301 0800, 20250301080000,
    /// 2025-03-01T08:00:00+08:00 (an offset or Z is turned into China Standard Time), full-width digits, and an
    /// Excel serial (45717.5). A bare year (2025), a year and month run together (202501) and an ID number are not
    /// dates and are refused; <see cref="Classify"/> says which they are. <see cref="CallRecords.CallTime"/> stays
    /// separate: it parses ten million call starts without a string each.
    /// </summary>
    public static class TimeText
    {
        /// <summary>The first and last Excel serial (1900-01-01 and 9999-12-31).</summary>
        public const double FirstSerial = 1;

        public const double LastSerial = 2958465.99999;

        private static readonly string[] s_formats =
        {
            "yyyy-M-d", "yyyy-M-d H", "yyyy-M-d H:m", "yyyy-M-d H:m:s", "yyyy-M-d H:m:s.FFFFFFF",
            "yyyy-M-dTH:m", "yyyy-M-dTH:m:s", "yyyy-M-dTH:m:s.FFFFFFF",
            "yyyyMMdd", "yyyyMMdd H:m", "yyyyMMdd H:m:s", "yyyyMMdd HHmm", "yyyyMMdd HHmmss", "yyyyMMddHHmm", "yyyyMMddHHmmss",
        };

        private static readonly string[] s_offsetFormats = { "yyyy-M-dTH:mK", "yyyy-M-dTH:m:sK", "yyyy-M-dTH:m:s.FFFFFFFK", "yyyy-M-d H:m:sK", "yyyy-M-d H:mK" };

        private static readonly TimeSpan s_chinaOffset = TimeSpan.FromHours(8);

        /// <summary>The date and time a text names, or false.</summary>
        public static bool TryParse(string text, out DateTime value)
        {
            value = default(DateTime);
            if (text == null)
            {
                return false;
            }

            string t = Fold(text);
            if (t.Length == 0)
            {
                return false;
            }

            if (IsNumber(t))
            {
                int digits = t.IndexOf('.') < 0 ? t.Length : -1;
                if (digits == 8 || digits == 12 || digits == 14)
                {
                    return Exact(t, out value);
                }

                return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double serial)
                    && Classify(serial) == NumberLooksLike.Serial
                    && TryFromSerial(serial, out value);
            }

            if (Exact(t, out value))
            {
                return true;
            }

            if (DateTimeOffset.TryParseExact(t, s_offsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset offset))
            {
                value = RoundToSecond(offset.ToOffset(s_chinaOffset).DateTime);
                return true;
            }

            return false;
        }

        /// <summary>An Excel serial as a date, rounded to the second (Excel stores times as binary fractions).</summary>
        public static bool TryFromSerial(double serial, out DateTime value)
        {
            value = default(DateTime);
            if (double.IsNaN(serial) || serial < FirstSerial || serial > LastSerial)
            {
                return false;
            }

            value = RoundToSecond(DateTime.FromOADate(serial));
            return true;
        }

        /// <summary>What a whole number given for a date plainly is: a year, a year and month, an ID number, or none of these.</summary>
        public static NumberLooksLike Classify(double number)
        {
            if (double.IsNaN(number) || double.IsInfinity(number) || Math.Abs(number - Math.Round(number)) > 1e-9)
            {
                return NumberLooksLike.Serial;
            }

            if (number >= 1900 && number <= 2099)
            {
                return NumberLooksLike.Year;
            }

            if (number >= 190001 && number <= 209912 && number % 100 >= 1 && number % 100 <= 12)
            {
                return NumberLooksLike.YearMonth;
            }

            return number >= 1e14 ? NumberLooksLike.IdNumber : NumberLooksLike.Serial;
        }

        /// <summary>What a text given for a date plainly is, when it is only digits (an 18-character ID ends in X).</summary>
        public static NumberLooksLike Classify(string text)
        {
            if (text == null)
            {
                return NumberLooksLike.Serial;
            }

            string t = Fold(text);
            int digits = 0;
            foreach (char c in t)
            {
                if (c >= '0' && c <= '9')
                {
                    digits++;
                }
            }

            if ((digits == 15 && t.Length == 15) || (t.Length == 18 && (digits == 18 || (digits == 17 && (t[17] == 'X' || t[17] == 'x')))))
            {
                return NumberLooksLike.IdNumber;
            }

            return IsNumber(t) && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) ? Classify(n) : NumberLooksLike.Serial;
        }

        /// <summary>A date and time rounded to the whole second.</summary>
        public static DateTime RoundToSecond(DateTime dt)
        {
            long ticks = (dt.Ticks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
            return ticks > DateTime.MaxValue.Ticks ? dt : new DateTime(ticks, dt.Kind);
        }

        private static bool Exact(string t, out DateTime value)
        {
            if (DateTime.TryParseExact(t, s_formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
            {
                value = RoundToSecond(value);
                return true;
            }

            return false;
        }

        private static bool IsNumber(string t)
        {
            bool digit = false;
            int dots = 0;
            foreach (char c in t)
            {
                if (c >= '0' && c <= '9')
                {
                    digit = true;
                }
                else if (c == '.' && ++dots == 1)
                {
                    continue;
                }
                else
                {
                    return false;
                }
            }

            return digit;
        }

        /// <summary>
        /// Full-width forms folded, Chinese date words turned into separators (年 月 / . → -, 日 号 → space, 时 点 分 → :),
        /// spaces around separators dropped and runs of spaces made one.
        /// </summary>
        internal static string Fold(string text)
        {
            var sb = new StringBuilder(text.Length + 2);
            foreach (char raw in text)
            {
                char c = raw >= '\uFF01' && raw <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
                switch (c)
                {
                    case '年':
                    case '月':
                    case '/':
                        sb.Append('-');
                        break;
                    case '日':
                    case '号':
                        sb.Append(' ');
                        break;
                    case '时':
                    case '点':
                    case '分':
                        sb.Append(':');
                        break;
                    case '秒':
                        break;
                    case '\u3000':
                    case '\u00A0':
                    case '\t':
                    case '\r':
                    case '\n':
                    case '\uFEFF':
                        sb.Append(' ');
                        break;
                    default:
                        sb.Append(c);
                        break;
                }
            }

            // Collapse spaces, drop those next to a separator, and a trailing separator left by 月, 日 or 分.
            var r = new StringBuilder(sb.Length);
            for (int i = 0; i < sb.Length; i++)
            {
                char c = sb[i];
                if (c == ' ')
                {
                    char prev = r.Length > 0 ? r[r.Length - 1] : ' ';
                    char next = i + 1 < sb.Length ? sb[i + 1] : ' ';
                    if (prev == ' ' || prev == '-' || prev == ':' || prev == 'T' || next == ' ' || next == '-' || next == ':')
                    {
                        continue;
                    }
                }

                r.Append(c);
            }

            while (r.Length > 0 && (r[r.Length - 1] == ':' || r[r.Length - 1] == '-' || r[r.Length - 1] == ' '))
            {
                r.Length--;
            }

            string s = r.ToString();

            // 2025.3.1 (8:00): dots in the date part are separators; 45717.5 keeps its decimal point.
            int space = s.IndexOf(' ');
            string date = space < 0 ? s : s.Substring(0, space);
            int dots = 0;
            foreach (char c in date)
            {
                if (c == '.')
                {
                    dots++;
                }
            }

            if (dots == 2 || (dots == 1 && date.IndexOf('-') > 0))
            {
                date = date.Replace('.', '-');
                s = space < 0 ? date : date + s.Substring(space);
            }

            return s;
        }
    }
}
