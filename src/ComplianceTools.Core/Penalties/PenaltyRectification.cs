using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Penalties
{
    /// <summary>
    /// PEN-001 (guide A, 第三步 三张清单 1): every administrative penalty decided within lookbackYears (3) before
    /// the check date has a rectification report and shows 已整改完成 (closed). Older penalties are out of scope.
    /// </summary>
    public sealed class PenaltyRectification : RuleCheck
    {
        public const string Id = "PEN-001";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Penalties" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            yield return Check(context.Rule, context.Dataset.Penalties, context.AsOf, context.CompanySubject, context.YearPeriod);
        }

        public static Finding Check(RuleDefinition rule, IEnumerable<PenaltyRow> penalties, DateTime asOf, string subject = null, string period = null)
        {
            double years = rule.GetDouble("lookbackYears");
            DateTime since = asOf.Date.AddMonths(-(int)Math.Round(years * 12));
            var inScope = penalties.Where(p => !p.DecisionDate.HasValue || p.DecisionDate.Value.Date >= since).OrderBy(p => p.DecisionDate ?? DateTime.MinValue).ToList();
            var evidence = new List<EvidenceItem>();
            foreach (PenaltyRow p in inScope)
            {
                var missing = new List<string>();
                if (string.IsNullOrWhiteSpace(p.RectificationReport))
                {
                    missing.Add(Text.Get(nameof(Resources.Strings.PenaltyNoReport)));
                }

                if (p.Status != PenaltyStatus.Closed)
                {
                    missing.Add(Text.Get(nameof(Resources.Strings.PenaltyNotClosed)));
                }

                if (!p.DecisionDate.HasValue)
                {
                    missing.Add(Text.Get(nameof(Resources.Strings.PenaltyNoDate)));
                }

                if (missing.Count > 0)
                {
                    string when = p.DecisionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
                    evidence.Add(new EvidenceItem(p.DecisionNumber, Text.Format(nameof(Resources.Strings.PenaltyDetail), p.Authority ?? "—", when, string.Join(", ", missing)), null, p.Origin?.ToString()));
                }
            }

            string reason = Text.Format(nameof(Resources.Strings.PenaltyReason), inScope.Count, since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), evidence.Count);
            return rule.NewFinding(rule.Classify(evidence.Count), evidence.Count, subject ?? "Penalties", period, reason, evidence);
        }
    }
}
