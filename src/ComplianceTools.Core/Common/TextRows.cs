using System;
using System.Collections.Generic;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Core.Common
{
    /// <summary>
    /// Builds a workbook row from named values: a CSV line (Import-Csv), a hashtable, any object's properties.
    /// Names may be the column's English or Chinese header, both, or an alias (受理时间, ReceivedAt, 投诉时间); each
    /// value goes through the same converter as a workbook cell (<see cref="CellConverter"/>), so a row given as text
    /// accepts and refuses exactly what a sheet does. Unknown names and empty values are ignored.
    /// </summary>
    public static class TextRows
    {
        /// <summary>The row; a value that cannot be converted is a <see cref="ComplianceException"/> naming the column and the (masked) value.</summary>
        public static WorkbookRow Build(Type rowType, IEnumerable<KeyValuePair<string, object>> values)
        {
            if (rowType == null || !typeof(WorkbookRow).IsAssignableFrom(rowType))
            {
                throw new ArgumentException(rowType?.FullName + " is not a workbook row.", nameof(rowType));
            }

            SheetSchema sheet = WorkbookSchema.For(rowType);
            WorkbookRow row = sheet.NewRow();
            var problems = new List<string>();
            foreach (KeyValuePair<string, object> pair in values)
            {
                ColumnSchema column = pair.Key == null ? null : sheet.FindColumn(pair.Key);
                if (column == null)
                {
                    continue;
                }

                object raw = pair.Value;
                if (raw == null || raw is DBNull || (raw is string text && CellConverter.Trim(text).Length == 0))
                {
                    continue;
                }

                if (column.ValueType.IsInstanceOfType(raw) && column.Kind == ColumnKind.Choice)
                {
                    column.SetValue(row, raw);
                }
                else if (CellConverter.TryConvert(raw, column, out object converted, out string expected))
                {
                    if (converted != null)
                    {
                        column.SetValue(row, converted);
                    }
                }
                else
                {
                    problems.Add(Text.Format(nameof(Resources.Strings.TextRowBadValue), column.Name, column.ChineseName, CellConverter.Display(raw, column), expected));
                }
            }

            if (problems.Count > 0)
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workbook.BadValue", ProblemKind.InvalidData, string.Join(" ", problems), rowType.Name));
            }

            return row;
        }
    }
}
