using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.AnnualReport
{
    /// <summary>The annual-report rules (guide A in the catalog) join Invoke-ComplianceAudit as rule classes found by reflection in Core and Engine.</summary>
    public sealed class AuditChecksTests
    {
        private static readonly IReadOnlyList<RuleCheck> s_checks = AuditChecks.Discover(typeof(RuleCheck).Assembly, typeof(CatalogLoader).Assembly);

        public AuditChecksTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        private static IReadOnlyList<string> AnnualReportRules() => CatalogLoader.Default.Rules.Where(r => r.Guide == "A").Select(r => r.Id).ToList();

        [Fact]
        public void Every_catalog_rule_has_exactly_one_rule_class()
        {
            Assert.Equal(CatalogLoader.Default.Rules.Select(r => r.Id).OrderBy(id => id, StringComparer.Ordinal), s_checks.Select(c => c.RuleId).OrderBy(id => id, StringComparer.Ordinal));
        }

        [Fact]
        public void A_workbook_with_the_guides_problems_gives_red_findings_for_each_rule()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                File.WriteAllText(tmp.File("policy.txt"), "隐私政策(2022版)\n生效日期:2022-01-01");
                var dataset = Sample(tmp.File("annual.xlsx"));
                var problems = new List<ComplianceProblem>();
                var findings = AuditRunner.Run(s_checks, dataset, CatalogLoader.Default, AnnualReportRules(), new DateTime(2026, 2, 1), report: problems.Add).Findings;
                Assert.Empty(problems);
                Assert.Equal(14, AnnualReportRules().Count);
                Assert.Equal(FindingStatus.Skipped, findings.Single(f => f.RuleId == "DATA-002").Status);   // no call-record files given
                Assert.Equal(FindingStatus.Skipped, findings.Single(f => f.RuleId == "STAFF-002").Status);  // no social-insurance sheet
                Severity Worst(string id) => Finding.Worst(findings.Where(f => f.RuleId == id));
                Assert.Equal(Severity.Red, Worst("DATA-001"));
                Assert.Equal(Severity.Red, Worst("REV-001"));
                Assert.Equal(Severity.Red, Worst("WIN-001"));
                Assert.Equal(Severity.Red, Worst("ALG-001"));
                Assert.Equal(Severity.Red, Worst("XB-001"));
                Assert.Equal(Severity.Red, Worst("PRIV-001"));
                Assert.Equal(Severity.Red, Worst("SCN-001"));
                Assert.Equal(Severity.Yellow, Worst("SCN-002"));
                Assert.Equal(Severity.Red, Worst("CRED-001"));
                Assert.Equal(Severity.Yellow, Worst("PEN-001"));
                Assert.Equal(Severity.Yellow, Worst("CMPL-004"));
                Assert.Equal(Severity.Yellow, Worst("TRAIN-001"));
                Assert.All(findings, f => Assert.False(string.IsNullOrEmpty(f.Key)));
            }
        }

        [Fact]
        public void A_rule_disabled_by_a_baseline_gives_only_a_not_applicable_finding_naming_the_baseline()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string baseline = tmp.File("off.json");
                File.WriteAllText(baseline, "{ \"rules\": { \"WIN-001\": { \"enabled\": false } } }");
                var dataset = Sample(tmp.File("annual.xlsx"));
                var result = AuditRunner.Run(s_checks, dataset, CatalogLoader.Load(new[] { baseline }), new[] { "WIN-001" }, new DateTime(2026, 2, 1));
                Finding off = Assert.Single(result.Findings);
                Assert.Equal(FindingStatus.NotApplicable, off.Status);
                Assert.Equal("switched off by the baseline off.json: this rule was not checked", off.Reason);
                Assert.Equal(new[] { "WIN-001" }, result.Summary.Disabled);
            }
        }

        /// <summary>A workbook with one of each of the guide's rejection causes.</summary>
        private static ComplianceDataset Sample(string path)
        {
            var dataset = new ComplianceDataset
            {
                Path = path,
                Company = new CompanyProfile
                {
                    CompanyName = "示例呼叫中心有限公司", ReportYear = 2025, CheckDate = new DateTime(2026, 2, 1),
                    AiCapabilityDeclared = YesNo.Yes, AlgorithmFilingNumber = "京ICP备12345678号-1",
                    HasOverseasSeats = YesNo.Yes, OverseasAccessNumbers = "+852 3000 0000", LandingGateways = "GW-SZ-01",
                    PrivacyPolicyFile = "policy.txt", CreditScore = 76, RealNameSpotCheckPassRate = 0.93,
                },
                Seats = new[] { new SeatRow { SeatId = "AI-1", SeatType = SeatType.AI, Activated = YesNo.Yes }, new SeatRow { SeatId = "HK-1", SeatType = SeatType.Cloud, Location = SeatLocation.Overseas, Activated = YesNo.Yes } },
                Staff = new[] { new StaffRow { EmployeeId = "E1", Name = "张三", IsAgent = YesNo.Yes }, new StaffRow { EmployeeId = "E2", Name = "李四", IsAgent = YesNo.Yes } },
                Training = new[] { new TrainingRow { EmployeeId = "E1", Year = 2025, CertificateNumber = "C1", SignedIn = YesNo.Yes, ExamPaper = YesNo.Yes } },
                Traffic = new[] { new TrafficRow { Month = "2025-06", DisplayNumber = "95123", Scenario = "催收", OutboundCalls = 100_000, AiOutboundCalls = 20_000, CallsInForbiddenWindow = 37 } },
                Complaints = new[] { new ComplaintRow { TicketId = "T1", Source = ComplaintChannel.C12321, ReceivedAt = new DateTime(2025, 6, 3), CallingNumber = "95123" } },
                Scenarios = new[]
                {
                    new ScenarioRow { Scenario = "催收", Category = "催收", AllowedFrom = "22:00", AllowedTo = "08:00", AverageCallSeconds = 90, ConsentMethod = ConsentMethod.ExistingCustomer },
                    new ScenarioRow { Scenario = "金融营销", Category = "金融营销", AllowedFrom = "09:00", AllowedTo = "20:00", AverageCallSeconds = 60, ConsentMethod = ConsentMethod.Online, SmsSent = 10_000, SmsUnsubscribeReplies = 120 },
                },
                Scripts = new[] { new ScriptRow { ScriptId = "S1", Text = "信用卡分期" }, new ScriptRow { ScriptId = "S2", Text = "您好,打扰了" } },
                Revenue = Enumerable.Range(1, 12).Select(m => new RevenueRow
                {
                    Month = "2025-" + m.ToString("00", CultureInfo.InvariantCulture),
                    PlatformCalls = 10_000_000, CarrierCalls = 7_500_000, PrivacyNumberCalls = 12_500_000,
                    NumberRevenue = 700_000, SettlementInvoiced = 1_000_000,
                }).ToList(),
                Penalties = new[] { new PenaltyRow { DecisionNumber = "京通管罚〔2024〕1号", DecisionDate = new DateTime(2024, 5, 1), Status = PenaltyStatus.Open } },
            };
            foreach (string sheet in new[] { "Company", "Seats", "Staff", "Training", "Traffic", "Complaints", "Scenarios", "Scripts", "Revenue", "Penalties" })
            {
                dataset.SheetsPresent.Add(sheet);
            }

            return dataset;
        }
    }
}
