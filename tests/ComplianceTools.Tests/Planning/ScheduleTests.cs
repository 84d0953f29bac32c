using System;
using System.Linq;
using ComplianceTools.Core.Planning;
using ComplianceTools.Engine.Calendar;
using ComplianceTools.Engine.Planning;

namespace ComplianceTools.Tests.Planning
{
    /// <summary>The guides' calendars on China's working days.</summary>
    public sealed class ScheduleTests
    {
        private static PlanResult Build(string kind, int year, DateTime asOf)
        {
            var owners = new OwnerDirectory();
            owners.Add(OwnerDirectory.AnyArea, "lead@example.com");
            return PlanBuilder.Schedule(PlanningData.LoadSchedule(kind, null), year, owners, HolidayData.Default, asOf);
        }

        private static PlanItem Phase(PlanResult r, string id) => r.Items.Single(i => i.Key.EndsWith("|" + id, StringComparison.Ordinal));

        [Fact]
        public void The_2026_prefill_phase_11_to_20_february_is_due_on_the_make_up_saturday_14_february()
        {
            PlanItem prefill = Phase(Build("AnnualReport", 2026, new DateTime(2026, 1, 1)), "pre-fill");
            Assert.Equal("SCHED|AnnualReport|2026|pre-fill", prefill.Key);
            Assert.Equal(new DateTime(2026, 2, 11), prefill.StartDate);
            Assert.Equal(new DateTime(2026, 2, 14), prefill.DueDate);
            Assert.Equal(PlanItemKind.Schedule, prefill.Kind);
            Assert.Equal("Filing", prefill.Area);
            Assert.Equal("lead@example.com", prefill.Owner);
        }

        [Fact]
        public void The_annual_report_has_the_guides_eight_phases_in_order()
        {
            PlanResult r = Build("AnnualReport", 2026, new DateTime(2026, 1, 1));
            Assert.Equal(8, r.Items.Count);
            Assert.Equal(new DateTime(2026, 4, 15), r.Items.Last().DueDate);
            Assert.All(r.Items, i => Assert.True(HolidayData.Default.IsWorkingDay(i.DueDate.Value)));
        }

        [Fact]
        public void The_inspection_has_the_january_clean_up_the_15_march_opening_the_30_april_close_and_the_30_june_deadline()
        {
            PlanResult r = Build("Inspection", 2026, new DateTime(2026, 4, 1));
            Assert.Equal(new DateTime(2026, 1, 30), Phase(r, "data-bath-seats").DueDate); // 31 Jan is a Saturday
            Assert.Equal(new DateTime(2026, 1, 30), Phase(r, "data-bath-complaints").DueDate);
            Assert.Equal(new DateTime(2026, 3, 16), Phase(r, "entry-opens").DueDate); // 15 Mar is a Sunday: the next working day
            Assert.Equal(new DateTime(2026, 4, 30), Phase(r, "system-closes").DueDate);
            Assert.Equal(new DateTime(2026, 6, 30), Phase(r, "official-deadline").DueDate);
            Assert.Equal("Regulator", Phase(r, "official-deadline").DeadlineKind);
        }

        [Fact]
        public void A_phase_says_whose_dates_it_has_the_guides_ours_or_the_guides_end_with_our_start()
        {
            var saved = System.Globalization.CultureInfo.CurrentUICulture;
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-US");
            try
            {
                PlanResult r = Build("Inspection", 2026, new DateTime(2026, 1, 1));

                // Guide B: "4月前,企业必须完成 … 数据一致性比对": the end is the guide's, the 1 February start ours.
                PlanItem reconcile = Phase(r, "reconcile-number-system");
                Assert.Equal(Core.Findings.NumberOrigin.Guide, reconcile.DueDateOrigin);
                Assert.EndsWith("Dates: from 2026-02-01 (ours: the guide gives only the end) to 2026-03-31 (the guide's); an internal phase: when the end falls on a day off it is due the working day before.", reconcile.Description, StringComparison.Ordinal);

                // The on-site rehearsal is named by the guide ("一份演练") without a date: April is ours.
                PlanItem rehearsal = Phase(r, "onsite-rehearsal");
                Assert.Equal(Core.Findings.NumberOrigin.Ours, rehearsal.DueDateOrigin);
                Assert.Contains("Our dates: 2026-04-01 – 2026-04-30 (the guide names the step without dates)", rehearsal.Description, StringComparison.Ordinal);

                // "3月15日左右" is the guide's own date.
                Assert.Contains("Guide's dates: 2026-03-15 – 2026-03-15", Phase(r, "entry-opens").Description, StringComparison.Ordinal);
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentUICulture = saved;
            }
        }

        [Fact]
        public void Items_due_before_as_of_are_overdue_and_later_ones_are_not()
        {
            PlanResult r = Build("Inspection", 2026, new DateTime(2026, 4, 1));
            Assert.True(Phase(r, "data-bath-seats").Overdue);
            Assert.True(Phase(r, "entry-opens").Overdue);
            Assert.False(Phase(r, "system-closes").Overdue);
            Assert.False(Phase(r, "official-deadline").Overdue);
        }

        [Fact]
        public void A_regulator_deadline_on_a_day_off_moves_to_the_next_working_day()
        {
            // 30 April 2023 is a Sunday inside the Labour Day break (29 Apr – 3 May): next working day Thursday 4 May.
            Assert.Equal(new DateTime(2023, 5, 4), Phase(Build("Inspection", 2023, new DateTime(2023, 1, 1)), "system-closes").DueDate);
            // 30 June 2024 is a Sunday: Monday 1 July.
            Assert.Equal(new DateTime(2024, 7, 1), Phase(Build("Inspection", 2024, new DateTime(2024, 1, 1)), "official-deadline").DueDate);
        }

        [Fact]
        public void An_internal_phase_ending_on_a_day_off_is_due_the_working_day_before()
        {
            // 2024: 31 March is a Sunday, so the reconciliation is due Friday 29 March.
            Assert.Equal(new DateTime(2024, 3, 29), Phase(Build("Inspection", 2024, new DateTime(2024, 1, 1)), "reconcile-number-system").DueDate);
        }

        [Fact]
        public void A_year_without_holiday_data_is_provisional()
        {
            PlanResult r = Build("AnnualReport", 2027, new DateTime(2027, 1, 1));
            Assert.All(r.Items, i => Assert.True(i.Provisional));
            Assert.Equal(new[] { 2027 }, r.UncoveredYears.ToArray());
        }

        [Fact]
        public void The_guides_conflicting_march_dates_stay_in_both_schedules_and_each_names_the_other_to_confirm()
        {
            PlanItem upload = Phase(Build("AnnualReport", 2026, new DateTime(2026, 1, 1)), "upload");
            PlanItem entry = Phase(Build("Inspection", 2026, new DateTime(2026, 1, 1)), "entry-opens");
            Assert.Equal(new DateTime(2026, 3, 10), upload.DueDate);
            Assert.Equal(new DateTime(2026, 3, 16), entry.DueDate);                  // 15 March 2026 is a Sunday: the regulator's date moves on
            Assert.Contains("15 March", upload.Conflict);
            Assert.Contains("1–10 March", entry.Conflict);
            Assert.Contains("Confirm with the provincial authority", upload.Description);
            Assert.Contains("Confirm with the provincial authority", entry.Description);
            Assert.All(Build("AnnualReport", 2026, new DateTime(2026, 1, 1)).Items.Where(i => i != upload && !i.Key.EndsWith("|upload", StringComparison.Ordinal)), i => Assert.Null(i.Conflict));
        }
    }
}
