using System.Linq;
using System.Management.Automation;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Complaints
{
    /// <summary>CMPL-002 (closure ≥ 98%) and CMPL-003 (2 h / 24 h; Yellow below 100%, Red below 90%) through a real runspace.</summary>
    public sealed class MeasureComplaintHandlingTests : System.IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        /// <summary>$n tickets answered after $resp hours and closed after $close hours, times given as text.</summary>
        private const string Make = @"
function New-Tickets($prefix, $n, $resp, $close) {
  1..$n | ForEach-Object {
    $r = [datetime]'2025-03-01 08:00'
    $row = [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = ""$prefix$_""; Source = 'C12321'; ReceivedAt = '2025-03-01 08:00' }
    if ($null -ne $resp) { $row.FirstResponseAt = $r.AddHours($resp) }
    if ($null -ne $close) { $row.ClosedAt = $r.AddHours($close); $row.Status = 'Closed' } else { $row.Status = 'Open' }
    $row
  }
}
";

        private ModuleSession.Result Measure(string tickets) => _ps.Run(Make + "@(" + tickets + ") | Measure-ComplaintHandling -AsOf '2025-03-05 08:00'");

        private static PSObject Rule(ModuleSession.Result r, string id) => r.Output.Single(o => o.Text("RuleId") == id);

        [Fact]
        public void Forty_nine_of_fifty_closed_is_98_percent_and_green()
        {
            var r = Measure("New-Tickets 'C' 49 1 20; New-Tickets 'O' 1 1 $null");
            Assert.Equal(0.98, (double)Rule(r, "CMPL-002").Prop("Value"), 10);
            Assert.Equal("Green", Rule(r, "CMPL-002").Text("Severity"));
        }

        [Fact]
        public void Forty_eight_of_fifty_closed_is_96_percent_and_yellow_as_guide_b_says_with_the_open_tickets_aged_at_the_check_date()
        {
            // Guide B: raising the closure rate to 98% or more turns the profile from 黄灯 to 绿灯, so below 98% is Yellow.
            var r = Measure("New-Tickets 'C' 48 1 20; New-Tickets 'O' 2 1 $null");
            var f = Rule(r, "CMPL-002");
            Assert.Equal("Yellow", f.Text("Status"));
            Assert.Equal("Guide", f.Text("ThresholdOrigin"));
            Assert.Equal("< 98%", f.Text("ThresholdText"));
            var evidence = ((System.Collections.IEnumerable)f.Prop("Evidence")).Cast<object>().Select(PSObject.AsPSObject).ToList();
            Assert.Equal(new[] { "O1", "O2" }, evidence.Select(e => e.Text("Subject")).ToArray());
            Assert.Equal(96.0, (double)evidence[0].Prop("Value"), 6);
            Assert.Contains("still open, 96 h old at 2025-03-05 08:00", evidence[0].Text("Detail"));
        }

        [Fact]
        public void Answered_in_exactly_2_h_and_closed_in_exactly_24_h_is_within_and_green()
        {
            var f = Rule(Measure("New-Tickets 'T' 10 2 24"), "CMPL-003");
            Assert.Equal(1.0, (double)f.Prop("Value"));
            Assert.Equal("Green", f.Text("Severity"));
        }

        [Fact]
        public void One_of_ten_closed_after_25_h_is_90_percent_and_yellow()
        {
            var f = Rule(Measure("New-Tickets 'T' 9 1 20; New-Tickets 'S' 1 1 25"), "CMPL-003");
            Assert.Equal(0.9, (double)f.Prop("Value"), 10);
            Assert.Equal("Yellow", f.Text("Severity"));
            // The Yellow result shows the Yellow line it crossed (< 100%, ours), not the Red one (< 90%).
            Assert.Equal("< 100%", f.Text("ThresholdText"));
            Assert.Equal("Ours", f.Text("ThresholdOrigin"));
            Assert.Equal(1.0, (double)f.Prop("YellowThreshold"));
        }

        [Fact]
        public void Two_of_ten_late_is_80_percent_and_red_and_the_slowest_come_first()
        {
            var f = Rule(Measure("New-Tickets 'T' 8 1 20; New-Tickets 'L' 1 3 10; New-Tickets 'S' 1 1 30"), "CMPL-003");
            Assert.Equal(0.8, (double)f.Prop("Value"), 10);
            Assert.Equal("Red", f.Text("Severity"));
            var evidence = ((System.Collections.IEnumerable)f.Prop("Evidence")).Cast<object>().Select(PSObject.AsPSObject).ToList();
            Assert.Equal(new[] { "S1", "L1" }, evidence.Select(e => e.Text("Subject")).ToArray());
            Assert.Contains("first response after 3 h, closed after 10 h", evidence[1].Text("Detail"));
        }

        [Fact]
        public void A_ticket_closed_before_it_was_received_is_reported_and_counts_against()
        {
            var r = Measure("New-Tickets 'T' 1 1 20; [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = 'BAD'; Source = 'C12321'; ReceivedAt = '2025-03-02 08:00'; ClosedAt = '2025-03-01 08:00'; Status = 'Closed' }");
            var error = Assert.Single(r.Errors);
            Assert.Equal("ComplianceTools.Complaints.TimesOutOfOrder,ComplianceTools.Commands.Complaints.MeasureComplaintHandlingCommand", error.FullyQualifiedErrorId);
            Assert.Equal(0.5, (double)Rule(r, "CMPL-003").Prop("Value"), 10);
        }
    }
}
