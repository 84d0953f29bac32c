using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Core.Staff
{
    /// <summary>
    /// STAFF-002: people on the social-insurance list against seats on file (guide A: 500 seats with 180 insured is
    /// 虚假扩容). Seats on file: the figure typed in, else the Company sheet's, else the number of seat rows. The
    /// what-if takes SeatsOnFile and InsuredStaff.
    /// </summary>
    public sealed class InsuredStaff : RuleCheck
    {
        public const string Id = "STAFF-002";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "SocialInsurance" };

        public override IReadOnlyList<string> Figures { get; } = new[] { "SeatsOnFile", "InsuredStaff" };

        /// <summary>With rows: SeatsOnFile typed in stands for the Company sheet's figure.</summary>
        public override IReadOnlyList<string> OptionalFigures { get; } = new[] { "SeatsOnFile" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            if (HasFigures(context.Dataset) && context.Figure("InsuredStaff").HasValue)
            {
                yield return StaffingConsistency.CheckInsured(context.Rule, (int)context.Figure("SeatsOnFile"), (int)context.Figure("InsuredStaff"), null, context.CompanySubject, context.YearPeriod);
                yield break;
            }

            int? seats = (int?)context.Figure("SeatsOnFile") ?? SeatsOnFile(context.Dataset);
            if (!seats.HasValue)
            {
                yield return context.Skipped(Text.Get(nameof(Resources.Strings.StaffNoSeatsFigure)));
                yield break;
            }

            yield return StaffingConsistency.CheckInsured(context.Rule, context.Dataset.SocialInsurance, seats.Value, context.CompanySubject, context.YearPeriod);
        }

        /// <summary>Seats on file: the Company sheet's figure, else the number of seat rows; null when neither is given.</summary>
        public static int? SeatsOnFile(ComplianceDataset dataset)
        {
            if (dataset.Company?.SeatsOnFile > 0)
            {
                return dataset.Company.SeatsOnFile;
            }

            return dataset.Seats != null && dataset.Seats.Count > 0 ? dataset.Seats.Count : (int?)null;
        }
    }
}
