using System;
using System.Linq;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Calendar
{
    /// <summary>Get-ComplianceDueDate and Measure-ComplianceWorkingDay through a real runspace.</summary>
    public sealed class CalendarCmdletTests : IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void Ten_working_days_after_26_september_2025_is_thursday_16_october()
        {
            var r = _ps.Run("Get-ComplianceDueDate -From '2025-09-26' -WorkingDays 10");
            var due = r.Single();
            Assert.Equal(new DateTime(2025, 10, 16), (DateTime)due.Prop("DueDate"));
            Assert.Equal("Thursday", due.Text("DayOfWeek"));
            Assert.False((bool)due.Prop("Provisional"));
            Assert.Empty(r.Warnings);
        }

        [Fact]
        public void A_due_date_in_2027_is_provisional_and_warned_about()
        {
            var r = _ps.Run("Get-ComplianceDueDate -From '2026-12-25' -WorkingDays 10");
            var due = r.Single();
            Assert.Equal(new DateTime(2027, 1, 8), (DateTime)due.Prop("DueDate"));
            Assert.True((bool)due.Prop("Provisional"));
            var warning = Assert.Single(r.Warnings);
            Assert.Contains("2027", warning);
            Assert.Contains("-HolidayFile", warning);
        }

        [Fact]
        public void A_session_is_warned_about_2027_once_however_many_cmdlets_count_days_in_it()
        {
            var first = _ps.Run("Get-ComplianceDueDate -From '2026-12-25' -WorkingDays 10");
            var second = _ps.Run("Measure-ComplianceWorkingDay -From '2027-01-04' -To '2027-01-29'; New-ComplianceSchedule -Year 2027 -Kind Inspection -Owner @{ '*' = 'a@example.com' }");
            Assert.Single(first.Warnings);
            Assert.DoesNotContain(second.Warnings, w => w.Contains("does not cover 2027"));
            Assert.All(second.Output.Where(o => o.Prop("Provisional") != null), o => Assert.True((bool)o.Prop("Provisional")));

            // 2028 is a year not yet warned about; a new session is told again.
            Assert.Single(_ps.Run("Get-ComplianceDueDate -From '2028-03-01' -WorkingDays 1").Warnings, w => w.Contains("does not cover 2028"));
            using var other = new ModuleSession();
            Assert.Single(other.Run("Get-ComplianceDueDate -From '2026-12-25' -WorkingDays 10").Warnings, w => w.Contains("does not cover 2027"));
        }

        [Fact]
        public void Working_days_between_26_september_and_16_october_2025_are_ten()
        {
            var count = _ps.Run("Measure-ComplianceWorkingDay -From '2025-09-26' -To '2025-10-16'").Single();
            Assert.Equal(10, (int)count.Prop("WorkingDays"));
            Assert.Equal(8, (int)count.Prop("Holidays"));
            Assert.Equal(2, (int)count.Prop("MakeUpWorkdays"));
        }

        [Fact]
        public void A_missing_holiday_file_is_a_clear_error()
        {
            var r = _ps.Run("Get-ComplianceDueDate -From '2025-09-26' -WorkingDays 10 -HolidayFile ./no-such-holidays.json");
            Assert.Empty(r.Output);
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Calendar.HolidayFileNotFound,ComplianceTools.Commands.Calendar.GetComplianceDueDateCommand", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void Dates_come_down_the_pipeline()
        {
            var r = _ps.Run("[datetime]'2026-02-13', [datetime]'2025-12-30' | Get-ComplianceDueDate -WorkingDays 1");
            Assert.Equal(new[] { new DateTime(2026, 2, 14), new DateTime(2025, 12, 31) }, r.Output.Select(o => (DateTime)o.Prop("DueDate")).ToArray());
        }
    }
}
