using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Systems
{
    /// <summary>SYS-001 in Invoke-ComplianceAudit: log start dates of the Readiness sheet against the check date.</summary>
    public sealed class LogRetentionAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { LogRetention.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Readiness" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            var r = context.Dataset.Readiness;
            yield return LogRetention.Check(context.Catalog.Get(LogRetention.RuleId), r.CallLogsSince, r.GatewayLogsSince, context.AsOf, context.CompanySubject, context.YearPeriod);
        }
    }

    /// <summary>SYS-002 in Invoke-ComplianceAudit: capabilities of the Readiness sheet; AI from the Seats, Traffic and Company sheets.</summary>
    public sealed class SystemCapabilityAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { SystemCapability.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Readiness" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            yield return SystemCapability.Check(context.Catalog.Get(SystemCapability.RuleId), context.Dataset.Readiness, SystemCapability.UsesAi(context.Dataset), context.CompanySubject, context.YearPeriod);
        }
    }
}
