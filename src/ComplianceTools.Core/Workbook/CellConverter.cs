using System;
using System.Globalization;
using System.Linq;
using System.Text;
using ComplianceTools.Core.Common;

namespace ComplianceTools.Core.Workbook
{
    /// <summary>
    /// The one text-to-value converter, for every sheet and for rows given as text (Import-Csv lines, hashtables):
    /// turns a raw value (as a spreadsheet reader gives it: string, double, bool or DateTime; or what PowerShell
    /// passes) into the column's type, accepting what people really type: numbers stored as text, Excel date
    /// serials, date text in the usual forms (<see cref="TimeText"/>), months in the usual forms
    /// (<see cref="MonthKey"/>), full-width digits, stray spaces, "31%" for ratios, 是/否/Yes/No/Y/N/1/0, labels or
    /// English names. It also refuses what cannot be true: a value outside the column's declared range
    /// (<see cref="ColumnAttribute.Min"/>/<see cref="ColumnAttribute.Max"/>), a date outside 1950–2099 or, where
    /// the column says so, after today, a year or an ID number where a date belongs, and Excel error values.
    /// </summary>
    public static class CellConverter
    {
        /// <summary>The first and last day a date cell may hold.</summary>
        public static readonly DateTime FirstDate = new DateTime(MonthKey.FirstYear, 1, 1);

        public static readonly DateTime LastDate = new DateTime(MonthKey.LastYear, 12, 31, 23, 59, 59);

        /// <summary>What Excel shows for a formula that failed; a cell holding one has no value.</summary>
        private static readonly string[] ErrorValues = { "#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!" };

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

            if (raw is string text && text.Length > 1 && text[0] == '#' && IsErrorValue(text))
            {
                expected = Text.Format(nameof(Resources.Strings.CellExpectNoError), text);
                return false;
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
                    return InRange(ok, i, column, nameof(Resources.Strings.CellExpectInteger), ref value, out expected);
                case ColumnKind.Long:
                    ok = TryWhole(raw, long.MinValue, long.MaxValue, out long l);
                    value = ok ? (object)l : null;
                    return InRange(ok, l, column, nameof(Resources.Strings.CellExpectInteger), ref value, out expected);
                case ColumnKind.Number:
                    ok = TryNumber(raw, false, out double d);
                    value = ok ? (object)d : null;
                    return InRange(ok, d, column, nameof(Resources.Strings.CellExpectNumber), ref value, out expected);
                case ColumnKind.Ratio:
                    ok = TryNumber(raw, true, out double r) && r >= 0 && r <= 1;
                    value = ok ? (object)r : null;
                    expected = ok ? null : Text.Get(nameof(Resources.Strings.CellExpectRatio));
                    return ok;
                case ColumnKind.Date:
                case ColumnKind.DateTime:
                    return TryDateCell(raw, column, out value, out expected);
                case ColumnKind.Month:
                    ok = TryMonth(raw, out string month, out NumberLooksLike looks);
                    value = month;
                    expected = ok ? null : looks == NumberLooksLike.Year ? Text.Format(nameof(Resources.Strings.CellMonthIsYear), DisplayNumber(raw)) : Text.Get(nameof(Resources.Strings.CellExpectMonth));
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

        /// <summary>True for the text of an Excel error value (#DIV/0!, #N/A …).</summary>
        public static bool IsErrorValue(string text)
        {
            string t = Trim(text);
            foreach (string e in ErrorValues)
            {
                if (string.Equals(t, e, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What the column accepts, for messages: "a whole number of 0 or more", "a number from 0 to 100".</summary>
        public static string Describe(ColumnSchema column, string what)
        {
            bool min = !double.IsNaN(column.Min), max = !double.IsNaN(column.Max);
            if (min && max)
            {
                return Text.Format(nameof(Resources.Strings.CellExpectBetween), what, Bound(column.Min), Bound(column.Max));
            }

            if (min)
            {
                return Text.Format(nameof(Resources.Strings.CellExpectAtLeast), what, Bound(column.Min));
            }

            return max ? Text.Format(nameof(Resources.Strings.CellExpectAtMost), what, Bound(column.Max)) : what;
        }

        private static string Bound(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

        private static bool InRange(bool parsed, double number, ColumnSchema column, string what, ref object value, out string expected)
        {
            if (parsed && (double.IsNaN(column.Min) || number >= column.Min) && (double.IsNaN(column.Max) || number <= column.Max))
            {
                expected = null;
                return true;
            }

            value = null;
            expected = Describe(column, Text.Get(what));
            return false;
        }

        private static bool TryDateCell(object raw, ColumnSchema column, out object value, out string expected)
        {
            value = null;
            expected = null;
            if (!TryDate(raw, out DateTime dt) || dt < FirstDate || dt > LastDate)
            {
                NumberLooksLike looks = LooksLike(raw);
                string shown = DisplayNumber(raw);
                switch (looks)
                {
                    case NumberLooksLike.Year:
                        expected = Text.Format(nameof(Resources.Strings.CellDateIsYear), shown);
                        break;
                    case NumberLooksLike.YearMonth:
                        expected = Text.Format(nameof(Resources.Strings.CellDateIsMonth), shown);
                        break;
                    case NumberLooksLike.IdNumber:
                        expected = Text.Get(nameof(Resources.Strings.CellDateIsIdNumber));
                        break;
                    default:
                        expected = Text.Format(nameof(Resources.Strings.CellExpectDate), FirstDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), LastDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        break;
                }

                return false;
            }

            DateTime today = DateTime.Today;
            if (column.NotInFuture && dt.Date > today)
            {
                expected = Text.Format(nameof(Resources.Strings.CellExpectNotFuture), today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return false;
            }

            value = dt;
            return true;
        }

        /// <summary>What a number standing in a date cell plainly is (a DateTime cell holding 1905-07-17 was 2025 typed into a date-formatted cell).</summary>
        private static NumberLooksLike LooksLike(object raw)
        {
            switch (raw)
            {
                case double d:
                    return TimeText.Classify(d);
                case int i:
                    return TimeText.Classify(i);
                case long l:
                    return TimeText.Classify(l);
                case DateTime dt when dt.Year < MonthKey.FirstYear || dt.Year > MonthKey.LastYear:
                    return TimeText.Classify(Math.Round(dt.ToOADate(), 6));
                case string s:
                    return TimeText.Classify(s);
                default:
                    return NumberLooksLike.Serial;
            }
        }

        /// <summary>A number as the user typed it: 2025 for a date-formatted cell that shows 1905-07-17.</summary>
        private static string DisplayNumber(object raw)
        {
            if (raw is DateTime dt)
            {
                double serial = dt.ToOADate();
                return Math.Abs(serial - Math.Round(serial)) < 1e-6 ? Math.Round(serial).ToString("0", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            return Privacy.Mask.Text(Convert.ToString(raw, CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// The raw value as it may show in a message: a personal column's value masked whatever it looks like, any
        /// other value with every phone and ID number in it masked; cut to 60 characters.
        /// </summary>
        public static string Display(object raw, ColumnSchema column)
        {
            string text = raw == null ? string.Empty : raw is DateTime dt ? dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : raw is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(raw, CultureInfo.InvariantCulture);
            text = column != null && column.Personal ? Privacy.Mask.Value(text) : Privacy.Mask.Text(text);
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
                    value = TimeText.RoundToSecond(dt);
                    return true;
                case double d:
                    return TimeText.Classify(d) == NumberLooksLike.Serial && TimeText.TryFromSerial(d, out value);
                case int i:
                    return TimeText.Classify(i) == NumberLooksLike.Serial && TimeText.TryFromSerial(i, out value);
                case long l:
                    return TimeText.Classify(l) == NumberLooksLike.Serial && TimeText.TryFromSerial(l, out value);
                case bool _:
                    return false;
                case DateTimeOffset o:
                    return TimeText.TryParse(o.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture), out value);
                default:
                    return TimeText.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), out value);
            }
        }

        private static bool TryMonth(object raw, out string value, out NumberLooksLike looks)
        {
            value = null;
            looks = NumberLooksLike.Serial;
            double number;
            switch (raw)
            {
                case DateTime dt:
                    if (dt.Year >= MonthKey.FirstYear && dt.Year <= MonthKey.LastYear)
                    {
                        value = MonthKey.Of(dt);
                        return true;
                    }

                    // 202501 or 2025 typed into a date-formatted cell: Excel shows year 2454 or 1905.
                    number = Math.Round(dt.ToOADate(), 6);
                    break;
                case double d:
                    number = d;
                    break;
                case int i:
                    number = i;
                    break;
                case long l:
                    number = l;
                    break;
                case bool _:
                    return false;
                default:
                    string text = Convert.ToString(raw, CultureInfo.InvariantCulture);
                    looks = TimeText.Classify(text);
                    return looks != NumberLooksLike.Year && MonthKey.TryNormalize(text, out value);
            }

            // 202501 typed as a number gives its month; a date serial (a month entered as a date) gives the date's month.
            looks = TimeText.Classify(number);
            if (looks == NumberLooksLike.YearMonth)
            {
                return MonthKey.TryNormalize(((long)Math.Round(number)).ToString(CultureInfo.InvariantCulture), out value);
            }

            if (looks == NumberLooksLike.Serial && TimeText.TryFromSerial(number, out DateTime fromSerial) && fromSerial.Year >= MonthKey.FirstYear && fromSerial.Year <= MonthKey.LastYear)
            {
                value = MonthKey.Of(fromSerial);
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
