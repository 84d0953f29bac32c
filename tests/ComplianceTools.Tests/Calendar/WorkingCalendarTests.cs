using System;
using System.IO;
using ComplianceTools.Core.Calendar;
using ComplianceTools.Core.Common;
using ComplianceTools.Engine.Calendar;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Calendar
{
    /// <summary>China's working days from the shipped State Council notices; every case checked by hand on a calendar.</summary>
    public sealed class WorkingCalendarTests
    {
        private static readonly WorkingCalendar Cn = HolidayData.Default;

        private static DateTime D(string iso) => DateTime.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        [Fact]
        public void The_shipped_data_covers_2004_to_2026()
        {
            Assert.True(Cn.Covers(2004));
            Assert.True(Cn.Covers(2026));
            Assert.False(Cn.Covers(2003));
            Assert.False(Cn.Covers(2027));
        }

        [Fact]
        public void The_tenth_working_day_after_friday_26_september_2025_is_16_october()
        {
            // 28 Sep (Sun, make-up) 1, 29 Sep 2, 30 Sep 3, 1–8 Oct off, 9 Oct 4, 10 Oct 5, 11 Oct (Sat, make-up) 6, 13–16 Oct 7–10.
            DueDateResult due = Cn.AddWorkingDays(D("2025-09-26"), 10);
            Assert.Equal(D("2025-10-16"), due.DueDate);
            Assert.False(due.Provisional);
        }

        [Fact]
        public void National_day_2025_is_off_and_its_two_make_up_weekend_days_are_working_days()
        {
            Assert.Equal(DayKind.MakeUpWorkday, Cn.Classify(D("2025-09-28")));
            Assert.Equal(DayKind.MakeUpWorkday, Cn.Classify(D("2025-10-11")));
            for (DateTime d = D("2025-10-01"); d <= D("2025-10-08"); d = d.AddDays(1))
            {
                Assert.Equal(DayKind.Holiday, Cn.Classify(d));
            }

            Assert.Equal(DayKind.Workday, Cn.Classify(D("2025-10-09")));
            Assert.Equal(DayKind.Weekend, Cn.Classify(D("2025-10-12")));
        }

        [Fact]
        public void Saturday_14_february_2026_is_a_working_day_and_monday_16_february_is_not()
        {
            Assert.True(Cn.IsWorkingDay(D("2026-02-14")));
            Assert.Equal(DayKind.MakeUpWorkday, Cn.Classify(D("2026-02-14")));
            Assert.False(Cn.IsWorkingDay(D("2026-02-16")));
            Assert.Equal("春节", Cn.NameOf(D("2026-02-16")));
        }

        [Fact]
        public void The_working_day_before_20_february_2026_is_the_make_up_saturday_14th_and_the_one_after_is_the_24th()
        {
            Assert.Equal(D("2026-02-14"), Cn.OnOrBefore(D("2026-02-20")).DueDate);
            Assert.Equal(D("2026-02-24"), Cn.OnOrAfter(D("2026-02-20")).DueDate);
            Assert.Equal(D("2026-02-13"), Cn.OnOrBefore(D("2026-02-13")).DueDate);
        }

        [Theory]
        [InlineData(1, "2025-12-31")]
        [InlineData(2, "2026-01-04")]
        [InlineData(3, "2026-01-05")]
        public void Counting_from_30_december_2025_skips_new_year_1_to_3_january_and_counts_sunday_4_january(int days, string expected)
        {
            DueDateResult due = Cn.AddWorkingDays(D("2025-12-30"), days);
            Assert.Equal(D(expected), due.DueDate);
            Assert.False(due.Provisional);
        }

        [Fact]
        public void Counting_into_2027_uses_weekends_only_and_is_marked_provisional()
        {
            // 28–31 Dec 2026 are 4; with no 2027 data, Friday 1 Jan 2027 counts (5) and 4–8 Jan are 6–10.
            DueDateResult due = Cn.AddWorkingDays(D("2026-12-25"), 10);
            Assert.Equal(D("2027-01-08"), due.DueDate);
            Assert.True(due.Provisional);
            Assert.Equal(new[] { 2027 }, due.UncoveredYears);
        }

        [Fact]
        public void A_user_file_for_2027_makes_new_year_a_holiday_and_the_result_final()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string file = tmp.File("cn-2027.json");
                File.WriteAllText(file, "{ \"source\": \"test 2027\", \"holidays\": { \"2027-01-01\": \"元旦\" }, \"workdays\": {} }");
                WorkingCalendar cal = HolidayData.Load(file);
                DueDateResult due = cal.AddWorkingDays(D("2026-12-25"), 10);
                Assert.Equal(D("2027-01-11"), due.DueDate);
                Assert.False(due.Provisional);
                Assert.True(cal.Covers(2027));
                Assert.Equal(D("2025-10-16"), cal.AddWorkingDays(D("2025-09-26"), 10).DueDate);
            }
        }

        [Fact]
        public void A_user_file_year_replaces_the_shipped_year_whole()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string file = tmp.File("cn-2026.json");
                File.WriteAllText(file, "{ \"holidays\": { \"2026-01-01\": \"元旦\" } }");
                WorkingCalendar cal = HolidayData.Load(file);
                Assert.True(cal.IsWorkingDay(D("2026-02-16")));
                Assert.False(cal.IsWorkingDay(D("2026-02-14")));
                Assert.False(cal.IsWorkingDay(D("2025-10-01")));
            }
        }

        [Fact]
        public void Counting_between_dates_excludes_the_first_and_includes_the_last()
        {
            WorkingDayCount count = Cn.CountWorkingDays(D("2025-09-26"), D("2025-10-16"));
            Assert.Equal(10, count.WorkingDays);
            Assert.Equal(20, count.CalendarDays);
            Assert.Equal(8, count.Holidays);
            Assert.Equal(2, count.MakeUpWorkdays);
            Assert.Equal(-10, Cn.CountWorkingDays(D("2025-10-16"), D("2025-09-26")).WorkingDays);
            Assert.Equal(0, Cn.CountWorkingDays(D("2025-10-01"), D("2025-10-08")).WorkingDays);
        }

        [Fact]
        public void Negative_counts_go_backwards()
        {
            Assert.Equal(D("2025-09-26"), Cn.AddWorkingDays(D("2025-10-16"), -10).DueDate);
            Assert.Equal(D("2025-10-16"), Cn.AddWorkingDays(D("2025-10-16"), 0).DueDate);
        }

        [Fact]
        public void A_bad_date_in_a_user_file_names_the_file_and_line()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string file = tmp.File("bad.json");
                File.WriteAllText(file, "{\n  \"holidays\": {\n    \"2027-13-01\": \"元旦\"\n  }\n}");
                var ex = Assert.Throws<ComplianceException>(() => HolidayData.Load(file));
                Assert.Equal("ComplianceTools.Calendar.HolidayFileInvalid", ex.ErrorId);
                Assert.Contains("bad.json", ex.Message);
                Assert.Contains("line 3", ex.Message);
                Assert.Contains("2027-13-01", ex.Message);
            }
        }

        [Fact]
        public void A_weekday_given_as_a_make_up_working_day_is_refused()
        {
            var ex = Assert.Throws<ComplianceException>(() => HolidayData.Parse("{ \"workdays\": { \"2027-01-04\": \"x\" } }", "w.json"));
            Assert.Equal("ComplianceTools.Calendar.HolidayFileInvalid", ex.ErrorId);
        }
    }
}
