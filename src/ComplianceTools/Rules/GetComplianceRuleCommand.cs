using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Rules;

namespace ComplianceTools.Commands.Rules
{
    /// <summary>Lists the rule catalog, with the thresholds in force after any baseline.</summary>
    [Cmdlet(VerbsCommon.Get, "ComplianceRule")]
    [OutputType(typeof(RuleDefinition))]
    public sealed class GetComplianceRuleCommand : ComplianceCheckCmdlet
    {
        /// <summary>Rule ids to list (wildcards allowed): SEAT-001, CMPL-*.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("RuleId")]
        [SupportsWildcards]
        public string[] Id { get; set; }

        /// <summary>Only the rules of these areas (Seats, Complaints, …).</summary>
        [Parameter]
        public string[] Area { get; set; }

        private readonly HashSet<string> _written = new HashSet<string>();

        protected override void ProcessRecord()
        {
            IEnumerable<RuleDefinition> rules = Catalog.Rules;
            if (Area != null && Area.Length > 0)
            {
                rules = rules.Where(r => Area.Any(a => string.Equals(a, r.Area, System.StringComparison.OrdinalIgnoreCase)));
            }

            if (Id == null || Id.Length == 0)
            {
                foreach (RuleDefinition rule in rules)
                {
                    Emit(rule);
                }

                return;
            }

            var list = rules.ToList();
            foreach (string id in Id)
            {
                var pattern = new WildcardPattern(id, WildcardOptions.IgnoreCase);
                var matches = list.Where(r => pattern.IsMatch(r.Id)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(id))
                {
                    TryRun(() => Catalog.Get(id));
                    continue;
                }

                matches.ForEach(Emit);
            }
        }

        private void Emit(RuleDefinition rule)
        {
            if (_written.Add(rule.Id))
            {
                WriteObject(rule);
            }
        }
    }
}
