using System;
using System.Collections;
using System.Collections.Generic;
using System.Drawing;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;
using OfficeOpenXml;
using OfficeOpenXml.DataValidation;
using OfficeOpenXml.DataValidation.Contracts;
using OfficeOpenXml.Style;

namespace ComplianceTools.Engine.Workbook
{
    /// <summary>How <see cref="WorkbookWriter"/> writes.</summary>
    public sealed class WorkbookWriteOptions
    {
        /// <summary>Replace an existing file (New-ComplianceWorkbook -Force).</summary>
        public bool Overwrite { get; set; }

        /// <summary>Creation date in the document properties and the package; fixed for the sample so the same year gives the same bytes.</summary>
        public DateTime? Timestamp { get; set; }

        /// <summary>Receives each tab name and its row count as the sheet is written.</summary>
        public Action<string, int> Progress { get; set; }
    }

    /// <summary>
    /// Writes the compliance workbook with EPPlus: an instructions sheet, then one sheet per row class in
    /// schema order, with bilingual headers (坐席编号 SeatId), a frozen header row, drop-downs for every
    /// enumeration, number formats and column widths. Form sheets are written as 字段 Field | 值 Value.
    /// The file is written to a temporary file in the same folder and then moved into place.
    /// </summary>
    public static class WorkbookWriter
    {
        internal const string InstructionsTab = "说明 Instructions";
        private const int LastExcelRow = 1048576;
        private const int WidthSampleRows = 500;
        private static readonly Color HeaderFill = Color.FromArgb(0xDD, 0xEB, 0xF7);
        private static readonly Color RequiredFill = Color.FromArgb(0xFC, 0xE4, 0xD6);

        static WorkbookWriter()
        {
            // EPPlus' zip library names entries in code page 437, which .NET Core only has with this provider.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        }

        /// <summary>Writes <paramref name="data"/> (null: the empty template) to <paramref name="path"/>; refuses an existing file.</summary>
        public static void Write(string path, ComplianceDataset data) => Write(path, data, new WorkbookWriteOptions());

        public static void Write(string path, ComplianceDataset data, WorkbookWriteOptions options)
        {
            options = options ?? new WorkbookWriteOptions();
            string full = Path.GetFullPath(path);
            Core.Reporting.OutputFile.CheckName(full);
            if (File.Exists(full) && !options.Overwrite)
            {
                throw new ComplianceException(new ComplianceProblem(WorkbookReader.ErrorPrefix + "FileExists", ProblemKind.ResourceExists, Text.Format(nameof(Core.Resources.Strings.WorkbookFileExists), full), full));
            }

            DateTime stamp = options.Timestamp ?? DateTime.Now;
            string temp = Core.Reporting.OutputFile.TemporaryPath(full);
            try
            {
                byte[] package = Build(data, stamp, options.Progress);
                using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    Repack(package, output, stamp);
                }

                if (File.Exists(full))
                {
                    File.Replace(temp, full, null);
                }
                else
                {
                    File.Move(temp, full);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                TryDelete(temp);
                throw new ComplianceException(new ComplianceProblem(WorkbookReader.ErrorPrefix + "WriteFailed", ProblemKind.WriteError, Text.Format(nameof(Core.Resources.Strings.WorkbookWriteFailed), full, ex.Message), full), ex);
            }
            catch
            {
                TryDelete(temp);
                throw;
            }
        }

        private static byte[] Build(ComplianceDataset data, DateTime stamp, Action<string, int> progress)
        {
            using (var package = new ExcelPackage())
            {
                ExcelWorkbook workbook = package.Workbook;
                workbook.Properties.Title = "合规工作簿 Compliance workbook";
                workbook.Properties.Application = "ComplianceTools";
                workbook.Properties.Created = stamp;
                workbook.Properties.Modified = stamp;
                WriteInstructions(workbook.Worksheets.Add(InstructionsTab));
                foreach (SheetSchema sheet in WorkbookSchema.Sheets)
                {
                    ExcelWorksheet ws = workbook.Worksheets.Add(sheet.TabName);
                    object value = data == null ? null : sheet.DatasetProperty.GetValue(data);
                    if (sheet.Layout == SheetLayout.Form)
                    {
                        WriteForm(ws, sheet, value);
                        progress?.Invoke(sheet.TabName, value == null ? 0 : 1);
                    }
                    else
                    {
                        var rows = value == null ? new List<object>() : ((IEnumerable)value).Cast<object>().ToList();
                        progress?.Invoke(sheet.TabName, rows.Count);
                        WriteTable(ws, sheet, rows);
                    }
                }

                return package.GetAsByteArray();
            }
        }

        private static void WriteTable(ExcelWorksheet ws, SheetSchema sheet, IReadOnlyList<object> rows)
        {
            int columnCount = sheet.Columns.Count;
            for (int c = 0; c < columnCount; c++)
            {
                ColumnSchema column = sheet.Columns[c];
                ExcelRange header = ws.Cells[1, c + 1];
                header.Value = column.Header;
                StyleHeader(header, column.Required);
                // Cells written later take the column's format; empty rows keep it for people filling them.
                ws.Column(c + 1).Style.Numberformat.Format = NumberFormat(column);
            }

            for (int r = 0; r < rows.Count; r++)
            {
                for (int c = 0; c < columnCount; c++)
                {
                    ColumnSchema column = sheet.Columns[c];
                    object value = CellValue(column, column.GetValue(rows[r]));
                    if (value != null)
                    {
                        ws.Cells[r + 2, c + 1].Value = value;
                    }
                }
            }

            for (int c = 0; c < columnCount; c++)
            {
                ColumnSchema column = sheet.Columns[c];
                if (column.Kind == ColumnKind.Choice)
                {
                    AddList(ws, ws.Cells[2, c + 1, LastExcelRow, c + 1].Address, column);
                }

                int width = DisplayWidth(column.Header);
                foreach (object row in rows.Take(WidthSampleRows))
                {
                    width = Math.Max(width, DisplayWidth(Shown(column, column.GetValue(row))));
                }

                ws.Column(c + 1).Width = Math.Min(60, width + 3);
            }

            ws.View.FreezePanes(2, 1);
            ws.Cells[1, 1, 1, columnCount].AutoFilter = true;
        }

        private static void WriteForm(ExcelWorksheet ws, SheetSchema sheet, object record)
        {
            ws.Cells[1, 1].Value = "字段 Field";
            ws.Cells[1, 2].Value = "值 Value";
            ws.Cells[1, 3].Value = "说明 Hint";
            for (int c = 1; c <= 3; c++)
            {
                StyleHeader(ws.Cells[1, c], false);
            }

            int valueWidth = 12;
            for (int i = 0; i < sheet.Columns.Count; i++)
            {
                ColumnSchema column = sheet.Columns[i];
                int r = i + 2;
                ws.Cells[r, 1].Value = column.Header;
                if (column.Required)
                {
                    ws.Cells[r, 1].Style.Fill.PatternType = ExcelFillStyle.Solid;
                    ws.Cells[r, 1].Style.Fill.BackgroundColor.SetColor(RequiredFill);
                }

                ws.Cells[r, 2].Style.Numberformat.Format = NumberFormat(column);
                object value = record == null ? null : CellValue(column, column.GetValue(record));
                if (value != null)
                {
                    ws.Cells[r, 2].Value = value;
                    valueWidth = Math.Max(valueWidth, DisplayWidth(Shown(column, column.GetValue(record))));
                }

                ws.Cells[r, 3].Value = HintText(column);
                if (column.Kind == ColumnKind.Choice)
                {
                    AddList(ws, ws.Cells[r, 2].Address, column);
                }
            }

            ws.Column(1).Width = Math.Min(60, sheet.Columns.Max(c => DisplayWidth(c.Header)) + 3);
            ws.Column(2).Width = Math.Min(60, valueWidth + 3);
            ws.Column(3).Width = 80;
            ws.View.FreezePanes(2, 1);
        }

        private static void WriteInstructions(ExcelWorksheet ws)
        {
            ws.Cells[1, 1].Value = "合规工作簿说明 Compliance workbook: instructions";
            ws.Cells[1, 1].Style.Font.Bold = true;
            ws.Cells[1, 1].Style.Font.Size = 14;
            string[,] notes =
            {
                { "每个工作表对应年报与年检所需的一类数据;请在对应工作表中逐行填写。", "Each sheet holds one kind of data the annual report and inspection need; fill one record a row." },
                { "表头写有中文名与英文名;导入时中文名、英文名、二者并写或常见别名均可识别。", "Headers carry the Chinese and English name; on import either name, both, or a common alias is recognised." },
                { "橙色表头为必填列。下拉列请从列表中选择(导入时也接受英文名)。", "Orange headers are required columns. Choose drop-down values from the list (English names are accepted on import too)." },
                { "日期写成 yyyy-mm-dd 或使用 Excel 日期;月份写成 yyyy-MM;比率写 31% 或 0.31;是/否 也接受 Yes/No、Y/N、1/0。", "Dates as yyyy-mm-dd or Excel dates; months as yyyy-MM; ratios as 31% or 0.31; 是/否 also accepts Yes/No, Y/N, 1/0." },
                { "“公司信息”与“检查准备”为表单:在“值 Value”列填写。", "Company and Readiness are forms: fill the Value column." },
                { "Import-ComplianceWorkbook 只读取本文件,不会修改它;出错的单元格会逐一报告行号与列名。", "Import-ComplianceWorkbook only reads this file and never changes it; each bad cell is reported with its row and column." },
            };
            int r = 3;
            for (int i = 0; i < notes.GetLength(0); i++, r++)
            {
                ws.Cells[r, 1].Value = "说明 Note";
                ws.Cells[r, 5].Value = notes[i, 0];
                ws.Cells[r, 6].Value = notes[i, 1];
            }

            r++;
            string[] headers = { "工作表 Sheet", "列 Column", "必填 Required", "格式/可选值 Format / choices", "说明", "Hint" };
            for (int c = 0; c < headers.Length; c++)
            {
                ws.Cells[r, c + 1].Value = headers[c];
                StyleHeader(ws.Cells[r, c + 1], false);
            }

            int headerRow = r;
            foreach (SheetSchema sheet in WorkbookSchema.Sheets)
            {
                r++;
                ws.Cells[r, 1].Value = sheet.TabName;
                ws.Cells[r, 1].Style.Font.Bold = true;
                ws.Cells[r, 5].Value = sheet.PurposeZh;
                ws.Cells[r, 6].Value = sheet.Purpose;
                foreach (ColumnSchema column in sheet.Columns)
                {
                    r++;
                    ws.Cells[r, 1].Value = sheet.TabName;
                    ws.Cells[r, 2].Value = column.Header;
                    ws.Cells[r, 3].Value = column.Required ? "是 Yes" : string.Empty;
                    ws.Cells[r, 4].Value = FormatText(column);
                    ws.Cells[r, 5].Value = column.HintZh ?? string.Empty;
                    ws.Cells[r, 6].Value = column.Hint ?? string.Empty;
                }
            }

            int[] widths = { 26, 40, 14, 36, 70, 80 };
            for (int c = 0; c < widths.Length; c++)
            {
                ws.Column(c + 1).Width = widths[c];
            }

            ws.Column(5).Style.WrapText = true;
            ws.Column(6).Style.WrapText = true;
            ws.View.FreezePanes(headerRow + 1, 1);
        }

        private static void StyleHeader(ExcelRange cell, bool required)
        {
            cell.Style.Font.Bold = true;
            cell.Style.Fill.PatternType = ExcelFillStyle.Solid;
            cell.Style.Fill.BackgroundColor.SetColor(required ? RequiredFill : HeaderFill);
        }

        private static void AddList(ExcelWorksheet ws, string address, ColumnSchema column)
        {
            IExcelDataValidationList list = ws.DataValidations.AddListValidation(address);
            foreach (ChoiceSchema choice in column.Choices)
            {
                list.Formula.Values.Add(choice.Label);
            }

            list.AllowBlank = true;
            list.ShowErrorMessage = true;
            list.ErrorStyle = ExcelDataValidationWarningStyle.warning;
            list.ErrorTitle = column.Header;
            list.Error = "请从列表中选择 Choose from the list: " + string.Join(" / ", column.Choices.Select(c => c.Label));
        }

        /// <summary>The value a cell is given: enumerations as their Chinese label; text stays text (never a formula).</summary>
        private static object CellValue(ColumnSchema column, object value)
        {
            if (value == null)
            {
                return null;
            }

            return column.Kind == ColumnKind.Choice ? column.LabelOf(value) : value;
        }

        private static string Shown(ColumnSchema column, object value)
        {
            switch (value)
            {
                case null:
                    return string.Empty;
                case DateTime dt:
                    return column.Kind == ColumnKind.DateTime ? "2025-01-01 00:00" : "2025-01-01";
                case double d:
                    return column.Kind == ColumnKind.Ratio ? "00.00%" : d.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
                case Enum _:
                    return column.LabelOf(value);
                default:
                    return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        private static string NumberFormat(ColumnSchema column)
        {
            switch (column.Kind)
            {
                case ColumnKind.Text:
                case ColumnKind.Month:
                case ColumnKind.TimeOfDay:
                case ColumnKind.Choice:
                    return "@";
                case ColumnKind.Date:
                    return column.Format ?? "yyyy-mm-dd";
                case ColumnKind.DateTime:
                    return column.Format ?? "yyyy-mm-dd hh:mm";
                case ColumnKind.Ratio:
                    return column.Format ?? "0.00%";
                default:
                    return column.Format ?? "General";
            }
        }

        private static string FormatText(ColumnSchema column)
        {
            switch (column.Kind)
            {
                case ColumnKind.Choice:
                    return string.Join(" / ", column.Choices.Select(c => c.Label));
                case ColumnKind.Date:
                    return "日期 date: yyyy-mm-dd";
                case ColumnKind.DateTime:
                    return "日期时间 date and time: yyyy-mm-dd hh:mm";
                case ColumnKind.Month:
                    return "月份 month: yyyy-MM";
                case ColumnKind.TimeOfDay:
                    return "时刻 time: HH:mm";
                case ColumnKind.Ratio:
                    return "比率 ratio: 31% / 0.31";
                case ColumnKind.Integer:
                case ColumnKind.Long:
                    return "整数 whole number";
                case ColumnKind.Number:
                    return "数字 number";
                default:
                    return "文本 text";
            }
        }

        private static string HintText(ColumnSchema column)
        {
            var parts = new List<string> { FormatText(column) };
            if (!string.IsNullOrEmpty(column.HintZh))
            {
                parts.Add(column.HintZh);
            }

            if (!string.IsNullOrEmpty(column.Hint))
            {
                parts.Add(column.Hint);
            }

            return string.Join(";", parts);
        }

        /// <summary>Width in Excel character units: Chinese characters count double.</summary>
        internal static int DisplayWidth(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return 0;
            }

            int width = 0;
            foreach (char c in text)
            {
                width += c >= 0x2E80 ? 2 : 1;
            }

            return width;
        }

        /// <summary>Copies the package into a new zip whose entries carry <paramref name="stamp"/>, so equal content gives equal bytes.</summary>
        private static void Repack(byte[] package, Stream output, DateTime stamp)
        {
            var entryTime = new DateTimeOffset(stamp.Year < 1980 ? new DateTime(1980, 1, 1) : DateTime.SpecifyKind(stamp, DateTimeKind.Unspecified), TimeSpan.Zero);
            using (var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (ZipArchiveEntry entry in input.Entries)
                {
                    ZipArchiveEntry copy = zip.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.Optimal);
                    copy.LastWriteTime = entryTime;
                    using (Stream from = entry.Open())
                    using (Stream to = copy.Open())
                    {
                        from.CopyTo(to);
                    }
                }
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
