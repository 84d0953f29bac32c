using System;
using System.Drawing;
using System.Globalization;
using System.Linq;
using System.Xml;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Core.Resources;
using OfficeOpenXml;
using OfficeOpenXml.Drawing.Chart;
using OfficeOpenXml.Style;

namespace ComplianceTools.Engine.Reporting
{
    /// <summary>
    /// The dashboard sheet: one A4 landscape page (print area, fit to one page wide and tall) with the header, six
    /// tiles, a light per area, four charts and the ten most urgent actions. The charts read their data from cells to
    /// the right of the printed page. Every text is cut to its cell so that no input can push the page past A4.
    /// </summary>
    internal static class DashboardSheet
    {
        /// <summary>Columns of the printed page (A–M).</summary>
        internal const int Columns = 13;

        /// <summary>Width of each page column in Excel units (89 pixels: a page of 1,157 pixels, two charts of 572 side by side).</summary>
        internal const double ColumnWidth = 12.7;

        /// <summary>Area lights in one row; more areas take a second row; past two rows the rest share the last light.</summary>
        internal const int LightsPerRow = 13;

        private const int DataColumn = Columns + 2;
        private const int ChartWidth = 572;
        private const int ChartHeight = 292;
        private const int ChartRows = 15;
        private const double RowHeight = 15;
        private const string ChartNs = "http://schemas.openxmlformats.org/drawingml/2006/chart";
        private const string DrawingNs = "http://schemas.openxmlformats.org/drawingml/2006/main";

        private static readonly Color Ink = Color.FromArgb(0x26, 0x26, 0x26);
        private static readonly Color Muted = Color.FromArgb(0x6B, 0x6B, 0x6B);
        private static readonly Color Pale = Color.FromArgb(0xF2, 0xF2, 0xF2);
        private static readonly Color Amber = Color.FromArgb(0xF4, 0xB1, 0x3C);
        private static readonly Color Blue = Color.FromArgb(0x44, 0x72, 0xC4);

        public static void Write(ExcelWorksheet ws, ReportDashboard d) => Write(ws, d, null);

        /// <summary>
        /// The same page for a portfolio of clients (<paramref name="portfolio"/> not null): its own header (workspace,
        /// season, clients), the same tiles and area lights over every client's findings, a light per client, the client
        /// chart in place of the complaint-rate trend, and the most urgent actions across clients.
        /// </summary>
        internal static void Write(ExcelWorksheet ws, ReportDashboard d, PortfolioPage portfolio)
        {
            ws.View.ShowGridLines = false;
            ws.Cells.Style.Font.Size = 10;
            for (int c = 1; c <= Columns; c++)
            {
                ws.Column(c).Width = ColumnWidth;
            }

            ws.Column(Columns + 1).Width = 4;
            var data = new DataArea(ws);

            int row = portfolio == null ? Header(ws, d) : PortfolioHeader(ws, d, portfolio);
            row = Tiles(ws, d, row + 1);
            if (portfolio != null)
            {
                row = ClientLights(ws, portfolio, row + 1);
            }

            row = Lights(ws, d, row + 1);
            row = Charts(ws, d, data, row + 1, portfolio);
            row = UrgentList(ws, d, row + 1);

            for (int r = 1; r < row; r++)
            {
                if (ws.Row(r).CustomHeight == false)
                {
                    ws.Row(r).Height = RowHeight;
                }
            }

            ws.PrinterSettings.PrintArea = ws.Cells[1, 1, row - 1, Columns];
            ws.PrinterSettings.Orientation = eOrientation.Landscape;
            ws.PrinterSettings.PaperSize = ePaperSize.A4;
            ws.PrinterSettings.FitToPage = true;
            ws.PrinterSettings.FitToWidth = 1;
            ws.PrinterSettings.FitToHeight = 1;
            ws.PrinterSettings.HorizontalCentered = true;
            ws.PrinterSettings.LeftMargin = ws.PrinterSettings.RightMargin = 0.4m;
            ws.PrinterSettings.TopMargin = ws.PrinterSettings.BottomMargin = 0.4m;
            ws.PrinterSettings.HeaderMargin = ws.PrinterSettings.FooterMargin = 0.2m;
        }

        /// <summary>Title, company and version on row 1; licence, year, run time and baselines on row 2.</summary>
        private static int Header(ExcelWorksheet ws, ReportDashboard d)
        {
            string[] labels = Names(nameof(Strings.ReportHeaderLabels));
            string title = Text.Get(nameof(Strings.ReportTitle)) + (string.IsNullOrEmpty(d.Company) ? string.Empty : " · " + d.Company);
            Put(ws.Cells[1, 1, 1, 10], title, 16, bold: true);
            Label(ws.Cells[1, 11], labels[4]);
            Put(ws.Cells[1, 12, 1, 13], d.ModuleVersion);
            ws.Row(1).Height = 26;
            ws.Cells[1, 1, 1, Columns].Style.VerticalAlignment = ExcelVerticalAlignment.Center;

            string none = Text.Get(nameof(Strings.ReportNoLicence));
            Label(ws.Cells[2, 1], labels[0]);
            Put(ws.Cells[2, 2, 2, 3], d.LicenceNumber ?? none);
            Label(ws.Cells[2, 4], labels[1]);
            Put(ws.Cells[2, 5], d.ReportYear ?? none);
            Label(ws.Cells[2, 6], labels[2]);
            Put(ws.Cells[2, 7, 2, 9], Text.Format(nameof(Strings.ReportChinaTime), d.RunTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
            Label(ws.Cells[2, 10], labels[3]);
            Put(ws.Cells[2, 11, 2, 13], d.Baselines.Count == 0 ? Text.Get(nameof(Strings.ReportNoBaseline)) : string.Join(", ", d.Baselines));
            ws.Cells[2, 1, 2, Columns].Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
            ws.Cells[2, 1, 2, Columns].Style.Border.Bottom.Color.SetColor(Muted);
            return 3;
        }

        /// <summary>Red, Yellow, Green, Skipped (findings) | Overdue, Due in 14 days (plan items): a number over a label.</summary>
        private static int Tiles(ExcelWorksheet ws, ReportDashboard d, int row)
        {
            Spacer(ws, row - 1);
            string[] labels = Names(nameof(Strings.ReportTileLabels));
            string[] units = Names(nameof(Strings.ReportTileUnits));
            var tiles = new[]
            {
                (1, d.Red, labels[0] + " · " + units[0], ComplianceReportWriter.Red, Color.White),
                (3, d.Yellow, labels[1] + " · " + units[0], ComplianceReportWriter.Yellow, Ink),
                (5, d.Green, labels[2] + " · " + units[0], ComplianceReportWriter.Green, Ink),
                (7, d.Skipped, labels[3] + (d.NotApplicable > 0 ? " · " + Text.Format(nameof(Strings.ReportNotApplicableCount), d.NotApplicable) : " · " + units[0]), ComplianceReportWriter.Grey, Ink),
                (10, d.Overdue, labels[4] + " · " + units[1], d.Overdue > 0 ? ComplianceReportWriter.Red : Pale, d.Overdue > 0 ? Color.White : Ink),
                (12, d.DueSoon, labels[5] + " · " + units[1], d.DueSoon > 0 ? Amber : Pale, Ink),
            };
            foreach (var (column, count, label, fill, ink) in tiles)
            {
                ExcelRange number = ws.Cells[row, column, row, column + 1];
                number.Merge = true;
                number.Value = count;
                number.Style.Font.Size = 24;
                number.Style.Font.Bold = true;
                number.Style.Font.Color.SetColor(ink);
                number.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
                number.Style.VerticalAlignment = ExcelVerticalAlignment.Center;
                Paint(number, fill);
                ExcelRange caption = ws.Cells[row + 1, column, row + 1, column + 1];
                Put(caption, label, 9);
                caption.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
                caption.Style.Font.Color.SetColor(ink);
                Paint(caption, fill);
            }

            ws.Row(row).Height = 34;
            return row + 2;
        }

        /// <summary>One light per area (worst status), in the module's area order; the name over the status word.</summary>
        private static int Lights(ExcelWorksheet ws, ReportDashboard d, int row)
        {
            Spacer(ws, row - 1);
            Put(ws.Cells[row, 1, row, Columns], Text.Get(nameof(Strings.ReportAreasTitle)), 10, bold: true);
            row++;
            var lights = d.LightsUpTo(2 * LightsPerRow);
            if (lights.Count == 0)
            {
                Put(ws.Cells[row, 1, row, Columns], Text.Get(nameof(Strings.ReportNoData)), 9);
                return row + 1;
            }

            for (int i = 0; i < lights.Count; i++)
            {
                AreaLight a = lights[i];
                int r = row + (i / LightsPerRow);
                ExcelRange cell = ws.Cells[r, 1 + (i % LightsPerRow)];
                string status = a.Worst.HasValue ? ReportContent.StatusName(a.Worst.Value) : ReportContent.StatusName(FindingStatus.NotApplicable);
                cell.Value = ReportText.Fit(a.Name, (int)ColumnWidth - 1) + "\n" + status;
                cell.Style.WrapText = true;
                cell.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
                cell.Style.VerticalAlignment = ExcelVerticalAlignment.Center;
                cell.Style.Font.Bold = true;
                Color? fill = ComplianceReportWriter.Fill(a.Worst ?? FindingStatus.NotApplicable);
                Paint(cell, fill ?? Pale);
                cell.Style.Font.Color.SetColor(a.Worst == FindingStatus.Red ? Color.White : Ink);
                cell.Style.Border.BorderAround(ExcelBorderStyle.Thin, Color.White);
            }

            int rows = (lights.Count + LightsPerRow - 1) / LightsPerRow;
            for (int r = row; r < row + rows; r++)
            {
                ws.Row(r).Height = 30;
            }

            return row + rows;
        }

        /// <summary>The four charts in two rows of two (a portfolio shows its clients where a report shows the complaint-rate trend).</summary>
        private static int Charts(ExcelWorksheet ws, ReportDashboard d, DataArea data, int row, PortfolioPage portfolio)
        {
            Spacer(ws, row - 1);
            string[] titles = Names(nameof(Strings.ReportChartTitles));
            if (portfolio == null)
            {
                TrendChart(ws, d, data, titles[0], row, 0);
            }
            else
            {
                ClientChart(ws, portfolio, data, row, 0);
            }

            LoadChart(ws, d, data, titles[1], row, 1);
            OwnerChart(ws, d, data, titles[2], row + ChartRows, 0);
            WeekChart(ws, d, data, titles[3], row + ChartRows, 1);
            return row + 2 * ChartRows;
        }

        private static void TrendChart(ExcelWorksheet ws, ReportDashboard d, DataArea data, string title, int row, int slot)
        {
            if (d.Trend.Count == 0)
            {
                NoData(ws, title, row, slot);
                return;
            }

            string[] series = Names(nameof(Strings.ReportChartSeries));
            int top = data.Table(title, new[] { string.Empty, series[0], series[1], series[2] });
            foreach (TrendPoint p in d.Trend)
            {
                int r = data.Row();
                ws.Cells[r, DataColumn].Value = p.Period;
                ws.Cells[r, DataColumn + 1].Value = p.Value;
                if (d.TrendLine.HasValue)
                {
                    ws.Cells[r, DataColumn + 2].Value = d.TrendLine.Value;
                }

                if (p.Status == FindingStatus.Red)
                {
                    ws.Cells[r, DataColumn + 3].Value = p.Value;
                }

                ws.Cells[r, DataColumn + 1, r, DataColumn + 3].Style.Numberformat.Format = "0.000%";
            }

            int bottom = top + d.Trend.Count;
            var chart = (ExcelLineChart)ws.Drawings.AddChart("Trend", eChartType.LineMarkers);
            ExcelRange categories = ws.Cells[top + 1, DataColumn, bottom, DataColumn];
            var value = (ExcelLineChartSerie)chart.Series.Add(ws.Cells[top + 1, DataColumn + 1, bottom, DataColumn + 1], categories);
            value.HeaderAddress = ws.Cells[top, DataColumn + 1];
            value.LineColor = Blue;
            value.LineWidth = 2.25;
            value.Marker = eMarkerStyle.Circle;
            value.MarkerSize = 5;
            Marker(chart, 0, Blue);
            var line = (ExcelLineChartSerie)chart.Series.Add(ws.Cells[top + 1, DataColumn + 2, bottom, DataColumn + 2], categories);
            line.HeaderAddress = ws.Cells[top, DataColumn + 2];
            line.LineColor = ComplianceReportWriter.Red;
            line.LineWidth = 1.5;
            line.Marker = eMarkerStyle.None;
            Dash(chart, 1);
            var over = (ExcelLineChartSerie)chart.Series.Add(ws.Cells[top + 1, DataColumn + 3, bottom, DataColumn + 3], categories);
            over.HeaderAddress = ws.Cells[top, DataColumn + 3];
            over.Marker = eMarkerStyle.Circle;
            over.MarkerSize = 9;
            NoLine(chart, 2);
            Marker(chart, 2, ComplianceReportWriter.Red);
            chart.DisplayBlanksAs = eDisplayBlanksAs.Gap;
            chart.YAxis.Format = "0.000%";
            chart.YAxis.MinValue = 0;
            Finish(chart, title, row, slot);
        }

        /// <summary>Title, workspace and version on row 1; season, clients, run time on row 2.</summary>
        private static int PortfolioHeader(ExcelWorksheet ws, ReportDashboard d, PortfolioPage p)
        {
            string[] labels = Names(nameof(Strings.PortfolioHeaderLabels));
            Put(ws.Cells[1, 1, 1, 10], Text.Get(nameof(Strings.PortfolioTitle)) + " · " + p.Workspace, 16, bold: true);
            Label(ws.Cells[1, 11], labels[4]);
            Put(ws.Cells[1, 12, 1, 13], d.ModuleVersion);
            ws.Row(1).Height = 26;
            ws.Cells[1, 1, 1, Columns].Style.VerticalAlignment = ExcelVerticalAlignment.Center;
            Label(ws.Cells[2, 1], labels[0]);
            Put(ws.Cells[2, 2], p.Season.ToString(CultureInfo.InvariantCulture));
            Label(ws.Cells[2, 3], labels[1]);
            Put(ws.Cells[2, 4, 2, 5], Text.Format(nameof(Strings.PortfolioClientCount), p.Clients.Count, p.Clients.Count(c => !c.Ran)));
            Label(ws.Cells[2, 6], labels[2]);
            Put(ws.Cells[2, 7, 2, 9], Text.Format(nameof(Strings.ReportChinaTime), d.RunTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
            Label(ws.Cells[2, 10], labels[3]);
            Put(ws.Cells[2, 11, 2, 13], p.SeasonReason ?? string.Empty, 8);
            ws.Cells[2, 1, 2, Columns].Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
            ws.Cells[2, 1, 2, Columns].Style.Border.Bottom.Color.SetColor(Muted);
            return 3;
        }

        /// <summary>One light per client, worst first (the client's worst status, red/yellow counts under the name); past two rows the rest share the last light.</summary>
        private static int ClientLights(ExcelWorksheet ws, PortfolioPage p, int row)
        {
            Spacer(ws, row - 1);
            Put(ws.Cells[row, 1, row, Columns], Text.Get(nameof(Strings.PortfolioClientsTitle)), 10, bold: true);
            row++;
            var ordered = p.Clients.OrderBy(c => c.Ran ? Finding.Rank(c.Worst ?? FindingStatus.Green) : -1).ThenByDescending(c => c.Red).ThenByDescending(c => c.Yellow).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
            int max = 2 * LightsPerRow;
            var shown = ordered.Count <= max ? ordered : ordered.Take(max - 1).ToList();
            string[] status = Names(nameof(Strings.ReportSeverityNames));
            for (int i = 0; i <= shown.Count; i++)
            {
                if (i == shown.Count && ordered.Count <= max)
                {
                    break;
                }

                int r = row + (i / LightsPerRow);
                ExcelRange cell = ws.Cells[r, 1 + (i % LightsPerRow)];
                FindingStatus? worst;
                string text;
                if (i < shown.Count)
                {
                    PortfolioPage.Client c = shown[i];
                    worst = c.Ran ? c.Worst : null;
                    text = ReportText.Fit(c.Name, (int)ColumnWidth - 1) + "\n" + (c.Ran ? status[2] + " " + c.Red.ToString(CultureInfo.InvariantCulture) + " · " + status[1] + " " + c.Yellow.ToString(CultureInfo.InvariantCulture) : Text.Get(nameof(Strings.PortfolioNotRun)));
                }
                else
                {
                    var rest = ordered.Skip(shown.Count).ToList();
                    worst = rest.Where(c => c.Ran && c.Worst.HasValue).Select(c => c.Worst.Value).OrderBy(Finding.Rank).Cast<FindingStatus?>().FirstOrDefault();
                    text = "+" + rest.Count.ToString(CultureInfo.InvariantCulture) + "\n" + (worst.HasValue ? ReportContent.StatusName(worst.Value) : string.Empty);
                }

                cell.Value = text;
                cell.Style.WrapText = true;
                cell.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
                cell.Style.VerticalAlignment = ExcelVerticalAlignment.Center;
                cell.Style.Font.Bold = true;
                cell.Style.Font.Size = 8;
                Color? fill = worst.HasValue ? ComplianceReportWriter.Fill(worst.Value) : (Color?)null;
                Paint(cell, fill ?? Pale);
                cell.Style.Font.Color.SetColor(worst == FindingStatus.Red ? Color.White : Ink);
                cell.Style.Border.BorderAround(ExcelBorderStyle.Thin, Color.White);
            }

            int rows = (Math.Min(ordered.Count, max) + LightsPerRow - 1) / LightsPerRow;
            for (int r = row; r < row + Math.Max(1, rows); r++)
            {
                ws.Row(r).Height = 30;
            }

            return row + Math.Max(1, rows);
        }

        /// <summary>Red, Yellow and Skipped findings per client, the most Red first (at most <see cref="ReportDashboard.LoadLimit"/> clients).</summary>
        private static void ClientChart(ExcelWorksheet ws, PortfolioPage p, DataArea data, int row, int slot)
        {
            string title = Text.Get(nameof(Strings.PortfolioClientChart));
            var clients = p.Clients.Where(c => c.Ran).OrderByDescending(c => c.Red).ThenByDescending(c => c.Yellow).ThenByDescending(c => c.Skipped).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
            if (clients.Count == 0)
            {
                NoData(ws, title, row, slot);
                return;
            }

            var shown = clients.Take(ReportDashboard.LoadLimit).ToList();
            if (clients.Count > shown.Count)
            {
                title += " · " + Text.Format(nameof(Strings.ReportTopOf), shown.Count, clients.Count);
            }

            string[] status = Names(nameof(Strings.ReportSeverityNames));
            int top = data.Table(title, new[] { string.Empty, status[2], status[1], status[3] });
            foreach (PortfolioPage.Client c in Enumerable.Reverse(shown))
            {
                int r = data.Row();
                ws.Cells[r, DataColumn].Value = ReportText.Fit(c.Name, 28);
                ws.Cells[r, DataColumn + 1].Value = c.Red;
                ws.Cells[r, DataColumn + 2].Value = c.Yellow;
                ws.Cells[r, DataColumn + 3].Value = c.Skipped;
            }

            int bottom = top + shown.Count;
            ExcelBarChart chart = StackedBars(ws, "Clients", eChartType.BarStacked, top, bottom, ComplianceReportWriter.Red, ComplianceReportWriter.Yellow, ComplianceReportWriter.Grey);

            chart.GapWidth = 40;
            chart.YAxis.MinValue = 0;
            chart.YAxis.Format = "0";
            Finish(chart, title, row, slot);
        }

        private static void LoadChart(ExcelWorksheet ws, ReportDashboard d, DataArea data, string title, int row, int slot)
        {
            if (d.Loads.Count == 0)
            {
                NoData(ws, title, row, slot);
                return;
            }

            string[] series = Names(nameof(Strings.ReportChartSeries));
            if (d.LoadCount > d.Loads.Count)
            {
                title += " · " + Text.Format(nameof(Strings.ReportTopOf), d.Loads.Count, d.LoadCount);
            }

            int top = data.Table(title, new[] { string.Empty, series[2], series[3], series[4] });

            // Bars are drawn bottom-up: the lowest share first, so the highest stands at the top.
            foreach (LineLoad l in d.Loads.Reverse())
            {
                int r = data.Row();
                ws.Cells[r, DataColumn].Value = ReportText.Fit(l.Label, 30) + "  " + ReportDashboard.ShareText(l.Share);
                int column = l.Status == FindingStatus.Red ? 1 : (l.Status == FindingStatus.Yellow ? 2 : 3);
                ws.Cells[r, DataColumn + column].Value = Math.Min(l.Share, 2.0);
                ws.Cells[r, DataColumn + 1, r, DataColumn + 3].Style.Numberformat.Format = "0%";
            }

            int bottom = top + d.Loads.Count;
            ExcelBarChart chart = StackedBars(ws, "Loads", eChartType.BarStacked, top, bottom, ComplianceReportWriter.Red, ComplianceReportWriter.Yellow, ComplianceReportWriter.Green);

            chart.GapWidth = 40;
            chart.YAxis.MinValue = 0;
            chart.YAxis.MaxValue = 2;
            chart.YAxis.MajorUnit = 0.5;
            chart.YAxis.Format = "0%";
            Finish(chart, title, row, slot);
            Gridlines(chart);
        }

        private static void OwnerChart(ExcelWorksheet ws, ReportDashboard d, DataArea data, string title, int row, int slot)
        {
            if (d.Owners.Count == 0)
            {
                NoData(ws, title, row, slot);
                return;
            }

            string[] series = Names(nameof(Strings.ReportChartSeries));
            if (d.OwnerCount > d.Owners.Count)
            {
                title += " · " + Text.Format(nameof(Strings.ReportTopOf), d.Owners.Count, d.OwnerCount);
            }

            int top = data.Table(title, new[] { string.Empty, series[5], series[6], series[7], series[8] });
            foreach (OwnerLoad o in d.Owners.Reverse())
            {
                int r = data.Row();
                ws.Cells[r, DataColumn].Value = ReportText.Fit(o.Owner, 28);
                ws.Cells[r, DataColumn + 1].Value = o.Overdue;
                ws.Cells[r, DataColumn + 2].Value = o.DueSoon;
                ws.Cells[r, DataColumn + 3].Value = o.Open;
                ws.Cells[r, DataColumn + 4].Value = o.Done;
            }

            int bottom = top + d.Owners.Count;
            ExcelBarChart chart = StackedBars(ws, "Owners", eChartType.BarStacked, top, bottom, ComplianceReportWriter.Red, Amber, Blue, ComplianceReportWriter.Green);

            chart.GapWidth = 40;
            chart.YAxis.MinValue = 0;
            chart.YAxis.Format = "0";
            Finish(chart, title, row, slot);
        }

        private static void WeekChart(ExcelWorksheet ws, ReportDashboard d, DataArea data, string title, int row, int slot)
        {
            if (d.Weeks.All(w => w.Total == 0))
            {
                NoData(ws, title, row, slot);
                return;
            }

            string[] series = Names(nameof(Strings.ReportChartSeries));
            int top = data.Table(title, new[] { string.Empty, series[9], series[10] });
            foreach (WeekLoad w in d.Weeks)
            {
                int r = data.Row();
                ws.Cells[r, DataColumn].Value = w.Monday.ToString("MM-dd", CultureInfo.InvariantCulture);
                ws.Cells[r, DataColumn + 1].Value = w.Schedule;
                ws.Cells[r, DataColumn + 2].Value = w.Rectification;
            }

            int bottom = top + d.Weeks.Count;
            ExcelBarChart chart = StackedBars(ws, "Upcoming", eChartType.ColumnStacked, top, bottom, ComplianceReportWriter.ScheduleBar, ComplianceReportWriter.RectificationBar);

            chart.GapWidth = 50;
            chart.YAxis.MinValue = 0;
            chart.YAxis.Format = "0";
            Finish(chart, title, row, slot);
        }

        /// <summary>The urgency list: rule, what to do, owner, due date, days left (red when overdue, amber within 14 days).</summary>
        private static int UrgentList(ExcelWorksheet ws, ReportDashboard d, int row)
        {
            Spacer(ws, row - 1);
            Put(ws.Cells[row, 1, row, Columns], Text.Get(nameof(Strings.ReportUrgentTitle)), 10, bold: true);
            row++;
            string[] headers = Names(nameof(Strings.ReportUrgentHeaders));
            var spans = new[] { (1, 2), (3, 8), (9, 10), (11, 11), (12, 13) };
            for (int c = 0; c < spans.Length; c++)
            {
                Put(ws.Cells[row, spans[c].Item1, row, spans[c].Item2], headers[c], 9, bold: true);
            }

            ExcelRange head = ws.Cells[row, 1, row, Columns];
            Paint(head, Pale);
            head.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
            row++;
            if (d.Urgent.Count == 0)
            {
                Put(ws.Cells[row, 1, row, Columns], Text.Get(nameof(Strings.ReportNoUrgent)), 9);
                return row + 1;
            }

            string nobody = Text.Get(nameof(Strings.ReportNoOwner));
            foreach (UrgentAction a in d.Urgent)
            {
                Put(ws.Cells[row, 1, row, 2], a.Rule, 9);
                Put(ws.Cells[row, 3, row, 8], a.Title, 9);
                Put(ws.Cells[row, 9, row, 10], a.Owner ?? nobody, 9);
                if (a.Owner == null)
                {
                    Paint(ws.Cells[row, 9, row, 10], ComplianceReportWriter.Yellow);
                }

                ws.Cells[row, 11].Value = a.DueDate;
                ws.Cells[row, 11].Style.Numberformat.Format = "yyyy-mm-dd";
                ws.Cells[row, 11].Style.HorizontalAlignment = ExcelHorizontalAlignment.Left;
                ExcelRange days = ws.Cells[row, 12, row, 13];
                Put(days, ReportDashboard.DaysLeftText(a.DaysLeft), 9, bold: a.State == ItemState.Overdue);
                if (a.State == ItemState.Overdue)
                {
                    days.Style.Font.Color.SetColor(ComplianceReportWriter.Red);
                }
                else if (a.State == ItemState.DueSoon)
                {
                    days.Style.Font.Color.SetColor(Color.FromArgb(0xB0, 0x6A, 0x00));
                }

                ws.Cells[row, 1, row, Columns].Style.Border.Bottom.Style = ExcelBorderStyle.Hair;
                ws.Cells[row, 1, row, Columns].Style.Border.Bottom.Color.SetColor(Color.FromArgb(0xD0, 0xD0, 0xD0));
                row++;
            }

            return row;
        }

        /// <summary>A stacked bar or column chart of the data table at rows top..bottom: categories in its first column, one series per colour after it.</summary>
        private static ExcelBarChart StackedBars(ExcelWorksheet ws, string name, eChartType type, int top, int bottom, params Color[] colors)
        {
            var chart = (ExcelBarChart)ws.Drawings.AddChart(name, type);
            ExcelRange categories = ws.Cells[top + 1, DataColumn, bottom, DataColumn];
            for (int s = 0; s < colors.Length; s++)
            {
                var serie = chart.Series.Add(ws.Cells[top + 1, DataColumn + 1 + s, bottom, DataColumn + 1 + s], categories);
                serie.HeaderAddress = ws.Cells[top, DataColumn + 1 + s];
                serie.Fill.Color = colors[s];
            }

            return chart;
        }

        /// <summary>Display width (CJK double) that fits in <paramref name="columns"/> page columns.</summary>
        internal static int Width(int columns) => (int)(columns * ColumnWidth) - 2;

        private static void Finish(ExcelChart chart, string title, int row, int slot)
        {
            chart.Title.Text = title;
            chart.Title.Font.Size = 10;
            chart.Title.Font.Bold = true;
            chart.Legend.Position = eLegendPosition.Bottom;
            chart.Legend.Font.Size = 8;
            chart.XAxis.Font.Size = 8;
            chart.YAxis.Font.Size = 8;
            chart.Border.Fill.Color = Color.FromArgb(0xD9, 0xD9, 0xD9);
            chart.SetPosition(row - 1, 4, slot == 0 ? 0 : 6, slot == 0 ? 0 : 48);
            chart.SetSize(ChartWidth, ChartHeight);
            TextCategories(chart);
        }

        /// <summary>
        /// Category labels are text: c:strRef (EPPlus writes c:numRef, which Excel may show as 1, 2, 3), and every label
        /// shown (no skipping of every other one).
        /// </summary>
        private static void TextCategories(ExcelChart chart)
        {
            var ns = new XmlNamespaceManager(chart.ChartXml.NameTable);
            ns.AddNamespace("c", ChartNs);
            foreach (XmlElement numRef in chart.ChartXml.SelectNodes("//c:cat/c:numRef", ns).Cast<XmlElement>().ToList())
            {
                XmlElement strRef = chart.ChartXml.CreateElement("c", "strRef", ChartNs);
                while (numRef.HasChildNodes)
                {
                    strRef.AppendChild(numRef.FirstChild);
                }

                numRef.ParentNode.ReplaceChild(strRef, numRef);
            }

            foreach (XmlElement catAx in chart.ChartXml.SelectNodes("//c:catAx", ns))
            {
                XmlElement skip = chart.ChartXml.CreateElement("c", "tickLblSkip", ChartNs);
                skip.SetAttribute("val", "1");
                XmlNode offset = catAx["lblOffset", ChartNs];
                if (offset != null)
                {
                    catAx.InsertAfter(skip, offset);
                }
                else
                {
                    catAx.AppendChild(skip);
                }
            }
        }

        private static void NoData(ExcelWorksheet ws, string title, int row, int slot)
        {
            int first = slot == 0 ? 1 : 8;
            int last = slot == 0 ? 6 : Columns;
            Put(ws.Cells[row, first, row, last], title, 10, bold: true);
            ExcelRange body = ws.Cells[row + 1, first, row + ChartRows - 2, last];
            body.Merge = true;
            body.Value = Text.Get(nameof(Strings.ReportNoData));
            body.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
            body.Style.VerticalAlignment = ExcelVerticalAlignment.Center;
            body.Style.Font.Color.SetColor(Muted);
            body.Style.Font.Italic = true;
            body.Style.Border.BorderAround(ExcelBorderStyle.Thin, Color.FromArgb(0xD9, 0xD9, 0xD9));
        }

        private static void Spacer(ExcelWorksheet ws, int row)
        {
            ws.Row(row).Height = 6;
        }

        private static void Label(ExcelRange cell, string text)
        {
            ComplianceReportWriter.SetText(cell, text);
            cell.Style.Font.Color.SetColor(Muted);
            cell.Style.Font.Size = 9;
            cell.Style.HorizontalAlignment = ExcelHorizontalAlignment.Right;
        }

        /// <summary>Text cut to the width of its (merged) range: the page cannot grow with the input.</summary>
        private static void Put(ExcelRange range, string text, float size = 10, bool bold = false)
        {
            int columns = range.End.Column - range.Start.Column + 1;
            if (columns > 1)
            {
                range.Merge = true;
            }

            double points = size / 10.0;
            ComplianceReportWriter.SetText(range, ReportText.Fit(text ?? string.Empty, (int)(Width(columns) / points)));
            range.Style.Font.Size = size;
            range.Style.Font.Bold = bold;
            range.Style.WrapText = false;
            range.Style.ShrinkToFit = false;
        }

        private static void Paint(ExcelRange range, Color color)
        {
            range.Style.Fill.PatternType = ExcelFillStyle.Solid;
            range.Style.Fill.BackgroundColor.SetColor(color);
        }

        private static XmlElement Serie(ExcelChart chart, int index)
        {
            var ns = new XmlNamespaceManager(chart.ChartXml.NameTable);
            ns.AddNamespace("c", ChartNs);
            return (XmlElement)chart.ChartXml.SelectNodes("//c:ser", ns)[index];
        }

        /// <summary>The series' shape properties (c:spPr), created after c:tx where the schema wants it.</summary>
        private static XmlElement ShapeProperties(ExcelChart chart, int index)
        {
            XmlElement ser = Serie(chart, index);
            XmlElement spPr = ser["spPr", ChartNs];
            if (spPr == null)
            {
                spPr = chart.ChartXml.CreateElement("c", "spPr", ChartNs);
                XmlNode after = ser["tx", ChartNs] ?? ser["order", ChartNs];
                ser.InsertAfter(spPr, after);
            }

            return spPr;
        }

        private static XmlElement Outline(ExcelChart chart, int index)
        {
            XmlElement spPr = ShapeProperties(chart, index);
            XmlElement ln = spPr["ln", DrawingNs];
            if (ln == null)
            {
                ln = chart.ChartXml.CreateElement("a", "ln", DrawingNs);
                spPr.AppendChild(ln);
            }

            return ln;
        }

        /// <summary>Visible grey gridlines on the value axis (0, 50, 100, 150, 200%): the 100% line is the one that matters.</summary>
        private static void Gridlines(ExcelChart chart)
        {
            var ns = new XmlNamespaceManager(chart.ChartXml.NameTable);
            ns.AddNamespace("c", ChartNs);
            foreach (XmlElement grid in chart.ChartXml.SelectNodes("//c:valAx/c:majorGridlines", ns))
            {
                grid.InnerXml = "<c:spPr xmlns:c=\"" + ChartNs + "\"><a:ln xmlns:a=\"" + DrawingNs + "\" w=\"9525\"><a:solidFill><a:srgbClr val=\"A6A6A6\"/></a:solidFill><a:prstDash val=\"dash\"/></a:ln></c:spPr>";
            }
        }

        private static void Dash(ExcelChart chart, int index)
        {
            XmlElement ln = Outline(chart, index);
            XmlElement dash = chart.ChartXml.CreateElement("a", "prstDash", DrawingNs);
            dash.SetAttribute("val", "dash");
            ln.AppendChild(dash);
        }

        private static void NoLine(ExcelChart chart, int index)
        {
            XmlElement ln = Outline(chart, index);
            ln.RemoveAll();
            ln.AppendChild(chart.ChartXml.CreateElement("a", "noFill", DrawingNs));
        }

        /// <summary>Fills the series' markers with a colour (c:marker/c:spPr).</summary>
        private static void Marker(ExcelChart chart, int index, Color color)
        {
            XmlElement marker = Serie(chart, index)["marker", ChartNs];
            if (marker == null)
            {
                return;
            }

            XmlElement spPr = chart.ChartXml.CreateElement("c", "spPr", ChartNs);
            string rgb = color.R.ToString("X2", CultureInfo.InvariantCulture) + color.G.ToString("X2", CultureInfo.InvariantCulture) + color.B.ToString("X2", CultureInfo.InvariantCulture);
            spPr.InnerXml = "<a:solidFill xmlns:a=\"" + DrawingNs + "\"><a:srgbClr val=\"" + rgb + "\"/></a:solidFill><a:ln xmlns:a=\"" + DrawingNs + "\"><a:solidFill><a:srgbClr val=\"" + rgb + "\"/></a:solidFill></a:ln>";
            marker.AppendChild(spPr);
        }

        private static string[] Names(string resource) => Text.Get(resource).Split('|');

        /// <summary>Where the charts' data goes: tables one under another, right of the printed page.</summary>
        private sealed class DataArea
        {
            private readonly ExcelWorksheet _ws;
            private int _next = 2;

            public DataArea(ExcelWorksheet ws)
            {
                _ws = ws;
                ExcelRange heading = ws.Cells[1, DataColumn];
                ComplianceReportWriter.SetText(heading, Text.Get(nameof(Strings.ReportChartData)));
                heading.Style.Font.Bold = true;
                heading.Style.Font.Color.SetColor(Muted);
                ws.Column(DataColumn).Width = 40;
                for (int c = DataColumn + 1; c <= DataColumn + 4; c++)
                {
                    ws.Column(c).Width = 14;
                }
            }

            /// <summary>Writes a table's title and header row; returns the header row.</summary>
            public int Table(string title, string[] headers)
            {
                _next++;
                ComplianceReportWriter.SetText(_ws.Cells[_next, DataColumn], title);
                _ws.Cells[_next, DataColumn].Style.Font.Italic = true;
                _next++;
                for (int c = 0; c < headers.Length; c++)
                {
                    ComplianceReportWriter.SetText(_ws.Cells[_next, DataColumn + c], headers[c]);
                }

                _ws.Cells[_next, DataColumn, _next, DataColumn + headers.Length - 1].Style.Font.Bold = true;
                return _next;
            }

            public int Row() => ++_next;
        }
    }
}
