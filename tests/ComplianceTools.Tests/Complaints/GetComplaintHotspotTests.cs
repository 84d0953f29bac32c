using System.Linq;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Complaints
{
    /// <summary>The "locate" step: 12321 complaints by number, channel and team; the guide's isolation (300 → 30 a day, whitelist-only).</summary>
    public sealed class GetComplaintHotspotTests : System.IDisposable
    {
        /// <summary>Channel B: 8 of 10 complaints on 60,000 calls over 20 days (3,000 a day); channel A: 2 on 40,000.</summary>
        private const string Rows = @"
$c = @()
1..6 | ForEach-Object { $c += [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = ""B$_""; Source = 'C12321'; ReceivedAt = '2025-03-01'; CallingNumber = '13800138000'; Channel = 'B'; Team = 'Team 1' } }
1..2 | ForEach-Object { $c += [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = ""C$_""; Source = 'C12321'; ReceivedAt = '2025-03-01'; CallingNumber = '13800138000'; Channel = 'B'; Team = 'Team 2' } }
1..2 | ForEach-Object { $c += [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = ""A$_""; Source = 'C12321'; ReceivedAt = '2025-03-01'; CallingNumber = '95555'; Channel = 'A'; Team = 'Team 3' } }
$c += [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = 'X'; Source = 'C12300'; ReceivedAt = '2025-03-01'; CallingNumber = '95555'; Channel = 'A' }
$t = @(
  [ComplianceTools.Core.Workbook.Sheets.TrafficRow]@{ Month = '2025-03'; DisplayNumber = '13800138000'; Channel = 'B'; OutboundCalls = 60000; Days = 20 }
  [ComplianceTools.Core.Workbook.Sheets.TrafficRow]@{ Month = '2025-03'; DisplayNumber = '95555'; Channel = 'A'; OutboundCalls = 40000; Days = 20 }
)
";

        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void The_most_complained_about_number_comes_first_split_by_team_and_its_channel_is_marked_for_isolation()
        {
            var rows = _ps.Run(Rows + "$c | Get-ComplaintHotspot -Traffic $t").Output;
            Assert.Equal(3, rows.Count);
            Assert.Equal("138****8000", rows[0].Text("CallingNumber"));
            Assert.Equal(8, (int)rows[0].Prop("NumberComplaints"));
            Assert.Equal("Team 1", rows[0].Text("Team"));
            Assert.Equal(6, (int)rows[0].Prop("Complaints"));
            Assert.Equal("Team 2", rows[1].Text("Team"));
            Assert.Equal(0.8, (double)rows[0].Prop("ChannelShare"), 10);
            Assert.Equal(3000.0, (double)rows[0].Prop("CallsPerDay"), 6);
            Assert.True((bool)rows[0].Prop("Clustered"));
            Assert.Equal(30.0, (double)rows[0].Prop("ProposedCallsPerDay"));
            Assert.True((bool)rows[0].Prop("WhitelistOnly"));
            Assert.Contains("cap it at 30 calls a day", rows[0].Text("Proposal"));
            Assert.Equal("95555", rows[2].Text("CallingNumber"));
            Assert.False((bool)rows[2].Prop("Clustered"));
            Assert.Null(rows[2].Prop("ProposedCallsPerDay"));
        }

        [Fact]
        public void A_baseline_raising_the_share_line_and_the_rate_factor_leaves_no_channel_marked()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string baseline = tmp.File("loose.json");
                System.IO.File.WriteAllText(baseline, "{ \"rules\": { \"CMPL-001\": { \"parameters\": { \"clusterShare\": 0.9, \"clusterRateFactor\": 10, \"isolationToCallsPerDay\": 50 } } } }");
                var rows = _ps.Run(Rows + "$c | Get-ComplaintHotspot -Traffic $t -Baseline $args[0]", baseline).Output;
                Assert.All(rows, r => Assert.False((bool)r.Prop("Clustered")));
            }
        }
    }
}
