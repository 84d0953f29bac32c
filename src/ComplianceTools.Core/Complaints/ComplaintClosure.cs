using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Complaints
{
    /// <summary>CMPL-002: closed tickets / all tickets (guide B: 98% or more turns 黄灯 into 绿灯), from the complaint tickets.</summary>
    public sealed class ComplaintClosure : RuleCheck
    {
        public const string Id = "CMPL-002";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Complaints" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            yield return ComplaintHandling.CheckClosure(context.Rule, context.Dataset.Complaints, context.AsOf, context.CompanySubject, context.YearPeriod);
        }
    }
}
