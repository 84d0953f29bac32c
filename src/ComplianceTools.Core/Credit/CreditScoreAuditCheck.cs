using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Credit
{
    /// <summary>CRED-001 in Invoke-ComplianceAudit: the Company form's score, with the complaint rate from Complaints and Traffic.</summary>
    public sealed class CreditScoreAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { CreditScore.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Company" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            var rule = context.Catalog.Get(CreditScore.RuleId);
            if (rule.Enabled)
            {
                yield return CreditScore.Check(rule, context.Dataset, context.CompanySubject, context.YearPeriod);
            }
        }
    }
}
