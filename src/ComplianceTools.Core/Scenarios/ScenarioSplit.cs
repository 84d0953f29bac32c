using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;

namespace ComplianceTools.Core.Scenarios
{
    /// <summary>
    /// SCN-001: every outbound script in a named scenario, none in 其他, and each filed scenario with its average call
    /// length, consent method and unsubscribe rate (guide A, 第二步 场景拆分). The scenario figures are measured as
    /// SCN-002 measures them, with its weights.
    /// </summary>
    public sealed class ScenarioSplit : RuleCheck
    {
        public const string Id = "SCN-001";

        public override string RuleId => Id;

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            if (context.Dataset.Scenarios == null && context.Dataset.Scripts == null)
            {
                // Either sheet is enough: the scripts are classified, the filed scenarios' figures checked.
                return new[] { context.Skipped(SheetNames.MissingReason(context.Dataset, new[] { "Scenarios" })) };
            }

            if ((context.Dataset.Scenarios == null || SheetNames.IsBlank(context.Dataset, "Scenarios")) && (context.Dataset.Scripts == null || SheetNames.IsBlank(context.Dataset, "Scripts")))
            {
                // No script and no scenario is nothing filled in, not "every script in a named scenario".
                string sheets = string.Join(", ", new[] { "Scenarios", "Scripts" }.Where(s => SheetNames.IsPresent(context.Dataset, s)).Select(SheetNames.Describe));
                return new[] { context.Skipped(Text.Format(nameof(Resources.Strings.AuditSheetBlank), sheets)) };
            }

            RuleDefinition unsubscribe = context.Catalog.Get(UnsubscribeRate.Id);
            return ScenarioMeasure.Check(context.Rule, unsubscribe.Enabled ? unsubscribe : null, context.Dataset.Scenarios, context.Dataset.Scripts, context.YearPeriod)
                .Where(f => f.RuleId == Id);
        }
    }
}
