using System.IO;
using System.Linq;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Complaints
{
    /// <summary>CMPL-001 through a real runspace: the guide's line is 0.01% (10 complaints per 100,000 outbound calls).</summary>
    public sealed class GetComplaintRateTests : System.IDisposable
    {
        /// <summary>January: 10 complaints over 100,000 calls (exactly 0.01%); February: 12 over 100,000; plus two 12345 complaints that do not count.</summary>
        private const string Rows = @"
$c = @()
1..10 | ForEach-Object { $c += [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = ""J$_""; Source = 'C12321'; ReceivedAt = '2025-01-15 09:00'; CallingNumber = '+86 138 0013 8000'; Channel = 'B' } }
1..12 | ForEach-Object { $c += [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = ""F$_""; Source = 'C12300'; ReceivedAt = '2025-02-15 09:00'; CallingNumber = '010-6234 5678'; Channel = 'A' } }
1..2 | ForEach-Object { $c += [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = ""H$_""; Source = 'C12345'; ReceivedAt = '2025-02-15 09:00'; CallingNumber = '95555'; Channel = 'A' } }
$t = @(
  [ComplianceTools.Core.Workbook.Sheets.TrafficRow]@{ Month = '2025-01'; DisplayNumber = '95555'; OutboundCalls = 100000 }
  [ComplianceTools.Core.Workbook.Sheets.TrafficRow]@{ Month = '2025/2'; DisplayNumber = '95555'; OutboundCalls = 100000 }
)
";

        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void Ten_complaints_over_100000_calls_is_exactly_the_line_and_green()
        {
            var f = _ps.Run("Get-ComplaintRate -Complaints 10 -OutboundCalls 100000").Single();
            Assert.Equal("CMPL-001", f.Text("RuleId"));
            Assert.Equal(0.0001, (double)f.Prop("Value"), 12);
            Assert.Equal("Green", f.Text("Severity"));
            Assert.Equal("> 0.01%", f.Text("ThresholdText"));
        }

        [Fact]
        public void Eleven_complaints_over_100000_calls_is_above_the_line_and_red()
        {
            var f = _ps.Run("Get-ComplaintRate -Complaints 11 -OutboundCalls 100000").Single();
            Assert.Equal("Red", f.Text("Severity"));
            Assert.Equal("0.011%", f.Text("ValueText"));
            Assert.Contains("anti-harassment", f.Text("Recommendation"));
        }

        [Fact]
        public void Rows_give_the_year_first_then_each_month_and_only_12321_and_12300_count()
        {
            var r = _ps.Run(Rows + "$c | Get-ComplaintRate -Traffic $t");
            r.ThrowOnError();
            Assert.Equal(3, r.Output.Count);
            var year = r.Output[0];
            Assert.Equal("2025", year.Text("Period"));
            Assert.Equal(22.0 / 200000, (double)year.Prop("Value"), 12);
            Assert.Equal("Red", year.Text("Severity"));
            Assert.Equal("2025-01", r.Output[1].Text("Period"));
            Assert.Equal("Green", r.Output[1].Text("Severity"));
            Assert.Equal("2025-02", r.Output[2].Text("Period"));
            Assert.Equal("Red", r.Output[2].Text("Severity"));
        }

        [Fact]
        public void The_evidence_names_the_months_over_the_line_then_the_numbers_and_channels_with_most_complaints_masked()
        {
            var year = _ps.Run(Rows + "$c | Get-ComplaintRate -Traffic $t").Output[0];
            var evidence = ((System.Collections.IEnumerable)year.Prop("Evidence")).Cast<object>().Select(System.Management.Automation.PSObject.AsPSObject).ToList();
            Assert.Equal("2025-02", evidence[0].Text("Subject"));
            Assert.Equal("010****5678", evidence[1].Text("Subject"));
            Assert.Equal(12.0, (double)evidence[1].Prop("Value"));
            Assert.Equal("138****8000", evidence[2].Text("Subject"));
            Assert.Contains(evidence, e => e.Text("Subject") == "A" && (double)e.Prop("Value") == 12.0);
            Assert.DoesNotContain(evidence, e => e.Text("Subject") == "2025-01");
        }

        [Fact]
        public void A_baseline_counting_12321_only_leaves_ten_complaints_and_turns_the_year_green()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string baseline = tmp.File("only12321.json");
                File.WriteAllText(baseline, "{ \"rules\": { \"CMPL-001\": { \"parameters\": { \"channels\": [ \"12321\" ] } } } }");
                var year = _ps.Run(Rows + "$c | Get-ComplaintRate -Traffic $t -Baseline $args[0]", baseline).Output[0];
                Assert.Equal(10.0 / 200000, (double)year.Prop("Value"), 12);
                Assert.Equal("Green", year.Text("Severity"));
            }
        }

        [Fact]
        public void Rows_by_parameter_bind_to_the_rows_set_and_complaints_without_a_time_are_named_not_counted()
        {
            string script = Rows + "$c += [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = 'U'; Source = 'C12321' }\nGet-ComplaintRate -Complaint $c -Traffic $t";
            var year = _ps.Run(script).Output[0];
            Assert.Equal(22.0 / 200000, (double)year.Prop("Value"), 12);
            var evidence = ((System.Collections.IEnumerable)year.Prop("Evidence")).Cast<object>().Select(System.Management.Automation.PSObject.AsPSObject).ToList();
            Assert.Contains(evidence, e => e.Text("Detail") == "1 complaint(s) without a time received, not counted");
        }

        [Fact]
        public void The_reason_follows_the_chinese_ui_culture()
        {
            using (var zh = new ModuleSession("zh-CN"))
            {
                var f = zh.Run("Get-ComplaintRate -Complaints 11 -OutboundCalls 100000").Single();
                Assert.Equal("投诉率", f.Text("Title"));
                Assert.Equal("12321/12300受理投诉11件,外呼通话量100,000:投诉率0.011%,红线> 0.01%。", f.Text("Reason"));
            }
        }

        [Fact]
        public void No_outbound_calls_is_a_clear_error_not_a_division_by_zero()
        {
            var r = _ps.Run("Get-ComplaintRate -Complaints 3 -OutboundCalls 0");
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Complaints.NoOutboundCalls,ComplianceTools.Commands.Complaints.GetComplaintRateCommand", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void A_workbook_without_the_traffic_sheet_gives_a_skipped_finding_naming_the_sheet_as_the_audit_does()
        {
            var r = _ps.Run("$args[0] | Get-ComplaintRate", Audit.InspectionSamples.Without("Traffic"));
            Assert.Empty(r.AllErrors);
            var f = Assert.Single(r.Output);
            Assert.Equal("Skipped", f.Text("Status"));
            Assert.Contains("Traffic (呼叫流量)", f.Text("Reason"));
        }
    }
}
