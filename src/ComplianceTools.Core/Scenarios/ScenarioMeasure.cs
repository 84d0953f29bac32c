using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Scenarios
{
    /// <summary>
    /// SCN-001 and SCN-002 (guide A, 第二步 场景拆分). SCN-001: every script falls in a named scenario (none in
    /// 其他) that is filed, and every filed scenario has its average call length, consent method and
    /// unsubscribe rate. SCN-002: the unsubscribe rate per scenario — marketing (parameter marketingScenarios)
    /// = SMS "N" replies / marketing SMS sent; collection (collectionScenarios) = hangUpWeight × hang-up
    /// rate + complaintWeight × complaint rate.
    /// </summary>
    public static class ScenarioMeasure
    {

        /// <summary>Subject of the SCN-001 finding on the scripts as a whole.</summary>
        public const string ScriptsSubject = "Scripts";

        /// <summary>How a scenario's unsubscribe rate is measured.</summary>
        public enum Method
        {
            Filed,
            Marketing,
            Collection,
        }

        public static IReadOnlyList<Finding> Check(RuleDefinition split, RuleDefinition unsubscribe, IEnumerable<ScenarioRow> scenarios, IEnumerable<ScriptRow> scripts, string period = null)
        {
            var findings = new List<Finding>();
            var rows = scenarios?.ToList();
            if (scripts != null && split != null)
            {
                findings.Add(CheckScripts(split, ScenarioClassifier.FromRule(split).Classify(scripts).ToList(), rows, period));
            }

            foreach (ScenarioRow row in rows ?? new List<ScenarioRow>())
            {
                double? rate = UnsubscribeRate(unsubscribe, row, out Method method, out string how);
                if (split != null)
                {
                    findings.Add(CheckFigures(split, row, rate, period));
                }

                if (unsubscribe != null)
                {
                    findings.Add(CheckUnsubscribe(unsubscribe, row, rate, method, how, period));
                }
            }

            return findings;
        }

        /// <summary>SCN-001 over the scripts: how many are left in 其他, and how many fall in a scenario that is not filed.</summary>
        public static Finding CheckScripts(RuleDefinition rule, IReadOnlyList<ScriptClassification> scripts, IReadOnlyList<ScenarioRow> filed, string period)
        {
            var evidence = new List<EvidenceItem>();
            foreach (ScriptClassification s in scripts.Where(s => s.IsOther))
            {
                evidence.Add(new EvidenceItem(s.ScriptId, Text.Format(nameof(Resources.Strings.ScenarioScriptOther), s.Scenario), s.Calls, s.Location));
            }

            int other = evidence.Count;
            if (filed != null)
            {
                foreach (ScriptClassification s in scripts.Where(s => !s.IsOther && !filed.Any(r => Names(r).Contains(s.Scenario, StringComparer.OrdinalIgnoreCase))))
                {
                    evidence.Add(new EvidenceItem(s.ScriptId, Text.Format(nameof(Resources.Strings.ScenarioNotFiled), s.Scenario, s.MatchedBy), s.Calls, s.Location));
                }
            }

            string reason = Text.Format(nameof(Resources.Strings.ScenarioScriptsReason), scripts.Count, other, evidence.Count - other);
            return rule.NewFinding(rule.Classify(evidence.Count), evidence.Count, ScriptsSubject, period, reason, evidence);
        }

        /// <summary>SCN-001 for one filed scenario: not 其他, and average call length, consent method and unsubscribe rate present.</summary>
        public static Finding CheckFigures(RuleDefinition rule, ScenarioRow row, double? unsubscribeRate, string period)
        {
            string other = rule.GetString("otherScenario") ?? "其他";
            var evidence = new List<EvidenceItem>();
            string location = row.Origin?.ToString();
            if (Names(row).Any(n => string.Equals(n, other, StringComparison.OrdinalIgnoreCase)))
            {
                evidence.Add(new EvidenceItem("Category", Text.Format(nameof(Resources.Strings.ScenarioFiledOther), other), null, location));
            }

            if (!row.AverageCallSeconds.HasValue || row.AverageCallSeconds.Value <= 0)
            {
                evidence.Add(new EvidenceItem("AverageCallSeconds", Text.Format(nameof(Resources.Strings.ScenarioFigureMissing), Text.Get(nameof(Resources.Strings.ScenarioAverageLength))), null, row.Origin?.WithColumn("AverageCallSeconds")?.ToString()));
            }

            if (!row.ConsentMethod.HasValue || row.ConsentMethod == ConsentMethod.None)
            {
                evidence.Add(new EvidenceItem("ConsentMethod", Text.Format(nameof(Resources.Strings.ScenarioFigureMissing), Text.Get(nameof(Resources.Strings.ScenarioConsent))), null, row.Origin?.WithColumn("ConsentMethod")?.ToString()));
            }

            if (!unsubscribeRate.HasValue)
            {
                evidence.Add(new EvidenceItem("UnsubscribeRate", Text.Format(nameof(Resources.Strings.ScenarioFigureMissing), Text.Get(nameof(Resources.Strings.ScenarioUnsubscribe))), null, row.Origin?.WithColumn("UnsubscribeRate")?.ToString()));
            }

            string name = Name(row);
            string reason = evidence.Count == 0
                ? Text.Format(nameof(Resources.Strings.ScenarioFiguresPass), name, row.AverageCallSeconds.Value.ToString("0", CultureInfo.InvariantCulture), row.ConsentMethod, Finding.FormatValue(unsubscribeRate, "ratio"))
                : Text.Format(nameof(Resources.Strings.ScenarioFiguresReason), name, string.Join("; ", evidence.Select(e => e.Detail)));
            return rule.NewFinding(rule.Classify(evidence.Count), evidence.Count, name, period, reason, evidence);
        }

        /// <summary>SCN-002 for one scenario: the measured unsubscribe rate, Yellow when it cannot be measured or disagrees with the filed one.</summary>
        public static Finding CheckUnsubscribe(RuleDefinition rule, ScenarioRow row, double? rate, Method method, string how, string period)
        {
            string name = Name(row);
            if (method == Method.Filed)
            {
                var f = rule.NewFinding(rate.HasValue ? Severity.Green : Severity.Yellow, rate, name, period, rate.HasValue
                    ? Text.Format(nameof(Resources.Strings.UnsubscribeFiled), name, Finding.FormatValue(rate, "ratio"))
                    : Text.Format(nameof(Resources.Strings.UnsubscribeFiledMissing), name));
                if (rate.HasValue)
                {
                    f.Status = FindingStatus.NotApplicable;
                }

                return f;
            }

            if (!rate.HasValue)
            {
                return rule.NewFinding(Severity.Yellow, null, name, period, Text.Format(nameof(Resources.Strings.UnsubscribeCannotMeasure), name, how));
            }

            double tolerance = rule.GetDouble("mismatchTolerance");
            if (row.UnsubscribeRate.HasValue && Math.Abs(row.UnsubscribeRate.Value - rate.Value) > tolerance * Math.Max(rate.Value, 1e-12))
            {
                return rule.NewFinding(Severity.Yellow, rate, name, period, Text.Format(nameof(Resources.Strings.UnsubscribeMismatch), name, Finding.FormatValue(rate, "ratio"), how, Finding.FormatValue(row.UnsubscribeRate, "ratio"), Finding.FormatValue(tolerance, "ratio")));
            }

            return rule.NewFinding(Severity.Green, rate, name, period, Text.Format(nameof(Resources.Strings.UnsubscribeMeasured), name, Finding.FormatValue(rate, "ratio"), how));
        }

        /// <summary>
        /// The scenario's unsubscribe rate by its method: marketing from SMS replies, collection from weighted
        /// hang-up and complaint rates, any other scenario as filed. Null when the figures are missing.
        /// </summary>
        public static double? UnsubscribeRate(RuleDefinition rule, ScenarioRow row, out Method method, out string how)
        {
            method = Method.Filed;
            how = string.Empty;
            if (rule == null)
            {
                return row.UnsubscribeRate;
            }

            var names = Names(row);
            if (rule.GetStrings("marketingScenarios").Any(m => names.Contains(m, StringComparer.OrdinalIgnoreCase)))
            {
                method = Method.Marketing;
                how = Text.Format(nameof(Resources.Strings.UnsubscribeMarketingHow), Count(row.SmsUnsubscribeReplies), Count(row.SmsSent));
                return row.SmsSent.GetValueOrDefault() > 0 && row.SmsUnsubscribeReplies.HasValue ? (double)row.SmsUnsubscribeReplies.Value / row.SmsSent.Value : (double?)null;
            }

            if (rule.GetStrings("collectionScenarios").Any(m => names.Contains(m, StringComparer.OrdinalIgnoreCase)))
            {
                method = Method.Collection;
                double wh = rule.GetDouble("hangUpWeight");
                double wc = rule.GetDouble("complaintWeight");
                how = Text.Format(nameof(Resources.Strings.UnsubscribeCollectionHow), wh.ToString(CultureInfo.InvariantCulture), Finding.FormatValue(row.HangUpRate, "ratio"), wc.ToString(CultureInfo.InvariantCulture), Finding.FormatValue(row.ComplaintRate, "ratio"));
                return row.HangUpRate.HasValue && row.ComplaintRate.HasValue ? (wh * row.HangUpRate.Value) + (wc * row.ComplaintRate.Value) : (double?)null;
            }

            return row.UnsubscribeRate;
        }

        private static string Count(long? value) => value.HasValue ? value.Value.ToString("#,0", CultureInfo.InvariantCulture) : "—";

        private static string Name(ScenarioRow row) => string.IsNullOrWhiteSpace(row.Scenario) ? row.Category : row.Scenario.Trim();

        private static List<string> Names(ScenarioRow row)
        {
            return new[] { row.Scenario, row.Category }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList();
        }
    }
}
