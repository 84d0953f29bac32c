using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Core.Workspace;
using ComplianceTools.Engine.Reporting;
using ComplianceTools.Engine.Rules;
using OfficeOpenXml;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Engine.Workspace
{
    /// <summary>
    /// The portfolio workbook of a run (portfolio/portfolio-&lt;season&gt;.xlsx): a dashboard drawn like a client report's
    /// (the same tiles, area lights and urgency list, from <see cref="ReportDashboard"/> over every client's findings and
    /// items, plus a light per client), and one row per client: Red, Yellow and Skipped counts, the worst rules, the next
    /// statutory deadline and days to it, overdue items and their owners (masked), the key-monitoring rules and what
    /// changed since last year. Text never becomes a formula; personal data is masked.
    /// </summary>
    public static class PortfolioWriter
    {
        /// <summary>The file a run of a season writes (replaced by the next run of that season).</summary>
        public static string PathOf(ComplianceWorkspace workspace, int season) =>
            System.IO.Path.Combine(workspace.Path, ComplianceWorkspace.PortfolioFolder, "portfolio-" + season.ToString(CultureInfo.InvariantCulture) + ".xlsx");

        public static FileInfo Write(string path, ComplianceWorkspace workspace, RunSettings settings, IReadOnlyList<PortfolioEntry> entries, IReadOnlyList<ClientRunResult> results)
        {
            using (UiLanguage.Use(settings.ReportCulture))
            {
                // Every client's findings and items as one report's, each named by its client; the report masks the owners
                // (one mask per person, so two clients' 刘洋 and 刘伟 are not counted as one).
                var findings = new List<Finding>();
                var items = new List<PlanItem>();
                foreach (ClientRunResult r in results.Where(r => r?.Entry != null))
                {
                    foreach (Finding f in r.Findings)
                    {
                        Finding copy = f.Copy();
                        copy.Subject = r.Client.Name;
                        findings.Add(copy);
                    }

                    foreach (PlanItem i in r.Items)
                    {
                        PlanItem copy = i.Copy();
                        copy.Title = r.Client.Name + " · " + i.Title;
                        copy.OwnerName = !string.IsNullOrWhiteSpace(i.OwnerName) ? i.OwnerName : i.Owner;
                        items.Add(copy);
                    }
                }

                var options = new ReportOptions
                {
                    Culture = settings.ReportCulture,
                    AsOf = settings.AsOf,
                    RunTime = settings.RunTime,
                    Company = new CompanyProfile { CompanyName = workspace.Name },
                    Catalog = CatalogLoader.Default,
                    Phrases = ReportPhrases.Shipped,
                    AllowEmpty = true,
                };
                ReportContent content = ReportContent.Prepare(findings, items, options);
                var page = new PortfolioPage
                {
                    Workspace = workspace.Name,
                    Season = settings.Season,
                    SeasonReason = settings.SeasonGiven
                        ? Text.Format(nameof(Strings.RunSeasonGiven), settings.Season)
                        : Season.Default(settings.AsOf, settings.Schedules.First(s => s.Kind == "Inspection"), settings.Calendar).Reason,
                    Clients = entries.Select(e => new PortfolioPage.Client
                    {
                        Name = e.Client,
                        Ran = e.State == ClientRunState.Completed,
                        Worst = e.Worst,
                        Red = e.Red,
                        Yellow = e.Yellow,
                        Skipped = e.Skipped,
                    }).ToList(),
                };

                return OutputFile.Write(path, true, temp =>
                {
                    using (var package = new ExcelPackage())
                    {
                        string[] sheets = Text.Get(nameof(Strings.PortfolioSheetNames)).Split('|');
                        DashboardSheet.Write(package.Workbook.Worksheets.Add(sheets[0]), content.Dashboard, page);
                        Clients(package.Workbook.Worksheets.Add(sheets[1]), entries, workspace.Path);
                        package.Workbook.Properties.Title = Text.Get(nameof(Strings.PortfolioTitle)) + " · " + workspace.Name;
                        package.Workbook.Properties.Application = "ComplianceTools " + ModuleInfo.Version;
                        package.SaveAs(new FileInfo(temp));
                    }
                });
            }
        }

        /// <summary>One row per client, worst first.</summary>
        private static void Clients(ExcelWorksheet ws, IReadOnlyList<PortfolioEntry> entries, string root)
        {
            string[] headers = Text.Get(nameof(Strings.PortfolioClientHeaders)).Split('|');
            ComplianceReportWriter.Header(ws, headers);
            string notRun = Text.Get(nameof(Strings.PortfolioNotRun));
            string noResult = Text.Get(nameof(Strings.PortfolioNoLastYear));
            int r = 2;
            foreach (PortfolioEntry e in entries.OrderBy(e => e.State == ClientRunState.Completed ? Finding.Rank(e.Worst ?? FindingStatus.Green) : -1).ThenByDescending(e => e.Red).ThenByDescending(e => e.Yellow).ThenBy(e => e.Client, StringComparer.Ordinal))
            {
                bool ran = e.State == ClientRunState.Completed;
                ComplianceReportWriter.SetText(ws.Cells[r, 1], e.Client);
                ComplianceReportWriter.SetText(ws.Cells[r, 2], e.Province);
                ComplianceReportWriter.SetText(ws.Cells[r, 3], e.LicenceNumber);
                if (ran && e.Worst.HasValue)
                {
                    ComplianceReportWriter.Light(ws.Cells[r, 4], e.Worst.Value);
                    Count(ws.Cells[r, 5], e.Red, FindingStatus.Red);
                    Count(ws.Cells[r, 6], e.Yellow, FindingStatus.Yellow);
                    Count(ws.Cells[r, 7], e.Skipped, FindingStatus.Skipped);
                    ws.Cells[r, 8].Value = e.Green;
                    ws.Cells[r, 9].Value = e.Excepted;
                    ComplianceReportWriter.SetText(ws.Cells[r, 10], e.WorstRulesText);
                    ComplianceReportWriter.SetDate(ws.Cells[r, 11], e.NextDeadline);
                    ComplianceReportWriter.SetText(ws.Cells[r, 12], ReportText.Scrub(InReportLanguage(e.NextDeadlineTitle)));
                    if (e.DaysToDeadline.HasValue)
                    {
                        ws.Cells[r, 13].Value = e.DaysToDeadline.Value;
                    }

                    ws.Cells[r, 14].Value = e.Overdue;
                    if (e.Overdue > 0)
                    {
                        ComplianceReportWriter.Paint(ws.Cells[r, 14], ComplianceReportWriter.Red);
                    }

                    ComplianceReportWriter.SetText(ws.Cells[r, 15], e.OverdueOwnersText);
                    ComplianceReportWriter.SetText(ws.Cells[r, 16], e.KeyMonitoringText);
                    ComplianceReportWriter.SetText(ws.Cells[r, 17], e.SinceLastYear == null ? noResult : ChangeText(e.SinceLastYear));
                    if (e.SinceLastYear?.Regressed > 0)
                    {
                        ComplianceReportWriter.Paint(ws.Cells[r, 17], ComplianceReportWriter.Yellow);
                    }

                    ComplianceReportWriter.SetText(ws.Cells[r, 18], ReportText.Scrub(e.Published));
                    ComplianceReportWriter.SetText(ws.Cells[r, 19], e.Report == null ? string.Empty : ReportText.Scrub(Within(root, e.Report)));
                }
                else
                {
                    ComplianceReportWriter.SetText(ws.Cells[r, 4], notRun);
                    ComplianceReportWriter.Paint(ws.Cells[r, 4], ComplianceReportWriter.Grey);
                }

                ComplianceReportWriter.SetText(ws.Cells[r, 20], ReportText.Scrub(e.Error));
                r++;
            }

            // Narrow columns, long texts wrapped: the sheet prints landscape, one page wide, still readable.
            ComplianceReportWriter.Finish(ws, headers.Length, r - 1, "Clients", freezeColumns: 1, maxWidth: 24);
        }

        /// <summary>A title the module wrote in the other language (a schedule phase's), in the report's.</summary>
        private static string InReportLanguage(string title)
        {
            LocalizedText known = string.IsNullOrEmpty(title) ? null : ReportPhrases.Shipped.FirstOrDefault(p => p.Zh == title || p.En == title);
            return known?.Current ?? title;
        }

        /// <summary>A path inside the workspace as the workspace writes it (clients/甲/reports/…); others as they are.</summary>
        private static string Within(string root, string path)
        {
            string full = System.IO.Path.GetFullPath(path);
            string prefix = System.IO.Path.GetFullPath(root).TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
            return full.StartsWith(prefix, StringComparison.Ordinal) ? full.Substring(prefix.Length).Replace('\\', '/') : full;
        }

        /// <summary>"Regressed 1 · New 2 · Fixed 3 · Improved 0" in the UI culture.</summary>
        public static string ChangeText(ChangeSummary c)
        {
            string[] names = Text.Get(nameof(Strings.ReportChangeNames)).Split('|');
            return string.Join(" · ", new[]
            {
                names[(int)ChangeKind.Regressed] + " " + c.Regressed.ToString(CultureInfo.InvariantCulture),
                names[(int)ChangeKind.New] + " " + c.New.ToString(CultureInfo.InvariantCulture),
                names[(int)ChangeKind.Improved] + " " + c.Improved.ToString(CultureInfo.InvariantCulture),
                names[(int)ChangeKind.Fixed] + " " + c.Fixed.ToString(CultureInfo.InvariantCulture),
            });
        }

        /// <summary>A count painted in its status's colour when it is above 0.</summary>
        private static void Count(ExcelRange cell, int count, FindingStatus status)
        {
            cell.Value = count;
            if (count > 0 && ComplianceReportWriter.Fill(status) is System.Drawing.Color fill)
            {
                ComplianceReportWriter.Paint(cell, fill);
                cell.Style.Font.Bold = true;
            }
        }
    }
}
