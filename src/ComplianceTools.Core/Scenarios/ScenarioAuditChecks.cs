using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Scenarios
{
    /// <summary>WIN-001 in Invoke-ComplianceAudit: each scenario's permitted hours, and the Traffic sheet's calls in the window where it is there.</summary>
    public sealed class CallingWindowAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { CallingWindow.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Scenarios" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            var rule = context.Catalog.Get(CallingWindow.RuleId);
            return rule.Enabled ? CallingWindow.Check(rule, context.Dataset.Scenarios, context.Dataset.Traffic, context.YearPeriod, context.Report) : Enumerable.Empty<Finding>();
        }
    }

    /// <summary>SCN-001 and SCN-002 in Invoke-ComplianceAudit: scripts classified, scenario figures present, unsubscribe rates measured.</summary>
    public sealed class ScenarioMeasureAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { ScenarioMeasure.SplitRuleId, ScenarioMeasure.UnsubscribeRuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Scenarios" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            var split = context.Catalog.Get(ScenarioMeasure.SplitRuleId);
            var unsubscribe = context.Catalog.Get(ScenarioMeasure.UnsubscribeRuleId);
            return ScenarioMeasure.Check(split.Enabled ? split : null, unsubscribe.Enabled ? unsubscribe : null, context.Dataset.Scenarios, context.Dataset.Scripts, context.YearPeriod);
        }
    }
}
