using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Complaints
{
    /// <summary>One call drawn for quality review (质检抽样). The number is masked.</summary>
    public sealed class QualitySampleItem
    {
        /// <summary>1-based position in the sample.</summary>
        public int Index { get; set; }

        public string TicketId { get; set; }

        public string Source { get; set; }

        /// <summary>yyyy-MM of the complaint.</summary>
        public string Month { get; set; }

        public string AgentId { get; set; }

        public string RecordingId { get; set; }

        /// <summary>The number complained about, masked (138****1234); service numbers stay readable.</summary>
        public string CallingNumber { get; set; }

        /// <summary>The seed that draws this same sample again.</summary>
        public int Seed { get; set; }

        public string Location { get; set; }
    }

    /// <summary>
    /// A reproducible sample of calls for quality review, drawn from complaint rows that carry a recording
    /// (CMPL-004's 抽样质检100通). Spread: months are visited in turn, and within a month its agents in turn, so
    /// every month and agent is drawn before any is drawn twice. Order inside each month and agent comes from
    /// a SplitMix64 generator seeded with <c>seed</c>: the same rows and seed give the same sample whatever
    /// order the rows arrive in, on every .NET.
    /// </summary>
    public static class QualitySample
    {
        public static IReadOnlyList<QualitySampleItem> Draw(IEnumerable<ComplaintRow> complaints, int count, int seed)
        {
            if (count <= 0)
            {
                return Array.Empty<QualitySampleItem>();
            }

            var rng = new SplitMix64(seed);
            var calls = complaints
                .Where(c => !string.IsNullOrWhiteSpace(c.RecordingId))
                .OrderBy(c => c.TicketId, StringComparer.Ordinal)
                .ThenBy(c => c.RecordingId, StringComparer.Ordinal)
                .ToList();

            var months = calls
                .GroupBy(c => c.ReceivedAt?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? string.Empty)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(month => new Queue<Queue<ComplaintRow>>(
                    Shuffle(month.GroupBy(c => c.AgentId ?? string.Empty).OrderBy(g => g.Key, StringComparer.Ordinal).ToList(), rng)
                        .Select(agent => new Queue<ComplaintRow>(Shuffle(agent.ToList(), rng)))))
                .ToList();

            var sample = new List<QualitySampleItem>();
            while (sample.Count < count && months.Any(m => m.Count > 0))
            {
                foreach (Queue<Queue<ComplaintRow>> month in months)
                {
                    if (sample.Count >= count || month.Count == 0)
                    {
                        continue;
                    }

                    Queue<ComplaintRow> agent = month.Dequeue();
                    ComplaintRow c = agent.Dequeue();
                    if (agent.Count > 0)
                    {
                        month.Enqueue(agent);
                    }

                    sample.Add(new QualitySampleItem
                    {
                        Index = sample.Count + 1,
                        TicketId = c.TicketId,
                        Source = c.Source.HasValue ? ComplaintTrace.ChannelLabel(c.Source.Value) : null,
                        Month = c.ReceivedAt?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                        AgentId = c.AgentId,
                        RecordingId = c.RecordingId,
                        CallingNumber = Privacy.Mask.Phone(c.CallingNumber),
                        Seed = seed,
                        Location = c.Origin?.ToString(),
                    });
                }
            }

            return sample;
        }

        /// <summary>How many complaint rows carry a recording (the population sampled).</summary>
        public static int Population(IEnumerable<ComplaintRow> complaints) => complaints.Count(c => !string.IsNullOrWhiteSpace(c.RecordingId));

        private static List<T> Shuffle<T>(List<T> items, SplitMix64 rng)
        {
            for (int i = items.Count - 1; i > 0; i--)
            {
                int j = rng.Next(i + 1);
                T tmp = items[i];
                items[i] = items[j];
                items[j] = tmp;
            }

            return items;
        }

        /// <summary>SplitMix64 (Steele, Lea, Flood 2014): small, fast and the same on every runtime.</summary>
        private sealed class SplitMix64
        {
            private ulong _state;

            public SplitMix64(int seed)
            {
                _state = unchecked((ulong)seed);
            }

            public int Next(int maxExclusive)
            {
                ulong z = unchecked(_state += 0x9E3779B97F4A7C15UL);
                z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
                z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
                z ^= z >> 31;
                return (int)(z % (ulong)maxExclusive);
            }
        }
    }
}
