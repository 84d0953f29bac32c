using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Complaints
{
    /// <summary>CMPL-003: share of tickets answered within firstResponseHours and closed within closeHours (guide B's standard answer: 2 h, 24 h).</summary>
    public sealed class ComplaintHandlingTime : RuleCheck
    {
        public const string Id = "CMPL-003";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Complaints" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            yield return ComplaintHandling.CheckTimes(context.Rule, context.Dataset.Complaints, context.AsOf, context.CompanySubject, context.YearPeriod, context.Report);
        }
    }
}
