using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Training
{
    /// <summary>TRAIN-001 in Invoke-ComplianceAudit: active agents of the Staff sheet against the Training sheet, for the report year.</summary>
    public sealed class TrainingCoverageAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { TrainingCoverage.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Staff", "Training" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            var rule = context.Catalog.Get(TrainingCoverage.RuleId);
            if (!rule.Enabled)
            {
                yield break;
            }

            int? year = context.Dataset.Company?.ReportYear;
            if (!year.HasValue)
            {
                yield return rule.NewSkipped(FindingStatus.Skipped, context.CompanySubject, null, Text.Get(nameof(Resources.Strings.TrainingYearMissing)));
                yield break;
            }

            yield return TrainingCoverage.Check(rule, context.Dataset.Staff, context.Dataset.Training, year.Value, context.CompanySubject);
        }
    }
}
