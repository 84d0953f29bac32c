using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
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
        private const string PathSet = "Path";
        private const int ProgressId = 1;

        /// <summary>A whole workbook, as Import-ComplianceWorkbook writes it without -Sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>The input workbook (.xlsx) to read and audit; opened read-only. Several paths audit several workbooks.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        /// <summary>Call-record files per source for DATA-001/DATA-002 (Compare-CallRecord): @{ Platform = '…'; Carrier = '…'; PrivacyNumber = '…' }.</summary>
        [Parameter]
        public System.Collections.Hashtable CallRecords { get; set; }

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
            if (ParameterSetName == DatasetSet)
            {
                Audit(Dataset);
                return;
            }

            foreach (string path in Path)
            {
                // A workbook that cannot be read is an error for that path; the next one is still audited.
                ComplianceDataset dataset = null;
                if (TryRun(() => dataset = Engine.Workbook.WorkbookReader.ReadDataset(ResolvePath(path), WriteProblem)))
                {
                    Audit(dataset);
                }
            }
        }

        /// <summary>Audits one dataset; every parameter set ends here.</summary>
        private void Audit(ComplianceDataset dataset)
        {
            IReadOnlyList<string> rules = SelectedRules();
            DateTime? asOf = MyInvocation.BoundParameters.ContainsKey(nameof(AsOf)) ? AsOf : (DateTime?)null;
            string activity = Text.Get(nameof(Core.Resources.Strings.AuditActivity));
            AuditResult result = Run(() => AuditRunner.Run(
                RuleCmdlet.AllChecks,
                dataset,
                Catalog,
                rules,
                asOf,
                p => WriteProgress(new ProgressRecord(ProgressId, activity, Text.Format(nameof(Core.Resources.Strings.AuditStatus), p.Index, p.Count, string.Join(", ", p.RuleIds))) { PercentComplete = p.PercentComplete }),
                WriteProblem,
                WriteObject,
                Inputs()));
            WriteProgress(new ProgressRecord(ProgressId, activity, activity) { RecordType = ProgressRecordType.Completed });
            WriteObject(result.Summary);
        }

        /// <summary>Named inputs for checks that read files beside the workbook (CallRecords → source → paths).</summary>
        private IDictionary<string, object> Inputs()
        {
            var inputs = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            if (CallRecords != null)
            {
                var sources = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
                foreach (System.Collections.DictionaryEntry entry in CallRecords)
                {
                    object value = entry.Value is PSObject ps ? ps.BaseObject : entry.Value;
                    sources[entry.Key.ToString()] = value is System.Collections.IEnumerable list && !(value is string)
                        ? list.Cast<object>().Select(v => ResolvePath(v.ToString())).ToArray()
                        : new[] { ResolvePath(value.ToString()) };
                }

                inputs["CallRecords"] = sources;
            }

            return inputs;
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
