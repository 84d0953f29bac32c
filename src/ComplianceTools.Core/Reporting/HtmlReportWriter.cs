using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Resources;

namespace ComplianceTools.Core.Reporting
{
    /// <summary>
    /// The report as one self-contained HTML file for intranets and e-mail: the dashboard (inline SVG charts), the
    /// findings (filter by status and area, search), masked evidence, the plan and a Gantt of every item. No external
    /// resource; one inline style block and one inline script, both allowed by hash in a strict Content-Security-Policy
    /// (no style attributes, no event-handler attributes). Every value from the input goes through <see cref="Html.Encode"/>,
    /// and personal data is masked as in the workbook (<see cref="ReportText.Scrub"/>).
    /// </summary>
    public static class HtmlReportWriter
    {
        /// <summary>Width of the Gantt bars in pixels (fixed, so month labels are not stretched).</summary>
        internal const int GanttWidth = 480;

        /// <summary>Area lights on the dashboard: two rows of 13.</summary>
        internal const int MaxLights = 26;

        internal const string Style = @":root{--red:#E04B4B;--yellow:#FFD966;--green:#63BE7B;--grey:#BFBFBF;--ink:#262626;--muted:#6B6B6B;--line:#E3E3E3;--pale:#F4F5F7;--blue:#4472C4;--orange:#ED7D31;--amber:#F4B13C}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font:13px/1.45 system-ui,-apple-system,""Segoe UI"",""Microsoft YaHei"",""PingFang SC"",""Noto Sans CJK SC"",""Noto Sans SC"",sans-serif;color:var(--ink);background:#fff}
nav.toc{position:sticky;top:0;z-index:3;background:#1F2937;padding:6px 16px;display:flex;flex-wrap:wrap;gap:18px}
nav.toc a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:1280px;margin:0 auto;padding:12px 16px 32px}
section{margin:0 0 28px}
h1{font-size:21px;margin:0}
h2{font-size:17px;margin:20px 0 8px;border-bottom:2px solid var(--ink);padding-bottom:2px}
h3{font-size:13px;margin:10px 0 5px}
.head{display:flex;justify-content:space-between;align-items:baseline;gap:12px;border-bottom:1px solid var(--muted);padding-bottom:4px}
.facts{display:flex;flex-wrap:wrap;gap:2px 20px;margin:4px 0 0;font-size:12px}
.facts div{display:flex;gap:6px}
.facts dt{color:var(--muted)}
.facts dd{margin:0;font-weight:600}
.tiles{display:grid;grid-template-columns:repeat(4,1fr) 10px repeat(2,1fr);gap:8px;margin:10px 0 4px}
.tile{display:block;border-radius:6px;padding:4px 8px 5px;text-align:center;text-decoration:none;color:var(--ink);background:var(--pale)}
.tile b{display:block;font-size:28px;line-height:1.15}
.tile span{font-size:12px}
.s-Red{background:var(--red);color:#fff}
.s-Yellow{background:var(--yellow)}
.s-Green{background:var(--green)}
.s-Skipped{background:var(--grey)}
.s-NotApplicable{background:var(--pale)}
.tile.k-over{background:var(--red);color:#fff}
.tile.k-soon{background:var(--amber)}
ul.areas{display:grid;grid-template-columns:repeat(13,minmax(0,1fr));gap:4px;list-style:none;margin:0;padding:0}
ul.areas a{display:block;border-radius:4px;padding:3px 2px;text-align:center;text-decoration:none;color:inherit;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
ul.areas a.s-Red{color:#fff}
ul.areas b{display:block;font-size:12px;overflow:hidden;text-overflow:ellipsis}
ul.areas span{font-size:11px}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:8px 14px;margin:10px 0 4px}
figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:3px 8px 2px}
figcaption{font-weight:600;font-size:12px}
figure svg{display:block;width:100%;height:auto}
svg text{font-size:10px;fill:var(--ink)}
svg text.tick{fill:var(--muted)}
svg text.legend{font-size:10px}
svg text.over{fill:var(--red);font-weight:700}
svg text.note{fill:var(--red)}
svg text.none{fill:var(--muted);font-style:italic;font-size:13px}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}
th{background:var(--pale);font-size:12px;position:sticky;top:32px;z-index:1;white-space:nowrap}
table.urgent{table-layout:fixed}
table.urgent th{position:static}
table.urgent td,table.urgent th{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;padding:2px 6px}
col.c-rule{width:12%}
col.c-what{width:52%}
col.c-owner{width:16%}
col.c-due{width:10%}
col.c-days{width:10%}
td.late{color:var(--red);font-weight:700}
td.soon{color:#B06A00;font-weight:600}
.st{display:inline-block;min-width:4em;padding:0 6px;border-radius:3px;text-align:center;font-weight:600;white-space:nowrap}
.num{text-align:right;white-space:nowrap}
td.origin{min-width:8em}
.txt{white-space:pre-line}
.nowrap{white-space:nowrap}
.controls{display:flex;flex-wrap:wrap;gap:14px;align-items:center;margin:0 0 8px}
.controls[hidden]{display:none}
.controls input{min-width:16em}
.data td{font-size:12px}
.data ol{margin:0;padding-left:18px}
td.missing{background:var(--yellow)}
small.km{color:var(--red);font-weight:700}
small.ex{color:var(--muted)}
.c-Regressed{background:var(--red);color:#fff}
.c-Fixed{background:var(--green)}
.c-Improved{background:#C6EFCE}
.c-New{background:var(--amber)}
.c-Removed{background:var(--grey)}
td.late-cell{color:var(--red);font-weight:700}
small{color:var(--muted)}
.gantt td.bar,.gantt th.bar{width:488px;padding:2px 4px}
.gantt svg{display:block}
.noscript{color:var(--muted)}
footer{color:var(--muted);font-size:11px;margin:24px 0 0}
@page{size:A4 landscape;margin:9mm}
@media print{
body{font-size:8.5pt}
nav.toc,.controls,.noscript{display:none!important}
main{max-width:none;padding:0}
section{break-before:page;margin:0}
section#dashboard{break-before:auto;height:190mm;overflow:hidden}
h1{font-size:15pt}
h2{break-after:avoid;margin-top:0}
h3{font-size:9pt;margin:5px 0 3px}
.facts{font-size:8pt}
th{position:static;font-size:8pt}
thead{display:table-header-group}
tr{break-inside:avoid}
.tiles{margin:6px 0 3px;gap:6px}
.tile{padding:2px 6px 3px}
.tile b{font-size:18pt;line-height:1.1}
.tile span{font-size:7.5pt}
ul.areas b{font-size:8pt}
ul.areas span{font-size:7.5pt}
.charts{gap:4px 10px;margin:5px 0 2px}
figure{break-inside:avoid;padding:2px 6px 1px}
figcaption{font-size:8pt}
figure svg{height:38mm}
table.urgent td,table.urgent th{padding:0 6px;font-size:8pt;line-height:1.3}
.data td{font-size:8pt}
}
";

        internal const string Script = @"(function () {
  'use strict';
  var table = document.getElementById('findings-table');
  var controls = document.getElementById('f-controls');
  if (!table || !controls) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  var status = document.getElementById('f-status');
  var area = document.getElementById('f-area');
  var search = document.getElementById('f-search');
  var count = document.getElementById('f-count');
  function apply() {
    var s = status.value, a = area.value, q = search.value.trim().toLowerCase(), shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var ok = (!s || rows[i].getAttribute('data-status') === s) && (!a || rows[i].getAttribute('data-area') === a) && (!q || texts[i].indexOf(q) !== -1);
      rows[i].hidden = !ok;
      if (ok) { shown++; }
    }
    count.textContent = count.getAttribute('data-template').split('{0}').join(String(shown)).split('{1}').join(String(rows.length));
  }
  status.addEventListener('change', apply);
  area.addEventListener('change', apply);
  search.addEventListener('input', apply);
  Array.prototype.forEach.call(document.querySelectorAll('a[data-filter-status], a[data-filter-area]'), function (link) {
    link.addEventListener('click', function () {
      status.value = link.getAttribute('data-filter-status') || '';
      area.value = link.getAttribute('data-filter-area') || '';
      search.value = '';
      apply();
    });
  });
  controls.hidden = false;
  apply();
})();
";

        /// <summary>The Content-Security-Policy of the report: nothing but its own inline style and script (by hash).</summary>
        public static string ContentSecurityPolicy =>
            "default-src 'none'; style-src " + Html.Sha256Source(Normalized(Style)) + "; script-src " + Html.Sha256Source(Normalized(Script))
            + "; img-src data:; base-uri 'none'; form-action 'none'";

        /// <summary>
        /// Writes the HTML report to <paramref name="path"/> (temporary file, then moved into place) in
        /// <see cref="ReportOptions.Culture"/>; the thread's UI culture is restored afterwards. An empty report is
        /// refused unless <see cref="ReportOptions.AllowEmpty"/>.
        /// </summary>
        public static FileInfo Write(string path, IReadOnlyList<Finding> findings, IReadOnlyList<PlanItem> items, ReportOptions options, bool force)
        {
            options = options ?? new ReportOptions();
            ReportContent.CheckNotEmpty(path, findings, items, options);
            using (UiLanguage.Use(options.Culture))
            {
                ReportContent content = ReportContent.Prepare(findings, items, options);
                string html = Render(content);
                return OutputFile.Write(path, force, temp => File.WriteAllText(temp, html, new UTF8Encoding(false)));
            }
        }

        /// <summary>The whole document as text (the report's culture must be the UI culture).</summary>
        internal static string Render(ReportContent content)
        {
            ReportDashboard d = content.Dashboard;
            string[] sections = Names(nameof(Strings.ReportSheetNames));
            string title = Text.Get(nameof(Strings.ReportTitle)) + (string.IsNullOrEmpty(d.Company) ? string.Empty : " · " + d.Company);
            var sb = new StringBuilder(64 * 1024 + (content.Findings.Count * 900) + (content.Items.Count * 700));
            sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(Html.Encode(content.Culture.Name)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
              .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Html.Encode(ContentSecurityPolicy)).Append("\">\n")
              .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
              .Append("<meta name=\"generator\" content=\"ComplianceTools ").Append(Html.Encode(d.ModuleVersion)).Append("\">\n")
              .Append("<title>").Append(Html.Encode(title)).Append("</title>\n")
              .Append("<style>").Append(Normalized(Style)).Append("</style>\n</head>\n<body>\n<nav class=\"toc\">");
            string[] ids = { "dashboard", "findings", "evidence", "plan", "schedule" };
            for (int i = 0; i < ids.Length; i++)
            {
                sb.Append("<a href=\"#").Append(ids[i]).Append("\">").Append(Html.Encode(sections[i])).Append("</a>");
            }

            // The parts a report has only sometimes: accepted deviations, and what changed since the client's last run.
            string[] extra = Names(nameof(Strings.ReportExtraSheetNames));
            var excepted = content.Excepted;
            if (excepted.Count > 0)
            {
                sb.Append("<a href=\"#exceptions\">").Append(Html.Encode(extra[0])).Append("</a>");
            }

            if (content.Changes != null)
            {
                sb.Append("<a href=\"#changes\">").Append(Html.Encode(extra[1])).Append("</a>");
            }

            sb.Append("</nav>\n<main>\n");
            Dashboard(sb, d, title);
            FindingsSection(sb, content, sections[1]);
            EvidenceSection(sb, content, sections[2]);
            PlanSection(sb, content, sections[3]);
            ScheduleSection(sb, content, sections[4]);
            if (excepted.Count > 0)
            {
                ExceptionsSection(sb, excepted, extra[0]);
            }

            if (content.Changes != null)
            {
                ChangesSection(sb, content, extra[1]);
            }
            sb.Append("<footer>").Append(Html.Encode(Text.Format(nameof(Strings.ReportFooter), d.ModuleVersion))).Append("</footer>\n</main>\n")
              .Append("<script>").Append(Normalized(Script)).Append("</script>\n</body>\n</html>\n");
            return sb.ToString();
        }

        private static void Dashboard(StringBuilder sb, ReportDashboard d, string title)
        {
            string[] labels = Names(nameof(Strings.ReportHeaderLabels));
            string none = Text.Get(nameof(Strings.ReportNoLicence));
            sb.Append("<section id=\"dashboard\">\n<div class=\"head\"><h1>").Append(Html.Encode(ReportText.Fit(title, 90))).Append("</h1></div>\n<dl class=\"facts\">");
            Fact(sb, labels[0], d.LicenceNumber ?? none, "licence");
            Fact(sb, labels[1], d.ReportYear ?? none, "year");
            Fact(sb, labels[2], Text.Format(nameof(Strings.ReportChinaTime), d.RunTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), "run");
            Fact(sb, labels[3], d.Baselines.Count == 0 ? Text.Get(nameof(Strings.ReportNoBaseline)) : string.Join(", ", d.Baselines), "baselines");
            Fact(sb, labels[4], d.ModuleVersion, "version");
            sb.Append("</dl>\n<div class=\"tiles\">");

            string[] tiles = Names(nameof(Strings.ReportTileLabels));
            string[] units = Names(nameof(Strings.ReportTileUnits));
            StatusTile(sb, "Red", d.Red, tiles[0] + " · " + units[0]);
            StatusTile(sb, "Yellow", d.Yellow, tiles[1] + " · " + units[0]);
            StatusTile(sb, "Green", d.Green, tiles[2] + " · " + units[0]);
            StatusTile(sb, "Skipped", d.Skipped, tiles[3] + " · " + (d.NotApplicable > 0 ? Text.Format(nameof(Strings.ReportNotApplicableCount), d.NotApplicable) : units[0]));
            sb.Append("<i></i>");
            sb.Append("<div class=\"tile").Append(d.Overdue > 0 ? " k-over" : string.Empty).Append("\" data-tile=\"Overdue\"><b>").Append(d.Overdue).Append("</b><span>").Append(Html.Encode(tiles[4] + " · " + units[1])).Append("</span></div>");
            sb.Append("<div class=\"tile").Append(d.DueSoon > 0 ? " k-soon" : string.Empty).Append("\" data-tile=\"DueSoon\"><b>").Append(d.DueSoon).Append("</b><span>").Append(Html.Encode(tiles[5] + " · " + units[1])).Append("</span></div>");
            sb.Append("</div>\n<h3>").Append(Html.Encode(Text.Get(nameof(Strings.ReportAreasTitle)))).Append("</h3>\n<ul class=\"areas\">");

            string[] statusNames = Names(nameof(Strings.ReportSeverityNames));
            foreach (AreaLight a in d.LightsUpTo(MaxLights))
            {
                string worst = a.Worst.HasValue ? a.Worst.Value.ToString() : "NotApplicable";
                string counts = string.Join(" · ", new[]
                {
                    statusNames[2] + " " + a.Red, statusNames[1] + " " + a.Yellow, statusNames[0] + " " + a.Green, statusNames[3] + " " + a.Skipped, statusNames[4] + " " + a.NotApplicable,
                });
                sb.Append("<li><a class=\"s-").Append(worst).Append("\" href=\"#findings\"");
                if (!string.IsNullOrEmpty(a.Area))
                {
                    sb.Append(" data-filter-area=\"").Append(Html.Encode(a.Area)).Append('"');
                }

                sb.Append(" data-area=\"").Append(Html.Encode(a.Area)).Append("\" data-worst=\"").Append(worst).Append("\" title=\"").Append(Html.Encode(a.Name + ": " + counts)).Append("\"><b>")
                  .Append(Html.Encode(ReportText.Fit(a.Name, 14))).Append("</b><span>").Append(Html.Encode(ReportContent.StatusName(a.Worst ?? FindingStatus.NotApplicable))).Append("</span></a></li>");
            }

            if (d.Areas.Count == 0)
            {
                sb.Append("<li class=\"noscript\">").Append(Html.Encode(Text.Get(nameof(Strings.ReportNoData)))).Append("</li>");
            }

            sb.Append("</ul>\n<div class=\"charts\">\n");
            string[] chartTitles = Names(nameof(Strings.ReportChartTitles));
            string loads = chartTitles[1] + (d.LoadCount > d.Loads.Count ? " · " + Text.Format(nameof(Strings.ReportTopOf), d.Loads.Count, d.LoadCount) : string.Empty);
            string owners = chartTitles[2] + (d.OwnerCount > d.Owners.Count ? " · " + Text.Format(nameof(Strings.ReportTopOf), d.Owners.Count, d.OwnerCount) : string.Empty);
            Figure(sb, "trend", chartTitles[0], HtmlCharts.Trend(d, chartTitles[0]));
            Figure(sb, "loads", loads, HtmlCharts.Loads(d, loads));
            Figure(sb, "owners", owners, HtmlCharts.Owners(d, owners));
            Figure(sb, "upcoming", chartTitles[3], HtmlCharts.Weeks(d, chartTitles[3]));
            sb.Append("</div>\n<h3>").Append(Html.Encode(Text.Get(nameof(Strings.ReportUrgentTitle)))).Append("</h3>\n");
            UrgentTable(sb, d);
            sb.Append("</section>\n");
        }

        private static void Fact(StringBuilder sb, string label, string value, string key)
        {
            sb.Append("<div data-fact=\"").Append(key).Append("\"><dt>").Append(Html.Encode(label)).Append("</dt><dd>").Append(Html.Encode(ReportText.Fit(value, 60))).Append("</dd></div>");
        }

        private static void StatusTile(StringBuilder sb, string status, int count, string label)
        {
            sb.Append("<a class=\"tile s-").Append(status).Append("\" href=\"#findings\" data-filter-status=\"").Append(status).Append("\" data-tile=\"").Append(status).Append("\"><b>")
              .Append(count.ToString(CultureInfo.InvariantCulture)).Append("</b><span>").Append(Html.Encode(label)).Append("</span></a>");
        }

        private static void Figure(StringBuilder sb, string key, string caption, string svg)
        {
            sb.Append("<figure data-chart=\"").Append(key).Append("\"><figcaption>").Append(Html.Encode(caption)).Append("</figcaption>").Append(svg).Append("</figure>\n");
        }

        private static void UrgentTable(StringBuilder sb, ReportDashboard d)
        {
            string[] headers = Names(nameof(Strings.ReportUrgentHeaders));
            sb.Append("<table class=\"urgent\"><colgroup><col class=\"c-rule\"><col class=\"c-what\"><col class=\"c-owner\"><col class=\"c-due\"><col class=\"c-days\"></colgroup><thead><tr>");
            foreach (string h in headers)
            {
                sb.Append("<th>").Append(Html.Encode(h)).Append("</th>");
            }

            sb.Append("</tr></thead><tbody>");
            if (d.Urgent.Count == 0)
            {
                sb.Append("<tr><td colspan=\"5\">").Append(Html.Encode(Text.Get(nameof(Strings.ReportNoUrgent)))).Append("</td></tr>");
            }

            string nobody = Text.Get(nameof(Strings.ReportNoOwner));
            foreach (UrgentAction a in d.Urgent)
            {
                string days = a.State == ItemState.Overdue ? " class=\"late\"" : (a.State == ItemState.DueSoon ? " class=\"soon\"" : string.Empty);
                sb.Append("<tr data-state=\"").Append(a.State).Append("\"><td>").Append(Html.Encode(ReportText.Fit(a.Rule, 16))).Append("</td><td title=\"").Append(Html.Encode(a.Title)).Append("\">")
                  .Append(Html.Encode(ReportText.Fit(a.Title, 120))).Append("</td><td").Append(a.Owner == null ? " class=\"missing\"" : string.Empty).Append('>')
                  .Append(Html.Encode(ReportText.Fit(a.Owner ?? nobody, 40))).Append("</td><td>").Append(Date(a.DueDate)).Append("</td><td").Append(days).Append('>')
                  .Append(Html.Encode(ReportDashboard.DaysLeftText(a.DaysLeft))).Append("</td></tr>");
            }

            sb.Append("</tbody></table>\n");
        }

        private static void FindingsSection(StringBuilder sb, ReportContent content, string heading)
        {
            string[] headers = Names(nameof(Strings.ReportFindingHeaders));
            string[] filters = Names(nameof(Strings.ReportHtmlFilters));
            sb.Append("<section id=\"findings\">\n<h2>").Append(Html.Encode(heading)).Append("</h2>\n");
            sb.Append("<div class=\"controls\" id=\"f-controls\" hidden><label>").Append(Html.Encode(filters[0])).Append(" <select id=\"f-status\"><option value=\"\">").Append(Html.Encode(filters[3])).Append("</option>");
            foreach (var g in content.Findings.GroupBy(f => f.Status).OrderBy(g => Finding.Rank(g.Key)))
            {
                sb.Append("<option value=\"").Append(g.Key).Append("\">").Append(Html.Encode(ReportContent.StatusName(g.Key) + " (" + g.Count().ToString(CultureInfo.InvariantCulture) + ")")).Append("</option>");
            }

            sb.Append("</select></label><label>").Append(Html.Encode(filters[1])).Append(" <select id=\"f-area\"><option value=\"\">").Append(Html.Encode(filters[3])).Append("</option>");
            foreach (AreaLight a in content.Dashboard.Areas)
            {
                sb.Append("<option value=\"").Append(Html.Encode(a.Area)).Append("\">").Append(Html.Encode(ReportText.Fit(a.Name, 40))).Append("</option>");
            }

            sb.Append("</select></label><label>").Append(Html.Encode(filters[2])).Append(" <input type=\"search\" id=\"f-search\"></label><output id=\"f-count\" data-template=\"")
              .Append(Html.Encode(filters[4])).Append("\"></output></div>\n<noscript><p class=\"noscript\">").Append(Html.Encode(Text.Get(nameof(Strings.ReportHtmlNoScript)))).Append("</p></noscript>\n");

            int[] columns = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11 };
            sb.Append("<table class=\"data\" id=\"findings-table\"><thead><tr>");
            foreach (int c in columns)
            {
                sb.Append("<th>").Append(Html.Encode(headers[c])).Append("</th>");
            }

            sb.Append("</tr></thead>\n<tbody>\n");
            foreach (Finding f in content.Findings)
            {
                sb.Append("<tr data-status=\"").Append(f.Status).Append("\" data-area=\"").Append(Html.Encode(f.Area)).Append("\" data-rule=\"").Append(Html.Encode(f.RuleId)).Append("\">")
                  .Append("<td class=\"nowrap\">").Append(Html.Encode(f.RuleId)).Append("</td>")
                  .Append("<td>").Append(Html.Encode(f.Title)).Append(f.KeyMonitoring ? "<br><small class=\"km\">" + Html.Encode(Text.Get(nameof(Strings.ReportKeyMonitoringBadge))) + "</small>" : string.Empty)
                  .Append(f.Exception != null ? "<br><small class=\"ex\">" + Html.Encode(ReportContent.ExceptionText(f)) + "</small>" : string.Empty).Append("</td>")
                  .Append("<td>").Append(Badge(f.Status)).Append("</td>")
                  .Append("<td class=\"nowrap\">").Append(Html.Encode(ReportDashboard.AreaName(f.Area))).Append("</td>")
                  .Append("<td>").Append(Html.Encode(ReportText.Scrub(f.Subject))).Append("</td>")
                  .Append("<td class=\"nowrap\">").Append(Html.Encode(f.Period)).Append("</td>")
                  .Append("<td class=\"num\">").Append(Html.Encode(f.ValueText)).Append("</td>")
                  .Append("<td class=\"num\">").Append(Html.Encode(f.ThresholdText)).Append("</td>")
                  .Append("<td class=\"origin\" data-origin=\"").Append(f.ThresholdOrigin?.ToString() ?? string.Empty).Append("\">").Append(Html.Encode(ReportContent.OriginText(f))).Append("</td>")
                  .Append("<td class=\"txt\">").Append(Html.Encode(ReportText.Scrub(f.Reason))).Append("</td>")
                  .Append("<td class=\"txt\">").Append(Html.Encode(f.Recommendation)).Append("</td></tr>\n");
            }

            sb.Append("</tbody></table>\n</section>\n");
        }

        /// <summary>The findings an accepted deviation covers, apart from the rest: why, who approved it, until when.</summary>
        private static void ExceptionsSection(StringBuilder sb, IReadOnlyList<Finding> findings, string heading)
        {
            string[] headers = Names(nameof(Strings.ReportExceptionHeaders));
            sb.Append("<section id=\"exceptions\">\n<h2>").Append(Html.Encode(heading)).Append("</h2>\n<p>").Append(Html.Encode(Text.Get(nameof(Strings.ReportExceptionIntro)))).Append("</p>\n<table class=\"data\" id=\"exceptions-table\"><thead><tr>");
            foreach (int c in new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
            {
                sb.Append("<th>").Append(Html.Encode(headers[c])).Append("</th>");
            }

            sb.Append("</tr></thead>\n<tbody>\n");
            foreach (Finding f in findings)
            {
                string where = f.Exception.Line.HasValue ? f.Exception.Source + ":" + f.Exception.Line.Value.ToString(CultureInfo.InvariantCulture) : f.Exception.Source;
                sb.Append("<tr data-rule=\"").Append(Html.Encode(f.RuleId)).Append("\"><td class=\"nowrap\">").Append(Html.Encode(f.RuleId)).Append("</td><td>").Append(Html.Encode(f.Title)).Append("</td><td>").Append(Badge(f.Status))
                  .Append("</td><td>").Append(Html.Encode(ReportText.Scrub(f.Subject))).Append("</td><td class=\"nowrap\">").Append(Html.Encode(f.Period)).Append("</td><td class=\"num\">").Append(Html.Encode(f.ValueText))
                  .Append("</td><td class=\"num\">").Append(Html.Encode(f.ThresholdText)).Append("</td><td class=\"txt\">").Append(Html.Encode(ReportText.Scrub(f.Exception.Reason))).Append("</td><td>")
                  .Append(Html.Encode(ReportText.Scrub(f.Exception.ApprovedBy))).Append("</td><td class=\"nowrap\">").Append(Html.Encode(f.Exception.ExpiresText)).Append("</td><td>").Append(Html.Encode(where)).Append("</td></tr>\n");
            }

            sb.Append("</tbody></table>\n</section>\n");
        }

        /// <summary>What changed since the client's previous run, worst change first, with both sides.</summary>
        private static void ChangesSection(StringBuilder sb, ReportContent content, string heading)
        {
            string[] headers = Names(nameof(Strings.ReportChangeHeaders));
            string since = content.ChangesSince.HasValue ? content.ChangesSince.Value.ToOffset(ReportOptions.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "?";
            string yes = Text.Get(nameof(Strings.ReportYes));
            sb.Append("<section id=\"changes\">\n<h2>").Append(Html.Encode(heading)).Append("</h2>\n<p>").Append(Html.Encode(Text.Format(nameof(Strings.ReportChangesIntro), since, content.ChangeCounts)))
              .Append("</p>\n<table class=\"data\" id=\"changes-table\"><thead><tr>");
            foreach (int c in new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 })
            {
                sb.Append("<th>").Append(Html.Encode(headers[c])).Append("</th>");
            }

            sb.Append("</tr></thead>\n<tbody>\n");
            foreach (Workspace.FindingChange c in content.Changes)
            {
                sb.Append("<tr data-change=\"").Append(c.Change).Append("\"><td><span class=\"st c-").Append(c.Change).Append("\">").Append(Html.Encode(ReportContent.ChangeName(c.Change))).Append("</span></td><td class=\"nowrap\">")
                  .Append(Html.Encode(c.RuleId)).Append("</td><td>").Append(Html.Encode(c.Title)).Append("</td><td>").Append(Html.Encode(ReportText.Scrub(c.Subject))).Append("</td><td class=\"nowrap\">").Append(Html.Encode(c.Period))
                  .Append("</td><td>").Append(c.ReferenceStatus.HasValue ? Badge(c.ReferenceStatus.Value) : string.Empty).Append("</td><td>").Append(c.DifferenceStatus.HasValue ? Badge(c.DifferenceStatus.Value) : string.Empty)
                  .Append("</td><td class=\"num\">").Append(Html.Encode(c.ReferenceValueText)).Append("</td><td class=\"num\">").Append(Html.Encode(c.DifferenceValueText))
                  .Append("</td><td class=\"num\">").Append(Html.Encode(c.ReferenceLine)).Append("</td><td class=\"num\">").Append(Html.Encode(c.DifferenceLine)).Append("</td><td>").Append(c.KeyMonitoring ? Html.Encode(yes) : string.Empty).Append("</td></tr>\n");
            }

            sb.Append("</tbody></table>\n</section>\n");
        }

        private static void EvidenceSection(StringBuilder sb, ReportContent content, string heading)
        {
            string[] headers = Names(nameof(Strings.ReportEvidenceHeaders));
            sb.Append("<section id=\"evidence\">\n<h2>").Append(Html.Encode(heading)).Append("</h2>\n<table class=\"data\" id=\"evidence-table\"><thead><tr>");
            for (int c = 0; c < 6; c++)
            {
                sb.Append("<th>").Append(Html.Encode(headers[c])).Append("</th>");
            }

            sb.Append("</tr></thead>\n<tbody>\n");
            foreach (Finding f in content.Findings)
            {
                string subject = Html.Encode(ReportText.Scrub(f.Subject));
                foreach (EvidenceItem e in f.Evidence)
                {
                    if (e == null)
                    {
                        continue;
                    }

                    sb.Append("<tr><td class=\"nowrap\">").Append(Html.Encode(f.RuleId)).Append("</td><td>").Append(subject).Append("</td><td>").Append(Html.Encode(ReportText.Scrub(e.Subject)))
                      .Append("</td><td class=\"txt\">").Append(Html.Encode(ReportText.Scrub(e.Detail))).Append("</td><td class=\"num\">")
                      .Append(e.Value.HasValue ? e.Value.Value.ToString("#,0.####", CultureInfo.InvariantCulture) : string.Empty)
                      .Append("</td><td>").Append(Html.Encode(ReportText.Scrub(e.Location))).Append("</td></tr>\n");
                }
            }

            sb.Append("</tbody></table>\n</section>\n");
        }

        private static void PlanSection(StringBuilder sb, ReportContent content, string heading)
        {
            string[] headers = Names(nameof(Strings.ReportPlanHeaders));
            string yes = Text.Get(nameof(Strings.ReportYes));
            string nobody = Text.Get(nameof(Strings.ReportNoOwner));
            int[] columns = { 0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 13 };
            sb.Append("<section id=\"plan\">\n<h2>").Append(Html.Encode(heading)).Append("</h2>\n<table class=\"data\" id=\"plan-table\"><thead><tr>");
            foreach (int c in columns)
            {
                sb.Append("<th>").Append(Html.Encode(headers[c])).Append("</th>");
            }

            sb.Append("</tr></thead>\n<tbody>\n");
            DateTime asOf = content.Dashboard.AsOf;
            foreach (PlanItem i in content.Items.Where(i => i.Kind == PlanItemKind.Rectification))
            {
                bool late = ReportDashboard.StateOf(i, asOf) == ItemState.Overdue;
                sb.Append("<tr data-key=\"").Append(Html.Encode(ReportText.Scrub(i.Key))).Append("\" data-state=\"").Append(ReportDashboard.StateOf(i, asOf)).Append("\"><td>").Append(Html.Encode(ReportText.Scrub(i.Title))).Append("</td><td class=\"nowrap\">")
                  .Append(Html.Encode(ReportDashboard.AreaName(i.Area))).Append("</td>");
                if (i.OwnerMissing || string.IsNullOrWhiteSpace(i.Owner))
                {
                    sb.Append("<td class=\"missing\">").Append(Html.Encode(nobody)).Append("</td>");
                }
                else
                {
                    sb.Append("<td>").Append(Html.Encode(string.IsNullOrWhiteSpace(i.OwnerName) ? i.Owner : i.OwnerName));
                    if (!string.IsNullOrWhiteSpace(i.OwnerName) && !string.Equals(i.OwnerName, i.Owner, StringComparison.Ordinal))
                    {
                        sb.Append("<br><small>").Append(Html.Encode(i.Owner)).Append("</small>");
                    }

                    sb.Append("</td>");
                }

                sb.Append("<td class=\"nowrap\">").Append(Html.Encode(Names(nameof(Strings.ReportPriorityNames))[(int)i.Priority])).Append("</td><td>").Append(i.FindingStatus.HasValue ? Badge(i.FindingStatus.Value) : string.Empty).Append("</td><td class=\"nowrap\">")
                  .Append(Date(i.StartDate)).Append("</td><td class=\"nowrap").Append(late ? " late-cell" : string.Empty).Append("\">").Append(Date(i.DueDate)).Append("</td><td class=\"num\">")
                  .Append(i.WorkingDays.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"nowrap\">").Append(Html.Encode(PlanStatusName(i.Status))).Append("</td><td")
                  .Append(late ? " class=\"late-cell\"" : string.Empty).Append('>').Append(late ? Html.Encode(yes) : string.Empty).Append("</td><td>");
                if (i.Steps.Count > 0)
                {
                    sb.Append("<ol>");
                    foreach (string step in i.Steps)
                    {
                        sb.Append("<li>").Append(Html.Encode(ReportText.Scrub(step))).Append("</li>");
                    }

                    sb.Append("</ol>");
                }

                sb.Append("</td></tr>\n");
            }

            sb.Append("</tbody></table>\n</section>\n");
        }

        /// <summary>Every plan and schedule item as a bar over the weeks it runs: blue schedule, orange rectification, red overdue, green done.</summary>
        private static void ScheduleSection(StringBuilder sb, ReportContent content, string heading)
        {
            string[] headers = Names(nameof(Strings.ReportScheduleHeaders));
            string[] kinds = Names(nameof(Strings.ReportPlanKinds));
            string overdue = Text.Get(nameof(Strings.ReportOverdue));
            DateTime asOf = content.Dashboard.AsOf;
            var ordered = content.Items.OrderBy(i => i.Kind).ThenBy(i => i.StartDate).ThenBy(i => i.DueDate).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
            sb.Append("<section id=\"schedule\">\n<h2>").Append(Html.Encode(heading)).Append("</h2>\n<table class=\"data gantt\" id=\"schedule-table\"><thead><tr>");
            foreach (string h in headers)
            {
                sb.Append("<th>").Append(Html.Encode(h)).Append("</th>");
            }

            DateTime first = ordered.Count == 0 ? asOf : ordered.Min(i => i.StartDate.Date);
            DateTime last = ordered.Count == 0 ? asOf.AddDays(7) : ordered.Max(i => (i.DueDate ?? i.StartDate).Date).AddDays(1);
            if (last <= first.AddDays(7))
            {
                last = first.AddDays(7);
            }

            double span = (last - first).TotalDays;
            Func<DateTime, double> x = day => Math.Max(0, Math.Min(GanttWidth, (day.Date - first).TotalDays / span * GanttWidth));
            sb.Append("<th class=\"bar\">").Append(GanttAxis(first, last, x)).Append("</th></tr></thead>\n<tbody>\n");
            foreach (PlanItem i in ordered)
            {
                ItemState state = ReportDashboard.StateOf(i, asOf);
                string color = state == ItemState.Done ? HtmlCharts.Green : (state == ItemState.Overdue ? HtmlCharts.Red : (i.Kind == PlanItemKind.Schedule ? HtmlCharts.Blue : HtmlCharts.Orange));
                double x0 = x(i.StartDate), x1 = x((i.DueDate ?? i.StartDate).Date.AddDays(1));
                sb.Append("<tr data-kind=\"").Append(i.Kind).Append("\" data-state=\"").Append(state).Append("\"><td>").Append(Html.Encode(ReportText.Scrub(i.Title))).Append("</td><td>")
                  .Append(Html.Encode(kinds[(int)i.Kind])).Append("</td><td class=\"nowrap\">").Append(Html.Encode(ReportDashboard.AreaName(i.Area))).Append("</td><td>")
                  .Append(Html.Encode(ReportDashboard.OwnerOf(i) ?? Text.Get(nameof(Strings.ReportNoOwner)))).Append("</td><td class=\"nowrap\">").Append(Date(i.StartDate)).Append("</td><td class=\"nowrap\">")
                  .Append(Date(i.DueDate)).Append("</td><td class=\"nowrap").Append(state == ItemState.Overdue ? " late-cell" : string.Empty).Append("\">")
                  .Append(Html.Encode(state == ItemState.Overdue ? overdue : PlanStatusName(i.Status))).Append("</td><td class=\"bar\">")
                  .Append("<svg width=\"").Append(GanttWidth).Append("\" height=\"14\" viewBox=\"0 0 ").Append(GanttWidth).Append(" 14\" role=\"img\" aria-label=\"")
                  .Append(Date(i.StartDate)).Append(" – ").Append(Date(i.DueDate)).Append("\"><rect x=\"").Append(Html.N(x0)).Append("\" y=\"2\" width=\"").Append(Html.N(Math.Max(2, x1 - x0)))
                  .Append("\" height=\"10\" rx=\"2\" fill=\"").Append(color).Append("\"/>");
                if (asOf >= first && asOf <= last)
                {
                    sb.Append("<rect x=\"").Append(Html.N(x(asOf))).Append("\" y=\"0\" width=\"1\" height=\"14\" fill=\"#262626\"/>");
                }

                sb.Append("</svg></td></tr>\n");
            }

            sb.Append("</tbody></table>\n</section>\n");
        }

        /// <summary>The Gantt's header: month (or quarter, or year) ticks with their labels, and the as-of day.</summary>
        private static string GanttAxis(DateTime first, DateTime last, Func<DateTime, double> x)
        {
            double days = (last - first).TotalDays;
            int months = days <= 430 ? 1 : (days <= 1500 ? 3 : 12);
            var sb = new StringBuilder();
            sb.Append("<svg width=\"").Append(GanttWidth).Append("\" height=\"16\" viewBox=\"0 0 ").Append(GanttWidth).Append(" 16\" role=\"img\" aria-label=\"")
              .Append(Date(first)).Append(" – ").Append(Date(last.AddDays(-1))).Append("\">");
            DateTime tick = new DateTime(first.Year, months == 12 ? 1 : (((first.Month - 1) / months) * months) + 1, 1);

            bool labelled = false;
            for (; tick < last; tick = tick.AddMonths(months))
            {
                if (tick < first)
                {
                    continue;
                }

                double at = x(tick);
                string label = months == 12 ? tick.ToString("yyyy", CultureInfo.InvariantCulture)
                    : tick.ToString(!labelled || tick.Month == 1 ? "yyyy-MM" : "MM", CultureInfo.InvariantCulture);
                labelled = true;
                sb.Append("<rect x=\"").Append(Html.N(at)).Append("\" y=\"0\" width=\"1\" height=\"16\" fill=\"#8C8C8C\"/><text x=\"").Append(Html.N(at + 2)).Append("\" y=\"12\" class=\"tick\">")
                  .Append(label).Append("</text>");
            }

            return sb.Append("</svg>").ToString();
        }

        private static string Badge(FindingStatus status)
        {
            return "<span class=\"st s-" + status + "\">" + Html.Encode(ReportContent.StatusName(status)) + "</span>";
        }

        private static string PlanStatusName(PlanStatus status) => Names(nameof(Strings.ReportPlanStatusNames))[(int)status];

        private static string Date(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string Date(DateTime? date) => date.HasValue ? Date(date.Value) : string.Empty;

        private static string Normalized(string block) => block.Replace("\r\n", "\n");

        private static string[] Names(string resource) => Text.Get(resource).Split('|');
    }
}
