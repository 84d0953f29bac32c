using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Filing
{
    /// <summary>ALG-001 in Invoke-ComplianceAudit: the Company form, with AI seats (Seats) and AI calls (Traffic) where those sheets are there.</summary>
    public sealed class AlgorithmFilingAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { AlgorithmFiling.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Company" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            var rule = context.Catalog.Get(AlgorithmFiling.RuleId);
            if (rule.Enabled)
            {
                yield return AlgorithmFiling.Check(rule, context.Dataset, context.CompanySubject, context.YearPeriod);
            }
        }
    }

    /// <summary>XB-001 in Invoke-ComplianceAudit: the Company form's cross-border statement, with overseas seats from the Seats sheet.</summary>
    public sealed class CrossBorderFilingAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { CrossBorderFiling.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Company" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            var rule = context.Catalog.Get(CrossBorderFiling.RuleId);
            if (rule.Enabled)
            {
                yield return CrossBorderFiling.Check(rule, context.Dataset.Company, context.Dataset.Seats, context.CompanySubject, context.YearPeriod);
            }
        }
    }
}
