using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;
using ExcelDataReader;

namespace ComplianceTools.Engine.Workbook
{
    /// <summary>Reads one sheet the reader is positioned on: finds the header, maps columns, converts each row.</summary>
    internal sealed class SheetRows
    {
        /// <summary>How far down a title or note may push the header row.</summary>
        private const int HeaderSearchRows = 10;

        private readonly string _path;
        private readonly string _file;
        private readonly string _tab;
        private readonly SheetSchema _sheet;
        private readonly IExcelDataReader _reader;
        private readonly Action<ComplianceProblem> _report;

        internal SheetRows(string path, string tab, SheetSchema sheet, IExcelDataReader reader, Action<ComplianceProblem> report)
        {
            _path = path;
            _file = Path.GetFileName(path);
            _tab = tab;
            _sheet = sheet;
            _reader = reader;
            _report = report;
        }

        /// <summary>Rows of a Table sheet, as they are read. Blank rows are skipped.</summary>
        internal IEnumerable<WorkbookRow> ReadTable()
        {
            ColumnSchema[] map = ReadHeader(out int headerRow);
            int rowNumber = headerRow;
            int[] mapped = Enumerable.Range(0, map.Length).Where(i => map[i] != null).ToArray();
            while (_reader.Read())
            {
                rowNumber = _reader.Depth + 1;
                bool blank = true;
                int fields = _reader.FieldCount;
                foreach (int i in mapped)
                {
                    if (i < fields && !IsBlank(_reader.GetValue(i)))
                    {
                        blank = false;
                        break;
                    }
                }

                if (blank)
                {
                    continue;
                }

                WorkbookRow row = _sheet.NewRow();
                row.Origin = new SourceLocation(_path, _tab, rowNumber);
                foreach (int i in mapped)
                {
                    object raw = i < fields ? _reader.GetValue(i) : null;
                    Set(row, map[i], raw, rowNumber, i);
                }

                yield return row;
            }
        }

        /// <summary>The one object of a Form sheet: column A names the field, column B holds its value.</summary>
        internal WorkbookRow ReadForm()
        {
            WorkbookRow row = _sheet.NewRow();
            row.Origin = new SourceLocation(_path, _tab);
            var found = new HashSet<ColumnSchema>();
            while (_reader.Read())
            {
                if (_reader.FieldCount < 1)
                {
                    continue;
                }

                ColumnSchema field = _sheet.FindColumn(CellConverter.ToText(_reader.GetValue(0)));
                if (field == null || !found.Add(field))
                {
                    continue;
                }

                int rowNumber = _reader.Depth + 1;
                object raw = _reader.FieldCount > 1 ? _reader.GetValue(1) : null;
                Set(row, field, raw, rowNumber, 1);
            }

            var missing = _sheet.Columns.Where(c => c.Required && !found.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                string names = string.Join(", ", missing.Select(c => c.Header));
                _report(new ComplianceProblem(WorkbookReader.ErrorPrefix + "ColumnMissing", ProblemKind.InvalidData, Text.Format(nameof(Core.Resources.Strings.WorkbookFieldMissing), _file, _tab, names), new SourceLocation(_path, _tab, null, names)));
            }

            return row;
        }

        private void Set(WorkbookRow row, ColumnSchema column, object raw, int rowNumber, int index)
        {
            if (CellConverter.TryConvert(raw, column, out object value, out string expected))
            {
                if (value != null)
                {
                    column.SetValue(row, value);
                }

                return;
            }

            string where = ColumnLetter(index) + " (" + column.Header + ")";
            _report(new ComplianceProblem(
                WorkbookReader.ErrorPrefix + "InvalidCell",
                ProblemKind.InvalidData,
                Text.Format(nameof(Core.Resources.Strings.WorkbookInvalidCell), _file, _tab, rowNumber, where, expected, CellConverter.Display(raw, column)),
                new SourceLocation(_path, _tab, rowNumber, where)));
        }

        /// <summary>Finds the header row (the first of the top rows naming a known column) and maps each position to its column.</summary>
        private ColumnSchema[] ReadHeader(out int headerRow)
        {
            string[] firstSeen = null;
            int firstSeenRow = 1;
            for (int n = 0; n < HeaderSearchRows && _reader.Read(); n++)
            {
                int fields = _reader.FieldCount;
                var headers = new string[fields];
                var map = new ColumnSchema[fields];
                int matched = 0;
                for (int i = 0; i < fields; i++)
                {
                    headers[i] = CellConverter.ToText(_reader.GetValue(i));
                    ColumnSchema column = _sheet.FindColumn(headers[i]);
                    if (column != null && !map.Contains(column))
                    {
                        map[i] = column;
                        matched++;
                    }
                }

                if (firstSeen == null && headers.Any(h => !string.IsNullOrEmpty(h)))
                {
                    firstSeen = headers;
                    firstSeenRow = _reader.Depth + 1;
                }

                if (matched == 0)
                {
                    continue;
                }

                headerRow = _reader.Depth + 1;
                var missing = _sheet.Columns.Where(c => c.Required && !map.Contains(c)).ToList();
                if (missing.Count > 0)
                {
                    throw ColumnMissing(missing, headerRow, headers);
                }

                return map;
            }

            headerRow = firstSeenRow;
            var required = _sheet.Columns.Where(c => c.Required).ToList();
            if (required.Count > 0 || firstSeen != null)
            {
                throw ColumnMissing(required.Count > 0 ? required : _sheet.Columns.Take(1).ToList(), firstSeenRow, firstSeen ?? new string[0]);
            }

            return new ColumnSchema[0];
        }

        private ComplianceException ColumnMissing(IReadOnlyList<ColumnSchema> missing, int headerRow, string[] headers)
        {
            string expected = string.Join(", ", missing.Select(c => c.Header));
            string seen = string.Join(", ", headers.Where(h => !string.IsNullOrEmpty(h)).Select(h => "'" + h + "'"));
            if (seen.Length == 0)
            {
                seen = "-";
            }

            return new ComplianceException(new ComplianceProblem(
                WorkbookReader.ErrorPrefix + "ColumnMissing",
                ProblemKind.InvalidData,
                Text.Format(nameof(Core.Resources.Strings.WorkbookColumnMissing), _file, _tab, expected, headerRow, seen),
                new SourceLocation(_path, _tab, headerRow, expected)));
        }

        private static bool IsBlank(object value) => value == null || value is DBNull || (value is string s && CellConverter.Trim(s).Length == 0);

        /// <summary>The spreadsheet letter of a column index from 0: 0 → A, 26 → AA.</summary>
        internal static string ColumnLetter(int index)
        {
            string letters = string.Empty;
            int n = index + 1;
            while (n > 0)
            {
                int rem = (n - 1) % 26;
                letters = ((char)('A' + rem)).ToString(CultureInfo.InvariantCulture) + letters;
                n = (n - 1) / 26;
            }

            return letters;
        }
    }
}
