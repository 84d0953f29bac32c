using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Numbers;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Complaints
{
    /// <summary>How the "locate" step groups complaints.</summary>
    public enum HotspotGrouping
    {
        /// <summary>By the frequently called numbers, the complainants (guide B: 按“高频被叫号码”聚合): the default.</summary>
        CalledNumber,

        /// <summary>By the number the complainants saw (外显), the complained-about calling number.</summary>
        DisplayNumber,
    }

    /// <summary>One line of the "locate" step of a rectification: a frequently called (or displayed) number on one channel and team.</summary>
    public sealed class ComplaintHotspotRow
    {
        /// <summary>Rank of the number by complaints (1 = most complaints).</summary>
        public int Rank { get; set; }

        /// <summary>What <see cref="Number"/> is: the complainant (called number) or the display number.</summary>
        public HotspotGrouping By { get; set; }

        /// <summary>The number grouped on, always masked when it is a personal number (a complainant's, or a mobile or landline shown).</summary>
        public string Number { get; set; }

        /// <summary>The kind of number: a complainant's is Mobile or Landline; a display number may be 95/96 or 400.</summary>
        public DisplayNumberClass NumberClass { get; set; }

        /// <summary>Complaints about this number, all channels and teams.</summary>
        public int NumberComplaints { get; set; }

        public string Channel { get; set; }

        public string Team { get; set; }

        /// <summary>Complaints about this number on this channel and team.</summary>
        public int Complaints { get; set; }

        /// <summary>Complaints on the channel (all numbers).</summary>
        public int ChannelComplaints { get; set; }

        /// <summary>The channel's share of all the complaints located (a fraction).</summary>
        public double ChannelShare { get; set; }

        /// <summary>Outbound calls of the channel (Traffic sheet), when known.</summary>
        public long? ChannelCalls { get; set; }

        /// <summary>The channel's outbound calls per calling day, when known.</summary>
        public double? CallsPerDay { get; set; }

        /// <summary>Channel complaints / channel calls.</summary>
        public double? ComplaintRate { get; set; }

        /// <summary>The channel's complaint rate as a multiple of the overall rate.</summary>
        public double? RateFactor { get; set; }

        /// <summary>True when the channel's complaints cluster (share or rate factor over the rule's lines).</summary>
        public bool Clustered { get; set; }

        /// <summary>Why the channel is marked, in the user's language.</summary>
        public string ClusterReason { get; set; }

        /// <summary>The proposed cap in calls a day for a clustered channel: the guide's cut (300 → 30, a tenth) applied to what it dials today, never above it.</summary>
        public double? ProposedCallsPerDay { get; set; }

        /// <summary>True when the proposal is whitelist-only calling.</summary>
        public bool WhitelistOnly { get; set; }

        /// <summary>The isolation proposed, in the user's language.</summary>
        public string Proposal { get; set; }

        public string ShareText => Findings.Finding.FormatValue(ChannelShare, "ratio");

        public string RateText => Findings.Finding.FormatValue(ComplaintRate, "ratio");
    }

    /// <summary>
    /// The "locate" step of a rectification (guide B, 后续改): 12321 complaints grouped by the frequently called
    /// numbers (the complainants, 高频被叫号码) — or, with <see cref="HotspotGrouping.DisplayNumber"/>, by the number
    /// shown — then by channel and outsourcing team, with each channel's calls per day. A channel is marked when its
    /// complaints cluster: at least <c>clusterMinComplaints</c> complaints and either a share of all complaints of
    /// <c>clusterShare</c> or more, or a complaint rate <c>clusterRateFactor</c> times the overall rate or more. For a
    /// marked channel it proposes the guide's isolation, whitelist-only: the guide cuts a channel from
    /// <c>isolationFromCallsPerDay</c> to <c>isolationToCallsPerDay</c> calls a day (300 → 30, a tenth), so the cap is
    /// that fraction of what the channel dials today (120 a day → 12), never more than today; where its calls per day
    /// are not known, the guide's 30. All of these are parameters of CMPL-001.
    /// </summary>
    public static class ComplaintHotspot
    {
        public static IReadOnlyList<ComplaintHotspotRow> Locate(RuleDefinition rule, IEnumerable<ComplaintRow> complaints, IEnumerable<TrafficRow> traffic, HotspotGrouping by = HotspotGrouping.CalledNumber)
        {
            ISet<ComplaintChannel> channels = ComplaintChannels.FromParameter(rule, "hotspotChannels");
            int top = (int)rule.GetDouble("hotspotTopNumbers");
            double clusterShare = rule.GetDouble("clusterShare");
            double clusterFactor = rule.GetDouble("clusterRateFactor");
            double minComplaints = rule.GetDouble("clusterMinComplaints");
            double capFrom = rule.GetDouble("isolationFromCallsPerDay");
            double capTo = rule.GetDouble("isolationToCallsPerDay");
            double cut = capFrom > 0 ? capTo / capFrom : 1;

            var located = complaints.Where(c => c?.Source != null && channels.Contains(c.Source.Value)).ToList();
            if (located.Count == 0)
            {
                return Array.Empty<ComplaintHotspotRow>();
            }

            string none = Text.Get(nameof(Resources.Strings.HotspotNone));
            string ChannelOf(string c) => string.IsNullOrWhiteSpace(c) ? none : c.Trim();
            string NumberOf(ComplaintRow c) => by == HotspotGrouping.CalledNumber ? c.ComplainantNumber : c.CallingNumber;

            // Calls and calling days per channel: days are counted once per month (the most any line of the channel called that month).
            var calls = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            var days = new Dictionary<string, Dictionary<string, int>>(StringComparer.OrdinalIgnoreCase);
            bool haveTraffic = false;
            foreach (TrafficRow t in (traffic ?? Enumerable.Empty<TrafficRow>()).Where(t => t?.OutboundCalls != null))
            {
                haveTraffic = true;
                string ch = ChannelOf(t.Channel);
                calls[ch] = (calls.TryGetValue(ch, out long n) ? n : 0) + t.OutboundCalls.Value;
                if (t.Days.HasValue && t.Days.Value > 0)
                {
                    if (!days.TryGetValue(ch, out Dictionary<string, int> perMonth))
                    {
                        days[ch] = perMonth = new Dictionary<string, int>(StringComparer.Ordinal);
                    }

                    string month = MonthKey.TryNormalize(t.Month, out string m) ? m : t.Month ?? string.Empty;
                    perMonth[month] = Math.Max(perMonth.TryGetValue(month, out int d) ? d : 0, t.Days.Value);
                }
            }

            long totalCalls = calls.Values.Sum();
            double? overallRate = haveTraffic && totalCalls > 0 ? (double)located.Count / totalCalls : (double?)null;
            var channelStats = located.GroupBy(c => ChannelOf(c.Channel), StringComparer.OrdinalIgnoreCase).ToDictionary(
                g => g.Key,
                g => Stats(g.Count(), located.Count, calls, days, g.Key, overallRate, minComplaints, clusterShare, clusterFactor),
                StringComparer.OrdinalIgnoreCase);

            var rows = new List<ComplaintHotspotRow>();
            int rank = 0;
            foreach (var number in located.GroupBy(c => string.IsNullOrWhiteSpace(NumberOf(c)) ? string.Empty : DisplayNumber.Canonical(NumberOf(c)), StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(top))
            {
                rank++;
                DisplayNumberInfo info = DisplayNumber.Parse(NumberOf(number.First()));
                string shown = info.Digits.Length == 0 ? none : (by == HotspotGrouping.CalledNumber ? Privacy.Mask.Phone(info.Digits) : info.Display);
                foreach (var group in number.GroupBy(c => ChannelOf(c.Channel) + "\u0001" + (string.IsNullOrWhiteSpace(c.Team) ? none : c.Team.Trim()), StringComparer.OrdinalIgnoreCase)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
                {
                    string channel = ChannelOf(group.First().Channel);
                    ChannelStats s = channelStats[channel];
                    var row = new ComplaintHotspotRow
                    {
                        Rank = rank,
                        By = by,
                        Number = shown,
                        NumberClass = info.Class,
                        NumberComplaints = number.Count(),
                        Channel = channel,
                        Team = string.IsNullOrWhiteSpace(group.First().Team) ? none : group.First().Team.Trim(),
                        Complaints = group.Count(),
                        ChannelComplaints = s.Complaints,
                        ChannelShare = s.Share,
                        ChannelCalls = s.Calls,
                        CallsPerDay = s.CallsPerDay,
                        ComplaintRate = s.Rate,
                        RateFactor = s.Factor,
                        Clustered = s.Clustered,
                        ClusterReason = s.Reason,
                    };
                    if (s.Clustered)
                    {
                        Propose(row, channel, s.CallsPerDay, cut, capFrom, capTo);
                    }

                    rows.Add(row);
                }
            }

            return rows;
        }

        /// <summary>
        /// The isolation for a marked channel: the guide's cut applied to what it dials today (never above it, at least
        /// one call a day), or the guide's own cap where today's calls a day are not known.
        /// </summary>
        private static void Propose(ComplaintHotspotRow row, string channel, double? callsPerDay, double cut, double capFrom, double capTo)
        {
            row.WhitelistOnly = true;
            if (callsPerDay.HasValue)
            {
                double cap = Math.Min(callsPerDay.Value, Math.Max(1, Math.Floor((callsPerDay.Value * cut) + 1e-9)));
                row.ProposedCallsPerDay = cap;
                row.Proposal = Text.Format(
                    nameof(Resources.Strings.HotspotProposal),
                    channel,
                    cap.ToString("#,0", CultureInfo.CurrentCulture),
                    callsPerDay.Value.ToString("#,0", CultureInfo.CurrentCulture),
                    capFrom.ToString("#,0", CultureInfo.CurrentCulture),
                    capTo.ToString("#,0", CultureInfo.CurrentCulture));
                return;
            }

            row.ProposedCallsPerDay = capTo;
            row.Proposal = Text.Format(
                nameof(Resources.Strings.HotspotProposalUnknownCalls),
                channel,
                capTo.ToString("#,0", CultureInfo.CurrentCulture),
                capFrom.ToString("#,0", CultureInfo.CurrentCulture));
        }

        private static ChannelStats Stats(int complaints, int all, IDictionary<string, long> calls, IDictionary<string, Dictionary<string, int>> days, string channel, double? overallRate, double minComplaints, double clusterShare, double clusterFactor)
        {
            var s = new ChannelStats { Complaints = complaints, Share = (double)complaints / all };
            if (calls.TryGetValue(channel, out long c) && c > 0)
            {
                s.Calls = c;
                s.Rate = (double)s.Complaints / c;
                s.Factor = overallRate > 0 ? s.Rate / overallRate : null;
                if (days.TryGetValue(channel, out Dictionary<string, int> perMonth) && perMonth.Values.Sum() > 0)
                {
                    s.CallsPerDay = (double)c / perMonth.Values.Sum();
                }
            }

            var reasons = new List<string>();
            if (s.Complaints >= minComplaints && s.Share >= clusterShare)
            {
                reasons.Add(Text.Format(nameof(Resources.Strings.HotspotShareReason), Findings.Finding.FormatValue(s.Share, "ratio"), Findings.Finding.FormatValue(clusterShare, "ratio")));
            }

            if (s.Complaints >= minComplaints && s.Factor.HasValue && s.Factor.Value >= clusterFactor)
            {
                reasons.Add(Text.Format(nameof(Resources.Strings.HotspotFactorReason), s.Factor.Value.ToString("0.#", CultureInfo.CurrentCulture), clusterFactor.ToString("0.#", CultureInfo.CurrentCulture)));
            }

            s.Clustered = reasons.Count > 0;
            s.Reason = string.Join("; ", reasons);
            return s;
        }

        private sealed class ChannelStats
        {
            public int Complaints { get; set; }

            public double Share { get; set; }

            public long? Calls { get; set; }

            public double? Rate { get; set; }

            public double? Factor { get; set; }

            public double? CallsPerDay { get; set; }

            public bool Clustered { get; set; }

            public string Reason { get; set; }
        }
    }
}
