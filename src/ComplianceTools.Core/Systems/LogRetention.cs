using System.Collections.Generic;
using System.Globalization;
using System;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Systems
{
    /// <summary>
    /// SYS-001 (guide B, 现场检): call and gateway logs reach back at least 6 months from the check date.
    /// The value is the shorter of the two, in whole months (logs since 2025-09-01 checked on 2026-03-01 = 6).
    /// A log whose start date is not given cannot be shown to the inspectors: at least Yellow.
    /// </summary>
    public sealed class LogRetention : RuleCheck
    {
        public const string Id = "SYS-001";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Readiness" };

        public override IReadOnlyList<string> OptionalFigures { get; } = new[] { "CallLogsSince", "GatewayLogsSince" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            if (HasFigures(context.Dataset))
            {
                yield return Check(context.Rule, context.FigureValue("CallLogsSince") as DateTime?, context.FigureValue("GatewayLogsSince") as DateTime?, context.AsOf, context.CompanySubject, context.YearPeriod);
                yield break;
            }

            Readiness r = context.Dataset.Readiness;
            yield return Check(context.Rule, r.CallLogsSince, r.GatewayLogsSince, context.AsOf, context.CompanySubject, context.YearPeriod);
        }

        public static Finding Check(RuleDefinition rule, DateTime? callLogsSince, DateTime? gatewayLogsSince, DateTime asOf, string subject = null, string period = null)
        {
            var evidence = new List<EvidenceItem>();
            int? calls = Describe(evidence, Text.Get(nameof(Resources.Strings.LogCallLogs)), callLogsSince, asOf);
            int? gateway = Describe(evidence, Text.Get(nameof(Resources.Strings.LogGatewayLogs)), gatewayLogsSince, asOf);
            int? shortest = calls.HasValue && gateway.HasValue ? Math.Min(calls.Value, gateway.Value) : (calls ?? gateway);
            Severity severity = shortest.HasValue ? rule.Classify(shortest.Value) : Severity.Yellow;
            string reason;
            if (!calls.HasValue || !gateway.HasValue)
            {
                severity = (Severity)Math.Max((int)severity, (int)Severity.Yellow);
                reason = Text.Format(nameof(Resources.Strings.LogDateMissing), shortest.HasValue ? Finding.FormatValue(shortest, rule.Unit) : "-", rule.ThresholdText, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else
            {
                reason = Text.Format(nameof(Resources.Strings.LogRetentionReason), Finding.FormatValue(shortest, rule.Unit), asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rule.ThresholdText);
            }

            return rule.NewFinding(severity, shortest, subject ?? "Logs", period ?? asOf.Year.ToString(CultureInfo.InvariantCulture), reason, evidence);
        }

        private static int? Describe(List<EvidenceItem> evidence, string log, DateTime? since, DateTime asOf)
        {
            if (!since.HasValue)
            {
                evidence.Add(new EvidenceItem(log, Text.Get(nameof(Resources.Strings.LogSinceMissing))));
                return null;
            }

            int months = MonthKey.MonthsBetween(since.Value.Date, asOf.Date);
            evidence.Add(new EvidenceItem(log, Text.Format(nameof(Resources.Strings.LogSince), since.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), months), months));
            return months;
        }
    }
}
