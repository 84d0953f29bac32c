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
    /// <summary>One line of the "locate" step of a rectification: a complained-about number on one channel and team.</summary>
    public sealed class ComplaintHotspotRow
    {
        /// <summary>Rank of the number by complaints (1 = most complained about).</summary>
        public int Rank { get; set; }

        /// <summary>The calling (display) number, masked unless it is a 95/96 or 400 number.</summary>
        public string CallingNumber { get; set; }

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

        /// <summary>The proposed cap in calls a day for a clustered channel (the guide: 30).</summary>
        public double? ProposedCallsPerDay { get; set; }

        /// <summary>True when the proposal is whitelist-only calling.</summary>
        public bool WhitelistOnly { get; set; }

        /// <summary>The isolation proposed, in the user's language.</summary>
        public string Proposal { get; set; }

        public string ShareText => Findings.Finding.FormatValue(ChannelShare, "ratio");

        public string RateText => Findings.Finding.FormatValue(ComplaintRate, "ratio");
    }

    /// <summary>
    /// The "locate" step of a rectification (guide B, 后续改): 12321 complaints grouped by the most complained-about
    /// calling numbers, then by channel and outsourcing team, with each channel's calls per day. A channel is marked
    /// when its complaints cluster: at least <c>clusterMinComplaints</c> complaints and either a share of all complaints of
    /// <c>clusterShare</c> or more, or a complaint rate <c>clusterRateFactor</c> times the overall rate or more. For marked
    /// channels it proposes the guide's isolation: from <c>isolationFromCallsPerDay</c> to <c>isolationToCallsPerDay</c>
    /// calls a day, whitelist-only. All of these are parameters of CMPL-001.
    /// </summary>
    public static class ComplaintHotspot
    {
        public static IReadOnlyList<ComplaintHotspotRow> Locate(RuleDefinition rule, IEnumerable<ComplaintRow> complaints, IEnumerable<TrafficRow> traffic)
        {
            ISet<ComplaintChannel> channels = ComplaintChannels.FromParameter(rule, "hotspotChannels");
            int top = (int)rule.GetDouble("hotspotTopNumbers");
            double clusterShare = rule.GetDouble("clusterShare");
            double clusterFactor = rule.GetDouble("clusterRateFactor");
            double minComplaints = rule.GetDouble("clusterMinComplaints");
            double capFrom = rule.GetDouble("isolationFromCallsPerDay");
            double capTo = rule.GetDouble("isolationToCallsPerDay");

            var located = complaints.Where(c => c?.Source != null && channels.Contains(c.Source.Value)).ToList();
            if (located.Count == 0)
            {
                return Array.Empty<ComplaintHotspotRow>();
            }

            string none = Text.Get(nameof(Resources.Strings.HotspotNone));
            string ChannelOf(string c) => string.IsNullOrWhiteSpace(c) ? none : c.Trim();

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
                g =>
                {
                    var s = new ChannelStats { Complaints = g.Count(), Share = (double)g.Count() / located.Count };
                    if (calls.TryGetValue(g.Key, out long c) && c > 0)
                    {
                        s.Calls = c;
                        s.Rate = (double)s.Complaints / c;
                        s.Factor = overallRate > 0 ? s.Rate / overallRate : null;
                        if (days.TryGetValue(g.Key, out Dictionary<string, int> perMonth) && perMonth.Values.Sum() > 0)
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
                },
                StringComparer.OrdinalIgnoreCase);

            var rows = new List<ComplaintHotspotRow>();
            int rank = 0;
            foreach (var number in located.GroupBy(c => string.IsNullOrWhiteSpace(c.CallingNumber) ? string.Empty : DisplayNumber.Canonical(c.CallingNumber), StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(top))
            {
                rank++;
                DisplayNumberInfo info = DisplayNumber.Parse(number.First().CallingNumber);
                foreach (var group in number.GroupBy(c => ChannelOf(c.Channel) + "\u0001" + (string.IsNullOrWhiteSpace(c.Team) ? none : c.Team.Trim()), StringComparer.OrdinalIgnoreCase)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
                {
                    string channel = ChannelOf(group.First().Channel);
                    ChannelStats s = channelStats[channel];
                    var row = new ComplaintHotspotRow
                    {
                        Rank = rank,
                        CallingNumber = info.Digits.Length == 0 ? none : info.Display,
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
                        row.ProposedCallsPerDay = capTo;
                        row.WhitelistOnly = true;
                        row.Proposal = Text.Format(
                            nameof(Resources.Strings.HotspotProposal),
                            channel,
                            capTo.ToString("#,0", CultureInfo.CurrentCulture),
                            s.CallsPerDay.HasValue ? s.CallsPerDay.Value.ToString("#,0", CultureInfo.CurrentCulture) : capFrom.ToString("#,0", CultureInfo.CurrentCulture),
                            capFrom.ToString("#,0", CultureInfo.CurrentCulture));
                    }

                    rows.Add(row);
                }
            }

            return rows;
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
