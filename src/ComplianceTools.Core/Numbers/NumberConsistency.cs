using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Numbers
{
    /// <summary>
    /// NUM-001 (guide B, 数据关): the share of outbound calls shown with a landline or mobile number. At 70% or
    /// more the operator reads as "evading number management". The 95/96 share is given in the reason.
    /// </summary>
    public sealed class NumberConsistency : RuleCheck
    {
        public const string Id = "NUM-001";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Traffic" };

        public override IReadOnlyList<string> Figures { get; } = new[] { "ShortNumberCalls", "LandlineCalls", "MobileCalls" };

        public override IReadOnlyList<string> OptionalFigures { get; } = new[] { "OtherCalls" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            if (HasFigures(context.Dataset))
            {
                yield return Check(context.Rule, (long)context.Figure("ShortNumberCalls"), (long)context.Figure("LandlineCalls"), (long)context.Figure("MobileCalls"), (long)(context.Figure("OtherCalls") ?? 0), null, context.CompanySubject, context.YearPeriod);
                yield break;
            }

            yield return Check(context.Rule, context.Dataset.Traffic, context.CompanySubject, context.YearPeriod);
        }

        /// <summary>How many lines to move the evidence names (the rest are summed in one last item).</summary>
        internal const int EvidenceTop = 20;

        /// <summary>From monthly traffic by display number; the evidence lists the landline and mobile lines, biggest first.</summary>
        public static Finding Check(RuleDefinition rule, IEnumerable<TrafficRow> traffic, string subject = null, string period = null)
        {
            var calls = new Dictionary<DisplayNumberClass, long>();
            var lines = new Dictionary<string, Line>(StringComparer.Ordinal);
            var months = new SortedSet<string>(StringComparer.Ordinal);
            foreach (TrafficRow row in traffic)
            {
                if (row?.OutboundCalls == null)
                {
                    continue;
                }

                if (MonthKey.TryNormalize(row.Month, out string month))
                {
                    months.Add(month);
                }

                DisplayNumberInfo number = DisplayNumber.Parse(row.DisplayNumber);
                calls[number.Class] = (calls.TryGetValue(number.Class, out long n) ? n : 0) + row.OutboundCalls.Value;
                if (number.Class == DisplayNumberClass.Landline || number.Class == DisplayNumberClass.Mobile)
                {
                    string channel = string.IsNullOrWhiteSpace(row.Channel) ? string.Empty : row.Channel.Trim();
                    string key = number.Digits + "|" + channel;
                    if (!lines.TryGetValue(key, out Line line))
                    {
                        lines[key] = line = new Line { Number = number, Channel = channel, Location = row.Origin?.ToString() };
                    }

                    line.Calls += row.OutboundCalls.Value;
                }
            }

            long total = calls.Values.Sum();
            var evidence = new List<EvidenceItem>();
            var ordered = lines.Values.OrderByDescending(l => l.Calls).ThenBy(l => l.Number.Digits, StringComparer.Ordinal).ToList();
            foreach (Line line in ordered.Take(EvidenceTop))
            {
                string kind = Text.Get(line.Number.Class == DisplayNumberClass.Mobile ? nameof(Resources.Strings.NumberClassMobile) : nameof(Resources.Strings.NumberClassLandline));
                evidence.Add(new EvidenceItem(
                    line.Number.Display,
                    Text.Format(nameof(Resources.Strings.NumberLineEvidence), kind, line.Channel.Length == 0 ? "-" : line.Channel, line.Calls.ToString("#,0", CultureInfo.CurrentCulture), Finding.FormatValue(total > 0 ? (double)line.Calls / total : 0, "ratio")),
                    line.Calls,
                    line.Location));
            }

            if (ordered.Count > EvidenceTop)
            {
                long rest = ordered.Skip(EvidenceTop).Sum(l => l.Calls);
                evidence.Add(new EvidenceItem("…", Text.Format(nameof(Resources.Strings.NumberLinesMore), ordered.Count - EvidenceTop, rest.ToString("#,0", CultureInfo.CurrentCulture)), rest));
            }

            long Get(DisplayNumberClass c) => calls.TryGetValue(c, out long v) ? v : 0;
            return Check(
                rule,
                Get(DisplayNumberClass.ShortNumber),
                Get(DisplayNumberClass.Landline),
                Get(DisplayNumberClass.Mobile),
                Get(DisplayNumberClass.Service400) + Get(DisplayNumberClass.Other),
                evidence,
                subject,
                period ?? (months.Count > 0 ? MonthKey.PeriodOf(months.Min, months.Max) : null));
        }

        /// <summary>From plain figures: calls shown with 95/96 numbers, landlines, mobiles, and any others (400/800 …).</summary>
        public static Finding Check(RuleDefinition rule, long shortNumberCalls, long landlineCalls, long mobileCalls, long otherCalls = 0, IReadOnlyList<EvidenceItem> evidence = null, string subject = null, string period = null)
        {
            if (shortNumberCalls < 0 || landlineCalls < 0 || mobileCalls < 0 || otherCalls < 0)
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Numbers.NegativeCount", ProblemKind.InvalidArgument, Text.Get(nameof(Resources.Strings.NumberCallsNegative)), Id));
            }

            long total = shortNumberCalls + landlineCalls + mobileCalls + otherCalls;
            if (total == 0)
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Numbers.NoOutboundCalls", ProblemKind.InvalidData, Text.Get(nameof(Resources.Strings.NumberNoCalls)), Id));
            }

            double share = (double)(landlineCalls + mobileCalls) / total;
            double shortShare = (double)shortNumberCalls / total;
            string reason = Text.Format(
                nameof(Resources.Strings.NumberConsistencyReason),
                (landlineCalls + mobileCalls).ToString("#,0", CultureInfo.CurrentCulture),
                total.ToString("#,0", CultureInfo.CurrentCulture),
                Finding.FormatValue(share, rule.Unit),
                Finding.FormatValue(shortShare, rule.Unit),
                rule.ThresholdText);
            return rule.NewFinding(rule.Classify(share), share, subject ?? "Traffic", period, reason, evidence);
        }

        private sealed class Line
        {
            public DisplayNumberInfo Number { get; set; }

            public string Channel { get; set; }

            public long Calls { get; set; }

            public string Location { get; set; }
        }
    }
}
