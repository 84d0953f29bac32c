using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.CallRecords;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Engine.CallRecords
{
    /// <summary>
    /// DATA-002: the per-call reconciliation of the platform, carrier and privacy-number call records (guide A: key =
    /// caller number + call start time, de-duplicated, then matched). Needs the files: without them it is Skipped and
    /// says how to give them.
    /// </summary>
    public sealed class CallRecordMatch : RuleCheck
    {
        public override string RuleId => CallRecordFindings.MatchRuleId;

        public override IReadOnlyList<string> Inputs { get; } = new[] { CallRecordInputs.InputName };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            if (!CallRecordInputs.Given(context))
            {
                // The subject is the one the reconciliation's own findings carry, so the plan item keeps its key once the files come.
                return new[] { context.Rule.NewSkipped(FindingStatus.Skipped, CallRecordFindings.Subject(null), context.YearPeriod, Text.Get(nameof(Core.Resources.Strings.CallRecordsNotGiven))) };
            }

            return CallRecordInputs.Compare(context).Findings.Where(f => f.RuleId == RuleId);
        }
    }
}
