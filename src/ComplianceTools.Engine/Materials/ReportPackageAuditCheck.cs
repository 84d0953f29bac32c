using System.Collections.Generic;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Materials;
using ComplianceTools.Core.Rules;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Engine.Materials
{
    /// <summary>
    /// MAT-001 to MAT-004 in Invoke-ComplianceAudit: runs when the Company sheet names the package folder
    /// (PackageFolder / 材料包目录, relative to the workbook); otherwise each rule is Skipped with that reason.
    /// Lives in the engine because it reads PDFs.
    /// </summary>
    public sealed class ReportPackageAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds => ReportPackage.RuleIds;

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Company" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            var rules = RuleIds.Select(context.Catalog.Get).Where(r => r.Enabled).ToList();
            string folder = PackageChecker.FolderFromDataset(context.Dataset, context.BaseDirectory);
            if (folder == null)
            {
                return Skipped(rules, context, Text.Get(nameof(Strings.MaterialsAuditNoFolderSkip)));
            }

            if (!Directory.Exists(folder))
            {
                context.Report(new ComplianceProblem(
                    "ComplianceTools.Materials.FolderNotFound",
                    ProblemKind.ObjectNotFound,
                    Text.Format(nameof(Strings.MaterialsFolderNotFound), folder),
                    folder));
                return Skipped(rules, context, Text.Format(nameof(Strings.MaterialsAuditFolderMissingSkip), folder));
            }

            return PackageChecker.Check(folder, context.Dataset, context.Catalog, context.Report, null, context.CompanySubject, context.YearPeriod).Findings;
        }

        private static IEnumerable<Finding> Skipped(IEnumerable<RuleDefinition> rules, AuditContext context, string reason)
        {
            return rules.Select(r => r.NewSkipped(FindingStatus.Skipped, context.CompanySubject, context.YearPeriod, reason)).ToList();
        }
    }
}
