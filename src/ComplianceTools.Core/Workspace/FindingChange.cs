using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Workspace
{
    /// <summary>How a finding moved between two results (Compare-ComplianceResult).</summary>
    public enum ChangeKind
    {
        /// <summary>Worse than before: Green (or not applicable) → Yellow or Red, Yellow → Red, or an evaluated finding now Skipped where it was Green.</summary>
        Regressed,

        /// <summary>Not in the earlier result, or Skipped there (could not run) and judged now.</summary>
        New,

        /// <summary>Better, but not yet Green: Red → Yellow.</summary>
        Improved,

        /// <summary>Red or Yellow before, Green (or not applicable) now.</summary>
        Fixed,

        /// <summary>Found before, not in the later result at all (the rule disabled, the subject gone).</summary>
        Removed,

        /// <summary>The same colour on both sides (a Red or Yellow now Skipped stays as it was: nothing showed it fixed).</summary>
        Unchanged,
    }

    /// <summary>One finding key in two results: the class of change and the values on both sides.</summary>
    public sealed class FindingChange
    {
        public ChangeKind Change { get; set; }

        /// <summary>The key in the later result (in the earlier one when the finding was removed).</summary>
        public string Key { get; set; }

        /// <summary>The key in the earlier result (its period may be a year earlier); null for a new finding.</summary>
        public string ReferenceKey { get; set; }

        public string RuleId { get; set; }

        public string Title { get; set; }

        public string Area { get; set; }

        public string Subject { get; set; }

        public string Period { get; set; }

        public string Unit { get; set; }

        public FindingStatus? ReferenceStatus { get; set; }

        public FindingStatus? DifferenceStatus { get; set; }

        public double? ReferenceValue { get; set; }

        public double? DifferenceValue { get; set; }

        /// <summary>The lines each side was judged against, as a person reads them ("&gt; 30%").</summary>
        public string ReferenceLine { get; set; }

        public string DifferenceLine { get; set; }

        public bool KeyMonitoring { get; set; }

        public string ReferenceValueText => Finding.FormatValue(ReferenceValue, Unit);

        public string DifferenceValueText => Finding.FormatValue(DifferenceValue, Unit);

        public override string ToString() => Change + " " + Key + " " + ReferenceStatus + " → " + DifferenceStatus;

        /// <summary>A shallow copy: reports relabel copies, never the caller's changes.</summary>
        internal FindingChange Copy() => (FindingChange)MemberwiseClone();
    }

    /// <summary>Counts of changes, for a portfolio's "changed since last year" column.</summary>
    public sealed class ChangeSummary
    {
        public int New { get; set; }

        public int Fixed { get; set; }

        public int Regressed { get; set; }

        public int Improved { get; set; }

        public int Removed { get; set; }

        public int Unchanged { get; set; }

        /// <summary>When the earlier result was made.</summary>
        public DateTimeOffset ReferenceRunTime { get; set; }

        public int ReferenceSeason { get; set; }

        public static ChangeSummary Of(IEnumerable<FindingChange> changes, ComplianceResult reference)
        {
            var list = changes.ToList();
            return new ChangeSummary
            {
                New = list.Count(c => c.Change == ChangeKind.New),
                Fixed = list.Count(c => c.Change == ChangeKind.Fixed),
                Regressed = list.Count(c => c.Change == ChangeKind.Regressed),
                Improved = list.Count(c => c.Change == ChangeKind.Improved),
                Removed = list.Count(c => c.Change == ChangeKind.Removed),
                Unchanged = list.Count(c => c.Change == ChangeKind.Unchanged),
                ReferenceRunTime = reference?.RunTime ?? default(DateTimeOffset),
                ReferenceSeason = reference?.Season ?? 0,
            };
        }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "Regressed {0}, New {1}, Improved {2}, Fixed {3}, Removed {4}, Unchanged {5}", Regressed, New, Improved, Fixed, Removed, Unchanged);
    }

    /// <summary>
    /// Compares two results finding by finding. Findings are matched by rule, subject and period, the period read
    /// against each result's report year, so a run of season 2027 meets last season's: CMPL-001|甲|2026-03 (report year
    /// 2026) is the same finding as CMPL-001|甲|2025-03 (report year 2025). Without a report year, keys match as they are.
    /// </summary>
    public static class ResultComparer
    {
        private static readonly Regex s_year = new Regex(@"^(\d{4})(?=$|-)", RegexOptions.CultureInvariant);

        /// <summary>Every key of either side, worst change first (Regressed, New, Improved, Fixed, Removed, Unchanged), then by key.</summary>
        public static IReadOnlyList<FindingChange> Compare(ComplianceResult reference, ComplianceResult difference)
        {
            if (reference == null)
            {
                throw new ArgumentNullException(nameof(reference));
            }

            if (difference == null)
            {
                throw new ArgumentNullException(nameof(difference));
            }

            var before = Index(reference);
            var after = Index(difference);
            var changes = new List<FindingChange>();
            foreach (KeyValuePair<string, Finding> pair in after)
            {
                before.TryGetValue(pair.Key, out Finding old);
                changes.Add(Change(old, pair.Value));
            }

            foreach (KeyValuePair<string, Finding> pair in before.Where(p => !after.ContainsKey(p.Key)))
            {
                changes.Add(Change(pair.Value, null));
            }

            return changes.OrderBy(c => (int)c.Change).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        }

        /// <summary>The class of change from <paramref name="before"/> to <paramref name="after"/> (either may be absent).</summary>
        public static ChangeKind Classify(FindingStatus? before, FindingStatus? after)
        {
            if (!after.HasValue)
            {
                return ChangeKind.Removed;
            }

            if (!before.HasValue)
            {
                return ChangeKind.New;
            }

            if (!Judged(before.Value))
            {
                return Judged(after.Value) ? ChangeKind.New : ChangeKind.Unchanged;
            }

            if (after.Value == FindingStatus.Skipped)
            {
                // Could not run now: a problem is not shown fixed (unchanged); a pass can no longer be shown (regressed).
                return Standing(before.Value) == 0 ? ChangeKind.Regressed : ChangeKind.Unchanged;
            }

            int was = Standing(before.Value);
            int now = Standing(after.Value);
            if (now > was)
            {
                return ChangeKind.Regressed;
            }

            if (now < was)
            {
                return now == 0 ? ChangeKind.Fixed : ChangeKind.Improved;
            }

            return ChangeKind.Unchanged;
        }

        /// <summary>The key a finding is matched by: rule, subject and the period with its year written relative to the report year.</summary>
        public static string MatchKey(Finding f, int? reportYear)
        {
            string period = f.Period ?? string.Empty;
            if (reportYear.HasValue)
            {
                Match m = s_year.Match(period);
                if (m.Success)
                {
                    int offset = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - reportYear.Value;
                    period = "Y" + (offset == 0 ? string.Empty : offset.ToString("+0;-0", CultureInfo.InvariantCulture)) + period.Substring(4);
                }
            }

            return string.Join("|", f.RuleId ?? string.Empty, f.Subject ?? string.Empty, period);
        }

        /// <summary>Green and not applicable: nothing to do (0); Yellow (1); Red (2).</summary>
        private static int Standing(FindingStatus status) => status == FindingStatus.Red ? 2 : (status == FindingStatus.Yellow ? 1 : 0);

        /// <summary>A status that says how the rule fares: evaluated, or not applicable.</summary>
        private static bool Judged(FindingStatus status) => status != FindingStatus.Skipped;

        private static Dictionary<string, Finding> Index(ComplianceResult result)
        {
            var index = new Dictionary<string, Finding>(StringComparer.Ordinal);
            foreach (Finding f in result.Findings.Where(f => f != null))
            {
                string key = MatchKey(f, result.ReportYear);
                if (!index.ContainsKey(key))
                {
                    index.Add(key, f);
                }
            }

            return index;
        }

        private static FindingChange Change(Finding before, Finding after)
        {
            Finding any = after ?? before;
            return new FindingChange
            {
                Change = Classify(before?.Status, after?.Status),
                Key = any.Key,
                ReferenceKey = before?.Key,
                RuleId = any.RuleId,
                Title = any.Title,
                Area = any.Area,
                Subject = any.Subject,
                Period = any.Period,
                Unit = any.Unit,
                ReferenceStatus = before?.Status,
                DifferenceStatus = after?.Status,
                ReferenceValue = before?.Value,
                DifferenceValue = after?.Value,
                ReferenceLine = before?.ThresholdText,
                DifferenceLine = after?.ThresholdText,
                KeyMonitoring = after?.KeyMonitoring ?? false,
            };
        }
    }
}
