using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Numbers
{
    /// <summary>NUM-001 in Invoke-ComplianceAudit: display-number classes of the Traffic sheet.</summary>
    public sealed class NumberConsistencyAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { NumberConsistency.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Traffic" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            yield return NumberConsistency.Check(context.Catalog.Get(NumberConsistency.RuleId), context.Dataset.Traffic, context.CompanySubject, context.YearPeriod);
        }
    }

    /// <summary>NUM-002 in Invoke-ComplianceAudit: callback tests against the gateways of the number ledger.</summary>
    public sealed class CallbackReadinessAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { CallbackReadiness.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "CallbackTests", "Numbers" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            return CallbackReadiness.Check(context.Catalog.Get(CallbackReadiness.RuleId), context.Dataset.CallbackTests, context.Dataset.Numbers, context.YearPeriod);
        }
    }
}
