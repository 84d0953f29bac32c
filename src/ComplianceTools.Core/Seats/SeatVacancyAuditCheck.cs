using System.Collections.Generic;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Seats
{
    /// <summary>SEAT-001 in Invoke-ComplianceAudit: the seat detail table.</summary>
    public sealed class SeatVacancyAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { SeatVacancy.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Seats" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            yield return SeatVacancy.Check(context.Catalog.Get(SeatVacancy.RuleId), context.Dataset.Seats, context.CompanySubject, context.YearPeriod, context.Report);
        }
    }
}
