using System;
using System.Collections.Generic;
using System.Drawing;
using System.Globalization;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Core.Resources;
using OfficeOpenXml;
using OfficeOpenXml.Style;
using OfficeOpenXml.Table;

namespace ComplianceTools.Engine.Reporting
{
    /// <summary>
    /// The compliance workbook (EPPlus): a one-page dashboard (<see cref="DashboardSheet"/>), the findings, their
    /// evidence, the rectification plan and the schedule as a Gantt chart in cell colours by week. Text never becomes a formula; personal data is masked again on the way
    /// out; widths are computed (CJK counts double) because AutoFitColumns needs GDI+ that servers lack.
    /// </summary>
    public static class ComplianceReportWriter
    {
        public static readonly Color Green = Color.FromArgb(0x63, 0xBE, 0x7B);
        public static readonly Color Yellow = Color.FromArgb(0xFF, 0xD9, 0x66);
        public static readonly Color Red = Color.FromArgb(0xE0, 0x4B, 0x4B);
        public static readonly Color Grey = Color.FromArgb(0xBF, 0xBF, 0xBF);
        public static readonly Color ScheduleBar = Color.FromArgb(0x44, 0x72, 0xC4);
        public static readonly Color RectificationBar = Color.FromArgb(0xED, 0x7D, 0x31);
        private const int MaxWidth = 60;

        /// <summary>
        /// Writes the workbook to <paramref name="path"/> (temporary file, then moved into place) in
        /// <see cref="ReportOptions.Culture"/>; the thread's UI culture is restored afterwards. An empty report (no finding,
        /// no plan item) is refused unless <see cref="ReportOptions.AllowEmpty"/>.
        /// </summary>
        public static FileInfo Write(string path, IReadOnlyList<Finding> findings, IReadOnlyList<PlanItem> items, ReportOptions options, bool force)
        {
            options = options ?? new ReportOptions();
            ReportContent.CheckNotEmpty(path, findings, items, options);
            using (UiLanguage.Use(options.Culture))
            {
                ReportContent content = ReportContent.Prepare(findings, items, options);
                return OutputFile.Write(path, force, temp =>
                {
                    using (var package = new ExcelPackage())
                    {
                        string[] sheets = Names(nameof(Strings.ReportSheetNames));
                        DashboardSheet.Write(package.Workbook.Worksheets.Add(sheets[0]), content.Dashboard);
                        FindingsSheet(package.Workbook.Worksheets.Add(sheets[1]), content.Findings);
                        EvidenceSheet(package.Workbook.Worksheets.Add(sheets[2]), content.Findings);
                        PlanSheet(package.Workbook.Worksheets.Add(sheets[3]), content.Items.Where(i => i.Kind == PlanItemKind.Rectification).ToList());
                        Gantt(package.Workbook.Worksheets.Add(sheets[4]), content.Items);
                        string[] extra = Names(nameof(Strings.ReportExtraSheetNames));
                        if (content.Excepted.Count > 0)
                        {
                            ExceptionsSheet(package.Workbook.Worksheets.Add(extra[0]), content.Excepted);
                        }

                        if (content.Changes != null)
                        {
                            ChangesSheet(package.Workbook.Worksheets.Add(extra[1]), content);
                        }

                        package.Workbook.Properties.Title = Text.Get(nameof(Strings.ReportTitle)) + (string.IsNullOrEmpty(content.Dashboard.Company) ? string.Empty : " · " + content.Dashboard.Company);
                        package.Workbook.Properties.Application = "ComplianceTools " + content.Dashboard.ModuleVersion;
                        package.SaveAs(new FileInfo(temp));
                    }
                });
            }
        }

        private static void FindingsSheet(ExcelWorksheet ws, IReadOnlyList<Finding> findings)
        {
            string[] headers = Names(nameof(Strings.ReportFindingHeaders));
            Header(ws, headers);
            int r = 2;
            foreach (Finding f in findings)
            {
                SetText(ws.Cells[r, 1], f.RuleId);
                SetText(ws.Cells[r, 2], f.Title);
                Light(ws.Cells[r, 3], f.Status);
                SetText(ws.Cells[r, 4], f.Area);
                SetText(ws.Cells[r, 5], ReportText.Scrub(f.Subject));
                SetText(ws.Cells[r, 6], f.Period);
                SetNumber(ws.Cells[r, 7], f.Value, f.Unit);
                SetText(ws.Cells[r, 8], f.ThresholdText);
                SetText(ws.Cells[r, 9], ReportContent.OriginText(f));
                SetText(ws.Cells[r, 10], f.YellowThresholdText);
                SetText(ws.Cells[r, 11], ReportText.Scrub(f.Reason));
                SetText(ws.Cells[r, 12], f.Recommendation);
                SetText(ws.Cells[r, 13], f.Source);
                SetText(ws.Cells[r, 14], f.Baseline);
                SetText(ws.Cells[r, 15], ReportText.Scrub(f.Key));
                SetText(ws.Cells[r, 16], f.KeyMonitoring ? Text.Get(nameof(Strings.ReportYes)) : string.Empty);
                SetText(ws.Cells[r, 17], ReportContent.ExceptionText(f));
                r++;
            }

            Finish(ws, headers.Length, r - 1, "Findings", freezeColumns: 1);
        }

        /// <summary>The findings an accepted deviation covers, apart: why, who approved it, until when.</summary>
        private static void ExceptionsSheet(ExcelWorksheet ws, IReadOnlyList<Finding> findings)
        {
            SetText(ws.Cells[1, 1], Text.Get(nameof(Strings.ReportExceptionIntro)));
            ws.Cells[1, 1].Style.Font.Bold = true;
            string[] headers = Names(nameof(Strings.ReportExceptionHeaders));
            Header(ws, headers, 3);
            int r = 4;
            foreach (Finding f in findings)
            {
                SetText(ws.Cells[r, 1], f.RuleId);
                SetText(ws.Cells[r, 2], f.Title);
                Light(ws.Cells[r, 3], f.Status);
                SetText(ws.Cells[r, 4], ReportText.Scrub(f.Subject));
                SetText(ws.Cells[r, 5], f.Period);
                SetNumber(ws.Cells[r, 6], f.Value, f.Unit);
                SetText(ws.Cells[r, 7], f.ThresholdText);
                SetText(ws.Cells[r, 8], ReportText.Scrub(f.Exception.Reason));
                SetText(ws.Cells[r, 9], ReportText.Scrub(f.Exception.ApprovedBy));
                SetDate(ws.Cells[r, 10], f.Exception.Expires);
                SetText(ws.Cells[r, 11], f.Exception.Line.HasValue ? f.Exception.Source + ":" + f.Exception.Line.Value.ToString(CultureInfo.InvariantCulture) : f.Exception.Source);
                SetText(ws.Cells[r, 12], ReportText.Scrub(f.Key));
                r++;
            }

            Finish(ws, headers.Length, r - 1, "AcceptedDeviations", freezeColumns: 1, headerRow: 3);
        }

        /// <summary>What changed since the client's previous run, worst change first, with both sides' status, value and line.</summary>
        private static void ChangesSheet(ExcelWorksheet ws, ReportContent content)
        {
            // What the sheet compares with, then the table.
            string since = content.ChangesSince.HasValue ? content.ChangesSince.Value.ToOffset(ReportOptions.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "?";
            SetText(ws.Cells[1, 1], Text.Format(nameof(Strings.ReportChangesIntro), since, content.ChangeCounts));
            ws.Cells[1, 1].Style.Font.Bold = true;
            string[] headers = Names(nameof(Strings.ReportChangeHeaders));
            Header(ws, headers, 3);
            string yes = Text.Get(nameof(Strings.ReportYes));
            int r = 4;
            foreach (Core.Workspace.FindingChange c in content.Changes)
            {
                ExcelRange change = ws.Cells[r, 1];
                SetText(change, ReportContent.ChangeName(c.Change));
                Color? fill = ChangeFill(c.Change);
                if (fill.HasValue)
                {
                    Paint(change, fill.Value);
                    change.Style.Font.Bold = true;
                }

                SetText(ws.Cells[r, 2], c.RuleId);
                SetText(ws.Cells[r, 3], c.Title);
                SetText(ws.Cells[r, 4], ReportText.Scrub(c.Subject));
                SetText(ws.Cells[r, 5], c.Period);
                if (c.ReferenceStatus.HasValue)
                {
                    Light(ws.Cells[r, 6], c.ReferenceStatus.Value);
                }

                if (c.DifferenceStatus.HasValue)
                {
                    Light(ws.Cells[r, 7], c.DifferenceStatus.Value);
                }

                SetNumber(ws.Cells[r, 8], c.ReferenceValue, c.Unit);
                SetNumber(ws.Cells[r, 9], c.DifferenceValue, c.Unit);
                SetText(ws.Cells[r, 10], c.ReferenceLine);
                SetText(ws.Cells[r, 11], c.DifferenceLine);
                SetText(ws.Cells[r, 12], c.KeyMonitoring ? yes : string.Empty);
                SetText(ws.Cells[r, 13], ReportText.Scrub(c.Key));
                r++;
            }

            Finish(ws, headers.Length, r - 1, "SinceLastRun", freezeColumns: 1, headerRow: 3);
        }

        /// <summary>The colour of a change: red worse, green fixed, light green better, amber new, grey removed; none unchanged.</summary>
        internal static Color? ChangeFill(Core.Workspace.ChangeKind change)
        {
            switch (change)
            {
                case Core.Workspace.ChangeKind.Regressed: return Red;
                case Core.Workspace.ChangeKind.Fixed: return Green;
                case Core.Workspace.ChangeKind.Improved: return Color.FromArgb(0xC6, 0xEF, 0xCE);
                case Core.Workspace.ChangeKind.New: return Color.FromArgb(0xF4, 0xB1, 0x3C);
                case Core.Workspace.ChangeKind.Removed: return Grey;
                default: return null;
            }
        }

        private static void EvidenceSheet(ExcelWorksheet ws, IReadOnlyList<Finding> findings)
        {
            string[] headers = Names(nameof(Strings.ReportEvidenceHeaders));
            Header(ws, headers);
            int r = 2;
            foreach (Finding f in findings)
            {
                foreach (EvidenceItem e in f.Evidence)
                {
                    SetText(ws.Cells[r, 1], f.RuleId);
                    SetText(ws.Cells[r, 2], ReportText.Scrub(f.Subject));
                    SetText(ws.Cells[r, 3], ReportText.Scrub(e.Subject));
                    SetText(ws.Cells[r, 4], ReportText.Scrub(e.Detail));
                    if (e.Value.HasValue)
                    {
                        ws.Cells[r, 5].Value = e.Value.Value;
                    }

                    SetText(ws.Cells[r, 6], ReportText.Scrub(e.Location));
                    SetText(ws.Cells[r, 7], ReportText.Scrub(f.Key));
                    r++;
                }
            }

            Finish(ws, headers.Length, r - 1, "Evidence", freezeColumns: 0);
        }

        private static void PlanSheet(ExcelWorksheet ws, IReadOnlyList<PlanItem> items)
        {
            string[] headers = Names(nameof(Strings.ReportPlanHeaders));
            Header(ws, headers);
            string yes = Text.Get(nameof(Strings.ReportYes));
            int r = 2;
            foreach (PlanItem i in items.OrderBy(i => i.DueDate).ThenBy(i => i.Key, StringComparer.Ordinal))
            {
                SetText(ws.Cells[r, 1], ReportText.Scrub(i.Title));
                SetText(ws.Cells[r, 2], i.Area);
                SetText(ws.Cells[r, 3], i.Owner);
                SetText(ws.Cells[r, 4], i.OwnerName);
                SetText(ws.Cells[r, 5], i.OwnerMissing ? yes : string.Empty);
                if (i.OwnerMissing)
                {
                    Paint(ws.Cells[r, 3, r, 5], Yellow);
                }

                SetText(ws.Cells[r, 6], i.Priority.ToString());
                if (i.FindingStatus.HasValue)
                {
                    Light(ws.Cells[r, 7], i.FindingStatus.Value);
                }

                SetDate(ws.Cells[r, 8], i.StartDate);
                SetDate(ws.Cells[r, 9], i.DueDate);
                ws.Cells[r, 10].Value = i.WorkingDays;
                SetText(ws.Cells[r, 11], i.Status.ToString());
                SetText(ws.Cells[r, 12], i.Overdue ? yes : string.Empty);
                if (i.Overdue)
                {
                    Paint(ws.Cells[r, 9], Red);
                    Paint(ws.Cells[r, 12], Red);
                }

                SetText(ws.Cells[r, 13], i.Provisional ? yes : string.Empty);
                SetText(ws.Cells[r, 14], string.Join("\n", i.Steps.Select((s, n) => (n + 1).ToString(CultureInfo.InvariantCulture) + ". " + s)));
                SetText(ws.Cells[r, 15], ReportText.Scrub(i.Key));
                r++;
            }

            Finish(ws, headers.Length, r - 1, "Plan", freezeColumns: 1);
        }

        /// <summary>The items as a Gantt chart: one column per week (Monday), filled where the item runs that week.</summary>
        private static void Gantt(ExcelWorksheet ws, IReadOnlyList<PlanItem> items)
        {
            string[] headers = Names(nameof(Strings.ReportScheduleHeaders));
            var ordered = items.OrderBy(i => i.Kind).ThenBy(i => i.StartDate).ThenBy(i => i.DueDate).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
            var weeks = new List<DateTime>();
            if (ordered.Count > 0)
            {
                DateTime first = Monday(ordered.Min(i => i.StartDate));
                DateTime last = ordered.Max(i => i.DueDate ?? i.StartDate);
                for (DateTime w = first; w <= last && weeks.Count < 160; w = w.AddDays(7))
                {
                    weeks.Add(w);
                }
            }

            Header(ws, headers.Concat(weeks.Select(w => w.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToArray());
            string overdue = Text.Get(nameof(Strings.ReportOverdue));
            int r = 2;
            foreach (PlanItem i in ordered)
            {
                SetText(ws.Cells[r, 1], ReportText.Scrub(i.Title));
                SetText(ws.Cells[r, 2], i.Kind.ToString());
                SetText(ws.Cells[r, 3], i.Area);
                SetText(ws.Cells[r, 4], i.Owner);
                SetDate(ws.Cells[r, 5], i.StartDate);
                SetDate(ws.Cells[r, 6], i.DueDate);
                SetText(ws.Cells[r, 7], i.Overdue ? overdue : i.Status.ToString());
                Color bar = i.Overdue ? Red : (i.Kind == PlanItemKind.Schedule ? ScheduleBar : RectificationBar);
                for (int w = 0; w < weeks.Count; w++)
                {
                    DateTime monday = weeks[w];
                    if (i.DueDate.HasValue && i.StartDate <= monday.AddDays(6) && i.DueDate >= monday)
                    {
                        ExcelRange cell = ws.Cells[r, headers.Length + 1 + w];
                        Paint(cell, bar);
                        if (i.DueDate <= monday.AddDays(6))
                        {
                            SetText(cell, "◆");
                            cell.Style.Font.Color.SetColor(Color.White);
                            cell.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
                        }
                    }
                }

                r++;
            }

            Finish(ws, headers.Length, r - 1, "Schedule", freezeColumns: 1);
            for (int w = 0; w < weeks.Count; w++)
            {
                ExcelRange head = ws.Cells[1, headers.Length + 1 + w];
                head.Style.TextRotation = 90;
                ws.Column(headers.Length + 1 + w).Width = 3.5;
            }

            ws.Row(1).Height = 78;
        }

        internal static void Header(ExcelWorksheet ws, string[] headers, int row = 1)
        {
            for (int c = 0; c < headers.Length; c++)
            {
                SetText(ws.Cells[row, c + 1], headers[c]);
            }

            ws.Cells[row, 1, row, headers.Length].Style.Font.Bold = true;
        }

        /// <summary>Table with filters over the data, header row (and first columns) frozen, widths computed from the text.</summary>
        internal static void Finish(ExcelWorksheet ws, int columns, int lastRow, string tableName, int freezeColumns, int headerRow = 1, int maxWidth = MaxWidth)
        {
            ExcelTable table = ws.Tables.Add(ws.Cells[headerRow, 1, Math.Max(lastRow, headerRow + 1), columns], tableName);
            table.ShowFilter = true;
            table.TableStyle = TableStyles.Light1;
            ws.View.FreezePanes(headerRow + 1, freezeColumns + 1);
            for (int c = 1; c <= columns; c++)
            {
                int width = 6;
                for (int r = headerRow; r <= lastRow; r++)
                {
                    width = Math.Max(width, ReportText.DisplayWidth(Shown(ws.Cells[r, c].Value)) + 2);
                }

                ws.Column(c).Width = Math.Min(width, maxWidth);
                if (width > maxWidth)
                {
                    ws.Column(c).Style.WrapText = true;
                }
            }

            // Wrapped text needs its row taller; spreadsheet apps do not all grow rows written without a height.
            for (int r = headerRow + 1; r <= lastRow; r++)
            {
                int lines = 1;
                for (int c = 1; c <= columns; c++)
                {
                    double width = ws.Column(c).Width;
                    int cellLines = Shown(ws.Cells[r, c].Value).Split('\n').Sum(l => Math.Max(1, (int)Math.Ceiling(ReportText.DisplayWidth(l) / Math.Max(1.0, width - 1))));
                    lines = Math.Max(lines, cellLines);
                }

                if (lines > 1)
                {
                    ws.Row(r).Height = 15 * lines;
                    ws.Cells[r, 1, r, columns].Style.WrapText = true;
                }
            }

            ws.Cells[headerRow, 1, Math.Max(lastRow, headerRow), columns].Style.VerticalAlignment = ExcelVerticalAlignment.Top;
            ws.PrinterSettings.Orientation = eOrientation.Landscape;
            ws.PrinterSettings.FitToPage = true;
            ws.PrinterSettings.FitToWidth = 1;
            ws.PrinterSettings.FitToHeight = 0;
            ws.PrinterSettings.RepeatRows = ws.Cells[headerRow.ToString(CultureInfo.InvariantCulture) + ":" + headerRow.ToString(CultureInfo.InvariantCulture)];
        }

        /// <summary>Text as a string cell: never a formula, and marked quote-prefixed when it starts like one so editing keeps it text.</summary>
        internal static void SetText(ExcelRange cell, string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return;
            }

            // The one masking path, at the last step: whatever a caller built (an owner typed as '张三 13800138000', a
            // plan item made by hand), no mobile, landline or ID number reaches a cell in clear.
            text = ReportText.Scrub(text);

            cell.Value = text;
            if (ReportText.LooksLikeFormula(text))
            {
                cell.Style.QuotePrefix = true;
            }

            if (text.IndexOf('\n') >= 0)
            {
                cell.Style.WrapText = true;
            }
        }

        internal static void SetNumber(ExcelRange cell, double? value, string unit)
        {
            if (!value.HasValue)
            {
                return;
            }

            cell.Value = value.Value;
            cell.Style.Numberformat.Format = unit == "ratio" ? "0.00##%" : (unit == "amount" ? "#,##0.00" : "#,##0.##");
        }

        internal static void SetDate(ExcelRange cell, DateTime? date)
        {
            if (!date.HasValue)
            {
                return;
            }

            cell.Value = date.Value;
            cell.Style.Numberformat.Format = "yyyy-mm-dd";
        }

        /// <summary>The status as a light: red, yellow, green, grey for Skipped; NotApplicable is named without a light.</summary>
        internal static void Light(ExcelRange cell, FindingStatus status)
        {
            SetText(cell, ReportContent.StatusName(status));
            cell.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
            Color? fill = Fill(status);
            if (fill.HasValue)
            {
                Paint(cell, fill.Value);
                cell.Style.Font.Bold = true;
            }
        }

        /// <summary>The text a cell shows, near enough for sizing, without EPPlus formatting every cell (slow on large sheets).</summary>
        private static string Shown(object value)
        {
            switch (value)
            {
                case null:
                    return string.Empty;
                case string text:
                    return text;
                case DateTime _:
                    return "yyyy-mm-dd";
                case double d:
                    return d.ToString("#,##0.00##", CultureInfo.InvariantCulture) + "%";
                default:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        internal static Color? Fill(FindingStatus status)
        {
            switch (status)
            {
                case FindingStatus.Red: return Red;
                case FindingStatus.Yellow: return Yellow;
                case FindingStatus.Green: return Green;
                case FindingStatus.Skipped: return Grey;
                default: return null;
            }
        }

        internal static void Paint(ExcelRange cell, Color color)
        {
            cell.Style.Fill.PatternType = ExcelFillStyle.Solid;
            cell.Style.Fill.BackgroundColor.SetColor(color);
        }

        private static DateTime Monday(DateTime date)
        {
            int offset = ((int)date.DayOfWeek + 6) % 7;
            return date.Date.AddDays(-offset);
        }

        private static string[] Names(string resource) => Text.Get(resource).Split('|');
    }
}
