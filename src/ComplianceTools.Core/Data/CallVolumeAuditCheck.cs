using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Data
{
    /// <summary>DATA-001 in Invoke-ComplianceAudit: yearly volumes per source from the Revenue sheet, months as evidence.</summary>
    public sealed class CallVolumeAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { CallVolume.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Revenue" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            var rule = context.Catalog.Get(CallVolume.RuleId);
            return rule.Enabled ? CallVolume.Check(rule, context.Dataset.Revenue, report: context.Report) : new Finding[0];
        }
    }
}
