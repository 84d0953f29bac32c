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
            var rows = _ps.Run(Rows + "$c | Get-ComplaintHotspot -Traffic $t -By DisplayNumber").Output;
            Assert.Equal(3, rows.Count);
            Assert.Equal("DisplayNumber", rows[0].Text("By"));
            Assert.Equal("138****8000", rows[0].Text("Number"));
            Assert.Equal(8, (int)rows[0].Prop("NumberComplaints"));
            Assert.Equal("Team 1", rows[0].Text("Team"));
            Assert.Equal(6, (int)rows[0].Prop("Complaints"));
            Assert.Equal("Team 2", rows[1].Text("Team"));
            Assert.Equal(0.8, (double)rows[0].Prop("ChannelShare"), 10);
            Assert.Equal(3000.0, (double)rows[0].Prop("CallsPerDay"), 6);
            Assert.True((bool)rows[0].Prop("Clustered"));
            Assert.Equal(300.0, (double)rows[0].Prop("ProposedCallsPerDay")); // a tenth of 3,000 a day, as the guide cuts 300 to 30
            Assert.True((bool)rows[0].Prop("WhitelistOnly"));
            Assert.Contains("cap it at 300 calls a day (now 3,000", rows[0].Text("Proposal"));
            Assert.Equal("95555", rows[2].Text("Number"));
            Assert.False((bool)rows[2].Prop("Clustered"));
            Assert.Null(rows[2].Prop("ProposedCallsPerDay"));
        }

        /// <summary>
        /// 60 complaints: 40 from three complainants (14, 13, 13) called again and again on the outsourcing team's
        /// channel 外包线路X (2,400 calls over 20 days: 120 a day); 20 from twenty other people on two own channels.
        /// </summary>
        private const string Complainants = @"
$c = @()
$n = 0
foreach ($who in @(@('13900000001', 14), @('13900000002', 13), @('13900000003', 13))) {
    1..$who[1] | ForEach-Object { $n++; $c += [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = ""X$n""; Source = 'C12321'; ReceivedAt = '2025-03-01'; ComplainantNumber = $who[0]; CallingNumber = '95555'; Channel = '外包线路X'; Team = '外包B组' } }
}
1..20 | ForEach-Object { $c += [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = ""O$_""; Source = 'C12321'; ReceivedAt = '2025-03-01'; ComplainantNumber = ('1370000{0:0000}' -f $_); CallingNumber = '95555'; Channel = ('自营' + ($_ % 2)); Team = '自营组' } }
$t = @(
  [ComplianceTools.Core.Workbook.Sheets.TrafficRow]@{ Month = '2025-03'; DisplayNumber = '95555'; Channel = '外包线路X'; OutboundCalls = 2400; Days = 20 }
  [ComplianceTools.Core.Workbook.Sheets.TrafficRow]@{ Month = '2025-03'; DisplayNumber = '95555'; Channel = '自营0'; OutboundCalls = 100000; Days = 20 }
  [ComplianceTools.Core.Workbook.Sheets.TrafficRow]@{ Month = '2025-03'; DisplayNumber = '95555'; Channel = '自营1'; OutboundCalls = 100000; Days = 20 }
)
";

        [Fact]
        public void By_default_complaints_group_by_the_frequently_called_complainants_and_name_the_outsourcing_team_they_cluster_on()
        {
            var rows = _ps.Run(Complainants + "$c | Get-ComplaintHotspot -Traffic $t").ThrowOnError().Output;
            var top = rows.Take(3).ToList();
            Assert.Equal(new[] { "139****0001", "139****0002", "139****0003" }, top.Select(r => r.Text("Number")));
            Assert.All(top, r => Assert.Equal("CalledNumber", r.Text("By")));
            Assert.All(top, r => Assert.Equal("外包B组", r.Text("Team")));
            Assert.All(top, r => Assert.Equal("外包线路X", r.Text("Channel")));
            Assert.Equal(14, (int)top[0].Prop("NumberComplaints"));
            Assert.Equal(40.0 / 60, (double)top[0].Prop("ChannelShare"), 10);
            Assert.All(top, r => Assert.True((bool)r.Prop("Clustered")));
            Assert.All(rows.Skip(3), r => Assert.False((bool)r.Prop("Clustered")));
        }

        [Fact]
        public void A_channel_at_120_calls_a_day_is_proposed_12_a_tenth_not_the_guides_30()
        {
            var rows = _ps.Run(Complainants + "$c | Get-ComplaintHotspot -Traffic $t").ThrowOnError().Output;
            Assert.Equal(120.0, (double)rows[0].Prop("CallsPerDay"), 6);
            Assert.Equal(12.0, (double)rows[0].Prop("ProposedCallsPerDay"));
            Assert.Contains("cap it at 12 calls a day (now 120", rows[0].Text("Proposal"));
        }

        [Fact]
        public void Without_traffic_the_proposal_is_the_guides_30_and_says_the_calls_a_day_are_unknown()
        {
            var rows = _ps.Run(Complainants + "$c | Get-ComplaintHotspot").ThrowOnError().Output;
            Assert.Equal(30.0, (double)rows[0].Prop("ProposedCallsPerDay"));
            Assert.Contains("not known", rows[0].Text("Proposal"));
        }

        [Fact]
        public void No_complainant_number_reaches_any_stream_unmasked()
        {
            string all = _ps.Run(Complainants + "$c | Get-ComplaintHotspot -Traffic $t -Verbose").AllStreamsText();
            Assert.DoesNotContain("13900000001", all);
            Assert.DoesNotContain("13700000001", all);
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
