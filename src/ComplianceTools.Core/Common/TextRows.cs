using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Core.Common
{
    /// <summary>Dates and times written as text: 2025-03-01 08:00, 2025/3/1 8:00, 2025年3月1日 8时30分, 20250301 0800, an Excel serial (45717.5).</summary>
    public static class TimeText
    {
        private static readonly string[] s_formats =
        {
            "yyyy-M-d H:m:s", "yyyy-M-d H:m", "yyyy-M-d H", "yyyy-M-d", "yyyy-M-dTH:m:s", "yyyy-M-dTH:m", "yyyy-M-dTH:m:sK", "yyyy-M-dTH:m:s.FFFFFFFK",
            "yyyyMMdd HHmmss", "yyyyMMdd HHmm", "yyyyMMdd H:m", "yyyyMMddHHmmss", "yyyyMMdd",
        };

        public static bool TryParse(string text, out DateTime value)
        {
            value = default(DateTime);
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            string t = Fold(text);
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double serial) && t.IndexOf('-') < 0 && t.Length != 8 && t.Length != 14)
            {
                if (serial >= 1 && serial < 2958466)
                {
                    value = DateTime.FromOADate(serial);
                    return true;
                }

                return false;
            }

            return DateTime.TryParseExact(t, s_formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);
        }

        /// <summary>Full-width digits and punctuation folded, Chinese date words turned into separators, / and . into -.</summary>
        private static string Fold(string text)
        {
            string s = text.Trim().Normalize(NormalizationForm.FormKC);
            var sb = new StringBuilder(s.Length);
            foreach (char c in s)
            {
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
                        sb.Append(':');
                        break;
                    case '分':
                        sb.Append(':');
                        break;
                    case '秒':
                        break;
                    default:
                        sb.Append(c);
                        break;
                }
            }

            string r = sb.ToString().Trim().TrimEnd(':').Trim();
            if (r.Length >= 8 && r.IndexOf('-') > 0)
            {
                // 2025.3.1 → 2025-3-1 (only the date part carries dots).
                int space = r.IndexOf(' ');
                string date = (space < 0 ? r : r.Substring(0, space)).Replace('.', '-');
                r = space < 0 ? date : date + r.Substring(space);
            }
            else if (r.Count(ch => ch == '.') == 2)
            {
                r = r.Replace('.', '-');
            }

            while (r.Contains("  "))
            {
                r = r.Replace("  ", " ");
            }

            return r;
        }
    }

    /// <summary>
    /// Builds a workbook row from named values: a CSV line (Import-Csv), a hashtable, any object's properties.
    /// Names may be the column's English or Chinese header or an alias (受理时间, ReceivedAt, 投诉时间); text is
    /// converted to the column's type (dates and times in the usual forms, numbers with thousands separators,
    /// choices by their Chinese label or English name). Unknown names are ignored.
    /// </summary>
    public static class TextRows
    {
        /// <summary>The row; a value that cannot be converted is a <see cref="ComplianceException"/> naming the column and the text.</summary>
        public static WorkbookRow Build(Type rowType, IEnumerable<KeyValuePair<string, object>> values)
        {
            if (!typeof(WorkbookRow).IsAssignableFrom(rowType))
            {
                throw new ArgumentException(rowType.FullName + " is not a workbook row.", nameof(rowType));
            }

            var row = (WorkbookRow)Activator.CreateInstance(rowType);
            var columns = Columns(rowType);
            var problems = new List<string>();
            foreach (KeyValuePair<string, object> pair in values)
            {
                if (pair.Key == null || !columns.TryGetValue(pair.Key.Trim(), out Column column))
                {
                    continue;
                }

                object raw = pair.Value;
                if (raw == null || (raw is string text && string.IsNullOrWhiteSpace(text)))
                {
                    continue;
                }

                if (TryConvert(raw, column, out object converted, out string expected))
                {
                    column.Property.SetValue(row, converted);
                }
                else
                {
                    problems.Add(Text.Format(nameof(Resources.Strings.TextRowBadValue), column.Attribute.Name, column.Attribute.ChineseName, Convert.ToString(raw, CultureInfo.InvariantCulture), expected));
                }
            }

            if (problems.Count > 0)
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workbook.BadValue", ProblemKind.InvalidData, string.Join(" ", problems), rowType.Name));
            }

            return row;
        }

        private static Dictionary<string, Column> Columns(Type rowType)
        {
            var map = new Dictionary<string, Column>(StringComparer.OrdinalIgnoreCase);
            foreach (PropertyInfo p in rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                ColumnAttribute a = p.GetCustomAttribute<ColumnAttribute>();
                if (a == null || !p.CanWrite)
                {
                    continue;
                }

                var column = new Column { Property = p, Attribute = a };
                foreach (string name in new[] { p.Name, a.Name, a.ChineseName }.Concat(a.Aliases ?? Array.Empty<string>()))
                {
                    if (!string.IsNullOrEmpty(name) && !map.ContainsKey(name))
                    {
                        map[name] = column;
                    }
                }
            }

            return map;
        }

        private static bool TryConvert(object raw, Column column, out object value, out string expected)
        {
            Type target = Nullable.GetUnderlyingType(column.Property.PropertyType) ?? column.Property.PropertyType;
            string text = raw as string;
            expected = null;
            value = null;
            if (target.IsInstanceOfType(raw))
            {
                value = raw;
                return true;
            }

            if (target == typeof(string))
            {
                value = raw is DateTime d && !string.IsNullOrEmpty(column.Attribute.TextFormat)
                    ? d.ToString(column.Attribute.TextFormat, CultureInfo.InvariantCulture)
                    : Convert.ToString(raw, CultureInfo.InvariantCulture).Trim();
                return true;
            }

            if (target == typeof(DateTime))
            {
                expected = Text.Get(nameof(Resources.Strings.TextRowExpectDate));
                if (raw is double serial && serial >= 1 && serial < 2958466)
                {
                    value = DateTime.FromOADate(serial);
                    return true;
                }

                if (TimeText.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), out DateTime parsed))
                {
                    value = parsed;
                    return true;
                }

                return false;
            }

            if (target.IsEnum)
            {
                string name = (text ?? Convert.ToString(raw, CultureInfo.InvariantCulture)).Trim();
                foreach (FieldInfo field in target.GetFields(BindingFlags.Public | BindingFlags.Static))
                {
                    ChoiceAttribute choice = field.GetCustomAttribute<ChoiceAttribute>();
                    if (string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase)
                        || (choice != null && (string.Equals(choice.Label, name, StringComparison.OrdinalIgnoreCase) || choice.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)))))
                    {
                        value = field.GetValue(null);
                        return true;
                    }
                }

                expected = Text.Format(nameof(Resources.Strings.TextRowExpectChoice), string.Join(", ", target.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetCustomAttribute<ChoiceAttribute>()?.Label ?? f.Name)));
                return false;
            }

            expected = Text.Get(nameof(Resources.Strings.TextRowExpectNumber));
            string number = Convert.ToString(raw, CultureInfo.InvariantCulture).Trim().Replace(",", string.Empty).Normalize(NormalizationForm.FormKC);
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double n))
            {
                return false;
            }

            try
            {
                value = Convert.ChangeType(target == typeof(double) ? n : Math.Round(n), target, CultureInfo.InvariantCulture);
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        private sealed class Column
        {
            public PropertyInfo Property { get; set; }

            public ColumnAttribute Attribute { get; set; }
        }
    }
}
