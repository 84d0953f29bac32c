using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

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
}
