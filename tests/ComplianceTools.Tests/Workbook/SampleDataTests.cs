using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Rules;

namespace ComplianceTools.Tests.Workbook
{
    /// <summary>
    /// The sample operator gives every rule data, and each rule's measure, worked out by hand from the
    /// sample's own rows and classified by the catalog's lines, lands on the colour the sample intends.
    /// MAT-* (need a package folder) and DATA-002 (needs call-record files) are skipped by design; XB-001 does not apply
    /// (the sample operator has no overseas seats), so it has no colour here.
    /// </summary>
    public sealed class SampleDataTests
    {
        private const int Year = 2025;
        private static readonly Lazy<ComplianceDataset> s_sample = new Lazy<ComplianceDataset>(() => SampleData.Create(Year));

        private static ComplianceDataset S => s_sample.Value;

        public static IEnumerable<object[]> IntendedColours => new[]
        {
            new object[] { "SEAT-001", 0.32, "Red" },
            new object[] { "CMPL-001", null, "Red" },
            new object[] { "NUM-001", null, "Green" },
            new object[] { "CMPL-002", 0.988, "Green" },
            new object[] { "CMPL-003", null, "Yellow" },
            new object[] { "SYS-001", null, "Green" },
            new object[] { "NUM-002", 42.0, "Red" },
            new object[] { "SYS-002", 0.0, "Green" },
            new object[] { "STAFF-001", 3.0, "Red" },
            new object[] { "DATA-001", null, "Red" },
            new object[] { "REV-001", null, "Green" },
            new object[] { "STAFF-002", 0.75, "Green" },
            new object[] { "WIN-001", 1.0, "Red" },
            new object[] { "ALG-001", 1.0, "Red" },
            new object[] { "PRIV-001", 1.0, "Red" },
            new object[] { "SCN-001", 1.0, "Red" },
            new object[] { "SCN-002", null, "Green" },
            new object[] { "CRED-001", 86.0, "Green" },
            new object[] { "PEN-001", 1.0, "Yellow" },
            new object[] { "CMPL-004", 37.0, "Yellow" },
            new object[] { "TRAIN-001", 1248.0 / 1260, "Yellow" },
        };

        [Theory]
        [MemberData(nameof(IntendedColours))]
        public void Each_rule_lands_on_the_colour_the_sample_intends(string ruleId, double? expectedValue, string colour)
        {
            double value = Measure(ruleId);
            if (expectedValue.HasValue)
            {
                Assert.Equal(expectedValue.Value, value, 6);
            }

            Assert.Equal(colour, CatalogLoader.Default.Get(ruleId).Classify(value).ToString());
        }

        [Fact]
        public void The_sample_has_the_realistic_size_it_promises()
        {
            Assert.Equal(SampleData.CompanyName, S.Company.CompanyName);
            Assert.Equal(2000, S.Seats.Count);
            Assert.Equal(2000, S.Company.SeatsOnFile);
            Assert.Equal(30000, S.Complaints.Count);
            Assert.Equal(12, S.Traffic.Select(t => t.Month).Distinct().Count());
            Assert.Equal(12, S.Revenue.Count);
            Assert.Equal(new[] { "Seats", "Complaints", "Numbers", "Staff", "Systems", "Data", "Revenue", "Scenarios", "Filing", "Credit", "Penalties", "Training", "Materials" }, S.Owners.Select(o => o.Area));
            Assert.True(string.IsNullOrEmpty(S.Company.PackageFolder));
            Assert.Equal(WorkbookSchema.Sheets.Count, S.SheetsPresent.Count);
        }

        [Fact]
        public void Complaint_rate_is_red_in_the_spike_months_and_green_in_the_others()
        {
            var rule = CatalogLoader.Default.Get("CMPL-001");
            for (int m = 1; m <= 12; m++)
            {
                string month = Year + "-" + m.ToString("D2");
                Severity expected = SampleData.ComplaintSpikeMonths.Contains(m) ? Severity.Red : Severity.Green;
                Assert.Equal(expected, rule.Classify(ComplaintRate(month)));
            }
        }

        [Fact]
        public void Personal_data_is_fictional_phones_in_the_100_range_ids_in_region_999999_mail_at_example_com()
        {
            Assert.All(S.Staff, s => Assert.StartsWith("100", s.Mobile));
            Assert.All(S.Staff, s => Assert.Matches("^999999[0-9]{11}[0-9X]$", s.IdNumber));
            Assert.All(S.Staff, s => Assert.EndsWith("@example.com", s.Mail));
            Assert.All(S.Complaints, c => Assert.StartsWith("100", c.ComplainantNumber));
        }

        [Fact]
        public void The_same_year_gives_the_same_data_and_another_year_other_data()
        {
            ComplianceDataset again = SampleData.Create(Year);
            Assert.Equal(S.Staff.Select(s => s.Name + s.IdNumber), again.Staff.Select(s => s.Name + s.IdNumber));
            Assert.Equal(S.Complaints.Select(c => c.TicketId + c.ReceivedAt + c.ClosedAt + c.AgentId), again.Complaints.Select(c => c.TicketId + c.ReceivedAt + c.ClosedAt + c.AgentId));
            Assert.Equal(S.Traffic.Select(t => t.OutboundCalls), again.Traffic.Select(t => t.OutboundCalls));
            ComplianceDataset other = SampleData.Create(Year + 1);
            Assert.NotEqual(S.Staff.Select(s => s.Name), other.Staff.Select(s => s.Name));
            Assert.All(other.Complaints, c => Assert.Equal(Year + 1, c.ReceivedAt.Value.Year));
        }

        private static double Measure(string ruleId)
        {
            var catalog = CatalogLoader.Default;
            switch (ruleId)
            {
                case "SEAT-001":
                    return (double)S.Seats.Count(s => s.Activated != YesNo.Yes) / S.Seats.Count;
                case "CMPL-001":
                    return S.Traffic.Select(t => t.Month).Distinct().Max(ComplaintRate);
                case "NUM-001":
                    var types = S.Numbers.ToDictionary(n => n.Number, n => n.NumberType);
                    return (double)S.Traffic.Where(t => types[t.DisplayNumber] == NumberType.Landline || types[t.DisplayNumber] == NumberType.Mobile).Sum(t => t.OutboundCalls.Value) / S.Traffic.Sum(t => t.OutboundCalls.Value);
                case "CMPL-002":
                    return (double)S.Complaints.Count(c => c.Status == TicketStatus.Closed) / S.Complaints.Count;
                case "CMPL-003":
                    return (double)S.Complaints.Count(c => c.FirstResponseAt <= c.ReceivedAt.Value.AddHours(2) && c.ClosedAt <= c.ReceivedAt.Value.AddHours(24)) / S.Complaints.Count;
                case "SYS-001":
                    DateTime since = new[] { S.Readiness.CallLogsSince.Value, S.Readiness.GatewayLogsSince.Value }.Max();
                    DateTime check = S.Company.CheckDate.Value;
                    return ((check.Year - since.Year) * 12) + check.Month - since.Month + ((check.Day - since.Day) / 30.0);
                case "NUM-002":
                    var filed = S.Numbers.ToDictionary(n => n.Number, n => n.FiledGateway);
                    Assert.All(S.CallbackTests, t => Assert.Equal(filed[t.Number], t.LandedGateway));
                    return S.CallbackTests.Max(t => t.ConnectSeconds.Value);
                case "SYS-002":
                    var r = S.Readiness;
                    return new[] { r.ComplaintButton, r.AiIntentRecognition, r.AiHumanHandover, r.PredictiveDialling == YesNo.Yes ? r.PredictiveDiallingDeclared : YesNo.Yes }.Count(v => v != YesNo.Yes);
                case "STAFF-001":
                    var agents = S.Staff.Where(s => s.IsAgent == YesNo.Yes && s.Enabled == YesNo.Yes).Select(s => s.EmployeeId).ToList();
                    var seated = new HashSet<string>(S.Seats.Select(s => s.AgentEmployeeId).Where(id => id != null));
                    var insured = new HashSet<string>(S.SocialInsurance.Select(s => s.EmployeeId));
                    var paid = new HashSet<string>(S.Payroll.Select(s => s.EmployeeId));
                    Assert.Equal(1260, agents.Count);
                    return agents.Count(a => !seated.Contains(a) || !insured.Contains(a) || !paid.Contains(a));
                case "DATA-001":
                    double platform = S.Revenue.Sum(x => x.PlatformCalls.Value), carrier = S.Revenue.Sum(x => x.CarrierCalls.Value), privacy = S.Revenue.Sum(x => x.PrivacyNumberCalls.Value);
                    Assert.InRange(Math.Abs(privacy - carrier) / carrier, 0, 0.05);
                    Assert.Equal(S.Traffic.Sum(t => t.OutboundCalls.Value), platform);
                    return Math.Abs(platform - carrier) / carrier;
                case "REV-001":
                    double ratio = S.Revenue.Sum(x => x.NumberRevenue.Value) / S.Revenue.Sum(x => x.SettlementInvoiced.Value);
                    Assert.InRange(ratio, 1.21, 1.23);
                    return ratio;
                case "STAFF-002":
                    string last = Year + "-12";
                    return (double)S.SocialInsurance.Where(s => s.Month == last).Select(s => s.EmployeeId).Distinct().Count() / S.Company.SeatsOnFile.Value;
                case "WIN-001":
                    int allowing = S.Scenarios.Count(s => string.CompareOrdinal(s.AllowedTo, "22:00") > 0 || string.CompareOrdinal(s.AllowedFrom, "08:00") < 0);
                    Assert.True(S.Traffic.Sum(t => t.CallsInForbiddenWindow.Value) > 0);
                    return allowing;
                case "ALG-001":
                    bool ai = S.Seats.Any(s => s.SeatType == SeatType.AI) || S.Traffic.Any(t => t.AiOutboundCalls > 0);
                    var pattern = catalog.Get("ALG-001").GetString("algorithmPattern");
                    return ai && (S.Company.AiCapabilityDeclared != YesNo.Yes || !Regex.IsMatch(S.Company.AlgorithmFilingNumber ?? string.Empty, pattern)) ? 1 : 0;
                case "PRIV-001":
                    DateTime policy = S.Company.PrivacyPolicyDate.Value;
                    return policy.AddMonths((int)catalog.Get("PRIV-001").GetDouble("maxAgeMonths")) < S.Company.CheckDate.Value || S.Company.PrivacyPolicyHasSensitiveList != YesNo.Yes ? 1 : 0;
                case "SCN-001":
                    return S.Scripts.Count(s => s.Scenario == "其他") + S.Scenarios.Count(s => s.AverageCallSeconds == null || s.ConsentMethod == null || s.UnsubscribeRate == null);
                case "SCN-002":
                    foreach (ScenarioRow s in S.Scenarios.Where(s => s.SmsSent > 0))
                    {
                        Assert.Equal((double)s.SmsUnsubscribeReplies.Value / s.SmsSent.Value, s.UnsubscribeRate.Value, 6);
                    }

                    foreach (ScenarioRow s in S.Scenarios.Where(s => s.Category == "催收"))
                    {
                        Assert.Equal((0.5 * s.HangUpRate.Value) + (0.5 * s.ComplaintRate.Value), s.UnsubscribeRate.Value, 4);
                    }

                    return S.Scenarios.Max(s => s.UnsubscribeRate.Value);
                case "CRED-001":
                    return S.Company.CreditScore.Value;
                case "PEN-001":
                    return S.Penalties.Count(p => p.DecisionDate.Value.Year > Year - 3 && (p.Status != PenaltyStatus.Closed || string.IsNullOrEmpty(p.RectificationReport)));
                case "CMPL-004":
                    var traced = new[] { ComplaintChannel.C12321, ComplaintChannel.C12345, ComplaintChannel.Miit };
                    return S.Complaints.Count(c => traced.Contains(c.Source.Value) && (string.IsNullOrEmpty(c.CallingNumber) || string.IsNullOrEmpty(c.AgentId) || string.IsNullOrEmpty(c.RecordingId)));
                case "TRAIN-001":
                    var trained = new HashSet<string>(S.Training.Where(t => t.Year == Year && !string.IsNullOrEmpty(t.CertificateNumber) && t.SignedIn == YesNo.Yes && t.ExamPaper == YesNo.Yes).Select(t => t.EmployeeId));
                    var active = S.Staff.Where(s => s.IsAgent == YesNo.Yes && s.Enabled == YesNo.Yes).ToList();
                    return (double)active.Count(a => trained.Contains(a.EmployeeId)) / active.Count;
                default:
                    throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "no measure");
            }
        }

        private static double ComplaintRate(string month)
        {
            long calls = S.Traffic.Where(t => t.Month == month).Sum(t => t.OutboundCalls.Value);
            int complaints = S.Complaints.Count(c => c.ReceivedAt.Value.ToString("yyyy-MM") == month && (c.Source == ComplaintChannel.C12321 || c.Source == ComplaintChannel.C12300));
            return (double)complaints / calls;
        }
    }
}
