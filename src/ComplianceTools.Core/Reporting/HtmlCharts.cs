using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Resources;

namespace ComplianceTools.Core.Reporting
{
    /// <summary>
    /// The dashboard's four charts as inline SVG: no script, no style attribute (the report's Content-Security-Policy
    /// allows neither), colours as presentation attributes, every label encoded. Each draws into a 560 × 180 box.
    /// </summary>
    internal static class HtmlCharts
    {
        internal const int Width = 560;
        internal const int Height = 180;

        internal const string Red = "#E04B4B";
        internal const string Yellow = "#FFD966";
        internal const string Green = "#63BE7B";
        internal const string Grey = "#BFBFBF";
        internal const string Blue = "#4472C4";
        internal const string Orange = "#ED7D31";
        internal const string Amber = "#F4B13C";
        private const string Axis = "#8C8C8C";
        private const string Grid = "#E3E3E3";

        public static string Fill(FindingStatus status)
        {
            switch (status)
            {
                case FindingStatus.Red: return Red;
                case FindingStatus.Yellow: return Yellow;
                case FindingStatus.Green: return Green;
                case FindingStatus.Skipped: return Grey;
                default: return "#F2F2F2";
            }
        }

        /// <summary>CMPL-001 month by month: the rate as a line, its line dashed, the months over it in red.</summary>
        public static string Trend(ReportDashboard d, string title)
        {
            var sb = Open(title);
            if (d.Trend.Count == 0)
            {
                return NoData(sb);
            }

            string[] names = Names(nameof(Strings.ReportChartSeries));
            const double left = 62, right = 92, top = 12, bottom = 44;
            double plotW = Width - left - right, plotH = Height - top - bottom;
            double max = Math.Max(d.Trend.Max(p => p.Value), d.TrendLine ?? 0) * 1.2;
            if (max <= 0)
            {
                max = 0.0001;
            }

            Func<double, double> y = v => top + plotH - (v / max * plotH);
            Func<int, double> x = i => left + ((i + 0.5) * plotW / d.Trend.Count);
            for (int g = 0; g <= 4; g++)
            {
                double v = max * g / 4;
                sb.Append("<line x1=\"").Append(Html.N(left)).Append("\" x2=\"").Append(Html.N(left + plotW)).Append("\" y1=\"").Append(Html.N(y(v))).Append("\" y2=\"").Append(Html.N(y(v)))
                  .Append("\" stroke=\"").Append(g == 0 ? Axis : Grid).Append("\"/>");
                Label(sb, left - 6, y(v) + 4, v.ToString("0.000%", CultureInfo.InvariantCulture), "end", "tick");
            }

            bool oneYear = d.Trend.Select(p => p.Period.Substring(0, 4)).Distinct().Count() == 1;
            for (int i = 0; i < d.Trend.Count; i++)
            {
                Label(sb, x(i), top + plotH + 14, oneYear ? d.Trend[i].Period.Substring(5) : d.Trend[i].Period, "middle", "tick");
            }

            if (d.TrendLine.HasValue)
            {
                double ly = y(d.TrendLine.Value);
                sb.Append("<line x1=\"").Append(Html.N(left)).Append("\" x2=\"").Append(Html.N(left + plotW)).Append("\" y1=\"").Append(Html.N(ly)).Append("\" y2=\"").Append(Html.N(ly))
                  .Append("\" stroke=\"").Append(Red).Append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
                Label(sb, left + plotW + 4, ly + 4, names[1] + " " + d.TrendLine.Value.ToString("0.000%", CultureInfo.InvariantCulture), "start", "note");
            }

            sb.Append("<polyline fill=\"none\" stroke=\"").Append(Blue).Append("\" stroke-width=\"2\" points=\"");
            for (int i = 0; i < d.Trend.Count; i++)
            {
                sb.Append(Html.N(x(i))).Append(',').Append(Html.N(y(d.Trend[i].Value))).Append(' ');
            }

            sb.Append("\"/>");
            for (int i = 0; i < d.Trend.Count; i++)
            {
                TrendPoint p = d.Trend[i];
                bool over = p.Status == FindingStatus.Red;
                sb.Append("<circle cx=\"").Append(Html.N(x(i))).Append("\" cy=\"").Append(Html.N(y(p.Value))).Append("\" r=\"").Append(over ? "5" : "3.5")
                  .Append("\" fill=\"").Append(over ? Red : Blue).Append("\"><title>").Append(Html.Encode(p.Period + ": " + p.Value.ToString("0.0000%", CultureInfo.InvariantCulture) + " · " + ReportContent.StatusName(p.Status))).Append("</title></circle>");
            }

            Legend(sb, Height - 10, new[] { (Blue, names[0]), (Red, names[2]) });
            return Close(sb);
        }

        /// <summary>Every rate as a share of its own line, highest on top; the dashed rule is 100%, bars stop at 200%.</summary>
        public static string Loads(ReportDashboard d, string title)
        {
            var sb = Open(title);
            if (d.Loads.Count == 0)
            {
                return NoData(sb);
            }

            string[] names = Names(nameof(Strings.ReportChartSeries));
            const double left = 214, right = 52, top = 6, bottom = 40;
            double plotW = Width - left - right, plotH = Height - top - bottom;
            double row = plotH / Math.Max(d.Loads.Count, 6);
            Func<double, double> x = share => left + (Math.Min(share, 2.0) / 2.0 * plotW);
            foreach (double g in new[] { 0, 0.5, 1.0, 1.5, 2.0 })
            {
                bool line = g == 1.0;
                sb.Append("<line x1=\"").Append(Html.N(x(g))).Append("\" x2=\"").Append(Html.N(x(g))).Append("\" y1=\"").Append(Html.N(top)).Append("\" y2=\"").Append(Html.N(top + plotH))
                  .Append("\" stroke=\"").Append(line ? Red : (g == 0 ? Axis : Grid)).Append(line ? "\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>" : "\"/>");
                Label(sb, x(g), top + plotH + 12, g.ToString("0%", CultureInfo.InvariantCulture), "middle", "tick");
            }

            for (int i = 0; i < d.Loads.Count; i++)
            {
                LineLoad l = d.Loads[i];
                double cy = top + (i * row) + (row / 2);
                double h = Math.Min(12, row * 0.72);
                Label(sb, left - 6, cy + 4, ReportText.Fit(l.Label, 34), "end", "cat", l.Label);
                sb.Append("<rect x=\"").Append(Html.N(left)).Append("\" y=\"").Append(Html.N(cy - (h / 2))).Append("\" width=\"").Append(Html.N(Math.Max(1, x(l.Share) - left))).Append("\" height=\"").Append(Html.N(h))
                  .Append("\" fill=\"").Append(Fill(l.Status)).Append("\"><title>").Append(Html.Encode(l.Label + ": " + Finding.FormatValue(l.Value, "ratio") + " / " + Finding.LineText(l.Comparison, l.Line, "ratio"))).Append("</title></rect>");
                Label(sb, x(l.Share) + 4, cy + 4, ReportDashboard.ShareText(l.Share), "start", l.Share > 1 ? "val over" : "val");
            }

            Legend(sb, Height - 10, new[] { (Red, names[2]), (Yellow, names[3]), (Green, names[4]) });
            return Close(sb);
        }

        /// <summary>Plan and schedule items per owner: overdue, due in 14 days, open, done.</summary>
        public static string Owners(ReportDashboard d, string title)
        {
            var sb = Open(title);
            if (d.Owners.Count == 0)
            {
                return NoData(sb);
            }

            string[] names = Names(nameof(Strings.ReportChartSeries));
            const double left = 170, right = 44, top = 6, bottom = 30;
            double plotW = Width - left - right, plotH = Height - top - bottom;
            double row = plotH / Math.Max(d.Owners.Count, 5);
            int max = Math.Max(1, d.Owners.Max(o => o.Total));
            string[] colors = { Red, Amber, Blue, Green };
            sb.Append("<line x1=\"").Append(Html.N(left)).Append("\" x2=\"").Append(Html.N(left)).Append("\" y1=\"").Append(Html.N(top)).Append("\" y2=\"").Append(Html.N(top + plotH)).Append("\" stroke=\"").Append(Axis).Append("\"/>");
            for (int i = 0; i < d.Owners.Count; i++)
            {
                OwnerLoad o = d.Owners[i];
                double cy = top + (i * row) + (row / 2);
                double h = Math.Min(14, row * 0.7);
                Label(sb, left - 6, cy + 4, ReportText.Fit(o.Owner, 28), "end", o.Missing ? "cat over" : "cat", o.Owner);
                double at = left;
                int[] parts = { o.Overdue, o.DueSoon, o.Open, o.Done };
                for (int s = 0; s < parts.Length; s++)
                {
                    if (parts[s] == 0)
                    {
                        continue;
                    }

                    double w = parts[s] * plotW / max;
                    sb.Append("<rect x=\"").Append(Html.N(at)).Append("\" y=\"").Append(Html.N(cy - (h / 2))).Append("\" width=\"").Append(Html.N(w)).Append("\" height=\"").Append(Html.N(h))
                      .Append("\" fill=\"").Append(colors[s]).Append("\"><title>").Append(Html.Encode(o.Owner + " · " + names[5 + s] + ": " + parts[s].ToString(CultureInfo.InvariantCulture))).Append("</title></rect>");
                    at += w;
                }

                Label(sb, at + 4, cy + 4, o.Total.ToString(CultureInfo.InvariantCulture), "start", "val");
            }

            Legend(sb, Height - 8, new[] { (Red, names[5]), (Amber, names[6]), (Blue, names[7]), (Green, names[8]) });
            return Close(sb);
        }

        /// <summary>Open items due in the next 60 days, per week, schedule phases under rectifications.</summary>
        public static string Weeks(ReportDashboard d, string title)
        {
            var sb = Open(title);
            if (d.Weeks.All(w => w.Total == 0))
            {
                return NoData(sb);
            }

            string[] names = Names(nameof(Strings.ReportChartSeries));
            const double left = 36, right = 12, top = 14, bottom = 44;
            double plotW = Width - left - right, plotH = Height - top - bottom;
            int max = Math.Max(1, d.Weeks.Max(w => w.Total));
            int step = Math.Max(1, (int)Math.Ceiling(max / 4.0));
            int axisMax = step * (int)Math.Ceiling(max / (double)step);
            Func<double, double> y = v => top + plotH - (v / axisMax * plotH);
            for (int g = 0; g <= axisMax; g += step)
            {
                sb.Append("<line x1=\"").Append(Html.N(left)).Append("\" x2=\"").Append(Html.N(left + plotW)).Append("\" y1=\"").Append(Html.N(y(g))).Append("\" y2=\"").Append(Html.N(y(g)))
                  .Append("\" stroke=\"").Append(g == 0 ? Axis : Grid).Append("\"/>");
                Label(sb, left - 6, y(g) + 4, g.ToString(CultureInfo.InvariantCulture), "end", "tick");
            }

            double slot = plotW / d.Weeks.Count;
            for (int i = 0; i < d.Weeks.Count; i++)
            {
                WeekLoad w = d.Weeks[i];
                double cx = left + (i * slot) + (slot / 2);
                double bw = slot * 0.6;
                double baseY = y(0);
                string week = w.Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                foreach (var (count, color, name) in new[] { (w.Schedule, Blue, names[9]), (w.Rectification, Orange, names[10]) })
                {
                    if (count == 0)
                    {
                        continue;
                    }

                    double h = count * plotH / axisMax;
                    sb.Append("<rect x=\"").Append(Html.N(cx - (bw / 2))).Append("\" y=\"").Append(Html.N(baseY - h)).Append("\" width=\"").Append(Html.N(bw)).Append("\" height=\"").Append(Html.N(h))
                      .Append("\" fill=\"").Append(color).Append("\"><title>").Append(Html.Encode(week + " · " + name + ": " + count.ToString(CultureInfo.InvariantCulture))).Append("</title></rect>");
                    baseY -= h;
                }

                if (w.Total > 0)
                {
                    Label(sb, cx, baseY - 3, w.Total.ToString(CultureInfo.InvariantCulture), "middle", "val");
                }

                Label(sb, cx, top + plotH + 14, w.Monday.ToString("MM-dd", CultureInfo.InvariantCulture), "middle", "tick");
            }

            Legend(sb, Height - 10, new[] { (Blue, names[9]), (Orange, names[10]) });
            return Close(sb);
        }

        private static StringBuilder Open(string title)
        {
            var sb = new StringBuilder(4096);
            sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height)
              .Append("\" role=\"img\" aria-label=\"").Append(Html.Encode(title)).Append("\">");
            return sb;
        }

        private static string Close(StringBuilder sb) => sb.Append("</svg>").ToString();

        private static string NoData(StringBuilder sb)
        {
            Label(sb, Width / 2.0, Height / 2.0, Text.Get(nameof(Strings.ReportNoData)), "middle", "none");
            return Close(sb);
        }

        private static void Label(StringBuilder sb, double x, double y, string text, string anchor, string cls, string tooltip = null)
        {
            sb.Append("<text x=\"").Append(Html.N(x)).Append("\" y=\"").Append(Html.N(y)).Append("\" text-anchor=\"").Append(anchor).Append("\" class=\"").Append(cls).Append("\">");
            if (!string.IsNullOrEmpty(tooltip) && tooltip != text)
            {
                sb.Append("<title>").Append(Html.Encode(tooltip)).Append("</title>");
            }

            sb.Append(Html.Encode(text)).Append("</text>");
        }

        private static void Legend(StringBuilder sb, double y, IReadOnlyList<(string Color, string Name)> entries)
        {
            double x = 12;
            foreach (var (color, name) in entries)
            {
                sb.Append("<rect x=\"").Append(Html.N(x)).Append("\" y=\"").Append(Html.N(y - 8)).Append("\" width=\"10\" height=\"10\" fill=\"").Append(color).Append("\"/>");
                Label(sb, x + 14, y + 1, name, "start", "legend");
                x += 28 + (ReportText.DisplayWidth(name) * 6.2);
            }
        }

        private static string[] Names(string resource) => Text.Get(resource).Split('|');
    }
}
