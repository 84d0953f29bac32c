using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Tests.Audit
{
    /// <summary>
    /// A small operator whose figures a person can check by hand, with all three colours:
    /// CMPL-001 0.011% (Red: 22 complaints / 200,000 calls), NUM-001 60% landline+mobile (Green),
    /// CMPL-002 9/10 closed (Red), CMPL-003, STAFF-001 one agent off the payroll (Red), STAFF-002 4 insured / 5 seats (80%, Green),
    /// SYS-001 logs since 2025-09-01 on 2026-03-01 (6 months, Green), SYS-002 all present (Green),
    /// NUM-002 95555 in 12 s on its gateway (Green) and 96888 never tested (Yellow).
    /// Personal data (mobiles, ID numbers, names) is there on purpose, to prove none of it reaches output unmasked.
    /// </summary>
    public static class InspectionSamples
    {
        public static readonly DateTime CheckDate = new DateTime(2026, 3, 1);

        public static ComplianceDataset Varied()
        {
            var d = new ComplianceDataset
            {
                Path = "varied.xlsx",
                Company = new CompanyProfile { CompanyName = "示例呼叫中心有限公司", LicenceNumber = "B2-20191234", ReportYear = 2025, CheckDate = CheckDate, SeatsOnFile = 5 },
                Readiness = new Readiness
                {
                    CallLogsSince = new DateTime(2025, 9, 1),
                    GatewayLogsSince = new DateTime(2025, 8, 1),
                    ComplaintButton = YesNo.Yes,
                    AiIntentRecognition = YesNo.Yes,
                    AiHumanHandover = YesNo.Yes,
                    PredictiveDialling = YesNo.No,
                },
                Seats = new[]
                {
                    Seat("S1", "E001"), Seat("S2", "E002"), Seat("S3", "E003"), Seat("S4", "E004"), new SeatRow { SeatId = "S5", SeatType = SeatType.AI, Activated = YesNo.Yes },
                },
                Staff = new[]
                {
                    Person("E001", "张三", "110101199001011234", "13812345678"),
                    Person("E002", "李四", "110101199202022345", "13987654321"),
                    Person("E003", "王五", "11010119930303345X", "13700001111"),
                    Person("E004", "赵六", "110101199404044567", "13600002222"),
                },
                SocialInsurance = new[]
                {
                    new SocialInsuranceRow { EmployeeId = "E001", Name = "张三", IdNumber = "110101199001011234", Month = "2026-01" },
                    new SocialInsuranceRow { EmployeeId = "E002", Name = "李四", IdNumber = "110101199202022345", Month = "2026-01" },
                    new SocialInsuranceRow { EmployeeId = "HR-3", Name = "王五", IdNumber = "11010119930303345x", Month = "2026-01" },
                    new SocialInsuranceRow { EmployeeId = "E004", Name = "赵六", IdNumber = "110101199404044567", Month = "2026-01" },
                    new SocialInsuranceRow { EmployeeId = "E009", Name = "钱九", IdNumber = "110101199909099999", Month = "2025-12" },
                },
                Payroll = new[]
                {
                    new PayrollRow { EmployeeId = "E001", Name = "张三", IdNumber = "110101199001011234", Month = "2026-01", NetPay = 6000 },
                    new PayrollRow { EmployeeId = "E003", Name = "王五", IdNumber = "11010119930303345X", Month = "2026-01", NetPay = 6000 },
                    new PayrollRow { EmployeeId = "E004", Name = "赵六", IdNumber = "110101199404044567", Month = "2026-01", NetPay = 6000 },
                },
                Traffic = new[]
                {
                    Traffic("2025-01", "95555", "A", 40000, 20),
                    Traffic("2025-01", "010-62345678", "B", 30000, 20),
                    Traffic("2025-01", "+86 138 0013 8000", "B", 30000, 20),
                    Traffic("2025-02", "95555", "A", 40000, 20),
                    Traffic("2025-02", "010-62345678", "B", 30000, 20),
                    Traffic("2025-02", "+86 138 0013 8000", "B", 30000, 20),
                },
                Complaints = Complaints(),
                Numbers = new[]
                {
                    new NumberResourceRow { Number = "95555", NumberType = NumberType.Short95, FiledGateway = "GW-BJ-01", Status = NumberStatus.InUse },
                    new NumberResourceRow { Number = "96888", NumberType = NumberType.Short96, FiledGateway = "GW-BJ-02", Status = NumberStatus.InUse },
                },
                CallbackTests = new[]
                {
                    new CallbackTestRow { Number = "+86 95555", TestedAt = new DateTime(2026, 2, 20, 10, 0, 0), LandedGateway = "gw-bj-01", Connected = YesNo.Yes, ConnectSeconds = 12 },
                },
            };
            foreach (var p in typeof(ComplianceDataset).GetProperties().Where(p => p.GetValue(d) != null && p.Name != "Path" && p.Name != "Problems" && p.Name != "SheetsPresent"))
            {
                d.SheetsPresent.Add(p.Name);
            }

            return d;
        }

        /// <summary>The varied dataset without one sheet, as a workbook lacking it is read.</summary>
        public static ComplianceDataset Without(string sheet)
        {
            ComplianceDataset d = Varied();
            typeof(ComplianceDataset).GetProperty(sheet).SetValue(d, null);
            d.SheetsPresent.Remove(sheet);
            return d;
        }

        /// <summary>
        /// 22 complaints via 12321/12300 (10 in January, 12 in February) and 3 via 12345 that do not count. Ten are
        /// complaint tickets with times: 9 closed within 2 h / 24 h, 1 still open (T22, received 2025-02-24); with the three 12345 tickets, 24 of 25 are closed (96%).
        /// </summary>
        private static IReadOnlyList<ComplaintRow> Complaints()
        {
            var rows = new List<ComplaintRow>();
            for (int i = 0; i < 22; i++)
            {
                var received = new DateTime(2025, i < 10 ? 1 : 2, 3 + i, 9, 0, 0);
                rows.Add(new ComplaintRow
                {
                    TicketId = "T" + (i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture),
                    Source = i % 2 == 0 ? ComplaintChannel.C12321 : ComplaintChannel.C12300,
                    ReceivedAt = received,
                    FirstResponseAt = received.AddHours(1),
                    ClosedAt = i == 21 ? (DateTime?)null : received.AddHours(20),
                    Status = i == 21 ? TicketStatus.Open : TicketStatus.Closed,
                    ComplainantNumber = "139" + (10000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    CallingNumber = i < 16 ? "+86 138 0013 8000" : "010-62345678",
                    Channel = "B",
                    Team = i < 16 ? "外包一组" : "外包二组",
                });
            }

            for (int i = 0; i < 3; i++)
            {
                rows.Add(new ComplaintRow { TicketId = "H" + i, Source = ComplaintChannel.C12345, ReceivedAt = new DateTime(2025, 1, 10, 9, 0, 0), FirstResponseAt = new DateTime(2025, 1, 10, 10, 0, 0), ClosedAt = new DateTime(2025, 1, 10, 12, 0, 0), Status = TicketStatus.Closed, CallingNumber = "95555", Channel = "A" });
            }

            return rows;
        }

        private static SeatRow Seat(string id, string agent) => new SeatRow { SeatId = id, SeatType = SeatType.Physical, Activated = YesNo.Yes, AgentEmployeeId = agent };

        private static StaffRow Person(string id, string name, string idNumber, string mobile) => new StaffRow { EmployeeId = id, Name = name, IdNumber = idNumber, Mobile = mobile, IsAgent = YesNo.Yes, Enabled = YesNo.Yes };

        private static TrafficRow Traffic(string month, string number, string channel, long calls, int days) => new TrafficRow { Month = month, DisplayNumber = number, Channel = channel, OutboundCalls = calls, Days = days, AiOutboundCalls = 0 };
    }
}
