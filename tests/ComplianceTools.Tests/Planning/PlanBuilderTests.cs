using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Calendar;
using ComplianceTools.Engine.Planning;

namespace ComplianceTools.Tests.Planning
{
    /// <summary>Findings → rectification items and the guides' calendars, with dates checked by hand.</summary>
    public sealed class PlanBuilderTests
    {
        private static readonly DateTime Notice = new DateTime(2025, 9, 26);

        internal static List<Finding> VariedFindings() => new List<Finding>
        {
            F("SEAT-001", "Seats", Severity.Red, 0.31, 0.30, "Seats", "2025"),
            F("CMPL-001", "Complaints", Severity.Red, 0.00023, 0.0001, "示例呼叫中心", "2025"),
            F("CMPL-002", "Complaints", Severity.Yellow, 0.975, 0.98, "示例呼叫中心", "2025"),
            F("TRAIN-001", "Training", Severity.Yellow, 0.9, 1.0, "示例呼叫中心", "2025"),
            F("NUM-001", "Numbers", Severity.Green, 0.2, 0.7, "示例呼叫中心", "2025"),
            F("DATA-001", "Data", Severity.Red, 0.25, 0.05, "示例呼叫中心", "2025"),
        };

        private static Finding F(string rule, string area, Severity severity, double value, double threshold, string subject, string period)
        {
            return new Finding
            {
                RuleId = rule, Title = rule + " title", Area = area, Severity = severity, Value = value, Threshold = threshold, Unit = "ratio", Comparison = Comparison.GreaterThan,
                Subject = subject, Period = period, Reason = rule + " reason", Recommendation = "First do this; then that。", Source = "B",
            };
        }

        private static OwnerDirectory Owners(PlanningPolicy policy, bool withData = true)
        {
            var owners = new OwnerDirectory(policy.AreaAliases);
            owners.Add(new[]
            {
                new OwnerRow { Area = "坐席", Owner = "王芳", Mail = "wang.fang@example.com" },
                new OwnerRow { Area = "Complaints", Owner = "李雷" },
                new OwnerRow { Area = "培训", Owner = "赵敏", Mail = "zhao.min@example.com" },
            });
            if (withData)
            {
                owners.Add("Data", "data.lead@example.com");
            }

            return owners;
        }

        private static PlanResult Plan(bool withData = true, bool includeGreen = false)
        {
            PlanningPolicy policy = PlanningData.LoadPolicy(null);
            return PlanBuilder.Rectification(VariedFindings(), policy, Owners(policy, withData), HolidayData.Default, Notice, Notice, includeGreen);
        }

        [Fact]
        public void Every_item_has_an_owner_and_a_due_date_on_a_working_day()
        {
            PlanResult plan = Plan();
            Assert.Equal(6, plan.Items.Count); // five non-green findings + the CMPL-001 reply follow-up
            foreach (PlanItem item in plan.Items)
            {
                Assert.False(item.OwnerMissing, item.Key);
                Assert.False(string.IsNullOrEmpty(item.Owner), item.Key);
                Assert.True(HolidayData.Default.IsWorkingDay(item.DueDate.Value), item.Key);
                Assert.NotEmpty(item.Steps);
            }

            Assert.Empty(plan.AreasWithoutOwner);
        }

        [Fact]
        public void Titles_name_the_subject_and_the_period_so_months_of_one_rule_read_apart()
        {
            PlanningPolicy policy = PlanningData.LoadPolicy(null);
            var findings = new List<Finding>
            {
                F("CMPL-001", "Complaints", Severity.Red, 0.00016, 0.0001, "示例呼叫中心", "2025-03"),
                F("CMPL-001", "Complaints", Severity.Red, 0.00016, 0.0001, "示例呼叫中心", "2025-07"),
                F("SEAT-001", "Seats", Severity.Red, 0.31, 0.3, null, null),
            };
            var titles = PlanBuilder.Rectification(findings, policy, Owners(policy), HolidayData.Default, Notice, Notice, false).Items.Select(i => i.Title).ToList();
            Assert.Contains("CMPL-001 CMPL-001 title · 示例呼叫中心 · 2025-03", titles);
            Assert.Contains("CMPL-001 CMPL-001 title · 示例呼叫中心 · 2025-07", titles);
            Assert.Contains("SEAT-001 SEAT-001 title", titles); // no subject, no period: nothing added
        }

        [Fact]
        public void Re_running_gives_identical_keys()
        {
            var first = Plan().Items.Select(i => i.Key).ToList();
            var second = Plan().Items.Select(i => i.Key).ToList();
            Assert.Equal(first, second);
            Assert.Contains("CMPL-001|示例呼叫中心|2025", first);
            Assert.Contains("CMPL-001|示例呼叫中心|2025|reply", first);
            Assert.Equal(first.Count, first.Distinct().Count());
        }

        [Fact]
        public void Complaint_rate_gets_the_guides_three_steps_in_ten_working_days_and_the_reply_fifteen_later()
        {
            PlanResult plan = Plan();
            PlanItem fix = plan.Items.Single(i => i.Key == "CMPL-001|示例呼叫中心|2025");
            Assert.Equal(new DateTime(2025, 10, 16), fix.DueDate);
            Assert.Equal(10, fix.WorkingDays);
            Assert.Equal(3, fix.Steps.Count);
            Assert.StartsWith("Locate", fix.Steps[0]);
            Assert.Contains("300 to 30", fix.Steps[1]);
            Assert.Contains("third-party", fix.Steps[2]);
            Assert.Equal(fix.Steps, fix.Checklist);

            PlanItem reply = plan.Items.Single(i => i.Key == "CMPL-001|示例呼叫中心|2025|reply");
            Assert.Equal(new DateTime(2025, 10, 16), reply.StartDate);
            Assert.Equal(new DateTime(2025, 11, 6), reply.DueDate); // 17 Oct, 20–24, 27–31 Oct, 3–6 Nov
            Assert.Equal(15, reply.WorkingDays);
        }

        [Fact]
        public void Spans_and_priorities_follow_severity()
        {
            PlanResult plan = Plan();
            PlanItem red = plan.Items.Single(i => i.RuleId == "SEAT-001");
            Assert.Equal(new DateTime(2025, 10, 16), red.DueDate);
            Assert.Equal(PlanPriority.Urgent, red.Priority);
            PlanItem yellow = plan.Items.Single(i => i.RuleId == "CMPL-002");
            Assert.Equal(new DateTime(2025, 10, 30), yellow.DueDate); // 20 working days
            Assert.Equal(PlanPriority.Important, yellow.Priority);
            Assert.Equal(new[] { "First do this", "then that", "Re-check: run the check again and keep the before-and-after figures as evidence" }, yellow.Steps);
        }

        [Fact]
        public void Owners_come_by_mail_when_the_sheet_gives_one_else_by_name_and_chinese_area_names_match()
        {
            PlanResult plan = Plan();
            PlanItem seat = plan.Items.Single(i => i.RuleId == "SEAT-001");
            Assert.Equal("wang.fang@example.com", seat.Owner);
            Assert.Equal("王芳", seat.OwnerName);
            PlanItem complaints = plan.Items.Single(i => i.RuleId == "CMPL-002");
            Assert.Equal("李雷", complaints.Owner);
            Assert.Equal("zhao.min@example.com", plan.Items.Single(i => i.RuleId == "TRAIN-001").Owner);
        }

        [Fact]
        public void An_item_without_owner_is_kept_and_flagged()
        {
            PlanResult plan = Plan(withData: false);
            PlanItem data = plan.Items.Single(i => i.RuleId == "DATA-001");
            Assert.True(data.OwnerMissing);
            Assert.Equal(string.Empty, data.Owner);
            Assert.Equal(new[] { "Data" }, plan.AreasWithoutOwner.ToArray());
        }

        [Fact]
        public void Green_findings_make_items_only_when_asked()
        {
            Assert.DoesNotContain(Plan().Items, i => i.RuleId == "NUM-001");
            PlanItem green = Plan(includeGreen: true).Items.Single(i => i.RuleId == "NUM-001" && !i.Key.EndsWith("|reply", StringComparison.Ordinal));
            Assert.Equal(PlanPriority.Low, green.Priority);
        }

        [Fact]
        public void Items_due_before_the_as_of_date_are_overdue()
        {
            PlanningPolicy policy = PlanningData.LoadPolicy(null);
            PlanResult plan = PlanBuilder.Rectification(VariedFindings(), policy, Owners(policy), HolidayData.Default, Notice, new DateTime(2025, 10, 20), false);
            Assert.True(plan.Items.Single(i => i.RuleId == "SEAT-001").Overdue);
            Assert.False(plan.Items.Single(i => i.RuleId == "CMPL-002").Overdue);
        }

        [Fact]
        public void Number_consistency_gets_the_rectification_notices_steps_and_reply_exactly_as_the_complaint_rate()
        {
            PlanningPolicy policy = PlanningData.LoadPolicy(null);
            var findings = new List<Finding> { F("CMPL-001", "Complaints", Severity.Red, 0.0003, 0.0001, "X", "2025"), F("NUM-001", "Numbers", Severity.Red, 0.75, 0.7, "X", "2025") };
            PlanResult plan = PlanBuilder.Rectification(findings, policy, Owners(policy), HolidayData.Default, Notice, Notice, false);
            PlanItem complaints = plan.Items.Single(i => i.Key == "CMPL-001|X|2025");
            PlanItem numbers = plan.Items.Single(i => i.Key == "NUM-001|X|2025");
            Assert.Equal(complaints.Steps, numbers.Steps);
            Assert.Equal(3, numbers.Steps.Count);
            Assert.Contains("技术测评报告", string.Join(" ", PlanningData.LoadPolicy(null).Rules["NUM-001"].Steps.Select(t => t.Zh)));
            Assert.Equal(new DateTime(2025, 10, 16), numbers.DueDate);              // 10 working days after 26 Sep 2025, over the National Day week
            Assert.Equal(NumberOrigin.Guide, numbers.DueDateOrigin);
            PlanItem reply = plan.Items.Single(i => i.Key == "NUM-001|X|2025|reply");
            Assert.Equal(NumberOrigin.Guide, reply.DueDateOrigin);
            Assert.Equal(HolidayData.Default.AddWorkingDays(numbers.DueDate.Value, 15).DueDate, reply.DueDate);
        }

        [Fact]
        public void Other_red_findings_take_our_ten_working_days_and_say_so()
        {
            PlanItem seat = Plan().Items.Single(i => i.RuleId == "SEAT-001");
            Assert.Equal(NumberOrigin.Ours, seat.DueDateOrigin);
            Assert.Equal(new DateTime(2025, 10, 16), seat.DueDate);
            Assert.Equal(NumberOrigin.Ours, PlanningData.LoadPolicy(null).For(Severity.Red).Origin);
        }

        [Fact]
        public void A_not_applicable_finding_makes_no_item_even_with_include_green()
        {
            PlanningPolicy policy = PlanningData.LoadPolicy(null);
            var na = new Finding { RuleId = "XB-001", Title = "Cross-border", Area = "Filing", Status = FindingStatus.NotApplicable, Subject = "X", Period = "2025", Reason = "no overseas seats" };
            Assert.Empty(PlanBuilder.Rectification(new[] { na }, policy, Owners(policy), HolidayData.Default, Notice, Notice, includeGreen: true).Items);
        }
    }
}
