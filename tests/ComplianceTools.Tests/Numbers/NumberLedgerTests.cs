using System;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Numbers;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Numbers
{
    /// <summary>NUM-003: every display number with outbound calls is on the number-resource ledger and in use that month.</summary>
    public sealed class NumberLedgerTests
    {
        public NumberLedgerTests()
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-US");
        }

        private static ComplianceDataset Workbook(params NumberResourceRow[] ledger) => new ComplianceDataset
        {
            Company = new CompanyProfile { CompanyName = "Acme", ReportYear = 2025 },
            Traffic = new[]
            {
                new TrafficRow { Month = "2025-01", DisplayNumber = "95555", OutboundCalls = 1000 },
                new TrafficRow { Month = "2025-02", DisplayNumber = "13800138000", OutboundCalls = 500 },
                new TrafficRow { Month = "2025-03", DisplayNumber = "021-61234567", OutboundCalls = 300 },
                new TrafficRow { Month = "2025-03", DisplayNumber = "96123", OutboundCalls = 200 },
                new TrafficRow { Month = "2025-06", DisplayNumber = "96123", OutboundCalls = 700 },
                new TrafficRow { Month = "2025-04", DisplayNumber = "95888", OutboundCalls = 0 },
            },
            Numbers = ledger,
        };

        private static Finding Check(ComplianceDataset dataset) =>
            Assert.Single(AuditRunner.Run(AuditChecks.Discover(typeof(RuleCheck).Assembly), dataset, CatalogLoader.Default, new[] { NumberLedger.Id }).Findings);

        [Fact]
        public void A_mobile_missing_from_the_ledger_a_suspended_landline_and_a_number_calling_before_it_was_allocated_are_three_red()
        {
            Finding f = Check(Workbook(
                new NumberResourceRow { Number = "95555", Status = NumberStatus.InUse, AllocatedOn = new DateTime(2024, 6, 1) },
                new NumberResourceRow { Number = "02161234567", Status = NumberStatus.Suspended },
                new NumberResourceRow { Number = "96123", Status = NumberStatus.InUse, AllocatedOn = new DateTime(2025, 5, 20) }));
            Assert.Equal(FindingStatus.Red, f.Status);
            Assert.Equal(3, f.Value);
            Assert.Equal("Acme", f.Subject);
            Assert.Equal("2025", f.Period);
            Assert.Equal("3 of 4 display numbers with outbound calls are missing from the number-resource ledger or not in use, with 1,000 calls between them.", f.Reason);
            Assert.Equal(new[] { "138****8000", "021****4567", "96123" }, f.Evidence.Select(e => e.Subject));   // most calls first
            Assert.Equal("not on the number-resource ledger; 500 calls in 2025-02", f.Evidence[0].Detail);
            Assert.Equal("suspended on the ledger, yet 300 calls in 2025-03", f.Evidence[1].Detail);
            Assert.Equal("allocated on 2025-05-20, yet 200 calls in 2025-03 before that", f.Evidence[2].Detail);   // June's 700 calls came after allocation
            Assert.Equal(NumberOrigin.Guide, f.ThresholdOrigin);
        }

        [Fact]
        public void Every_calling_number_on_the_ledger_and_in_use_is_green_and_a_number_with_no_calls_is_not_asked_for()
        {
            Finding f = Check(Workbook(
                new NumberResourceRow { Number = "95555", Status = NumberStatus.InUse },
                new NumberResourceRow { Number = "13800138000" },
                new NumberResourceRow { Number = "021 6123 4567", Status = NumberStatus.InUse },
                new NumberResourceRow { Number = "96123", AllocatedOn = new DateTime(2025, 3, 1) }));
            Assert.Equal(FindingStatus.Green, f.Status);
            Assert.Equal(0, f.Value);
            Assert.Equal("All 4 display numbers with outbound calls are on the number-resource ledger and in use.", f.Reason);
        }

        [Fact]
        public void Without_the_ledger_the_rule_is_skipped_naming_the_sheet()
        {
            ComplianceDataset dataset = Workbook();
            dataset.Numbers = null;
            Finding f = Check(dataset);
            Assert.Equal(FindingStatus.Skipped, f.Status);
            Assert.Contains("Numbers (码号资源)", f.Reason);
        }

        [Fact]
        public void The_audit_runs_it_in_a_runspace_and_chinese_text_comes_from_the_catalog()
        {
            using var ps = new ModuleSession("zh-CN");
            var r = ps.Run("$args[0] | Invoke-ComplianceAudit -Rule NUM-003", Workbook(new NumberResourceRow { Number = "95555" })).ThrowOnError();
            var f = r.Output[0];   // 96123 (900 calls), the mobile (500) and the landline (300) are not on a ledger holding only 95555
            Assert.Equal("NUM-003", f.Text("RuleId"));
            Assert.Equal("Red", f.Text("Status"));
            Assert.Equal("4个有外呼量的外显号码中,有3个不在码号资源台账上或不在用,合计外呼1,700通。", f.Text("Reason"));
        }
    }
}
