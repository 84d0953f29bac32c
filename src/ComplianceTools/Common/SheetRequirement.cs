using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Commands.Common
{
    /// <summary>The error for a workbook that lacks a sheet a rule needs: names the workbook, the sheet (English / Chinese) and the rule.</summary>
    internal static class SheetRequirement
    {
        /// <param name="dataset">The workbook read.</param>
        /// <param name="ruleIds">The rule or rules that need the sheets (as the message shows them).</param>
        /// <param name="sheets">English sheet names; the schema supplies the Chinese ones.</param>
        internal static ComplianceProblem Missing(ComplianceDataset dataset, string ruleIds, params string[] sheets)
        {
            return new ComplianceProblem(
                "ComplianceTools.Workbook.SheetMissing",
                ProblemKind.ObjectNotFound,
                Text.Format(nameof(Core.Resources.Strings.SheetMissingForRule), dataset.Path ?? string.Empty, string.Join(", ", sheets.Select(SheetNames.Describe)), ruleIds),
                (object)dataset.Path ?? sheets[0]);
        }

        /// <summary>The check date of a workbook: its Company form's CheckDate, else today.</summary>
        internal static System.DateTime AsOf(ComplianceDataset dataset) => dataset.Company?.CheckDate ?? System.DateTime.Today;

        internal static string Year(ComplianceDataset dataset) => dataset.Company?.ReportYear?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
