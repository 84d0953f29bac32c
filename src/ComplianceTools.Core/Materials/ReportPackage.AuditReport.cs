using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Core.Materials
{
    /// <summary>MAT-004: the audit report from a qualified firm with the accepted opinion.</summary>
    public static partial class ReportPackage
    {
        /// <summary>MAT-004 from the materials sheet: the firm's securities-and-futures qualification and the opinion type.</summary>
        private static void AuditReport(IReadOnlyList<MaterialRow> rows, Context context, AuditOpinion accepted, List<PackageCheck> checks)
        {
            MaterialRow qualified = rows.FirstOrDefault(r => r.SecuritiesQualified.HasValue);
            MaterialRow opinion = rows.FirstOrDefault(r => r.AuditOpinion.HasValue);
            string firm = rows.Select(r => r.AuditFirm).FirstOrDefault(f => !string.IsNullOrWhiteSpace(f))?.Trim() ?? Text.Get(nameof(Strings.MaterialsAuditFirmUnnamed));
            if (context.Dataset?.Materials == null || rows.Count == 0)
            {
                checks.Add(new PackageCheck(AuditRuleId, Severity.Yellow, Text.Get(nameof(Strings.MaterialsAuditNoRow)), context.Dataset?.Materials == null ? null : "Materials"));
                return;
            }

            bool problem = false;
            if (qualified == null)
            {
                checks.Add(new PackageCheck(AuditRuleId, Severity.Yellow, Text.Format(nameof(Strings.MaterialsAuditQualificationBlank), firm), Where(rows[0])));
                problem = true;
            }
            else if (qualified.SecuritiesQualified == YesNo.No)
            {
                checks.Add(new PackageCheck(AuditRuleId, Severity.Red, Text.Format(nameof(Strings.MaterialsAuditNotQualified), firm), Where(qualified)));
                problem = true;
            }

            if (opinion == null)
            {
                checks.Add(new PackageCheck(AuditRuleId, Severity.Yellow, Text.Get(nameof(Strings.MaterialsAuditOpinionBlank)), Where(rows[0])));
                problem = true;
            }
            else if (opinion.AuditOpinion != accepted)
            {
                checks.Add(new PackageCheck(AuditRuleId, Severity.Red, Text.Format(nameof(Strings.MaterialsAuditOpinionBad), OpinionText(opinion.AuditOpinion.Value), OpinionText(accepted)), Where(opinion)));
                problem = true;
            }

            if (!problem)
            {
                checks.Add(new PackageCheck(AuditRuleId, Severity.Green, Text.Format(nameof(Strings.MaterialsAuditOk), firm, OpinionText(accepted)), Where(opinion)));
            }
        }

        private static AuditOpinion AcceptedOpinionOf(RuleDefinition rule)
        {
            string text = rule.GetString("acceptedOpinion")?.Trim();
            if (Choices.TryParse(text, out AuditOpinion value))
            {
                return value;
            }

            throw new ComplianceException(new ComplianceProblem(
                "ComplianceTools.Materials.AcceptedOpinionInvalid",
                ProblemKind.InvalidData,
                Text.Format(nameof(Strings.MaterialsAcceptedOpinionInvalid), rule.Id, text),
                rule.Id));
        }

        /// <summary>The opinion as the workbook names it (标准无保留意见), with the English name in English.</summary>
        private static string OpinionText(AuditOpinion value)
        {
            return UiLanguage.IsChinese ? Choices.Label(value) : value + " (" + Choices.Label(value) + ")";
        }
    }
}
