using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace ComplianceTools.Core.Workbook
{
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

}
