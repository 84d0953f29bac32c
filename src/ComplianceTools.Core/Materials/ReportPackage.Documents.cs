using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Core.Materials
{
    /// <summary>MAT-001 and MAT-002: each required document present (and the social-insurance list covering the months asked for).</summary>
    public static partial class ReportPackage
    {
        private static PackageCheck Presence(PackageDocument document, IReadOnlyList<PackageFile> files, Context context)
        {
            string location = files.Count > 0 ? files[0].DisplayPath : null;
            if (files.Count > 0)
            {
                return new PackageCheck(document.RuleId, Severity.Green, Text.Format(nameof(Strings.MaterialsFound), List(files.Select(f => f.DisplayPath))), location);
            }

            if (document.IsConditional)
            {
                switch (context.RobotSeats)
                {
                    case Tristate.No:
                        return new PackageCheck(document.RuleId, Severity.Green, Text.Get(nameof(Strings.MaterialsAiNotRequired)));
                    case Tristate.Unknown:
                        return new PackageCheck(document.RuleId, Severity.Yellow, Text.Get(nameof(Strings.MaterialsAiUnknown)));
                    default:
                        return new PackageCheck(document.RuleId, Severity.Red, Text.Format(nameof(Strings.MaterialsAiRequired), context.RobotEvidence, string.Join(" / ", document.Patterns)));
                }
            }

            return new PackageCheck(document.RuleId, Severity.Red, Text.Format(nameof(Strings.MaterialsMissing), string.Join(" / ", document.Patterns)));
        }

        private static PackageCheck SocialInsuranceMonths(PackageDocument document, Context context, int needed)
        {
            IReadOnlyList<SocialInsuranceRow> rows = context.Dataset?.SocialInsurance;
            if (rows == null)
            {
                return new PackageCheck(document.RuleId, Severity.Yellow, Text.Get(nameof(Strings.MaterialsSocialMonthsUnknown)));
            }

            var months = rows.Select(r => ParseMonth(r.Month)).Where(m => m.HasValue).Select(m => m.Value).Distinct().OrderBy(m => m).ToList();
            string list = List(months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
            if (months.Count < needed)
            {
                return new PackageCheck(document.RuleId, Severity.Red, Text.Format(nameof(Strings.MaterialsSocialMonthsShort), months.Count, months.Count == 0 ? "—" : list, needed), "SocialInsurance");
            }

            return new PackageCheck(document.RuleId, Severity.Green, Text.Format(nameof(Strings.MaterialsSocialMonthsOk), months.Count, list, needed), "SocialInsurance");
        }

        /// <summary>MAT-001/MAT-002: Value is the number of its documents with a Red check (missing, too few months); Yellow ones are to review.</summary>
        private static Finding DocumentFinding(RuleDefinition rule, IReadOnlyList<PackageChecklistItem> checklist, PackageInput input)
        {
            var rows = checklist.Where(c => c.RuleId == rule.Id).ToList();
            var evidence = Evidence(rule.Id, rows);
            var red = rows.Where(r => Worst(r, rule.Id) == Severity.Red).ToList();
            var yellow = rows.Where(r => Worst(r, rule.Id) == Severity.Yellow).ToList();
            int required = rows.Count(r => r.Required);
            string reason;
            if (red.Count > 0)
            {
                reason = Text.Format(nameof(Strings.MaterialsListReasonMissing), red.Count, required, List(red.Select(r => r.Document)));
            }
            else if (yellow.Count > 0)
            {
                reason = Text.Format(nameof(Strings.MaterialsListReasonReview), required, List(yellow.Select(r => r.Document)));
            }
            else
            {
                reason = Text.Format(nameof(Strings.MaterialsListReasonOk), required);
            }

            if (rows.Any(r => !r.Required))
            {
                reason += " " + Text.Get(nameof(Strings.MaterialsAiNotRequired));
            }

            return NewFinding(rule, red.Count, yellow.Count, input, reason, evidence);
        }
    }
}
