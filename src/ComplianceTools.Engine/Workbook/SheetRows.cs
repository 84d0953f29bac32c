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

        /// <summary>Excel's rows and columns (1,048,576 and 16,384, XFD): a sheet beyond them was not saved by Excel.</summary>
        internal const int MaxRows = 1048576;

        internal const int MaxColumns = 16384;

        private readonly string _path;
        private readonly string _file;
        private readonly string _tab;
        private readonly SheetSchema _sheet;
        private readonly IExcelDataReader _reader;
        private readonly Action<ComplianceProblem> _report;
        private readonly Func<IReadOnlyDictionary<long, string>> _formulaSource;
        private IReadOnlyDictionary<long, string> _formulaCells;
        private bool _formulaKnown;
        private int _lastRow;
        private object[] _values = new object[16];
        private int _fields;

        /// <param name="formulaCells">Gives the cells holding an Excel error or a formula without a saved result (<see cref="WorkbookPackage.FormulaCells"/>), or null; asked once, when the first row is read.</param>
        internal SheetRows(string path, string tab, SheetSchema sheet, IExcelDataReader reader, Action<ComplianceProblem> report, Func<IReadOnlyDictionary<long, string>> formulaCells = null)
        {
            _path = path;
            _file = Path.GetFileName(path);
            _tab = tab;
            _sheet = sheet;
            _reader = reader;
            _report = report;
            _formulaSource = formulaCells;
        }

        /// <summary>Rows of a Table sheet, as they are read. Blank rows are skipped.</summary>
        internal IEnumerable<WorkbookRow> ReadTable()
        {
            ColumnSchema[] map = ReadHeader(out int headerRow);
            int[] mapped = Enumerable.Range(0, map.Length).Where(i => map[i] != null).ToArray();
            while (Next())
            {
                int rowNumber = _lastRow;
                bool blank = true;
                int fields = _fields;
                foreach (int i in mapped)
                {
                    if (i < fields && !IsBlank(_values[i]))
                    {
                        blank = false;
                        break;
                    }
                }

                if (blank && (FormulaCells() == null || !mapped.Any(i => _formulaCells.ContainsKey(WorkbookPackage.CellKey(rowNumber, i)))))
                {
                    continue;
                }

                WorkbookRow row = _sheet.NewRow();
                row.Origin = new SourceLocation(_path, _tab, rowNumber);
                foreach (int i in mapped)
                {
                    object raw = i < fields ? _values[i] : null;
                    Set(row, map[i], raw, rowNumber, i);
                }

                yield return row;
            }
        }

        /// <summary>The one object of a Form sheet: column A names the field, column B holds its value. A field given twice is an error and left empty.</summary>
        internal WorkbookRow ReadForm()
        {
            WorkbookRow row = _sheet.NewRow();
            row.Origin = new SourceLocation(_path, _tab);
            var found = new Dictionary<ColumnSchema, int>();
            var twice = new HashSet<ColumnSchema>();
            while (Next())
            {
                if (_fields < 1)
                {
                    continue;
                }

                ColumnSchema field = _sheet.FindColumn(CellConverter.ToText(_values[0]));
                if (field == null)
                {
                    continue;
                }

                int rowNumber = _lastRow;
                if (found.TryGetValue(field, out int firstRow))
                {
                    _report(new ComplianceProblem(
                        WorkbookReader.ErrorPrefix + "DuplicateField",
                        ProblemKind.InvalidData,
                        Text.Format(nameof(Core.Resources.Strings.WorkbookDuplicateField), _file, _tab, firstRow, rowNumber, field.Header),
                        new SourceLocation(_path, _tab, rowNumber, "A (" + field.Header + ")")));
                    if (twice.Add(field))
                    {
                        field.SetValue(row, null);
                    }

                    continue;
                }

                found.Add(field, rowNumber);
                object raw = _fields > 1 ? _values[1] : null;
                Set(row, field, raw, rowNumber, 1);
            }

            var missing = _sheet.Columns.Where(c => c.Required && !found.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                string names = string.Join(", ", missing.Select(c => c.Header));
                _report(new ComplianceProblem(WorkbookReader.ErrorPrefix + "ColumnMissing", ProblemKind.InvalidData, Text.Format(nameof(Core.Resources.Strings.WorkbookFieldMissing), _file, _tab, names), new SourceLocation(_path, _tab, null, names)));
            }

            return row;
        }

        /// <summary>The formula and error cells of the sheet; the background scan is waited for once, at the first row.</summary>
        private IReadOnlyDictionary<long, string> FormulaCells()
        {
            if (!_formulaKnown)
            {
                IReadOnlyDictionary<long, string> cells = _formulaSource?.Invoke();
                _formulaCells = cells != null && cells.Count > 0 ? cells : null;
                _formulaKnown = true;
            }

            return _formulaCells;
        }

        /// <summary>Reads the next row's values; a damaged sheet becomes ComplianceTools.Workbook.Damaged naming the last row read.</summary>
        private bool Next()
        {
            try
            {
                if (!_reader.Read())
                {
                    return false;
                }

                _lastRow = _reader.Depth + 1;
                _fields = _reader.FieldCount;
                if (_lastRow > MaxRows || _fields > MaxColumns)
                {
                    // Excel's own limits: a row number past them is a doctored file that would be read blank row by blank row.
                    throw new ComplianceException(new ComplianceProblem(
                        WorkbookReader.ErrorPrefix + "TooLarge", ProblemKind.LimitsExceeded, Text.Format(nameof(Core.Resources.Strings.WorkbookPastExcelLimits), _file, _tab, MaxRows, MaxColumns), new SourceLocation(_path, _tab, Math.Min(_lastRow, MaxRows + 1))));
                }

                if (_values.Length < _fields)
                {
                    _values = new object[Math.Max(_fields, _values.Length * 2)];
                }

                for (int i = 0; i < _fields; i++)
                {
                    _values[i] = _reader.GetValue(i);
                }

                return true;
            }
            catch (Exception ex) when (WorkbookReader.IsReaderFailure(ex))
            {
                throw new ComplianceException(
                    new ComplianceProblem(WorkbookReader.ErrorPrefix + "Damaged", ProblemKind.InvalidData, Text.Format(nameof(Core.Resources.Strings.WorkbookDamagedSheet), _file, _tab, _lastRow, ex.Message), new SourceLocation(_path, _tab, _lastRow)),
                    ex);
            }
        }

        private void Set(WorkbookRow row, ColumnSchema column, object raw, int rowNumber, int index)
        {
            if (FormulaCells() != null && _formulaCells.TryGetValue(WorkbookPackage.CellKey(rowNumber, index), out string error))
            {
                string at = ColumnLetter(index) + " (" + column.Header + ")";
                _report(new ComplianceProblem(
                    WorkbookReader.ErrorPrefix + "FormulaError",
                    ProblemKind.InvalidData,
                    error == null
                        ? Text.Format(nameof(Core.Resources.Strings.WorkbookFormulaNoValue), _file, _tab, rowNumber, at)
                        : Text.Format(nameof(Core.Resources.Strings.WorkbookFormulaError), _file, _tab, rowNumber, at, error),
                    new SourceLocation(_path, _tab, rowNumber, at)));
                return;
            }

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

        /// <summary>
        /// Finds the header row (the first of the top rows naming a known column) and maps each position to its column.
        /// A required column missing, or two columns of one meaning, stops the sheet with an error naming them.
        /// </summary>
        private ColumnSchema[] ReadHeader(out int headerRow)
        {
            for (int n = 0; n < HeaderSearchRows && Next(); n++)
            {
                int fields = _fields;
                var headers = new string[fields];
                var map = new ColumnSchema[fields];
                int matched = 0;
                for (int i = 0; i < fields; i++)
                {
                    headers[i] = CellConverter.ToText(_values[i]);
                    ColumnSchema column = _sheet.FindColumn(headers[i]);
                    if (column != null)
                    {
                        map[i] = column;
                        matched++;
                    }
                }

                if (matched == 0)
                {
                    continue;
                }

                headerRow = _lastRow;
                for (int i = 0; i < fields; i++)
                {
                    int first = map[i] == null ? -1 : Array.IndexOf(map, map[i]);
                    if (first >= 0 && first < i)
                    {
                        throw new ComplianceException(new ComplianceProblem(
                            WorkbookReader.ErrorPrefix + "DuplicateColumn",
                            ProblemKind.InvalidData,
                            Text.Format(nameof(Core.Resources.Strings.WorkbookDuplicateColumn), _file, _tab, headerRow, Cell(first, headers[first]), Cell(i, headers[i]), map[i].Header),
                            new SourceLocation(_path, _tab, headerRow, ColumnLetter(i) + " (" + map[i].Header + ")")));
                    }
                }

                var missing = _sheet.Columns.Where(c => c.Required && !map.Contains(c)).ToList();
                if (missing.Count > 0)
                {
                    throw ColumnMissing(missing, headerRow, headers);
                }

                return map;
            }

            headerRow = 1;
            var required = _sheet.Columns.Where(c => c.Required).ToList();
            if (required.Count > 0 || _lastRow > 0)
            {
                // No row names a column: the top rows may be data, so none of their cells is quoted.
                string expected = string.Join(", ", (required.Count > 0 ? required : _sheet.Columns.Take(3)).Select(c => c.Header));
                throw new ComplianceException(new ComplianceProblem(
                    WorkbookReader.ErrorPrefix + "ColumnMissing",
                    ProblemKind.InvalidData,
                    Text.Format(nameof(Core.Resources.Strings.WorkbookHeaderNotFound), _file, _tab, HeaderSearchRows, expected),
                    new SourceLocation(_path, _tab, 1, expected)));
            }

            return new ColumnSchema[0];
        }

        private static string Cell(int index, string header) => ColumnLetter(index) + " '" + Short(Core.Privacy.Mask.Text(header)) + "'";

        /// <summary>A header as quoted in a message: at most 60 characters.</summary>
        private static string Short(string text) => text.Length > 60 ? text.Substring(0, 57) + "..." : text;

        private ComplianceException ColumnMissing(IReadOnlyList<ColumnSchema> missing, int headerRow, string[] headers)
        {
            string expected = string.Join(", ", missing.Select(c => c.Header));
            var shown = headers.Where(h => !string.IsNullOrEmpty(h)).ToList();
            string seen = string.Join(", ", shown.Take(30).Select(h => "'" + Short(Core.Privacy.Mask.Text(h)) + "'")) + (shown.Count > 30 ? ", …" : string.Empty);
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
