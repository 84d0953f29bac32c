using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Commands.Common
{
    /// <summary>The error for a workbook that lacks a sheet a rule needs: names the workbook, the sheet (English / Chinese) and the rule.</summary>
    internal static class SheetRequirement
    {
        internal static ComplianceProblem Missing(ComplianceDataset dataset, string sheet, string sheetZh, string ruleId)
        {
            return new ComplianceProblem(
                "ComplianceTools.Workbook.SheetMissing",
                ProblemKind.ObjectNotFound,
                Text.Format("SheetMissingForRule", dataset.Path, sheet + " / " + sheetZh, ruleId),
                dataset.Path);
        }

        /// <summary>The check date of a workbook: its Company form's CheckDate, else today.</summary>
        internal static System.DateTime AsOf(ComplianceDataset dataset) => dataset.Company?.CheckDate ?? System.DateTime.Today;

        internal static string Year(ComplianceDataset dataset) => dataset.Company?.ReportYear?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
