using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;

namespace ComplianceTools.Core.Staff
{
    /// <summary>STAFF-001 in Invoke-ComplianceAudit: agents against insurance and payroll (and the seats, when the sheet is there).</summary>
    public sealed class StaffMatchAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { StaffingConsistency.MatchRuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Staff", "SocialInsurance", "Payroll" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            ComplianceTools.Core.Workbook.ComplianceDataset d = context.Dataset;
            yield return StaffingConsistency.CheckMatch(context.Catalog.Get(StaffingConsistency.MatchRuleId), d.Staff, d.Seats, d.SocialInsurance, d.Payroll, context.CompanySubject, context.YearPeriod);
        }
    }

    /// <summary>STAFF-002 in Invoke-ComplianceAudit: insured people against seats on file (Company sheet, else the seat rows).</summary>
    public sealed class InsuredStaffAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { StaffingConsistency.InsuredRuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "SocialInsurance" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            RuleDefinition rule = context.Catalog.Get(StaffingConsistency.InsuredRuleId);
            int? seats = SeatsOnFile(context.Dataset);
            if (!seats.HasValue)
            {
                yield return rule.NewSkipped(FindingStatus.Skipped, context.CompanySubject, context.YearPeriod, Text.Get(nameof(Resources.Strings.StaffNoSeatsFigure)));
                yield break;
            }

            yield return StaffingConsistency.CheckInsured(rule, context.Dataset.SocialInsurance, seats.Value, context.CompanySubject, context.YearPeriod);
        }

        /// <summary>Seats on file: the Company sheet's figure, else the number of seat rows; null when neither is given.</summary>
        public static int? SeatsOnFile(ComplianceTools.Core.Workbook.ComplianceDataset dataset)
        {
            if (dataset.Company?.SeatsOnFile > 0)
            {
                return dataset.Company.SeatsOnFile;
            }

            return dataset.Seats != null && dataset.Seats.Count > 0 ? dataset.Seats.Count : (int?)null;
        }
    }
}
