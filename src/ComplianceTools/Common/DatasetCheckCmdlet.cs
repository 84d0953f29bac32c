using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Commands.Common
{
    /// <summary>
    /// A check cmdlet that, given a whole workbook, runs the rule's audit check exactly as Invoke-ComplianceAudit
    /// does: same subject, period and findings, so keys match between the two.
    /// </summary>
    public abstract class DatasetCheckCmdlet : ComplianceCheckCmdlet
    {
        /// <summary>The check date: the -AsOf given, else the Company sheet's CheckDate, else today.</summary>
        protected DateTime CheckDate(DateTime asOf, ComplianceDataset dataset = null)
        {
            if (MyInvocation.BoundParameters.ContainsKey("AsOf"))
            {
                return asOf;
            }

            return dataset?.Company?.CheckDate ?? DateTime.Today;
        }

        /// <summary>
        /// Runs <paramref name="check"/> over <paramref name="dataset"/> and writes its findings. A missing sheet is a
        /// non-terminating error naming it (the next workbook down the pipeline is still checked).
        /// </summary>
        protected void WriteCheck(IAuditCheck check, ComplianceDataset dataset, DateTime asOf)
        {
            foreach (string id in check.RuleIds)
            {
                EnabledRule(id);
            }

            var missing = check.RequiredSheets.Where(s => !SheetNames.IsPresent(dataset, s)).ToList();
            if (missing.Count > 0)
            {
                WriteProblem(SheetRequirement.Missing(dataset, string.Join(", ", check.RuleIds), missing.ToArray()));
                return;
            }

            var context = new AuditContext(dataset, Catalog, asOf, WriteProblem);
            TryRun(() => WriteFindings(check.Run(context).ToList()));
        }

        protected void WriteFindings(IEnumerable<Finding> findings)
        {
            foreach (Finding f in findings)
            {
                WriteObject(f);
            }
        }
    }
}
