using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Penalties
{
    /// <summary>PEN-001 in Invoke-ComplianceAudit: the Penalties sheet, looking back from the check date.</summary>
    public sealed class PenaltyRectificationAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { PenaltyRectification.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Penalties" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            var rule = context.Catalog.Get(PenaltyRectification.RuleId);
            if (rule.Enabled)
            {
                yield return PenaltyRectification.Check(rule, context.Dataset.Penalties, context.AsOf, context.CompanySubject, context.YearPeriod);
            }
        }
    }
}
