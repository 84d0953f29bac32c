using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Core.Systems
{
    /// <summary>
    /// SYS-002 (guide B, 现场检 "系统"): a one-click complaint button; where AI robots call (AI seats or AI outbound
    /// calls), intent recognition and an immediate hand-over to a human; predictive dialling declared when used.
    /// The value is the number of capabilities missing; the AI part is not applicable without AI.
    /// </summary>
    public sealed class SystemCapability : RuleCheck
    {
        public const string Id = "SYS-002";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Readiness" };

        /// <summary>-UsesAi: AI robots call, when the workbook cannot say so (only the Readiness form was given).</summary>
        public override IReadOnlyList<string> Inputs { get; } = new[] { "UsesAi" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            bool usesAi = UsesAi(context.Dataset) || context.Input("UsesAi") is bool given && given;
            yield return Check(context.Rule, context.Dataset.Readiness, usesAi, context.CompanySubject, context.YearPeriod);
        }

        /// <summary>Whether AI robots call: AI seats, AI outbound calls, or AI capability declared on the Company sheet.</summary>
        public static bool UsesAi(ComplianceDataset dataset)
        {
            return (dataset.Seats?.Any(s => s?.SeatType == SeatType.AI) ?? false)
                || (dataset.Traffic?.Any(t => (t?.AiOutboundCalls ?? 0) > 0) ?? false)
                || dataset.Company?.AiCapabilityDeclared == YesNo.Yes;
        }

        public static Finding Check(RuleDefinition rule, Readiness readiness, bool usesAi, string subject = null, string period = null)
        {
            readiness = readiness ?? new Readiness();
            var evidence = new List<EvidenceItem>();
            var missing = new List<string>();

            void Item(string name, bool applies, YesNo? value, string notApplicable = null)
            {
                if (!applies)
                {
                    evidence.Add(new EvidenceItem(name, notApplicable));
                    return;
                }

                bool present = value == YesNo.Yes;
                if (!present)
                {
                    missing.Add(name);
                }

                evidence.Add(new EvidenceItem(name, Text.Get(present ? nameof(Resources.Strings.CapabilityPresent) : (value.HasValue ? nameof(Resources.Strings.CapabilityMissing) : nameof(Resources.Strings.CapabilityNotStated))), present ? 0 : 1, readiness.Origin?.ToString()));
            }

            Item(Text.Get(nameof(Resources.Strings.CapabilityComplaintButton)), true, readiness.ComplaintButton);
            string noAi = Text.Get(nameof(Resources.Strings.CapabilityNoAi));
            Item(Text.Get(nameof(Resources.Strings.CapabilityAiIntent)), usesAi, readiness.AiIntentRecognition, noAi);
            Item(Text.Get(nameof(Resources.Strings.CapabilityAiHandover)), usesAi, readiness.AiHumanHandover, noAi);
            if (readiness.PredictiveDialling == YesNo.No)
            {
                Item(Text.Get(nameof(Resources.Strings.CapabilityPredictive)), false, null, Text.Get(nameof(Resources.Strings.CapabilityPredictiveNotUsed)));
            }
            else if (readiness.PredictiveDialling == YesNo.Yes)
            {
                Item(Text.Get(nameof(Resources.Strings.CapabilityPredictive)), true, readiness.PredictiveDiallingDeclared);
            }
            else
            {
                Item(Text.Get(nameof(Resources.Strings.CapabilityPredictiveUse)), true, null);
            }

            string reason = missing.Count == 0
                ? Text.Get(nameof(Resources.Strings.CapabilityAllPresent))
                : Text.Format(nameof(Resources.Strings.CapabilityMissingReason), missing.Count, string.Join(", ", missing));
            return rule.NewFinding(rule.Classify(missing.Count), missing.Count, subject ?? "Systems", period, reason, evidence);
        }
    }
}
