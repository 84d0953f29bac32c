using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Scenarios
{
    /// <summary>
    /// WIN-001: no scenario may allow outbound calls in the forbidden window (22:00–08:00 by default,
    /// parameters forbiddenStart / forbiddenEnd) and no outbound call may be placed in it (guide A, 高频雷区 3).
    /// Hours are minutes of a 24-hour clock; a span whose end is not after its start wraps midnight
    /// (22:00–08:00), and equal ends mean the whole day. A span "reaches into" the window when they share
    /// at least one minute: 08:00–22:00 does not, 09:00–22:30 does.
    /// </summary>
    public sealed class CallingWindow : RuleCheck
    {
        public const string Id = "WIN-001";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Scenarios" };

        public override IReadOnlyList<string> Figures { get; } = new[] { "AllowedFrom", "AllowedTo" };

        public override IReadOnlyList<string> OptionalFigures { get; } = new[] { "Name" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            if (HasFigures(context.Dataset))
            {
                return new[] { Check(context.Rule, context.FigureValue("Name") as string, (string)context.FigureValue("AllowedFrom"), (string)context.FigureValue("AllowedTo"), context.YearPeriod) };
            }

            return Check(context.Rule, context.Dataset.Scenarios, context.Dataset.Traffic, context.YearPeriod, context.Report);
        }

        /// <summary>Subject of traffic rows that name no scenario.</summary>
        public const string NoScenario = "(no scenario)";

        /// <summary>Minutes of [from, to) that fall in [windowStart, windowEnd), both spans read on a 24-hour clock.</summary>
        public static int OverlapMinutes(int from, int to, int windowStart, int windowEnd)
        {
            int total = 0;
            foreach (var a in Linear(from, to))
            {
                foreach (var b in Linear(windowStart, windowEnd))
                {
                    total += Math.Max(0, Math.Min(a.Item2, b.Item2) - Math.Max(a.Item1, b.Item1));
                }
            }

            return total;
        }

        /// <summary>"HH:mm" (or "H:mm", "24:00") as minutes after midnight; false for anything else.</summary>
        public static bool TryParseTime(string text, out int minutes)
        {
            minutes = 0;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            string t = text.Trim().Replace('：', ':');
            if (t == "24:00")
            {
                minutes = 1440;
                return true;
            }

            if (DateTime.TryParseExact(t, new[] { "HH:mm", "H:mm", "HH:mm:ss" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime d))
            {
                minutes = (d.Hour * 60) + d.Minute;
                return true;
            }

            return false;
        }

        /// <summary>One scenario's permitted hours, for a what-if check.</summary>
        public static Finding Check(RuleDefinition rule, string scenario, string allowedFrom, string allowedTo, string period = null)
        {
            Window window = ForbiddenWindow(rule);
            int from = ParseArgument(allowedFrom, "AllowedFrom");
            int to = ParseArgument(allowedTo, "AllowedTo");
            var span = new Span(scenario, allowedFrom.Trim(), allowedTo.Trim(), from, to, null);
            return Judge(rule, window, scenario ?? NoScenario, period, new[] { span }, new List<TrafficRow>());
        }

        /// <summary>
        /// From Scenarios and Traffic rows: one finding per scenario (its hours and the calls placed in the
        /// window). Bad times are reported and that row's hours skipped; the rest goes on.
        /// </summary>
        public static IReadOnlyList<Finding> Check(RuleDefinition rule, IEnumerable<ScenarioRow> scenarios, IEnumerable<TrafficRow> traffic, string period, Action<ComplianceProblem> report)
        {
            Window window = ForbiddenWindow(rule);
            var spans = new List<Span>();
            var names = new List<string>();
            foreach (ScenarioRow row in scenarios ?? Enumerable.Empty<ScenarioRow>())
            {
                string name = string.IsNullOrWhiteSpace(row.Scenario) ? row.Category : row.Scenario.Trim();
                if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    names.Add(name);
                }

                bool hasFrom = TryParseTime(row.AllowedFrom, out int from);
                bool hasTo = TryParseTime(row.AllowedTo, out int to);
                if (!string.IsNullOrWhiteSpace(row.AllowedFrom) && !hasFrom)
                {
                    report(BadTime(row, "AllowedFrom", row.AllowedFrom));
                }

                if (!string.IsNullOrWhiteSpace(row.AllowedTo) && !hasTo)
                {
                    report(BadTime(row, "AllowedTo", row.AllowedTo));
                }

                spans.Add(new Span(name, row.AllowedFrom, row.AllowedTo, hasFrom ? from : (int?)null, hasTo ? to : (int?)null, row.Origin?.ToString()) { Category = row.Category });
            }

            var trafficRows = (traffic ?? Enumerable.Empty<TrafficRow>()).ToList();
            foreach (TrafficRow t in trafficRows)
            {
                string name = ScenarioOf(t, spans);
                if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    names.Add(name);
                }
            }

            return names
                .Select(name => Judge(
                    rule,
                    window,
                    name,
                    period,
                    spans.Where(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)).ToList(),
                    trafficRows.Where(t => string.Equals(ScenarioOf(t, spans), name, StringComparison.OrdinalIgnoreCase)).ToList()))
                .ToList();
        }

        private static Finding Judge(RuleDefinition rule, Window window, string name, string period, IReadOnlyList<Span> spans, IReadOnlyList<TrafficRow> traffic)
        {
            var evidence = new List<EvidenceItem>();
            int overlap = 0;
            bool unstated = false;
            foreach (Span s in spans)
            {
                if (!s.From.HasValue || !s.To.HasValue)
                {
                    unstated = true;
                    evidence.Add(new EvidenceItem(name, Text.Get(nameof(Resources.Strings.WindowHoursMissing)), null, s.Location));
                    continue;
                }

                int minutes = OverlapMinutes(s.From.Value, s.To.Value, window.Start, window.End);
                overlap += minutes;
                string detail = minutes > 0
                    ? Text.Format(nameof(Resources.Strings.WindowHoursInside), s.FromText, s.ToText, minutes, window.Text)
                    : Text.Format(nameof(Resources.Strings.WindowHoursOutside), s.FromText, s.ToText, window.Text);
                evidence.Add(new EvidenceItem(name, detail, minutes, s.Location));
            }

            long calls = 0;
            foreach (TrafficRow t in traffic.Where(t => t.CallsInForbiddenWindow.GetValueOrDefault() > 0).OrderBy(t => t.Month, StringComparer.Ordinal))
            {
                calls += t.CallsInForbiddenWindow.Value;
                evidence.Add(new EvidenceItem(
                    t.Month + " " + Privacy.Mask.Phone(t.DisplayNumber),
                    Text.Format(nameof(Resources.Strings.WindowCallsPlaced), t.CallsInForbiddenWindow.Value.ToString("#,0", CultureInfo.InvariantCulture), window.Text),
                    t.CallsInForbiddenWindow.Value,
                    t.Origin?.ToString()));
            }

            Severity severity = rule.Classify(calls);
            if (overlap > 0)
            {
                severity = rule.FailSeverity;
            }
            else if (severity == Severity.Green && unstated)
            {
                severity = Severity.Yellow;
            }

            string reason = Text.Format(nameof(Resources.Strings.WindowReason), name, window.Text, overlap, calls.ToString("#,0", CultureInfo.InvariantCulture));
            if (unstated)
            {
                reason += " " + Text.Get(nameof(Resources.Strings.WindowHoursMissing));
            }

            return rule.NewFinding(severity, calls, name, period, reason, evidence);
        }

        private static string ScenarioOf(TrafficRow t, IReadOnlyList<Span> spans)
        {
            if (string.IsNullOrWhiteSpace(t.Scenario))
            {
                return NoScenario;
            }

            string name = t.Scenario.Trim();
            Span byName = spans.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
            Span byCategory = spans.FirstOrDefault(s => string.Equals(s.Category, name, StringComparison.OrdinalIgnoreCase));
            return (byName ?? byCategory)?.Name ?? name;
        }

        private static Window ForbiddenWindow(RuleDefinition rule)
        {
            string start = rule.GetString("forbiddenStart");
            string end = rule.GetString("forbiddenEnd");
            if (!TryParseTime(start, out int s) || !TryParseTime(end, out int e))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Rules.ParameterInvalid", ProblemKind.InvalidData,
                    Text.Format(nameof(Resources.Strings.RuleParameterInvalid), Id, "forbiddenStart / forbiddenEnd", start + "–" + end, "HH:mm"), Id));
            }

            return new Window(s, e, start.Trim() + "–" + end.Trim());
        }

        private static int ParseArgument(string text, string name)
        {
            if (!TryParseTime(text, out int minutes))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Scenarios.TimeInvalid", ProblemKind.InvalidArgument,
                    Text.Format(nameof(Resources.Strings.WindowTimeInvalid), name, text), name));
            }

            return minutes;
        }

        private static ComplianceProblem BadTime(ScenarioRow row, string column, string value)
        {
            object target = row.Origin?.WithColumn(column) ?? (object)column;
            return new ComplianceProblem(
                "ComplianceTools.Scenarios.TimeInvalid", ProblemKind.InvalidData,
                Text.Format(nameof(Resources.Strings.WindowTimeInvalid), (row.Origin?.WithColumn(column)?.ToString() ?? column) + " (" + row.Scenario + ")", value), target);
        }

        private static IEnumerable<Tuple<int, int>> Linear(int from, int to)
        {
            from %= 1440;
            to = to == 1440 ? 1440 : to % 1440;
            if (from == to || (from == 0 && to == 1440))
            {
                yield return Tuple.Create(0, 1440);
            }
            else if (from < to)
            {
                yield return Tuple.Create(from, to);
            }
            else
            {
                yield return Tuple.Create(from, 1440);
                yield return Tuple.Create(0, to);
            }
        }

        private sealed class Window
        {
            public Window(int start, int end, string text)
            {
                Start = start;
                End = end;
                Text = text;
            }

            public int Start { get; }

            public int End { get; }

            public string Text { get; }
        }

        private sealed class Span
        {
            public Span(string name, string fromText, string toText, int? from, int? to, string location)
            {
                Name = name;
                FromText = fromText;
                ToText = toText;
                From = from;
                To = to;
                Location = location;
            }

            public string Name { get; }

            public string Category { get; set; }

            public string FromText { get; }

            public string ToText { get; }

            public int? From { get; }

            public int? To { get; }

            public string Location { get; }
        }
    }
}
