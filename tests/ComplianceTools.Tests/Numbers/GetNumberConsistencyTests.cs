using System.Linq;
using System.Management.Automation;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Numbers
{
    /// <summary>NUM-001 through a real runspace: Red when landline and mobile numbers carry 70% or more of outbound calls.</summary>
    public sealed class GetNumberConsistencyTests : System.IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void Seventy_percent_on_landline_and_mobile_is_red_and_the_95_96_share_is_in_the_reason()
        {
            var f = _ps.Run("Get-NumberConsistency -ShortNumberCalls 30 -LandlineCalls 40 -MobileCalls 30").Single();
            Assert.Equal(0.7, (double)f.Prop("Value"), 10);
            Assert.Equal("Red", f.Text("Severity"));
            Assert.Equal("≥ 70%", f.Text("ThresholdText"));
            Assert.Contains("95/96 numbers carry 30%", f.Text("Reason"));
        }

        [Fact]
        public void Sixty_nine_percent_is_green()
        {
            var f = _ps.Run("Get-NumberConsistency -ShortNumberCalls 31 -LandlineCalls 40 -MobileCalls 29").Single();
            Assert.Equal(0.69, (double)f.Prop("Value"), 10);
            Assert.Equal("Green", f.Text("Severity"));
        }

        [Fact]
        public void Display_numbers_are_classified_whatever_their_formatting_and_the_lines_to_move_come_biggest_first()
        {
            string script = @"
@(
  @{ Month = '2025-01'; DisplayNumber = '９５５５５'; Channel = 'A'; OutboundCalls = 25000 }
  @{ Month = '2025-01'; DisplayNumber = '+86 10 6234 5678'; Channel = 'B'; OutboundCalls = 20000 }
  @{ Month = '2025-02'; DisplayNumber = '(010) 6234-5678'; Channel = 'B'; OutboundCalls = 20000 }
  @{ Month = '2025-01'; DisplayNumber = '0086-138-0013-8000'; Channel = 'C'; OutboundCalls = 30000 }
  @{ Month = '2025-01'; DisplayNumber = '400-800-1234'; Channel = 'D'; OutboundCalls = 5000 }
) | ForEach-Object { [ComplianceTools.Core.Workbook.Sheets.TrafficRow]$_ } | Get-NumberConsistency";
            var f = _ps.Run(script).Single();
            Assert.Equal(0.7, (double)f.Prop("Value"), 10);
            Assert.Equal("Red", f.Text("Severity"));
            Assert.Contains("95/96 numbers carry 25%", f.Text("Reason"));
            Assert.Equal("2025", f.Text("Period"));
            var evidence = ((System.Collections.IEnumerable)f.Prop("Evidence")).Cast<object>().Select(PSObject.AsPSObject).ToList();
            Assert.Equal(new[] { "010****5678", "138****8000" }, evidence.Select(e => e.Text("Subject")).ToArray());
            Assert.Equal(40000.0, (double)evidence[0].Prop("Value"));
        }

        [Fact]
        public void No_calls_at_all_is_a_clear_error()
        {
            var r = _ps.Run("Get-NumberConsistency -ShortNumberCalls 0 -LandlineCalls 0 -MobileCalls 0");
            Assert.Equal("ComplianceTools.Numbers.NoOutboundCalls,ComplianceTools.Commands.Numbers.GetNumberConsistencyCommand", Assert.Single(r.AllErrors).FullyQualifiedErrorId);
        }
    }
}
