using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Complaints
{
    /// <summary>CMPL-001 in Invoke-ComplianceAudit: complaints over the outbound calls of the Traffic sheet.</summary>
    public sealed class ComplaintRateAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { ComplaintRate.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Complaints", "Traffic" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            return ComplaintRate.Check(context.Catalog.Get(ComplaintRate.RuleId), context.Dataset.Complaints, context.Dataset.Traffic, context.CompanySubject, context.YearPeriod);
        }
    }

    /// <summary>CMPL-002 and CMPL-003 in Invoke-ComplianceAudit: closure rate and handling time of the complaint tickets.</summary>
    public sealed class ComplaintHandlingAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { ComplaintHandling.ClosureRuleId, ComplaintHandling.TimeRuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Complaints" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            return new[]
            {
                ComplaintHandling.CheckClosure(context.Catalog.Get(ComplaintHandling.ClosureRuleId), context.Dataset.Complaints, context.AsOf, context.CompanySubject, context.YearPeriod),
                ComplaintHandling.CheckTimes(context.Catalog.Get(ComplaintHandling.TimeRuleId), context.Dataset.Complaints, context.AsOf, context.CompanySubject, context.YearPeriod, context.Report),
            };
        }
    }
}
