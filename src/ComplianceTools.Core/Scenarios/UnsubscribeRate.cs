using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Scenarios
{
    /// <summary>
    /// SCN-002: the unsubscribe rate per scenario (guide A: marketing by replies "N" to the SMS port, collection by
    /// hang-up rate and complaint rate weighted), against the rate filed.
    /// </summary>
    public sealed class UnsubscribeRate : RuleCheck
    {
        public const string Id = "SCN-002";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Scenarios" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            return ScenarioMeasure.Check(null, context.Rule, context.Dataset.Scenarios, context.Dataset.Scripts, context.YearPeriod);
        }
    }
}
