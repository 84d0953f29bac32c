using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Privacy;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Staff
{
    /// <summary>
    /// STAFF-001 (guide B, 现场检 "人"): every agent is on the seat list, the social-insurance list and the payroll.
    /// STAFF-002 (guide A): social-insured staff against seats on file (500 seats, 180 insured = "faked capacity").
    /// Agents are the Staff rows marked as agents and still employed, plus the employee ids on activated seats.
    /// People are matched by employee id, else by ID number; evidence shows masked names and ID numbers only.
    /// The insurance list and the payroll are taken at their latest month.
    /// </summary>
    public static class StaffingConsistency
    {

        /// <summary>How many agents the evidence names.</summary>
        internal const int EvidenceTop = 50;

        /// <summary>STAFF-001. <paramref name="seats"/> may be null (no seat sheet): then the seat list is not compared.</summary>
        public static Finding CheckMatch(RuleDefinition rule, IEnumerable<StaffRow> staff, IEnumerable<SeatRow> seats, IEnumerable<SocialInsuranceRow> insurance, IEnumerable<PayrollRow> payroll, string subject = null, string period = null)
        {
            var staffRows = (staff ?? Enumerable.Empty<StaffRow>()).Where(s => s != null).ToList();
            var seatRows = seats?.Where(s => s != null).ToList();
            var agents = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
            foreach (StaffRow s in staffRows.Where(s => s.IsAgent == YesNo.Yes && s.Enabled != YesNo.No && !string.IsNullOrWhiteSpace(s.EmployeeId)))
            {
                agents[Key(s.EmployeeId)] = new Person(s.EmployeeId, s.Name, s.IdNumber, s.Origin?.ToString());
            }

            var seated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (seatRows != null)
            {
                var byId = staffRows.Where(s => !string.IsNullOrWhiteSpace(s.EmployeeId)).GroupBy(s => Key(s.EmployeeId), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
                foreach (SeatRow seat in seatRows.Where(s => s.Activated == YesNo.Yes && !string.IsNullOrWhiteSpace(s.AgentEmployeeId)))
                {
                    string id = Key(seat.AgentEmployeeId);
                    seated.Add(id);
                    if (!agents.ContainsKey(id))
                    {
                        byId.TryGetValue(id, out StaffRow known);
                        agents[id] = new Person(seat.AgentEmployeeId, known?.Name, known?.IdNumber, seat.Origin?.ToString());
                    }
                }
            }

            string siMonth;
            List<Person> insured = Latest(insurance, r => r.Month, r => new Person(r.EmployeeId, r.Name, r.IdNumber, r.Origin?.ToString()), out siMonth);
            string payMonth;
            List<Person> paid = Latest(payroll, r => r.Month, r => new Person(r.EmployeeId, r.Name, r.IdNumber, r.Origin?.ToString()), out payMonth);
            string who = subject ?? "Staff";
            string when = period ?? (siMonth ?? payMonth)?.Substring(0, 4);
            if (agents.Count == 0)
            {
                return rule.NewSkipped(FindingStatus.Skipped, who, when, Text.Get(nameof(Resources.Strings.StaffNoAgents)));
            }

            var insuredList = new PersonList(insured);
            var paidList = new PersonList(paid);
            string seatName = Text.Get(nameof(Resources.Strings.StaffListSeats));
            string siName = Text.Get(nameof(Resources.Strings.StaffListInsurance));
            string payName = Text.Get(nameof(Resources.Strings.StaffListPayroll));
            var missingEvidence = new List<EvidenceItem>();
            var idMatchEvidence = new List<EvidenceItem>();
            int missingSeat = 0, missingSi = 0, missingPay = 0, missingAny = 0;
            foreach (Person agent in agents.Values.OrderBy(a => a.EmployeeId, StringComparer.Ordinal))
            {
                var missing = new List<string>();
                if (seatRows != null && !seated.Contains(Key(agent.EmployeeId)))
                {
                    missing.Add(seatName);
                    missingSeat++;
                }

                Match si = insuredList.Find(agent);
                if (si == null)
                {
                    missing.Add(siName);
                    missingSi++;
                }

                Match pay = paidList.Find(agent);
                if (pay == null)
                {
                    missing.Add(payName);
                    missingPay++;
                }

                string label = agent.EmployeeId + " " + (Mask.Name(agent.Name) ?? string.Empty);
                if (missing.Count > 0)
                {
                    missingAny++;
                    missingEvidence.Add(new EvidenceItem(label.Trim(), Text.Format(nameof(Resources.Strings.StaffMissingFrom), string.Join(", ", missing)), missing.Count, agent.Location));
                }

                foreach (var m in new[] { Tuple.Create(si, siName), Tuple.Create(pay, payName) }.Where(m => m.Item1 != null && m.Item1.ByIdNumber))
                {
                    idMatchEvidence.Add(new EvidenceItem(label.Trim(), Text.Format(nameof(Resources.Strings.StaffMatchedByIdNumber), m.Item2, Mask.IdNumber(agent.IdNumber), m.Item1.Person.EmployeeId ?? "-"), null, m.Item1.Person.Location));
                }
            }

            var evidence = missingEvidence.Take(EvidenceTop).Concat(idMatchEvidence.Take(EvidenceTop)).ToList();
            string reason = Text.Format(
                nameof(Resources.Strings.StaffMatchReason),
                missingAny,
                agents.Count,
                seatRows == null ? "-" : missingSeat.ToString(System.Globalization.CultureInfo.CurrentCulture),
                missingSi,
                missingPay,
                siMonth ?? "-",
                payMonth ?? "-");
            return rule.NewFinding(rule.Classify(missingAny), missingAny, who, when, reason, evidence);
        }

        /// <summary>STAFF-002 from the insurance list (distinct people of its latest month) and the seats on file.</summary>
        public static Finding CheckInsured(RuleDefinition rule, IEnumerable<SocialInsuranceRow> insurance, int seatsOnFile, string subject = null, string period = null)
        {
            List<Person> insured = Latest(insurance, r => r.Month, r => new Person(r.EmployeeId, r.Name, r.IdNumber, r.Origin?.ToString()), out string month);
            int people = insured.Select(p => p.IdentityKey).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            var evidence = month == null ? null : new[] { new EvidenceItem(month, Text.Format(nameof(Resources.Strings.StaffInsuredMonth), people), people) };
            return CheckInsured(rule, seatsOnFile, people, evidence, subject, period ?? month?.Substring(0, 4));
        }

        /// <summary>STAFF-002 from plain figures, for what-if checks.</summary>
        public static Finding CheckInsured(RuleDefinition rule, int seatsOnFile, int insuredStaff, IReadOnlyList<EvidenceItem> evidence = null, string subject = null, string period = null)
        {
            if (seatsOnFile <= 0)
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Staff.NoSeatsOnFile", ProblemKind.InvalidData, Text.Get(nameof(Resources.Strings.StaffSeatsOnFileZero)), InsuredStaff.Id));
            }

            if (insuredStaff < 0)
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Staff.NegativeCount", ProblemKind.InvalidArgument, Text.Format(nameof(Resources.Strings.StaffInsuredNegative), insuredStaff), InsuredStaff.Id));
            }

            double ratio = (double)insuredStaff / seatsOnFile;
            string reason = Text.Format(nameof(Resources.Strings.StaffInsuredReason), insuredStaff, seatsOnFile, Finding.FormatValue(ratio, rule.Unit), rule.ThresholdText);
            return rule.NewFinding(rule.Classify(ratio), ratio, subject ?? "Staff", period, reason, evidence);
        }

        private static string Key(string id) => (id ?? string.Empty).Trim();

        private static string IdKey(string idNumber) => string.IsNullOrWhiteSpace(idNumber) ? null : new string(idNumber.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

        /// <summary>The rows of the latest month (months in any usual form); rows without a readable month are left out.</summary>
        private static List<Person> Latest<T>(IEnumerable<T> rows, Func<T, string> month, Func<T, Person> person, out string latest)
        {
            var keyed = (rows ?? Enumerable.Empty<T>()).Where(r => r != null)
                .Select(r => new { Row = r, Month = MonthKey.TryNormalize(month(r), out string m) ? m : null })
                .Where(r => r.Month != null)
                .ToList();
            latest = keyed.Count == 0 ? null : keyed.Max(r => r.Month);
            string last = latest;
            return keyed.Where(r => r.Month == last).Select(r => person(r.Row)).ToList();
        }

        private sealed class Person
        {
            public Person(string employeeId, string name, string idNumber, string location)
            {
                EmployeeId = string.IsNullOrWhiteSpace(employeeId) ? null : employeeId.Trim();
                Name = name;
                IdNumber = IdKey(idNumber);
                Location = location;
            }

            public string EmployeeId { get; }

            public string Name { get; }

            public string IdNumber { get; }

            public string Location { get; }

            /// <summary>Who the person is for counting: ID number, else employee id, else name.</summary>
            public string IdentityKey => IdNumber ?? (EmployeeId != null ? "E:" + EmployeeId : "N:" + (Name ?? string.Empty).Trim());
        }

        private sealed class Match
        {
            public Person Person { get; set; }

            public bool ByIdNumber { get; set; }
        }

        private sealed class PersonList
        {
            private readonly Dictionary<string, Person> _byId = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
            private readonly Dictionary<string, Person> _byIdNumber = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);

            public PersonList(IEnumerable<Person> people)
            {
                foreach (Person p in people)
                {
                    if (p.EmployeeId != null && !_byId.ContainsKey(p.EmployeeId))
                    {
                        _byId[p.EmployeeId] = p;
                    }

                    if (p.IdNumber != null && !_byIdNumber.ContainsKey(p.IdNumber))
                    {
                        _byIdNumber[p.IdNumber] = p;
                    }
                }
            }

            public Match Find(Person agent)
            {
                if (agent.EmployeeId != null && _byId.TryGetValue(agent.EmployeeId, out Person p))
                {
                    return new Match { Person = p };
                }

                if (agent.IdNumber != null && _byIdNumber.TryGetValue(agent.IdNumber, out p))
                {
                    return new Match { Person = p, ByIdNumber = true };
                }

                return null;
            }
        }
    }
}
