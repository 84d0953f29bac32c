using System.Linq;
using System.Management.Automation;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Staff
{
    /// <summary>STAFF-001 (three-way match) and STAFF-002 (the guide's 500 seats vs 180 insured) through a real runspace.</summary>
    public sealed class TestStaffingConsistencyTests : System.IDisposable
    {
        /// <summary>Three agents; E3 is insured under another employee id (same ID number, lower-case x); E2 is not on the payroll unless $pay2.</summary>
        private const string Lists = @"
$staff = @(
  [ComplianceTools.Core.Workbook.Sheets.StaffRow]@{ EmployeeId = 'E1'; Name = '张三'; IdNumber = '110101199001011234'; IsAgent = 'Yes'; Enabled = 'Yes' }
  [ComplianceTools.Core.Workbook.Sheets.StaffRow]@{ EmployeeId = 'E2'; Name = '李四'; IdNumber = '110101199202022345'; IsAgent = 'Yes'; Enabled = 'Yes' }
  [ComplianceTools.Core.Workbook.Sheets.StaffRow]@{ EmployeeId = 'E3'; Name = '王五'; IdNumber = '11010119930303345X'; IsAgent = 'Yes' }
  [ComplianceTools.Core.Workbook.Sheets.StaffRow]@{ EmployeeId = 'E4'; Name = '赵六'; IsAgent = 'Yes'; Enabled = 'No' }
  [ComplianceTools.Core.Workbook.Sheets.StaffRow]@{ EmployeeId = 'M1'; Name = '孙七'; IsAgent = 'No' }
)
$si = @(
  [ComplianceTools.Core.Workbook.Sheets.SocialInsuranceRow]@{ EmployeeId = 'E1'; Name = '张三'; Month = '2026-01' }
  [ComplianceTools.Core.Workbook.Sheets.SocialInsuranceRow]@{ EmployeeId = 'E2'; Name = '李四'; Month = '2026-01' }
  [ComplianceTools.Core.Workbook.Sheets.SocialInsuranceRow]@{ EmployeeId = 'X-9'; Name = '王五'; IdNumber = '11010119930303345x'; Month = '2026年1月' }
)
$pay = @(
  [ComplianceTools.Core.Workbook.Sheets.PayrollRow]@{ EmployeeId = 'E1'; Name = '张三'; Month = '2026-01' }
  [ComplianceTools.Core.Workbook.Sheets.PayrollRow]@{ EmployeeId = 'E3'; Name = '王五'; Month = '2026-01' }
  [ComplianceTools.Core.Workbook.Sheets.PayrollRow]@{ EmployeeId = 'E2'; Name = '李四'; Month = '2025-12' }
)
";

        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void The_guides_500_seats_with_180_insured_is_red()
        {
            var f = _ps.Run("Test-StaffingConsistency -SeatsOnFile 500 -InsuredStaff 180").Single();
            Assert.Equal("STAFF-002", f.Text("RuleId"));
            Assert.Equal(0.36, (double)f.Prop("Value"), 10);
            Assert.Equal("Red", f.Text("Severity"));
            Assert.Contains("500 seats, 180 insured", f.Text("Recommendation"));
        }

        [Fact]
        public void Three_hundred_fifty_insured_for_500_seats_is_70_percent_and_green_349_is_red()
        {
            Assert.Equal("Green", _ps.Run("Test-StaffingConsistency -SeatsOnFile 500 -InsuredStaff 350").Single().Text("Severity"));
            Assert.Equal("Red", _ps.Run("Test-StaffingConsistency -SeatsOnFile 500 -InsuredStaff 349").Single().Text("Severity"));
        }

        [Fact]
        public void An_agent_missing_from_the_latest_payroll_is_red_and_named_masked()
        {
            var r = _ps.Run(Lists + "Test-StaffingConsistency -Staff $staff -SocialInsurance $si -Payroll $pay");
            r.ThrowOnError();
            Assert.Equal(new[] { "STAFF-001", "STAFF-002" }, r.Output.Select(o => o.Text("RuleId")));
            Assert.Equal("Skipped", r.Output[1].Text("Status"));   // no seats on file given: STAFF-002 cannot be measured
            var f = r.Output[0];
            Assert.Equal(1.0, (double)f.Prop("Value"));
            Assert.Equal("Red", f.Text("Severity"));
            var evidence = ((System.Collections.IEnumerable)f.Prop("Evidence")).Cast<object>().Select(PSObject.AsPSObject).ToList();
            Assert.Equal("E2 李*", evidence[0].Text("Subject"));
            Assert.Equal("missing from: payroll", evidence[0].Text("Detail"));
            Assert.Equal("E3 王*", evidence[1].Text("Subject"));
            Assert.Equal("found on social insurance by ID number 110101********345X under employee id X-9", evidence[1].Text("Detail"));
        }

        [Fact]
        public void With_every_agent_on_every_list_the_match_is_green_and_seat_rows_give_the_insured_ratio()
        {
            string script = Lists + @"
$pay += [ComplianceTools.Core.Workbook.Sheets.PayrollRow]@{ EmployeeId = 'E2'; Name = '李四'; Month = '2026-01' }
$seats = 'E1','E2','E3' | ForEach-Object { [ComplianceTools.Core.Workbook.Sheets.SeatRow]@{ SeatId = ""S-$_""; Activated = 'Yes'; AgentEmployeeId = $_ } }
Test-StaffingConsistency -Staff $staff -SocialInsurance $si -Payroll $pay -Seat $seats";
            var r = _ps.Run(script);
            r.ThrowOnError();
            Assert.Equal(2, r.Output.Count);
            Assert.Equal("Green", r.Output[0].Text("Severity"));
            Assert.Equal(0.0, (double)r.Output[0].Prop("Value"));
            Assert.Equal("STAFF-002", r.Output[1].Text("RuleId"));
            Assert.Equal(1.0, (double)r.Output[1].Prop("Value"), 10);
        }

        [Fact]
        public void An_agent_on_a_seat_but_not_on_the_roster_is_still_checked()
        {
            string script = Lists + @"
$seats = @([ComplianceTools.Core.Workbook.Sheets.SeatRow]@{ SeatId = 'S9'; Activated = 'Yes'; AgentEmployeeId = 'E9' })
Test-StaffingConsistency -Staff $staff -SocialInsurance $si -Payroll $pay -Seat $seats -SeatsOnFile 10";
            var r = _ps.Run(script);
            var f = r.Output[0];
            Assert.Equal(4.0, (double)f.Prop("Value"));
            var subjects = ((System.Collections.IEnumerable)f.Prop("Evidence")).Cast<object>().Select(PSObject.AsPSObject).Select(e => e.Text("Subject")).ToList();
            Assert.Contains("E9", subjects);
            Assert.Equal(0.3, (double)r.Output[1].Prop("Value"), 10);
        }
    }
}
