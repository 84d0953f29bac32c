using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Materials;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Engine.Materials
{
    /// <summary>
    /// What MAT-001 to MAT-004 share: the package folder (-Path, else the Company sheet's PackageFolder relative to the
    /// workbook) walked and its PDFs read once per run, whichever of the four rules asks first. Without a folder each
    /// rule is Skipped and says where to name one; a folder that does not exist is reported once.
    /// </summary>
    public abstract class MaterialsCheck : RuleCheck
    {
        /// <summary>Path: the package folder. Progress: called before each PDF is read (index, PDFs, file).</summary>
        public override IReadOnlyList<string> Inputs { get; } = new[] { "Path", "Progress" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            string folder = context.Input("Path") as string ?? PackageChecker.FolderFromDataset(context.Dataset, context.BaseDirectory);
            if (folder == null)
            {
                return new[] { context.Skipped(Text.Get(nameof(Strings.MaterialsAuditNoFolderSkip))) };
            }

            if (!Directory.Exists(folder))
            {
                context.Shared("MaterialsMissing|" + folder, () =>
                {
                    context.Report(new ComplianceProblem("ComplianceTools.Materials.FolderNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.MaterialsFolderNotFound), folder), folder));
                    return true;
                });
                return new[] { context.Skipped(Text.Format(nameof(Strings.MaterialsAuditFolderMissingSkip), folder)) };
            }

            PackageResult result = context.Shared("Materials|" + folder, () => PackageChecker.Check(
                folder, context.Dataset, context.Catalog, context.Report, context.Input("Progress") as Action<int, int, string>, context.CompanySubject, context.YearPeriod));
            return result.Findings.Where(f => string.Equals(f.RuleId, RuleId, StringComparison.OrdinalIgnoreCase));
        }
    }
}
