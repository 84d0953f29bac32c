using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Complaints
{
    /// <summary>
    /// CMPL-002 closure rate (closed tickets / all tickets, at least 98%) and CMPL-003 handling time (share of
    /// tickets answered within <c>firstResponseHours</c> and closed within <c>closeHours</c>). Open tickets count
    /// against and are shown with their age at the check date; a ticket without a close time cannot prove it
    /// was closed in time and counts against too.
    /// </summary>
    public static class ComplaintHandling
    {

        /// <summary>How many open or slow tickets the evidence names.</summary>
        internal const int EvidenceTop = 10;

        /// <summary>CMPL-002: closed / all; the evidence lists the open tickets, oldest first.</summary>
        public static Finding CheckClosure(RuleDefinition rule, IEnumerable<ComplaintRow> tickets, DateTime asOf, string subject = null, string period = null)
        {
            List<Ticket> all = Measure(tickets, asOf, 0, 0, null);
            if (all.Count == 0)
            {
                return rule.NewSkipped(FindingStatus.NotApplicable, subject ?? "Complaints", period, Text.Get(nameof(Resources.Strings.ComplaintNoTickets)));
            }

            int closed = all.Count(t => t.Closed);
            double rate = (double)closed / all.Count;
            var evidence = all.Where(t => !t.Closed)
                .OrderByDescending(t => t.AgeHours ?? double.MaxValue).ThenBy(t => t.Row.TicketId, StringComparer.Ordinal)
                .Take(EvidenceTop)
                .Select(t => new EvidenceItem(t.Row.TicketId, t.Describe(asOf), t.AgeHours, t.Row.Origin?.ToString()))
                .ToList();
            string reason = Text.Format(nameof(Resources.Strings.ComplaintClosureReason), closed, all.Count, Finding.FormatValue(rate, rule.Unit), rule.ThresholdText);
            return rule.NewFinding(rule.Classify(rate), rate, subject ?? "Complaints", period ?? YearOf(all), reason, evidence);
        }

        /// <summary>CMPL-003: tickets within both limits / all; the evidence lists the slowest tickets. Bad times are reported.</summary>
        public static Finding CheckTimes(RuleDefinition rule, IEnumerable<ComplaintRow> tickets, DateTime asOf, string subject = null, string period = null, Action<ComplianceProblem> report = null)
        {
            double responseLimit = rule.GetDouble("firstResponseHours");
            double closeLimit = rule.GetDouble("closeHours");
            List<Ticket> all = Measure(tickets, asOf, responseLimit, closeLimit, report);
            if (all.Count == 0)
            {
                return rule.NewSkipped(FindingStatus.NotApplicable, subject ?? "Complaints", period, Text.Get(nameof(Resources.Strings.ComplaintNoTickets)));
            }

            int within = all.Count(t => t.Within);
            double share = (double)within / all.Count;
            var evidence = all.Where(t => !t.Within)
                .OrderByDescending(t => t.Slowness).ThenBy(t => t.Row.TicketId, StringComparer.Ordinal)
                .Take(EvidenceTop)
                .Select(t => new EvidenceItem(t.Row.TicketId, t.Describe(asOf), t.CloseHours ?? t.AgeHours, t.Row.Origin?.ToString()))
                .ToList();
            string reason = Text.Format(
                nameof(Resources.Strings.ComplaintTimeReason),
                within,
                all.Count,
                responseLimit.ToString("0.##", CultureInfo.CurrentCulture),
                closeLimit.ToString("0.##", CultureInfo.CurrentCulture),
                Finding.FormatValue(share, rule.Unit),
                rule.ThresholdText,
                rule.WarningText);
            return rule.NewFinding(rule.Classify(share), share, subject ?? "Complaints", period ?? YearOf(all), reason, evidence);
        }

        private static string YearOf(List<Ticket> tickets)
        {
            var months = tickets.Where(t => t.Row.ReceivedAt.HasValue).Select(t => MonthKey.Of(t.Row.ReceivedAt.Value)).OrderBy(m => m, StringComparer.Ordinal).ToList();
            return months.Count == 0 ? null : MonthKey.PeriodOf(months[0], months[months.Count - 1]);
        }

        private static List<Ticket> Measure(IEnumerable<ComplaintRow> rows, DateTime asOf, double responseLimit, double closeLimit, Action<ComplianceProblem> report)
        {
            var list = new List<Ticket>();
            foreach (ComplaintRow row in rows)
            {
                if (row == null)
                {
                    continue;
                }

                var t = new Ticket { Row = row };
                t.Closed = row.Status.HasValue ? row.Status.Value == TicketStatus.Closed : row.ClosedAt.HasValue;
                if (row.ReceivedAt.HasValue)
                {
                    DateTime received = row.ReceivedAt.Value;
                    DateTime? answered = row.FirstResponseAt ?? (t.Closed ? row.ClosedAt : null);
                    t.ResponseHours = answered.HasValue ? (answered.Value - received).TotalHours : (double?)null;
                    t.CloseHours = t.Closed && row.ClosedAt.HasValue ? (row.ClosedAt.Value - received).TotalHours : (double?)null;
                    t.AgeHours = t.Closed ? (double?)null : Math.Max(0, (asOf - received).TotalHours);
                    if ((t.ResponseHours ?? 0) < 0 || (t.CloseHours ?? 0) < 0)
                    {
                        t.OutOfOrder = true;
                        report?.Invoke(new ComplianceProblem(
                            "ComplianceTools.Complaints.TimesOutOfOrder",
                            ProblemKind.InvalidData,
                            Text.Format(nameof(Resources.Strings.ComplaintTimesOutOfOrder), row.TicketId, row.Origin?.ToString() ?? string.Empty),
                            (object)row.Origin ?? row.TicketId));
                    }
                }

                t.Within = !t.OutOfOrder && t.Closed && t.ResponseHours.HasValue && t.CloseHours.HasValue
                    && t.ResponseHours.Value <= responseLimit && t.CloseHours.Value <= closeLimit;
                list.Add(t);
            }

            return list;
        }

        private sealed class Ticket
        {
            public ComplaintRow Row { get; set; }

            public bool Closed { get; set; }

            public double? ResponseHours { get; set; }

            public double? CloseHours { get; set; }

            public double? AgeHours { get; set; }

            public bool Within { get; set; }

            public bool OutOfOrder { get; set; }

            /// <summary>Sort key of the slowest tickets: unknown times first, then the longest.</summary>
            public double Slowness => OutOfOrder || !Row.ReceivedAt.HasValue ? double.MaxValue : Math.Max(CloseHours ?? AgeHours ?? double.MaxValue, ResponseHours ?? double.MaxValue);

            public string Describe(DateTime asOf)
            {
                if (!Row.ReceivedAt.HasValue)
                {
                    return Text.Get(nameof(Resources.Strings.ComplaintNoReceivedTime));
                }

                if (OutOfOrder)
                {
                    return Text.Get(nameof(Resources.Strings.ComplaintTimesOutOfOrderShort));
                }

                string response = ResponseHours.HasValue ? After(ResponseHours.Value) : Text.Get(nameof(Resources.Strings.ComplaintNotRecorded));
                if (!Closed)
                {
                    return Text.Format(nameof(Resources.Strings.ComplaintOpenEvidence), response, Hours(AgeHours ?? 0), asOf.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                }

                string close = CloseHours.HasValue ? After(CloseHours.Value) : Text.Get(nameof(Resources.Strings.ComplaintNotRecorded));
                return Text.Format(nameof(Resources.Strings.ComplaintClosedEvidence), response, close);
            }

            private static string Hours(double h) => h.ToString("0.#", CultureInfo.CurrentCulture) + " h";

            private static string After(double h) => Text.Format(nameof(Resources.Strings.ComplaintAfterHours), h.ToString("0.#", CultureInfo.CurrentCulture));
        }
    }
}
