using System;
using System.Globalization;
using System.Linq;
using System.Text;
using ComplianceTools.Core.Common;

namespace ComplianceTools.Core.Workbook
{
    /// <summary>
    /// Turns a raw cell value (as a spreadsheet reader gives it: string, double, bool or DateTime) into the
    /// column's type, accepting what people really type: numbers stored as text, Excel date serials, date
    /// text, full-width digits, stray spaces, "31%" for ratios, 是/否/Yes/No/Y/N/1/0, labels or English names.
    /// </summary>
    public static class CellConverter
    {
        private static readonly string[] DateFormats =
        {
            "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日",
            "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy.M.d H:mm",
            "yyyy-M-dTH:mm", "yyyy-M-dTH:mm:ss", "yyyy年M月d日 H:mm", "yyyy年M月d日H:mm", "yyyy年M月d日 H时m分",
        };

        private static readonly string[] MonthFormats = { "yyyy-M", "yyyy/M", "yyyy.M", "yyyyMM", "yyyy年M月" };

        private static readonly string[] TimeFormats = { "H:mm", "H:mm:ss", "H时", "H时m分", "H点", "H点m分", "HHmm" };

        /// <summary>
        /// Converts a raw value. Returns true with the typed value (null for an empty cell), or false with
        /// <paramref name="expected"/> saying in the user's language what the cell should hold.
        /// </summary>
        public static bool TryConvert(object raw, ColumnSchema column, out object value, out string expected)
        {
            value = null;
            expected = null;
            if (raw is string s)
            {
                s = Trim(s);
                if (s.Length == 0)
                {
                    raw = null;
                }
                else
                {
                    raw = s;
                }
            }

            if (raw == null || raw is DBNull)
            {
                if (column.Required && !column.BlankAllowed)
                {
                    expected = Text.Get(nameof(Resources.Strings.CellExpectRequired));
                    return false;
                }

                return true;
            }

            bool ok;
            switch (column.Kind)
            {
                case ColumnKind.Text:
                    value = ToText(raw);
                    return true;
                case ColumnKind.Integer:
                    ok = TryWhole(raw, int.MinValue, int.MaxValue, out long i);
                    value = ok ? (object)(int)i : null;
                    expected = ok ? null : Text.Get(nameof(Resources.Strings.CellExpectInteger));
                    return ok;
                case ColumnKind.Long:
                    ok = TryWhole(raw, long.MinValue, long.MaxValue, out long l);
                    value = ok ? (object)l : null;
                    expected = ok ? null : Text.Get(nameof(Resources.Strings.CellExpectInteger));
                    return ok;
                case ColumnKind.Number:
                    ok = TryNumber(raw, false, out double d);
                    value = ok ? (object)d : null;
                    expected = ok ? null : Text.Get(nameof(Resources.Strings.CellExpectNumber));
                    return ok;
                case ColumnKind.Ratio:
                    ok = TryNumber(raw, true, out double r) && r >= 0 && r <= 1;
                    value = ok ? (object)r : null;
                    expected = ok ? null : Text.Get(nameof(Resources.Strings.CellExpectRatio));
                    return ok;
                case ColumnKind.Date:
                case ColumnKind.DateTime:
                    ok = TryDate(raw, out DateTime dt);
                    value = ok ? (object)dt : null;
                    expected = ok ? null : Text.Get(nameof(Resources.Strings.CellExpectDate));
                    return ok;
                case ColumnKind.Month:
                    ok = TryMonth(raw, out string month);
                    value = month;
                    expected = ok ? null : Text.Get(nameof(Resources.Strings.CellExpectMonth));
                    return ok;
                case ColumnKind.TimeOfDay:
                    ok = TryTime(raw, out string time);
                    value = time;
                    expected = ok ? null : Text.Get(nameof(Resources.Strings.CellExpectTime));
                    return ok;
                case ColumnKind.Choice:
                    ChoiceSchema choice = raw is bool b ? column.FindChoice(b ? "1" : "0") : column.FindChoice(ToText(raw));
                    value = choice?.Value;
                    expected = choice != null ? null : Text.Format(nameof(Resources.Strings.CellExpectChoice), string.Join(", ", column.Choices.Select(c => c.Label)));
                    return choice != null;
                default:
                    throw new NotSupportedException(column.Kind.ToString());
            }
        }

        /// <summary>The raw value as it would show in a message (personal data masked).</summary>
        public static string Display(object raw, ColumnSchema column)
        {
            string text = raw == null ? string.Empty : raw is DateTime dt ? dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : Convert.ToString(raw, CultureInfo.InvariantCulture);
            if (column.Personal && text.Length > 0)
            {
                string digits = Privacy.Mask.Digits(text);
                text = digits.Length >= 15 ? Privacy.Mask.IdNumber(text) : digits.Length >= 7 ? Privacy.Mask.Phone(text) : Privacy.Mask.Name(text);
            }

            return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
        }

        /// <summary>Text with surrounding spaces (also ideographic and non-breaking) removed.</summary>
        public static string Trim(string s)
        {
            return s.Trim(' ', '\t', '\r', '\n', '\u3000', '\u00A0', '\uFEFF');
        }

        /// <summary>A text cell: trimmed, full-width digits and Latin letters folded (Chinese punctuation kept); a number as its shortest form.</summary>
        public static string ToText(object raw)
        {
            switch (raw)
            {
                case null:
                    return null;
                case string s:
                    return FoldDigitsAndLetters(Trim(s));
                case double d:
                    return d.ToString("R", CultureInfo.InvariantCulture);
                case DateTime dt:
                    return dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                case bool b:
                    return b ? "TRUE" : "FALSE";
                default:
                    return Convert.ToString(raw, CultureInfo.InvariantCulture);
            }
        }

        private static string FoldDigitsAndLetters(string s)
        {
            bool any = false;
            foreach (char c in s)
            {
                if (IsWideAlnum(c))
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return s;
            }

            var sb = new StringBuilder(s.Length);
            foreach (char c in s)
            {
                sb.Append(IsWideAlnum(c) ? HeaderText.FoldWide(c) : c);
            }

            return sb.ToString();
        }

        private static bool IsWideAlnum(char c) => (c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ');

        /// <summary>Full-width ASCII folded and spaces dropped: for numbers, dates and times.</summary>
        private static string Compact(string s)
        {
            var sb = new StringBuilder(s.Length);
            foreach (char raw in s)
            {
                char c = HeaderText.FoldWide(raw);
                if (!char.IsWhiteSpace(c))
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        private static bool TryNumber(object raw, bool ratio, out double value)
        {
            value = 0;
            switch (raw)
            {
                case double d:
                    value = d;
                    return !double.IsNaN(d) && !double.IsInfinity(d);
                case int i:
                    value = i;
                    return true;
                case long l:
                    value = l;
                    return true;
                case bool _:
                case DateTime _:
                    return false;
            }

            string s = Compact(Convert.ToString(raw, CultureInfo.InvariantCulture)).Replace(",", string.Empty).Replace("¥", string.Empty).Replace("￥", string.Empty);
            bool percent = s.EndsWith("%", StringComparison.Ordinal);
            if (percent)
            {
                if (!ratio)
                {
                    return false;
                }

                s = s.Substring(0, s.Length - 1);
            }

            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || double.IsNaN(value) || double.IsInfinity(value))
            {
                return false;
            }

            if (percent)
            {
                value /= 100;
            }

            return true;
        }

        private static bool TryWhole(object raw, long min, long max, out long value)
        {
            value = 0;
            if (!TryNumber(raw, false, out double d) || Math.Abs(d - Math.Round(d)) > 1e-9 || d < min || d > max)
            {
                return false;
            }

            value = (long)Math.Round(d);
            return true;
        }

        private static bool TryDate(object raw, out DateTime value)
        {
            value = default(DateTime);
            switch (raw)
            {
                case DateTime dt:
                    value = RoundToSecond(dt);
                    return true;
                case double d:
                    return TrySerial(d, out value);
                case bool _:
                    return false;
            }

            string s = Compact(Convert.ToString(raw, CultureInfo.InvariantCulture));
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double serial) && s.Length != 8)
            {
                return TrySerial(serial, out value);
            }

            // Compact() dropped the space between date and time; put formats without it too.
            string spaced = SpaceBeforeTime(Convert.ToString(raw, CultureInfo.InvariantCulture));
            return DateTime.TryParseExact(spaced, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
                || DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        }

        private static string SpaceBeforeTime(string s)
        {
            var sb = new StringBuilder(s.Length);
            bool space = false;
            foreach (char raw in Trim(s))
            {
                char c = HeaderText.FoldWide(raw);
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                space = false;
                sb.Append(c);
            }

            return sb.ToString();
        }

        private static bool TrySerial(double serial, out DateTime value)
        {
            value = default(DateTime);

            // 1 = 1900-01-01 … 2958465 = 9999-12-31 (Excel's range).
            if (serial < 1 || serial > 2958465)
            {
                return false;
            }

            value = RoundToSecond(DateTime.FromOADate(serial));
            return true;
        }

        private static DateTime RoundToSecond(DateTime dt)
        {
            long ticks = (dt.Ticks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
            return new DateTime(ticks, dt.Kind);
        }

        private static bool TryMonth(object raw, out string value)
        {
            value = null;
            if (raw is DateTime dt)
            {
                value = dt.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                return true;
            }

            string s = Compact(Convert.ToString(raw, CultureInfo.InvariantCulture));
            if (raw is double d)
            {
                // 202501 typed as a number, or a date serial for a month entered as a date.
                if (d >= 190001 && d <= 999912 && Math.Abs(d - Math.Round(d)) < 1e-9)
                {
                    s = ((long)d).ToString(CultureInfo.InvariantCulture);
                }
                else if (TrySerial(d, out DateTime fromSerial))
                {
                    value = fromSerial.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                    return true;
                }
            }

            if (DateTime.TryParseExact(s, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime month)
                || DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
            {
                value = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                return true;
            }

            return false;
        }

        private static bool TryTime(object raw, out string value)
        {
            value = null;
            TimeSpan time;
            switch (raw)
            {
                case DateTime dt:
                    time = dt.TimeOfDay;
                    break;
                case double d when d >= 0 && d < 1:
                    time = TimeSpan.FromMinutes(Math.Round(d * 24 * 60));
                    break;
                case double _:
                case bool _:
                    return false;
                default:
                    string s = Compact(Convert.ToString(raw, CultureInfo.InvariantCulture));
                    if (!DateTime.TryParseExact(s, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime parsed))
                    {
                        if (s == "24:00")
                        {
                            value = "24:00";
                            return true;
                        }

                        return false;
                    }

                    time = parsed.TimeOfDay;
                    break;
            }

            if (time.TotalMinutes >= 24 * 60)
            {
                return false;
            }

            value = new DateTime(2000, 1, 1).Add(time).ToString("HH:mm", CultureInfo.InvariantCulture);
            return true;
        }
    }
}
