using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace ComplianceTools.Core.Workbook
{
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
}
