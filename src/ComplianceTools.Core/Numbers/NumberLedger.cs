using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Numbers
{
    /// <summary>
    /// NUM-003: every display number that carried outbound calls (Traffic) is on the number-resource ledger (Numbers)
    /// and in use in the month it called: not missing, not suspended, not allocated after that month. Guide B's
    /// reconciliation before 30 April of the business system with the province's 码号资源管理系统. Red on any number;
    /// the evidence lists each (masked where it is a mobile or landline) with its calls and months.
    /// </summary>
    public sealed class NumberLedger : RuleCheck
    {
        public const string Id = "NUM-003";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Traffic", "Numbers" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            var ledger = context.Dataset.Numbers
                .Where(n => !string.IsNullOrWhiteSpace(n?.Number))
                .GroupBy(n => DisplayNumber.Canonical(n.Number), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var calling = context.Dataset.Traffic
                .Where(t => (t?.OutboundCalls ?? 0) > 0 && !string.IsNullOrWhiteSpace(t.DisplayNumber) && MonthKey.TryNormalize(t.Month, out _))
                .GroupBy(t => DisplayNumber.Canonical(t.DisplayNumber), StringComparer.Ordinal)
                .ToList();
            if (calling.Count == 0)
            {
                yield return context.Skipped(context.Rule.Text("NoCalls"));
                yield break;
            }

            var evidence = new List<EvidenceItem>();
            long badCalls = 0;
            foreach (var number in calling.OrderByDescending(g => g.Sum(t => t.OutboundCalls.Value)).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                ledger.TryGetValue(number.Key, out NumberResourceRow filed);
                string problem = null;
                List<TrafficRow> rows = number.ToList();
                if (filed == null)
                {
                    problem = "Missing";
                }
                else if (filed.Status == NumberStatus.Suspended)
                {
                    problem = "Suspended";
                }
                else if (filed.AllocatedOn.HasValue)
                {
                    rows = number.Where(t => MonthKey.TryNormalize(t.Month, out string m) && LastDay(m) < filed.AllocatedOn.Value.Date).ToList();
                    problem = rows.Count > 0 ? "AllocatedLater" : null;
                }

                if (problem == null)
                {
                    continue;
                }

                long calls = rows.Sum(t => t.OutboundCalls.Value);
                badCalls += calls;
                string when = string.Join(UiLanguage.Pick("、", ", "), rows.Select(t => MonthKey.TryNormalize(t.Month, out string m) ? m : t.Month).Distinct().OrderBy(m => m, StringComparer.Ordinal));
                evidence.Add(new EvidenceItem(
                    DisplayNumber.ForDisplay(number.First().DisplayNumber),
                    context.Rule.Text(problem, when, calls, filed?.AllocatedOn),
                    calls,
                    rows[0].Origin?.ToString()));
            }

            evidence = evidence.OrderByDescending(e => e.Value).ThenBy(e => e.Subject, StringComparer.Ordinal).ToList();
            string reason = evidence.Count == 0
                ? context.Rule.Text("Pass", calling.Count)
                : context.Rule.Text("Fail", evidence.Count, calling.Count, badCalls);
            yield return context.Finding(context.Rule.Classify(evidence.Count), evidence.Count, reason, evidence);
        }

        private static DateTime LastDay(string month) => DateTime.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1).AddDays(-1);
    }
}
