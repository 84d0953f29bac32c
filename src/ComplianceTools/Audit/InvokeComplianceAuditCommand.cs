using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Commands.Audit
{
    /// <summary>
    /// Runs every enabled rule the workbook has data for, writes each finding as it comes and then one summary:
    /// counts of Red, Yellow and Green, rules skipped for missing data (with the sheet), rules a baseline disabled.
    /// Checks are found by reflection in ComplianceTools.Core and ComplianceTools.Engine, so new rules join without
    /// this cmdlet changing.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ComplianceAudit", DefaultParameterSetName = DatasetSet)]
    [OutputType(typeof(Finding), typeof(AuditSummary))]
    public sealed class InvokeComplianceAuditCommand : ComplianceCheckCmdlet
    {
        private const string DatasetSet = "Dataset";
        private const int ProgressId = 1;

        private static readonly Lazy<IReadOnlyList<IAuditCheck>> s_checks = new Lazy<IReadOnlyList<IAuditCheck>>(
            () => AuditChecks.Discover(typeof(IAuditCheck).Assembly, typeof(Engine.Rules.CatalogLoader).Assembly));

        /// <summary>A whole workbook, as Import-ComplianceWorkbook writes it without -Sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>Only these rules (ids, wildcards allowed: CMPL-*); default every rule.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Rule { get; set; }

        /// <summary>The check date; default the Company sheet's CheckDate, else today.</summary>
        [Parameter]
        public DateTime AsOf { get; set; }

        protected override void ProcessRecord()
        {
            Audit(Dataset);
        }

        /// <summary>Audits one dataset; every parameter set ends here.</summary>
        private void Audit(ComplianceDataset dataset)
        {
            IReadOnlyList<string> rules = SelectedRules();
            DateTime? asOf = MyInvocation.BoundParameters.ContainsKey(nameof(AsOf)) ? AsOf : (DateTime?)null;
            string activity = Text.Get(nameof(Core.Resources.Strings.AuditActivity));
            AuditResult result = Run(() => AuditRunner.Run(
                s_checks.Value,
                dataset,
                Catalog,
                rules,
                asOf,
                p => WriteProgress(new ProgressRecord(ProgressId, activity, Text.Format(nameof(Core.Resources.Strings.AuditStatus), p.Index, p.Count, string.Join(", ", p.RuleIds))) { PercentComplete = p.PercentComplete }),
                WriteProblem,
                WriteObject));
            WriteProgress(new ProgressRecord(ProgressId, activity, activity) { RecordType = ProgressRecordType.Completed });
            WriteObject(result.Summary);
        }

        /// <summary>The rule ids -Rule names, wildcards expanded; null for every rule. An unknown id is an error naming it.</summary>
        private IReadOnlyList<string> SelectedRules()
        {
            if (Rule == null)
            {
                return null;
            }

            var ids = new List<string>();
            foreach (string pattern in Rule)
            {
                if (!WildcardPattern.ContainsWildcardCharacters(pattern))
                {
                    ids.Add(Run(() => Catalog.Get(pattern)).Id);
                    continue;
                }

                var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
                ids.AddRange(Catalog.Rules.Where(r => wildcard.IsMatch(r.Id)).Select(r => r.Id));
            }

            return ids.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
    }
}
