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
    /// NUM-002 (guide B, 现场检 "号"): each 95/96 number lands on the gateway filed for it in the number ledger,
    /// and a callback connects within 30 seconds. One finding per number tested (its latest test decides);
    /// a 95/96 number in use that was never tested is Yellow, since the inspectors will try it.
    /// </summary>
    public sealed class CallbackReadiness : RuleCheck
    {
        public const string Id = "NUM-002";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "CallbackTests", "Numbers" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            return Check(context.Rule, context.Dataset.CallbackTests, context.Dataset.Numbers, context.YearPeriod);
        }

        public static IReadOnlyList<Finding> Check(RuleDefinition rule, IEnumerable<CallbackTestRow> tests, IEnumerable<NumberResourceRow> ledger, string period = null)
        {
            var filed = new Dictionary<string, NumberResourceRow>(StringComparer.Ordinal);
            foreach (NumberResourceRow n in (ledger ?? Enumerable.Empty<NumberResourceRow>()).Where(n => n != null && !string.IsNullOrWhiteSpace(n.Number)))
            {
                string key = DisplayNumber.Canonical(n.Number);
                if (!filed.ContainsKey(key))
                {
                    filed[key] = n;
                }
            }

            var findings = new List<Finding>();
            var tested = new HashSet<string>(StringComparer.Ordinal);
            var groups = (tests ?? Enumerable.Empty<CallbackTestRow>()).Where(t => t != null && !string.IsNullOrWhiteSpace(t.Number))
                .Select((t, i) => new { Test = t, Index = i })
                .GroupBy(t => DisplayNumber.Canonical(t.Test.Number), StringComparer.Ordinal);
            foreach (var g in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                tested.Add(g.Key);
                var ordered = g.OrderBy(t => t.Test.TestedAt ?? DateTime.MinValue).ThenBy(t => t.Index).Select(t => t.Test).ToList();
                CallbackTestRow latest = ordered[ordered.Count - 1];
                filed.TryGetValue(g.Key, out NumberResourceRow entry);
                findings.Add(CheckOne(rule, latest, entry, ordered, period));
            }

            foreach (KeyValuePair<string, NumberResourceRow> n in filed.Where(n => !tested.Contains(n.Key)).OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                bool shortNumber = n.Value.NumberType == NumberType.Short95 || n.Value.NumberType == NumberType.Short96
                    || (!n.Value.NumberType.HasValue && DisplayNumber.Classify(n.Value.Number) == DisplayNumberClass.ShortNumber);
                if (shortNumber && n.Value.Status != NumberStatus.Suspended)
                {
                    findings.Add(rule.NewFinding(Severity.Yellow, null, DisplayNumber.ForDisplay(n.Value.Number), period, Text.Get(nameof(Resources.Strings.CallbackNotTested)), new[] { new EvidenceItem(DisplayNumber.ForDisplay(n.Value.Number), Text.Format(nameof(Resources.Strings.CallbackFiledOn), n.Value.FiledGateway ?? "-"), null, n.Value.Origin?.ToString()) }));
                }
            }

            return findings;
        }

        private static Finding CheckOne(RuleDefinition rule, CallbackTestRow test, NumberResourceRow entry, IReadOnlyList<CallbackTestRow> history, string period)
        {
            string number = DisplayNumber.ForDisplay(test.Number);
            var problems = new List<string>();
            Severity severity = Severity.Green;
            bool connected = test.Connected.HasValue ? test.Connected.Value == YesNo.Yes : test.ConnectSeconds.HasValue;
            double? seconds = connected ? test.ConnectSeconds : null;
            string threshold = rule.ThresholdText;
            if (!connected)
            {
                problems.Add(Text.Get(nameof(Resources.Strings.CallbackNotConnected)));
                severity = rule.FailSeverity;
            }
            else if (!seconds.HasValue)
            {
                problems.Add(Text.Get(nameof(Resources.Strings.CallbackNoSeconds)));
                severity = Severity.Yellow;
            }
            else if (rule.Classify(seconds.Value) != Severity.Green)
            {
                problems.Add(Text.Format(nameof(Resources.Strings.CallbackTooSlow), seconds.Value.ToString("0.#", CultureInfo.CurrentCulture), threshold));
                severity = rule.Classify(seconds.Value);
            }

            if (entry == null)
            {
                problems.Add(Text.Get(nameof(Resources.Strings.CallbackNotInLedger)));
                severity = rule.FailSeverity;
            }
            else if (string.IsNullOrWhiteSpace(entry.FiledGateway))
            {
                problems.Add(Text.Get(nameof(Resources.Strings.CallbackNoFiledGateway)));
                severity = Max(severity, Severity.Yellow);
            }
            else if (!SameGateway(entry.FiledGateway, test.LandedGateway))
            {
                problems.Add(Text.Format(nameof(Resources.Strings.CallbackWrongGateway), string.IsNullOrWhiteSpace(test.LandedGateway) ? "-" : test.LandedGateway.Trim(), entry.FiledGateway.Trim()));
                severity = rule.FailSeverity;
            }

            string reason = problems.Count == 0
                ? Text.Format(nameof(Resources.Strings.CallbackPassed), seconds.Value.ToString("0.#", CultureInfo.CurrentCulture), entry.FiledGateway.Trim(), threshold)
                : string.Join(" ", problems);
            var evidence = history.Reverse().Select(t => new EvidenceItem(
                t.TestedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-",
                Text.Format(nameof(Resources.Strings.CallbackTestEvidence), string.IsNullOrWhiteSpace(t.LandedGateway) ? "-" : t.LandedGateway.Trim(), t.Connected?.ToString() ?? "-", t.ConnectSeconds?.ToString("0.#", CultureInfo.CurrentCulture) ?? "-"),
                t.ConnectSeconds,
                t.Origin?.ToString())).ToList();
            return rule.NewFinding(severity, seconds, number, period ?? test.TestedAt?.Year.ToString(CultureInfo.InvariantCulture), reason, evidence);
        }

        private static Severity Max(Severity a, Severity b) => a > b ? a : b;

        private static bool SameGateway(string filed, string landed)
        {
            return string.Equals(Fold(filed), Fold(landed), StringComparison.OrdinalIgnoreCase);
        }

        private static string Fold(string s) => new string((s ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray()).Normalize(System.Text.NormalizationForm.FormKC);
    }
}
