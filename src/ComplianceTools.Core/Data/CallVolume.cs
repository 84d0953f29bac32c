using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Data
{
    /// <summary>
    /// DATA-001: call volumes from the call-center platform, the carrier statement and the privacy-number
    /// platform agree (guide A, 第一步 数据治理). Each source is held against the reference source:
    /// difference = |source − reference| / reference, Red above the rule's line (5%). Finance revenue,
    /// an amount rather than a call count, is held the same way against the declared 95/96 number revenue.
    /// </summary>
    public static class CallVolume
    {
        public const string RuleId = "DATA-001";

        public const string Platform = "Platform";
        public const string Carrier = "Carrier";
        public const string PrivacyNumber = "PrivacyNumber";
        public const string FinanceRevenue = "FinanceRevenue";
        public const string NumberRevenue = "NumberRevenue";

        /// <summary>The call-volume sources, in the order findings are written.</summary>
        public static readonly IReadOnlyList<string> CallSources = new[] { Platform, Carrier, PrivacyNumber };

        /// <summary>|source − reference| / reference; null when the reference is 0.</summary>
        public static double? Difference(double source, double reference)
        {
            return reference == 0 ? (double?)null : Math.Abs(source - reference) / reference;
        }

        /// <summary>
        /// From Revenue rows: one finding per source and year (months as evidence), or per month too with <paramref name="byMonth"/>.
        /// A row whose month is not yyyy-MM goes to <paramref name="report"/> and is left out; without a reporter it stops the check.
        /// </summary>
        public static IReadOnlyList<Finding> Check(RuleDefinition rule, IEnumerable<RevenueRow> rows, string reference = null, bool byMonth = false, Action<ComplianceProblem> report = null)
        {
            string referenceSource = ResolveReference(rule, reference);
            var findings = new List<Finding>();
            var valid = new List<RevenueRow>();
            foreach (RevenueRow row in rows)
            {
                if (!TryYear(row.Month, out _))
                {
                    var problem = MonthProblem("ComplianceTools.Data.MonthInvalid", row);
                    if (report == null)
                    {
                        throw new ComplianceException(problem);
                    }

                    report(problem);
                    continue;
                }

                valid.Add(row);
            }

            foreach (var year in valid.GroupBy(r => r.Month.Substring(0, 4)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var months = year.OrderBy(r => r.Month, StringComparer.Ordinal).ToList();
                foreach (string source in CallSources.Where(s => s != referenceSource))
                {
                    var series = months.Select(r => new MonthPair(r.Month, Calls(r, source), Calls(r, referenceSource), r.Origin?.ToString())).ToList();
                    if (series.All(p => p.Source == null))
                    {
                        continue;
                    }

                    findings.AddRange(Compare(rule, source, referenceSource, year.Key, series, byMonth));
                }

                var finance = months.Select(r => new MonthPair(r.Month, r.FinanceRevenue, r.NumberRevenue, r.Origin?.ToString())).ToList();
                if (finance.Any(p => p.Source != null))
                {
                    findings.AddRange(Compare(rule, FinanceRevenue, NumberRevenue, year.Key, finance, byMonth));
                }
            }

            return findings;
        }

        /// <summary>From yearly figures by source name (Platform, Carrier, PrivacyNumber; FinanceRevenue with NumberRevenue).</summary>
        public static IReadOnlyList<Finding> Check(RuleDefinition rule, IDictionary<string, double> volumes, string reference = null, string period = null)
        {
            string referenceSource = ResolveReference(rule, reference);
            var known = new HashSet<string>(CallSources.Concat(new[] { FinanceRevenue, NumberRevenue }), StringComparer.OrdinalIgnoreCase);
            var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in volumes)
            {
                if (!known.Contains(pair.Key))
                {
                    throw UnknownSource(pair.Key);
                }

                if (pair.Value < 0 || double.IsNaN(pair.Value) || double.IsInfinity(pair.Value))
                {
                    throw new ComplianceException(new ComplianceProblem(
                        "ComplianceTools.Data.VolumeInvalid", ProblemKind.InvalidArgument,
                        Text.Format(nameof(Resources.Strings.CallVolumeNegative), pair.Key, pair.Value.ToString(CultureInfo.InvariantCulture)), pair.Key));
                }

                values[known.First(k => string.Equals(k, pair.Key, StringComparison.OrdinalIgnoreCase))] = pair.Value;
            }

            if (!values.ContainsKey(referenceSource))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Data.ReferenceMissing", ProblemKind.InvalidArgument,
                    Text.Format(nameof(Resources.Strings.CallVolumeReferenceMissing), referenceSource), referenceSource));
            }

            if (values.ContainsKey(FinanceRevenue) != values.ContainsKey(NumberRevenue))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Data.RevenuePairIncomplete", ProblemKind.InvalidArgument,
                    Text.Get(nameof(Resources.Strings.CallVolumeRevenuePair)), FinanceRevenue));
            }

            var findings = new List<Finding>();
            foreach (string source in CallSources.Where(s => s != referenceSource && values.ContainsKey(s)))
            {
                findings.AddRange(Compare(rule, source, referenceSource, period, new[] { new MonthPair(null, values[source], values[referenceSource], null) }, false));
            }

            if (values.ContainsKey(FinanceRevenue))
            {
                findings.AddRange(Compare(rule, FinanceRevenue, NumberRevenue, period, new[] { new MonthPair(null, values[FinanceRevenue], values[NumberRevenue], null) }, false));
            }

            return findings;
        }

        private static IEnumerable<Finding> Compare(RuleDefinition rule, string source, string reference, string year, IReadOnlyList<MonthPair> series, bool byMonth)
        {
            string subject = source + " vs " + reference;
            var evidence = new List<EvidenceItem>();
            var monthly = new List<Finding>();
            foreach (MonthPair p in series.Where(p => p.Month != null))
            {
                double? diff = p.Source.HasValue && p.Reference.HasValue ? Difference(p.Source.Value, p.Reference.Value) : null;
                string detail = Text.Format(nameof(Resources.Strings.CallVolumeMonthDetail), source, Amount(p.Source), reference, Amount(p.Reference), diff.HasValue ? Finding.FormatValue(diff, "ratio") : "—");
                evidence.Add(new EvidenceItem(p.Month, detail, diff, p.Location));
                if (byMonth && p.Source.HasValue && p.Reference.HasValue)
                {
                    monthly.Add(Judge(rule, subject, p.Month, source, reference, p.Source.Value, p.Reference.Value, null, new[] { evidence[evidence.Count - 1] }));
                }
            }

            var both = series.Where(p => p.Source.HasValue && p.Reference.HasValue).ToList();
            if (both.Count == 0)
            {
                yield return rule.NewSkipped(FindingStatus.Skipped, subject, year, Text.Format(nameof(Resources.Strings.CallVolumeNoPairs), source, reference));
            }
            else
            {
                string partial = both.Count < series.Count
                    ? Text.Format(nameof(Resources.Strings.CallVolumeCommonMonths), both.Count, series.Count)
                    : null;
                yield return Judge(rule, subject, year, source, reference, both.Sum(p => p.Source.Value), both.Sum(p => p.Reference.Value), partial, evidence);
            }

            foreach (Finding f in monthly)
            {
                yield return f;
            }
        }

        private static Finding Judge(RuleDefinition rule, string subject, string period, string source, string reference, double sourceTotal, double referenceTotal, string note, IReadOnlyList<EvidenceItem> evidence)
        {
            double? diff = Difference(sourceTotal, referenceTotal);
            string line = rule.ThresholdText;
            if (!diff.HasValue)
            {
                Severity zeroSeverity = sourceTotal == 0 ? Severity.Green : rule.FailSeverity;
                return rule.NewFinding(zeroSeverity, sourceTotal == 0 ? 0 : (double?)null, subject, period, Text.Format(nameof(Resources.Strings.CallVolumeReferenceZero), source, Amount(sourceTotal), reference), evidence);
            }

            string reason = Text.Format(nameof(Resources.Strings.CallVolumeReason), source, Amount(sourceTotal), reference, Amount(referenceTotal), Finding.FormatValue(diff, "ratio"), line);
            if (note != null)
            {
                reason += " " + note;
            }

            return rule.NewFinding(rule.Classify(diff.Value), diff, subject, period, reason, evidence);
        }

        internal static ComplianceProblem MonthProblem(string errorId, RevenueRow row)
        {
            object target = row.Origin?.WithColumn("Month") ?? (object)"Month";
            return new ComplianceProblem(errorId, ProblemKind.InvalidData, Text.Format(nameof(Resources.Strings.RevenueMonthInvalid), row.Origin?.WithColumn("Month")?.ToString() ?? "Revenue", row.Month), target);
        }

        private static string ResolveReference(RuleDefinition rule, string reference)
        {
            string name = string.IsNullOrWhiteSpace(reference) ? rule.GetString("reference") : reference.Trim();
            string match = CallSources.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
            if (match == null)
            {
                throw UnknownSource(name);
            }

            return match;
        }

        private static ComplianceException UnknownSource(string name)
        {
            return new ComplianceException(new ComplianceProblem(
                "ComplianceTools.Data.UnknownSource", ProblemKind.InvalidArgument,
                Text.Format(nameof(Resources.Strings.CallVolumeUnknownSource), name, string.Join(", ", CallSources), FinanceRevenue + " + " + NumberRevenue), name));
        }

        private static double? Calls(RevenueRow row, string source)
        {
            switch (source)
            {
                case Platform: return row.PlatformCalls;
                case Carrier: return row.CarrierCalls;
                default: return row.PrivacyNumberCalls;
            }
        }

        internal static bool TryYear(string month, out int year)
        {
            year = 0;
            return month != null && month.Length == 7 && month[4] == '-'
                && DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime d)
                && (year = d.Year) > 0;
        }

        private static string Amount(double? value) => value.HasValue ? value.Value.ToString("#,0.##", CultureInfo.InvariantCulture) : "—";

        private sealed class MonthPair
        {
            public MonthPair(string month, double? source, double? reference, string location)
            {
                Month = month;
                Source = source;
                Reference = reference;
                Location = location;
            }

            public string Month { get; }

            public double? Source { get; }

            public double? Reference { get; }

            public string Location { get; }
        }
    }
}
