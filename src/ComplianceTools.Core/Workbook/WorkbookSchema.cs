using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;

namespace ComplianceTools.Core.Workbook
{
    /// <summary>What a column holds, which decides how a cell is written and read.</summary>
    public enum ColumnKind
    {
        Text,
        Integer,
        Long,
        Number,

        /// <summary>A fraction (0.31), shown as a percentage; "31%" is accepted on import.</summary>
        Ratio,
        Date,
        DateTime,

        /// <summary>Text of the form yyyy-MM.</summary>
        Month,

        /// <summary>Text of the form HH:mm.</summary>
        TimeOfDay,

        /// <summary>An enumeration: the Chinese [Choice] label in the workbook, its aliases and the English name accepted.</summary>
        Choice,
    }

    /// <summary>One value of an enumeration column: the label shown in the drop-down and every spelling accepted.</summary>
    public sealed class ChoiceSchema
    {
        internal ChoiceSchema(object value, string label, IReadOnlyList<string> accepted)
        {
            Value = value;
            Label = label;
            Accepted = accepted;
        }

        public object Value { get; }

        public string Label { get; }

        public IReadOnlyList<string> Accepted { get; }
    }

    /// <summary>One column of a sheet (or one field of a form sheet), read from the [Column] attribute of its property.</summary>
    public sealed class ColumnSchema
    {
        private readonly Dictionary<string, ChoiceSchema> _choiceLookup;
        private Action<object, object> _setter;

        internal ColumnSchema(PropertyInfo property, ColumnAttribute attribute, int index)
        {
            Property = property;
            Name = attribute.Name;
            ChineseName = attribute.ChineseName;
            Aliases = attribute.Aliases ?? Array.Empty<string>();
            Required = attribute.Required;
            BlankAllowed = attribute.BlankAllowed;
            Personal = attribute.Personal;
            Hint = attribute.Hint;
            HintZh = attribute.HintZh;
            Format = attribute.Format;
            TextFormat = attribute.TextFormat;
            Min = attribute.Min;
            Max = attribute.Max;
            NotInFuture = attribute.NotInFuture;
            Index = index;
            Type valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            ValueType = valueType;
            Kind = KindOf(valueType, attribute);
            Choices = Kind == ColumnKind.Choice ? ChoicesOf(valueType) : Array.Empty<ChoiceSchema>();
            _choiceLookup = new Dictionary<string, ChoiceSchema>(StringComparer.Ordinal);
            foreach (ChoiceSchema choice in Choices)
            {
                foreach (string spelling in choice.Accepted)
                {
                    string key = HeaderText.Key(spelling);
                    if (!_choiceLookup.ContainsKey(key))
                    {
                        _choiceLookup.Add(key, choice);
                    }
                }
            }
        }

        public PropertyInfo Property { get; }

        public string Name { get; }

        public string ChineseName { get; }

        public IReadOnlyList<string> Aliases { get; }

        public bool Required { get; }

        /// <summary>A required column whose empty cells mean "unknown" rather than an error.</summary>
        public bool BlankAllowed { get; }

        public bool Personal { get; }

        public string Hint { get; }

        public string HintZh { get; }

        /// <summary>Excel number format of the column, if any.</summary>
        public string Format { get; }

        /// <summary>Text format of a Month or TimeOfDay column.</summary>
        public string TextFormat { get; }

        /// <summary>The smallest value the column accepts (NaN: no bound).</summary>
        public double Min { get; }

        /// <summary>The largest value the column accepts (NaN: no bound).</summary>
        public double Max { get; }

        /// <summary>A date column whose dates cannot lie after the day of reading.</summary>
        public bool NotInFuture { get; }

        /// <summary>Position of the column in the sheet, from 0.</summary>
        public int Index { get; }

        public Type ValueType { get; }

        public ColumnKind Kind { get; }

        public IReadOnlyList<ChoiceSchema> Choices { get; }

        /// <summary>The header the workbook is written with: Chinese name, a space, English name (坐席编号 SeatId).</summary>
        public string Header => ChineseName + " " + Name;

        /// <summary>Every header accepted on import, besides the combined form.</summary>
        public IEnumerable<string> AcceptedHeaders => new[] { Name, ChineseName, Header, Name + " " + ChineseName }.Concat(Aliases);

        /// <summary>The choice a cell's text names, or null.</summary>
        public ChoiceSchema FindChoice(string text)
        {
            if (text == null)
            {
                return null;
            }

            // Labels as written (已结案, 12321) are keys already; only other spellings need normalising.
            return _choiceLookup.TryGetValue(text, out ChoiceSchema choice) || _choiceLookup.TryGetValue(HeaderText.Key(text), out choice) ? choice : null;
        }

        /// <summary>The drop-down label of an enumeration value.</summary>
        public string LabelOf(object value)
        {
            foreach (ChoiceSchema choice in Choices)
            {
                if (Equals(choice.Value, value))
                {
                    return choice.Label;
                }
            }

            return Convert.ToString(value, CultureInfo.InvariantCulture);
        }

        public override string ToString() => Header;

        /// <summary>Sets the column's property on a row (a compiled setter: reading a million rows calls it often).</summary>
        public void SetValue(WorkbookRow row, object value)
        {
            if (_setter == null)
            {
                var target = System.Linq.Expressions.Expression.Parameter(typeof(object), "row");
                var arg = System.Linq.Expressions.Expression.Parameter(typeof(object), "value");
                var assign = System.Linq.Expressions.Expression.Assign(
                    System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(target, Property.DeclaringType), Property),
                    System.Linq.Expressions.Expression.Convert(arg, Property.PropertyType));
                _setter = System.Linq.Expressions.Expression.Lambda<Action<object, object>>(assign, target, arg).Compile();
            }

            _setter(row, value);
        }

        /// <summary>Reads the column's property from a row.</summary>
        public object GetValue(object row) => Property.GetValue(row);

        private static ColumnKind KindOf(Type type, ColumnAttribute attribute)
        {
            if (type.IsEnum)
            {
                return ColumnKind.Choice;
            }

            if (type == typeof(int))
            {
                return ColumnKind.Integer;
            }

            if (type == typeof(long))
            {
                return ColumnKind.Long;
            }

            if (type == typeof(double) || type == typeof(decimal))
            {
                return attribute.Format != null && attribute.Format.IndexOf('%') >= 0 ? ColumnKind.Ratio : ColumnKind.Number;
            }

            if (type == typeof(DateTime))
            {
                return attribute.Format != null && attribute.Format.IndexOf("hh", StringComparison.OrdinalIgnoreCase) >= 0 ? ColumnKind.DateTime : ColumnKind.Date;
            }

            if (type == typeof(string) && attribute.TextFormat == "yyyy-MM")
            {
                return ColumnKind.Month;
            }

            if (type == typeof(string) && attribute.TextFormat == "HH:mm")
            {
                return ColumnKind.TimeOfDay;
            }

            if (type == typeof(string))
            {
                return ColumnKind.Text;
            }

            throw new NotSupportedException("Column type " + type + " is not supported by the workbook schema.");
        }

        private static IReadOnlyList<ChoiceSchema> ChoicesOf(Type enumType)
        {
            var list = new List<ChoiceSchema>();
            foreach (FieldInfo field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var choice = field.GetCustomAttribute<ChoiceAttribute>();
                string label = choice?.Label ?? field.Name;
                var accepted = new List<string> { label, field.Name };
                if (choice != null)
                {
                    accepted.AddRange(choice.Aliases);
                }

                list.Add(new ChoiceSchema(field.GetValue(null), label, accepted));
            }

            return list;
        }
    }

    /// <summary>One sheet of the workbook, read from the [Sheet] attribute of its row class.</summary>
    public sealed class SheetSchema
    {
        private readonly Dictionary<string, ColumnSchema> _headerLookup;

        internal SheetSchema(Type rowType, SheetAttribute attribute, PropertyInfo datasetProperty)
        {
            RowType = rowType;
            Name = attribute.Name;
            ChineseName = attribute.ChineseName;
            Layout = attribute.Layout;
            Purpose = attribute.Purpose;
            PurposeZh = attribute.PurposeZh;
            Order = attribute.Order;
            DatasetProperty = datasetProperty;
            var columns = new List<ColumnSchema>();
            foreach (PropertyInfo property in rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
            {
                var column = property.GetCustomAttribute<ColumnAttribute>();
                if (column != null)
                {
                    columns.Add(new ColumnSchema(property, column, columns.Count));
                }
            }

            Columns = columns;
            _headerLookup = new Dictionary<string, ColumnSchema>(StringComparer.Ordinal);
            Ambiguous = new List<string>();
            foreach (ColumnSchema c in columns)
            {
                foreach (string header in c.AcceptedHeaders)
                {
                    string key = HeaderText.Key(header);
                    if (_headerLookup.TryGetValue(key, out ColumnSchema other))
                    {
                        if (other != c)
                        {
                            Ambiguous.Add(header);
                        }
                    }
                    else
                    {
                        _headerLookup.Add(key, c);
                    }
                }
            }
        }

        public Type RowType { get; }

        public string Name { get; }

        public string ChineseName { get; }

        public SheetLayout Layout { get; }

        public string Purpose { get; }

        public string PurposeZh { get; }

        public int Order { get; }

        public IReadOnlyList<ColumnSchema> Columns { get; }

        /// <summary>The property of <see cref="ComplianceDataset"/> that holds this sheet.</summary>
        public PropertyInfo DatasetProperty { get; }

        /// <summary>The tab name the workbook is written with: 坐席 Seats.</summary>
        public string TabName => ChineseName + " " + Name;

        /// <summary>Headers that name two different columns (a schema mistake; a test keeps it empty).</summary>
        internal List<string> Ambiguous { get; }

        /// <summary>The column a header names: the English or Chinese name, both together, or an alias; spaces, case and full-width forms do not matter.</summary>
        public ColumnSchema FindColumn(string header)
        {
            if (string.IsNullOrWhiteSpace(header))
            {
                return null;
            }

            if (_headerLookup.TryGetValue(HeaderText.Key(header), out ColumnSchema column))
            {
                return column;
            }

            // "坐席编号(SeatId)", "坐席编号/SeatId", "SeatId 坐席编号": try each part on its own.
            foreach (string part in HeaderText.Parts(header))
            {
                if (_headerLookup.TryGetValue(HeaderText.Key(part), out column))
                {
                    return column;
                }
            }

            return null;
        }

        public ColumnSchema Column(string name) => Columns.First(c => c.Name == name);

        /// <summary>A new row object.</summary>
        public WorkbookRow NewRow() => (WorkbookRow)Activator.CreateInstance(RowType);

        public override string ToString() => TabName;
    }

    /// <summary>The schema of the input workbook, read once from the attributed row classes: the single source for writer and reader.</summary>
    public static class WorkbookSchema
    {
        private static readonly Lazy<IReadOnlyList<SheetSchema>> s_sheets = new Lazy<IReadOnlyList<SheetSchema>>(Load);

        /// <summary>Every sheet, in workbook order.</summary>
        public static IReadOnlyList<SheetSchema> Sheets => s_sheets.Value;

        /// <summary>The sheet a name stands for: English or Chinese name, or the tab name (坐席 Seats); case, spaces and full-width forms do not matter.</summary>
        public static SheetSchema FindSheet(string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return null;
            }

            string key = HeaderText.Key(name);
            foreach (SheetSchema sheet in Sheets)
            {
                if (key == HeaderText.Key(sheet.Name) || key == HeaderText.Key(sheet.ChineseName) || key == HeaderText.Key(sheet.TabName) || key == HeaderText.Key(sheet.Name + sheet.ChineseName))
                {
                    return sheet;
                }
            }

            foreach (string part in HeaderText.Parts(name))
            {
                string partKey = HeaderText.Key(part);
                SheetSchema sheet = Sheets.FirstOrDefault(s => partKey == HeaderText.Key(s.Name) || partKey == HeaderText.Key(s.ChineseName));
                if (sheet != null)
                {
                    return sheet;
                }
            }

            return null;
        }

        public static SheetSchema For<TRow>() => For(typeof(TRow));

        public static SheetSchema For(Type rowType) => Sheets.First(s => s.RowType == rowType);

        /// <summary>Rows per sheet of a dataset, in workbook order; a sheet the workbook lacked has null.</summary>
        public static IReadOnlyList<SheetRowCount> CountRows(ComplianceDataset dataset)
        {
            var list = new List<SheetRowCount>();
            if (dataset == null)
            {
                return list;
            }

            foreach (SheetSchema sheet in Sheets)
            {
                object value = sheet.DatasetProperty.GetValue(dataset);
                int? rows = value == null ? (int?)null : value is System.Collections.ICollection c ? c.Count : 1;
                list.Add(new SheetRowCount(sheet.Name, sheet.ChineseName, rows));
            }

            return list;
        }

        private static IReadOnlyList<SheetSchema> Load()
        {
            var datasetProperties = typeof(ComplianceDataset).GetProperties();
            return typeof(WorkbookSchema).Assembly.GetTypes()
                .Select(t => new { Type = t, Sheet = t.GetCustomAttribute<SheetAttribute>() })
                .Where(x => x.Sheet != null)
                .OrderBy(x => x.Sheet.Order)
                .Select(x => new SheetSchema(x.Type, x.Sheet, datasetProperties.First(p => p.PropertyType == x.Type || p.PropertyType == typeof(IReadOnlyList<>).MakeGenericType(x.Type))))
                .ToList();
        }
    }

    /// <summary>A sheet and how many rows a dataset holds for it (null: the workbook had no such sheet).</summary>
    public sealed class SheetRowCount
    {
        public SheetRowCount(string sheet, string chineseName, int? rows)
        {
            Sheet = sheet;
            ChineseName = chineseName;
            Rows = rows;
        }

        public string Sheet { get; }

        public string ChineseName { get; }

        public int? Rows { get; }

        public override string ToString() => ChineseName + " " + Sheet + ": " + (Rows.HasValue ? Rows.Value.ToString(CultureInfo.InvariantCulture) : "-");
    }

    /// <summary>Normalising of headers, sheet names and choice labels for matching: full-width forms folded, spaces dropped, case ignored.</summary>
    public static class HeaderText
    {
        /// <summary>The matching key of a text: full-width ASCII folded, whitespace and a leading or trailing * dropped, lower case.</summary>
        public static string Key(string text)
        {
            if (text == null)
            {
                return string.Empty;
            }

            var sb = new StringBuilder(text.Length);
            foreach (char raw in text)
            {
                char c = FoldWide(raw);
                if (char.IsWhiteSpace(c) || c == '*')
                {
                    continue;
                }

                sb.Append(char.ToLowerInvariant(c));
            }

            return sb.ToString();
        }

        /// <summary>A full-width ASCII character (Ａ, １, ：, （) as its ASCII form; the ideographic space as a space.</summary>
        public static char FoldWide(char c)
        {
            if (c >= '\uFF01' && c <= '\uFF5E')
            {
                return (char)(c - 0xFEE0);
            }

            return c == '\u3000' ? ' ' : c;
        }

        /// <summary>Parts of a combined header: "坐席编号 SeatId", "坐席编号(SeatId)" and "SeatId/坐席编号" give the Chinese and the English part.</summary>
        public static IEnumerable<string> Parts(string text)
        {
            var folded = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                folded.Append(FoldWide(c));
            }

            string s = folded.ToString().Trim();
            int i = s.Length;
            while (i > 0 && (IsAsciiWord(s[i - 1]) || s[i - 1] == ')' || s[i - 1] == ' '))
            {
                i--;
            }

            var parts = new List<string>();
            if (i > 0 && i < s.Length)
            {
                parts.Add(s.Substring(0, i).TrimEnd(' ', '(', '/', '|', '-', '_'));
                parts.Add(s.Substring(i).Trim(' ', ')', '('));
            }

            int j = 0;
            while (j < s.Length && (IsAsciiWord(s[j]) || s[j] == ' '))
            {
                j++;
            }

            if (j > 0 && j < s.Length)
            {
                parts.Add(s.Substring(0, j).Trim());
                parts.Add(s.Substring(j).Trim(' ', '(', ')', '/', '|', '-', '_'));
            }

            return parts.Where(p => p.Length > 0);
        }

        private static bool IsAsciiWord(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }
}
