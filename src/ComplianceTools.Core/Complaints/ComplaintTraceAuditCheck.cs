using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Complaints
{
    /// <summary>CMPL-004 in Invoke-ComplianceAudit: the Complaints sheet's 12321, 12345 and MIIT tickets.</summary>
    public sealed class ComplaintTraceAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { ComplaintTrace.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Complaints" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            var rule = context.Catalog.Get(ComplaintTrace.RuleId);
            if (rule.Enabled)
            {
                yield return ComplaintTrace.Check(rule, context.Dataset.Complaints, context.CompanySubject, context.YearPeriod);
            }
        }
    }
}
