using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Numbers;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Complaints
{
    /// <summary>
    /// CMPL-001 (guide B, 数据关): complaint rate = complaints received through the rule's channels
    /// (parameter <c>channels</c>, 12321 and 12300 by default) / outbound calls of the same months.
    /// One finding for the whole period, then one per month of traffic.
    /// </summary>
    public sealed class ComplaintRate : RuleCheck
    {
        public const string Id = "CMPL-001";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Complaints", "Traffic" };

        public override IReadOnlyList<string> Figures { get; } = new[] { "Complaints", "OutboundCalls" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            if (HasFigures(context.Dataset))
            {
                return new[] { Check(context.Rule, (long)context.Figure("Complaints"), (long)context.Figure("OutboundCalls"), null, context.CompanySubject, context.YearPeriod) };
            }

            return Check(context.Rule, context.Dataset.Complaints, context.Dataset.Traffic, context.CompanySubject, context.YearPeriod);
        }

        /// <summary>How many display numbers and channels the evidence names.</summary>
        internal const int EvidenceTop = 10;

        /// <summary>
        /// From complaint and traffic rows. Only complaints in months that have traffic count ("the same period");
        /// the others are named in the evidence. The first finding covers the period, the rest one month each.
        /// </summary>
        public static IReadOnlyList<Finding> Check(RuleDefinition rule, IEnumerable<ComplaintRow> complaints, IEnumerable<TrafficRow> traffic, string subject = null, string period = null)
        {
            ISet<ComplaintChannel> channels = ComplaintChannels.FromParameter(rule, "channels");
            var callsByMonth = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (TrafficRow row in traffic)
            {
                if (row?.OutboundCalls != null && MonthKey.TryNormalize(row.Month, out string month))
                {
                    callsByMonth[month] = (callsByMonth.TryGetValue(month, out long calls) ? calls : 0) + row.OutboundCalls.Value;
                }
            }

            var counted = new List<ComplaintRow>();
            var outside = new SortedDictionary<string, int>(StringComparer.Ordinal);
            int undated = 0;
            foreach (ComplaintRow c in complaints)
            {
                if (c?.Source == null || !channels.Contains(c.Source.Value))
                {
                    continue;
                }

                if (!c.ReceivedAt.HasValue)
                {
                    undated++;
                    continue;
                }

                string month = MonthKey.Of(c.ReceivedAt.Value);
                if (callsByMonth.TryGetValue(month, out long calls) && calls > 0)
                {
                    counted.Add(c);
                }
                else
                {
                    outside[month] = (outside.TryGetValue(month, out int n) ? n : 0) + 1;
                }
            }

            long totalCalls = callsByMonth.Values.Sum();
            if (totalCalls <= 0)
            {
                throw NoCalls();
            }

            string channelText = ChannelText(channels);
            var byMonth = counted.GroupBy(c => MonthKey.Of(c.ReceivedAt.Value)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var monthFindings = new List<Finding>();
            var overLine = new List<EvidenceItem>();
            foreach (KeyValuePair<string, long> month in callsByMonth.Where(m => m.Value > 0))
            {
                List<ComplaintRow> inMonth = byMonth.TryGetValue(month.Key, out List<ComplaintRow> list) ? list : new List<ComplaintRow>();
                Finding f = Check(rule, inMonth.Count, month.Value, TopEvidence(inMonth), subject, month.Key, channelText);
                monthFindings.Add(f);
                if (f.Severity != Severity.Green)
                {
                    overLine.Add(new EvidenceItem(month.Key, Text.Format(nameof(Resources.Strings.ComplaintRateMonthEvidence), inMonth.Count, month.Value.ToString("#,0", CultureInfo.CurrentCulture), f.ValueText), f.Value));
                }
            }

            var evidence = new List<EvidenceItem>(overLine);
            evidence.AddRange(TopEvidence(counted));
            foreach (KeyValuePair<string, int> month in outside)
            {
                evidence.Add(new EvidenceItem(month.Key, Text.Format(nameof(Resources.Strings.ComplaintRateNoTraffic), month.Value), month.Value));
            }

            if (undated > 0)
            {
                evidence.Add(new EvidenceItem("-", Text.Format(nameof(Resources.Strings.ComplaintRateUndated), undated), undated));
            }

            string wholePeriod = period ?? MonthKey.PeriodOf(callsByMonth.Keys.First(), callsByMonth.Keys.Last());
            var findings = new List<Finding> { Check(rule, counted.Count, totalCalls, evidence, subject, wholePeriod, channelText) };
            findings.AddRange(monthFindings);
            return findings;
        }

        /// <summary>From plain figures, for what-if checks.</summary>
        public static Finding Check(RuleDefinition rule, long complaints, long outboundCalls, IReadOnlyList<EvidenceItem> evidence = null, string subject = null, string period = null)
        {
            return Check(rule, complaints, outboundCalls, evidence, subject, period, ChannelText(ComplaintChannels.FromParameter(rule, "channels")));
        }

        private static Finding Check(RuleDefinition rule, long complaints, long outboundCalls, IReadOnlyList<EvidenceItem> evidence, string subject, string period, string channelText)
        {
            if (outboundCalls <= 0)
            {
                throw NoCalls();
            }

            if (complaints < 0)
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Complaints.NegativeCount", ProblemKind.InvalidArgument, Text.Format(nameof(Resources.Strings.ComplaintCountNegative), complaints), Id));
            }

            double rate = (double)complaints / outboundCalls;
            string reason = Text.Format(
                nameof(Resources.Strings.ComplaintRateReason),
                complaints.ToString("#,0", CultureInfo.CurrentCulture),
                channelText,
                outboundCalls.ToString("#,0", CultureInfo.CurrentCulture),
                Finding.FormatValue(rate, rule.Unit),
                rule.ThresholdText);
            return rule.NewFinding(rule.Classify(rate), rate, subject ?? "Complaints", period, reason, evidence);
        }

        /// <summary>The display numbers and channels with most complaints (numbers masked unless 95/96 or 400).</summary>
        private static List<EvidenceItem> TopEvidence(IReadOnlyCollection<ComplaintRow> complaints)
        {
            var items = new List<EvidenceItem>();
            foreach (var g in complaints.Where(c => !string.IsNullOrWhiteSpace(c.CallingNumber))
                .GroupBy(c => DisplayNumber.Canonical(c.CallingNumber))
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(EvidenceTop))
            {
                items.Add(new EvidenceItem(DisplayNumber.ForDisplay(g.First().CallingNumber), Text.Format(nameof(Resources.Strings.ComplaintRateNumberEvidence), g.Count()), g.Count()));
            }

            foreach (var g in complaints.Where(c => !string.IsNullOrWhiteSpace(c.Channel))
                .GroupBy(c => c.Channel.Trim(), StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(EvidenceTop))
            {
                items.Add(new EvidenceItem(g.Key, Text.Format(nameof(Resources.Strings.ComplaintRateChannelEvidence), g.Count()), g.Count()));
            }

            return items;
        }

        private static string ChannelText(IEnumerable<ComplaintChannel> channels) => string.Join("/", channels.OrderBy(c => c).Select(ComplaintChannels.Label));

        private static ComplianceException NoCalls()
        {
            return new ComplianceException(new ComplianceProblem("ComplianceTools.Complaints.NoOutboundCalls", ProblemKind.InvalidData, Text.Get(nameof(Resources.Strings.ComplaintRateNoCalls)), Id));
        }
    }
}
