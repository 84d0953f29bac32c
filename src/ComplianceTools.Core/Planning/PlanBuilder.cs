using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Calendar;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Resources;

namespace ComplianceTools.Core.Planning
{
    /// <summary>Items built, with what the caller must warn about: years without holiday data and areas without an owner.</summary>
    public sealed class PlanResult
    {
        public IList<PlanItem> Items { get; } = new List<PlanItem>();

        public ISet<int> UncoveredYears { get; } = new SortedSet<int>();

        /// <summary>Areas that had items but no owner (the items are kept, flagged OwnerMissing).</summary>
        public ISet<string> AreasWithoutOwner { get; } = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Keys met more than once in the input: the first is kept.</summary>
        public IList<string> DuplicateKeys { get; } = new List<string>();

        /// <summary>Keys of findings an accepted deviation covers: no item was made for them.</summary>
        public IList<string> ExceptedKeys { get; } = new List<string>();
    }

    /// <summary>Builds plans: findings → rectification items; a guide's calendar → schedule items. Dates are China working days.</summary>
    public static class PlanBuilder
    {
        private static readonly char[] s_sentenceEnds = { ';', '；', '。' };

        /// <summary>
        /// One rectification item per Red or Yellow finding (Green too with <paramref name="includeGreen"/>), plus the
        /// follow-ups the policy names for its rule; one "provide the data" item per Skipped finding (none with
        /// <paramref name="excludeSkipped"/>); nothing for NotApplicable. Start: the notice date (or the next working
        /// day); due: the span of the rule or severity in working days after the notice date. A Skipped finding is due
        /// at the first milestone of <paramref name="schedules"/> that needs its rule's data, else after the policy's
        /// span for skipped checks.
        /// </summary>
        public static PlanResult Rectification(
            IEnumerable<Finding> findings,
            PlanningPolicy policy,
            OwnerDirectory owners,
            WorkingCalendar calendar,
            DateTime noticeDate,
            DateTime asOf,
            bool includeGreen,
            bool excludeSkipped = false,
            IEnumerable<ScheduleDefinition> schedules = null)
        {
            var result = new PlanResult();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var calendars = (schedules ?? Enumerable.Empty<ScheduleDefinition>()).Where(d => d != null).ToList();
            foreach (Finding given in findings)
            {
                // A finding made by hand (not by a check) may carry personal data in its text: the plan gets it masked.
                Finding finding = Masked(given);
                if (finding == null || !Wanted(finding.Status, includeGreen, excludeSkipped))
                {
                    continue;
                }

                if (!seen.Add(finding.Key))
                {
                    result.DuplicateKeys.Add(finding.Key);
                    continue;
                }

                // An accepted deviation in force: the finding keeps its status in the report, but nothing is to be done.
                if (finding.Exception != null)
                {
                    result.ExceptedKeys.Add(finding.Key);
                    continue;
                }

                if (finding.Status == FindingStatus.Skipped)
                {
                    ProvideData(finding, policy, owners, calendar, noticeDate, asOf, calendars, result);
                    continue;
                }

                policy.Rules.TryGetValue(finding.RuleId ?? string.Empty, out RulePlan rulePlan);
                SeverityPlan severityPlan = policy.For(finding.Severity.Value);
                int span = rulePlan?.WorkingDays ?? severityPlan.WorkingDays;
                DueDateResult start = calendar.OnOrAfter(noticeDate);
                DueDateResult due = calendar.AddWorkingDays(noticeDate, span);
                string subject = Of(finding);

                var item = FromFinding(finding, policy);
                item.Title = (finding.RuleId + " " + finding.Title).Trim() + subject;
                item.Steps = rulePlan != null && rulePlan.Steps.Count > 0 ? rulePlan.Steps.Select(s => s.Current).ToList() : StepsFrom(finding.Recommendation, policy);
                item.Priority = Priority(severityPlan.Priority, finding, policy);
                item.StartDate = start.DueDate;
                item.DueDate = due.DueDate;
                item.DueDateOrigin = rulePlan?.WorkingDays != null ? rulePlan.Origin : severityPlan.Origin;
                item.DeadlineKind = nameof(Planning.DeadlineKind.Internal);
                Finish(item, owners, calendar, asOf, result, start, due);

                foreach (FollowUpPlan follow in rulePlan?.FollowUps ?? Enumerable.Empty<FollowUpPlan>())
                {
                    DueDateResult reply = calendar.AddWorkingDays(item.DueDate.Value, follow.WorkingDays);
                    var next = FromFinding(finding, policy);
                    next.Key = finding.Key + "|" + follow.Id;
                    next.Title = (finding.RuleId + " " + follow.Title?.Current).Trim() + subject;
                    next.Steps = follow.Steps.Select(s => s.Current).ToList();
                    next.Priority = Priority(severityPlan.Priority, finding, policy);
                    next.StartDate = item.DueDate.Value;
                    next.DueDate = reply.DueDate;
                    next.DueDateOrigin = rulePlan.Origin;
                    next.DeadlineKind = nameof(Planning.DeadlineKind.Regulator);
                    Finish(next, owners, calendar, asOf, result, reply);
                }
            }

            return result;
        }

        private static bool Wanted(FindingStatus status, bool includeGreen, bool excludeSkipped)
        {
            switch (status)
            {
                case FindingStatus.Red:
                case FindingStatus.Yellow:
                    return true;
                case FindingStatus.Green:
                    return includeGreen;
                case FindingStatus.Skipped:
                    return !excludeSkipped;
                default:
                    return false;
            }
        }

        private static Finding Masked(Finding finding)
        {
            if (finding == null)
            {
                return null;
            }

            Finding copy = finding.Copy();
            copy.Subject = Privacy.Mask.Text(finding.Subject);
            copy.Reason = Privacy.Mask.Text(finding.Reason);
            copy.Title = Privacy.Mask.Text(finding.Title);
            return copy;
        }

        /// <summary>The priority of an item: the span's, one step up (by the policy) for a rule on the key-monitoring list.</summary>
        private static PlanPriority Priority(PlanPriority priority, Finding finding, PlanningPolicy policy) =>
            finding.KeyMonitoring ? policy.KeyMonitoring.Raise(priority) : priority;

        /// <summary>
        /// What a title adds after the rule: " · subject · period" (CMPL-001 投诉率 · 示例呼叫中心 · 2025-03), so the
        /// items of one rule for several months or subjects read apart in Planner, WeCom and the report.
        /// </summary>
        private static string Of(Finding finding)
        {
            string subject = string.IsNullOrWhiteSpace(finding.Subject) ? string.Empty : " · " + finding.Subject.Trim();
            string period = string.IsNullOrWhiteSpace(finding.Period) ? string.Empty : " · " + finding.Period.Trim();
            return subject + period;
        }

        private static PlanItem FromFinding(Finding finding, PlanningPolicy policy)
        {
            string monitored = finding.KeyMonitoring ? policy.KeyMonitoring.DescriptionText : null;
            return new PlanItem
            {
                Key = finding.Key,
                Kind = PlanItemKind.Rectification,
                Description = string.Join("\n", new[] { Describe(finding), monitored }.Where(t => !string.IsNullOrWhiteSpace(t))),
                Area = finding.Area,
                RuleId = finding.RuleId,
                Severity = finding.Severity,
                FindingStatus = finding.Status,
                Subject = finding.Subject,
                Period = finding.Period,
                Source = finding.Source,
            };
        }

        /// <summary>
        /// A Skipped finding as work: provide what the check needs (the finding's reason says what), owned by the area's
        /// owner, due at the end of the first schedule phase on or after the notice date whose rules include this one,
        /// else the policy's span for skipped checks.
        /// </summary>
        private static void ProvideData(Finding finding, PlanningPolicy policy, OwnerDirectory owners, WorkingCalendar calendar, DateTime noticeDate, DateTime asOf, IReadOnlyList<ScheduleDefinition> schedules, PlanResult result)
        {
            SkippedPlan plan = policy.Skipped;
            DueDateResult start = calendar.OnOrAfter(noticeDate);
            Milestone milestone = FirstMilestone(finding.RuleId, schedules, calendar, start.DueDate);
            DueDateResult due = milestone?.Due ?? calendar.AddWorkingDays(noticeDate, plan.WorkingDays);
            if (due.DueDate < start.DueDate)
            {
                due = start;
            }

            string subject = Of(finding);
            var item = FromFinding(finding, policy);
            item.Title = (finding.RuleId + " " + plan.Title?.Current + ": " + finding.Title).Trim() + subject;
            var steps = new List<string>();
            if (!string.IsNullOrWhiteSpace(finding.Reason))
            {
                steps.Add(finding.Reason.Trim());
            }

            steps.AddRange(plan.Steps.Select(s => s.Current).Where(s => !string.IsNullOrWhiteSpace(s)));
            item.Steps = steps;
            item.Priority = Priority(plan.Priority, finding, policy);
            item.StartDate = start.DueDate;
            item.DueDate = due.DueDate;
            item.DueDateOrigin = milestone != null ? milestone.Phase.EndOrigin : plan.Origin;
            item.DeadlineKind = milestone != null ? milestone.Phase.Deadline.ToString() : nameof(Planning.DeadlineKind.Internal);
            if (milestone != null)
            {
                item.Description = string.Join("\n", new[] { item.Description, Text.Format(nameof(Strings.PlanSkippedMilestone), milestone.Phase.Title?.Current, milestone.Due.DueDate) }.Where(s => !string.IsNullOrWhiteSpace(s)));
            }

            Finish(item, owners, calendar, asOf, result, start, due);
        }

        private sealed class Milestone
        {
            public SchedulePhase Phase { get; set; }

            public DueDateResult Due { get; set; }
        }

        /// <summary>The earliest phase end on or after <paramref name="from"/> (this year's season or next year's) whose phase needs the rule's data.</summary>
        private static Milestone FirstMilestone(string ruleId, IReadOnlyList<ScheduleDefinition> schedules, WorkingCalendar calendar, DateTime from)
        {
            Milestone best = null;
            foreach (ScheduleDefinition schedule in schedules)
            {
                foreach (SchedulePhase phase in schedule.Phases.Where(p => p.Rules.Contains(ruleId ?? string.Empty, StringComparer.OrdinalIgnoreCase)))
                {
                    for (int year = from.Year; year <= from.Year + 1; year++)
                    {
                        DueDateResult due = PhaseDue(phase, year, calendar);
                        if (due.DueDate >= from && (best == null || due.DueDate < best.Due.DueDate))
                        {
                            best = new Milestone { Phase = phase, Due = due };
                        }
                    }
                }
            }

            return best;
        }

        internal static DueDateResult PhaseDue(SchedulePhase phase, int year, WorkingCalendar calendar)
        {
            DateTime end = Date(year, phase.EndMonth, phase.EndDay);
            return phase.Deadline == DeadlineKind.Regulator ? calendar.OnOrAfter(end) : calendar.OnOrBefore(end);
        }

        /// <summary>How a phase's dates are described: the guide's, ours, or the guide's end with our start.</summary>
        private static string PhaseDates(SchedulePhase phase)
        {
            if (phase.EndOrigin == NumberOrigin.Ours)
            {
                return nameof(Strings.SchedulePhaseDescriptionOurs);
            }

            return phase.StartOrigin == NumberOrigin.Ours ? nameof(Strings.SchedulePhaseDescriptionOurStart) : nameof(Strings.SchedulePhaseDescription);
        }

        /// <summary>
        /// The phases of a guide's calendar for one year. An internal phase ending on a day off is due the working
        /// day before; a regulator's deadline on a day off moves to the next working day. A phase starting on a day
        /// off starts on the next working day.
        /// </summary>
        public static PlanResult Schedule(ScheduleDefinition schedule, int year, OwnerDirectory owners, WorkingCalendar calendar, DateTime asOf)
        {
            var result = new PlanResult();
            foreach (SchedulePhase phase in schedule.Phases)
            {
                DateTime start = Date(year, phase.StartMonth, phase.StartDay);
                DateTime end = Date(year, phase.EndMonth, phase.EndDay);
                DueDateResult due = PhaseDue(phase, year, calendar);
                string conflict = string.IsNullOrWhiteSpace(phase.Conflict?.Current) ? null : phase.Conflict.Current;
                DueDateResult begin = calendar.OnOrAfter(start);
                DateTime startDate = begin.DueDate > due.DueDate ? due.DueDate : begin.DueDate;
                string source = (schedule.GuideName?.Current ?? schedule.Guide) + " · " + schedule.Section;
                var item = new PlanItem
                {
                    Key = string.Join("|", "SCHED", schedule.Kind, year.ToString(CultureInfo.InvariantCulture), phase.Id),
                    Kind = PlanItemKind.Schedule,
                    Title = phase.Title?.Current,
                    Description = string.Join("\n", new[]
                    {
                        Text.Format(PhaseDates(phase), phase.Description?.Current, start, end, Text.Get(phase.Deadline == DeadlineKind.Regulator ? nameof(Strings.DeadlineRegulator) : nameof(Strings.DeadlineInternal))).Trim(),
                        conflict == null ? null : Text.Format(nameof(Strings.ScheduleConflict), conflict),
                    }.Where(s => !string.IsNullOrEmpty(s))),
                    Conflict = conflict,
                    DueDateOrigin = phase.EndOrigin,
                    Steps = phase.Steps.Select(s => s.Current).ToList(),
                    Area = phase.Area,
                    Priority = phase.Deadline == DeadlineKind.Regulator ? PlanPriority.Urgent : PlanPriority.Important,
                    StartDate = startDate,
                    DueDate = due.DueDate,
                    DeadlineKind = phase.Deadline.ToString(),
                    Subject = schedule.Kind,
                    Period = year.ToString(CultureInfo.InvariantCulture),
                    Source = source,
                };
                Finish(item, owners, calendar, asOf, result, begin, due);
            }

            return result;
        }

        /// <summary>The recommendation cut into sentences, then the policy's closing step.</summary>
        public static IReadOnlyList<string> StepsFrom(string recommendation, PlanningPolicy policy)
        {
            var steps = (recommendation ?? string.Empty)
                .Split(s_sentenceEnds, StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.Trim())
                .Where(s => s.Length > 0)
                .ToList();
            string closing = policy.ClosingStep?.Current;
            if (!string.IsNullOrEmpty(closing))
            {
                steps.Add(closing);
            }

            return steps;
        }

        /// <summary>The finding's status, reason, measure against its line, recommendation and source, a line each.</summary>
        private static string Describe(Finding f)
        {
            string status = Text.Format(nameof(Strings.PlanStatusLine), StatusName(f.Status));
            string measured = string.IsNullOrEmpty(f.ValueText) ? string.Empty : Text.Format(nameof(Strings.PlanMeasured), f.ValueText, f.ThresholdText);
            return string.Join("\n", new[] { status, f.Reason, measured, f.Recommendation, f.Source }.Where(s => !string.IsNullOrWhiteSpace(s)));
        }

        /// <summary>A status in the user's language (红, 未检查 …).</summary>
        public static string StatusName(FindingStatus status) => Text.Get(nameof(Strings.ReportSeverityNames)).Split('|')[(int)status];

        private static void Finish(PlanItem item, OwnerDirectory owners, WorkingCalendar calendar, DateTime asOf, PlanResult result, params DueDateResult[] dates)
        {
            OwnerEntry owner = owners.Find(item.Area);
            item.Owner = owner?.Assignee ?? string.Empty;
            item.OwnerName = owner?.Name ?? owner?.Mail ?? string.Empty;
            item.OwnerMissing = owner == null;
            if (owner == null)
            {
                result.AreasWithoutOwner.Add(string.IsNullOrEmpty(item.Area) ? "?" : item.Area);
            }

            WorkingDayCount span = calendar.CountWorkingDays(item.StartDate, item.DueDate.Value);
            item.WorkingDays = span.WorkingDays;
            item.Status = PlanStatus.NotStarted;
            item.Overdue = item.DueDate < asOf.Date;
            var uncovered = dates.SelectMany(d => d.UncoveredYears).Concat(span.UncoveredYears).ToList();
            item.Provisional = uncovered.Count > 0;
            foreach (int year in uncovered)
            {
                result.UncoveredYears.Add(year);
            }

            result.Items.Add(item);
        }

        private static DateTime Date(int year, int month, int day) => new DateTime(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }
}
