using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Seats
{
    /// <summary>SEAT-001: seat vacancy rate = (seats on file − seats activated) / seats on file (guide B, 数据关).</summary>
    public static class SeatVacancy
    {
        public const string RuleId = "SEAT-001";

        /// <summary>From the seat detail table: every row is a seat on file; the vacant ones are the evidence.</summary>
        public static Finding Check(RuleDefinition rule, IReadOnlyCollection<SeatRow> seats, string subject = null, string period = null)
        {
            var vacant = seats.Where(s => s.Activated != YesNo.Yes).ToList();
            int onFile = seats.Count;
            var evidence = vacant
                .Select(s => new EvidenceItem(s.SeatId, Text.Get(nameof(Resources.Strings.SeatNotActivated)), null, s.Origin?.ToString()))
                .ToList();
            return Check(rule, onFile, onFile - vacant.Count, evidence, subject, period);
        }

        /// <summary>From plain figures, for what-if checks.</summary>
        public static Finding Check(RuleDefinition rule, int seatsOnFile, int seatsActivated, IReadOnlyList<EvidenceItem> evidence = null, string subject = null, string period = null)
        {
            if (seatsOnFile <= 0)
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Seats.NoSeatsOnFile", ProblemKind.InvalidData, Text.Get(nameof(Resources.Strings.SeatsOnFileZero)), RuleId));
            }

            if (seatsActivated < 0 || seatsActivated > seatsOnFile)
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Seats.ActivatedOutOfRange", ProblemKind.InvalidArgument, Text.Format(nameof(Resources.Strings.SeatsActivatedTooMany), seatsOnFile, seatsActivated), RuleId));
            }

            int vacant = seatsOnFile - seatsActivated;
            double rate = (double)vacant / seatsOnFile;
            Severity severity = rule.Classify(rate);
            string reason = Text.Format(nameof(Resources.Strings.SeatVacancyReason), vacant, seatsOnFile, Finding.FormatValue(rate, rule.Unit), Finding.ComparisonSymbol(rule.Threshold.Comparison) + " " + Finding.FormatValue(rule.Threshold.Value, rule.Unit));
            return rule.NewFinding(severity, rate, subject ?? "Seats", period, reason, evidence);
        }
    }
}
