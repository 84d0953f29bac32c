using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Seats
{
    /// <summary>
    /// SEAT-001: seat vacancy rate = (seats on file − seats activated) / seats on file (guide B, 数据关), from the seat
    /// detail table, or from the two figures SeatsOnFile and SeatsActivated for a what-if.
    /// </summary>
    public sealed class SeatVacancy : RuleCheck
    {
        public const string Id = "SEAT-001";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Seats" };

        public override IReadOnlyList<string> Figures { get; } = new[] { "SeatsOnFile", "SeatsActivated" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            if (HasFigures(context.Dataset))
            {
                yield return Check(context.Rule, (int)context.Figure("SeatsOnFile"), (int)context.Figure("SeatsActivated"), null, context.CompanySubject, context.YearPeriod);
                yield break;
            }

            yield return Check(context.Rule, context.Dataset.Seats, context.CompanySubject, context.YearPeriod, context.Report);
        }

        /// <summary>
        /// From the seat detail table: every row is a seat on file; the vacant ones (activated = No) are the evidence.
        /// A seat with an empty activation field is unknown, not vacant: a located warning goes to
        /// <paramref name="report"/>, the seat is listed apart in the evidence and left out of the rate (both sides).
        /// </summary>
        public static Finding Check(RuleDefinition rule, IReadOnlyCollection<SeatRow> seats, string subject = null, string period = null, Action<ComplianceProblem> report = null)
        {
            var unknown = seats.Where(s => !s.Activated.HasValue).ToList();
            var known = seats.Where(s => s.Activated.HasValue).ToList();
            var vacant = known.Where(s => s.Activated != YesNo.Yes).ToList();
            foreach (SeatRow seat in unknown)
            {
                string where = seat.Origin?.WithColumn(Text.Get(nameof(Resources.Strings.SeatActivatedColumn)))?.ToString() ?? seat.SeatId;
                report?.Invoke(new ComplianceProblem(
                    "ComplianceTools.Seats.ActivationUnknown", ProblemKind.Warning, Text.Format(nameof(Resources.Strings.SeatActivationUnknownWarning), where, seat.SeatId), seat.Origin ?? (object)seat.SeatId));
            }

            var evidence = vacant
                .Select(s => new EvidenceItem(s.SeatId, Text.Get(nameof(Resources.Strings.SeatNotActivated)), null, s.Origin?.ToString()))
                .Concat(unknown.Select(s => new EvidenceItem(s.SeatId, Text.Get(nameof(Resources.Strings.SeatActivationUnknown)), null, s.Origin?.ToString())))
                .ToList();
            if (known.Count == 0 && unknown.Count > 0)
            {
                return rule.NewSkipped(FindingStatus.Skipped, subject ?? "Seats", period, Text.Format(nameof(Resources.Strings.SeatActivationAllUnknown), unknown.Count));
            }

            Finding finding = Check(rule, known.Count, known.Count - vacant.Count, evidence, subject, period);
            if (unknown.Count > 0)
            {
                finding.Reason += " " + Text.Format(nameof(Resources.Strings.SeatActivationUnknownReason), unknown.Count, seats.Count);
            }

            return finding;
        }

        /// <summary>From plain figures, for what-if checks.</summary>
        public static Finding Check(RuleDefinition rule, int seatsOnFile, int seatsActivated, IReadOnlyList<EvidenceItem> evidence = null, string subject = null, string period = null)
        {
            if (seatsOnFile <= 0)
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Seats.NoSeatsOnFile", ProblemKind.InvalidData, Text.Get(nameof(Resources.Strings.SeatsOnFileZero)), Id));
            }

            if (seatsActivated < 0 || seatsActivated > seatsOnFile)
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Seats.ActivatedOutOfRange", ProblemKind.InvalidArgument, Text.Format(nameof(Resources.Strings.SeatsActivatedTooMany), seatsOnFile, seatsActivated), Id));
            }

            int vacant = seatsOnFile - seatsActivated;
            double rate = (double)vacant / seatsOnFile;
            Severity severity = rule.Classify(rate);
            string reason = Text.Format(nameof(Resources.Strings.SeatVacancyReason), vacant, seatsOnFile, Finding.FormatValue(rate, rule.Unit), rule.ThresholdText);
            return rule.NewFinding(severity, rate, subject ?? "Seats", period, reason, evidence);
        }
    }
}
