using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Revenue
{
    /// <summary>REV-001 in Invoke-ComplianceAudit: the year's number revenue against settlement invoices, months as evidence.</summary>
    public sealed class RevenueConsistencyAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { RevenueConsistency.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Revenue" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            var rule = context.Catalog.Get(RevenueConsistency.RuleId);
            return rule.Enabled ? RevenueConsistency.Check(rule, context.Dataset.Revenue, context.CompanySubject, report: context.Report) : new Finding[0];
        }
    }
}
