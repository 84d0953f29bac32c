using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Core.Staff
{
    /// <summary>STAFF-001: every seated agent on the social-insurance list and the payroll (guide B: 坐席工位、社保名单、工资流水三对照); the seats where that sheet is there.</summary>
    public sealed class StaffMatch : RuleCheck
    {
        public const string Id = "STAFF-001";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Staff", "SocialInsurance", "Payroll" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            ComplianceDataset d = context.Dataset;
            yield return StaffingConsistency.CheckMatch(context.Rule, d.Staff, d.Seats, d.SocialInsurance, d.Payroll, context.CompanySubject, context.YearPeriod);
        }
    }
}
