using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Audit
{
    /// <summary>
    /// Sheets that hold nothing: a template never filled in, an empty seats or traffic sheet, a revenue sheet without the
    /// figures a rule needs. Each is a Skipped finding that says which sheet to fill in — never Green, never "not
    /// applicable", never an error, and never a rule that silently gives no finding.
    /// </summary>
    public sealed class BlankInputTests : IDisposable
    {
        private static readonly IReadOnlyList<RuleCheck> s_checks = AuditChecks.Discover(typeof(RuleCheck).Assembly, typeof(CatalogLoader).Assembly);
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public void Dispose() => _tmp.Dispose();

        [Fact]
        public void A_template_never_filled_in_gives_every_rule_skipped_and_no_error()
        {
            using (var ps = new ModuleSession())
            {
                // An onboarded client's workbook: the company sheet filled in by Add-ComplianceClient, the rest empty.
                string workspace = _tmp.File("ws");
                var r = ps.Run(@"New-ComplianceWorkspace -Path $args[0] | Out-Null
Add-ComplianceClient -Workspace $args[0] -Name '丙公司' -Province Beijing -LicenceNumber B2-20990003 -Year 2026 | Out-Null
Import-ComplianceWorkbook -Path ([IO.Path]::Combine($args[0], 'clients', '丙公司', 'workbook.xlsx')) | Invoke-ComplianceAudit -AsOf 2026-12-05", workspace);
                Assert.Empty(r.AllErrors); // an empty traffic or seats sheet divided by zero and wrote three errors before
                var findings = r.Output.Where(o => o.TypeNames[0] == "ComplianceTools.Core.Findings.Finding").ToList();
                Assert.Equal(CatalogLoader.Default.Rules.Count(), findings.Count); // every rule says something
                Assert.All(findings, f => Assert.Equal("Skipped", f.Text("Status"))); // CMPL-004, PEN-001 and SCN-001 read Green, ALG-001 and XB-001 NotApplicable before
                Assert.Equal(
                    "the workbook workbook.xlsx holds no data yet: every sheet but the company sheet is empty; fill it in and run again",
                    findings.Single(f => f.Text("RuleId") == "PEN-001").Text("Reason"));
            }
        }

        [Fact]
        public void Rows_piped_from_an_empty_sheet_say_no_row_was_given_not_that_the_workbook_lacks_the_sheet()
        {
            using (var ps = new ModuleSession())
            {
                string path = _tmp.File("template.xlsx");
                var r = ps.Run("New-ComplianceWorkbook -Path $args[0] | Out-Null; Import-ComplianceWorkbook -Path $args[0] -Sheet 坐席 | Get-SeatVacancy", path);
                r.ThrowOnError();
                var seat = Assert.Single(r.Output);
                Assert.Equal("Skipped", seat.Text("Status"));
                Assert.Equal("no row of the sheet Seats (坐席) was given (the sheet is empty, or its rows were not piped in)", seat.Text("Reason")); // "the workbook has no sheet Seats" before
            }
        }

        [Fact]
        public void An_empty_seats_or_traffic_sheet_skips_its_rules_and_an_empty_penalty_sheet_means_none()
        {
            var dataset = new ComplianceDataset
            {
                Path = "/data/乙公司.xlsx",
                Company = new CompanyProfile { CompanyName = "乙公司", ReportYear = 2025 },
                Seats = new List<SeatRow>(),
                Traffic = new List<TrafficRow>(),
                Complaints = new List<ComplaintRow> { new ComplaintRow { TicketId = "T-1" } },
                Penalties = new List<PenaltyRow>(),
                Revenue = new List<RevenueRow> { new RevenueRow { Month = "2025-01", NumberRevenue = 1000 } },
            };
            var problems = new List<Core.Common.ComplianceProblem>();
            var findings = AuditRunner.Run(s_checks, dataset, CatalogLoader.Default, new[] { "SEAT-001", "CMPL-001", "PEN-001", "DATA-001" }, new DateTime(2026, 12, 5), report: problems.Add).Findings;

            Assert.Empty(problems); // "Seats on file is 0" and "no outbound calls" were errors before
            Finding seat = findings.Single(f => f.RuleId == "SEAT-001");
            Assert.Equal(FindingStatus.Skipped, seat.Status);
            Assert.Equal("the sheet Seats (坐席) is blank: nothing on it is filled in yet", seat.Reason);
            Assert.Equal("the sheet Traffic (呼叫流量) is blank: nothing on it is filled in yet", findings.Single(f => f.RuleId == "CMPL-001").Reason);
            Assert.Equal(FindingStatus.Green, findings.Single(f => f.RuleId == "PEN-001").Status); // no penalty row: none decided

            // Revenue rows with no call counts and no finance revenue: DATA-001 found nothing to compare and gave no finding before.
            Finding data = findings.Single(f => f.RuleId == "DATA-001");
            Assert.Equal(FindingStatus.Skipped, data.Status);
            Assert.Equal("nothing in the data given could be judged for this rule: its sheets hold no row with the figures it needs", data.Reason);
        }
    }
}
