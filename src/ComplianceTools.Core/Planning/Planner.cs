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
    }

    /// <summary>Findings → rectification items; a guide's calendar → schedule items. Dates are China working days.</summary>
    public static class Planner
    {
        private static readonly char[] s_sentenceEnds = { ';', '；', '。' };

        /// <summary>
        /// One rectification item per finding that is not Green (Green too with <paramref name="includeGreen"/>),
        /// plus the follow-ups the policy names for its rule. Start: the notice date (or the next working day);
        /// due: the span of the rule or severity in working days after the notice date.
        /// </summary>
        public static PlanResult Rectification(IEnumerable<Finding> findings, PlanningPolicy policy, OwnerDirectory owners, WorkingCalendar calendar, DateTime noticeDate, DateTime asOf, bool includeGreen)
        {
            var result = new PlanResult();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (Finding finding in findings)
            {
                if (finding == null || (finding.Severity == Severity.Green && !includeGreen))
                {
                    continue;
                }

                if (!seen.Add(finding.Key))
                {
                    result.DuplicateKeys.Add(finding.Key);
                    continue;
                }

                policy.Rules.TryGetValue(finding.RuleId ?? string.Empty, out RulePlan rulePlan);
                SeverityPlan severityPlan = policy.For(finding.Severity);
                int span = rulePlan?.WorkingDays ?? severityPlan.WorkingDays;
                DueDateResult start = calendar.OnOrAfter(noticeDate);
                DueDateResult due = calendar.AddWorkingDays(noticeDate, span);
                string subject = string.IsNullOrEmpty(finding.Subject) ? string.Empty : " · " + finding.Subject;

                var item = new PlanItem
                {
                    Key = finding.Key,
                    Kind = PlanItemKind.Rectification,
                    Title = (finding.RuleId + " " + finding.Title).Trim() + subject,
                    Description = Describe(finding),
                    Steps = rulePlan != null && rulePlan.Steps.Count > 0 ? rulePlan.Steps.Select(s => s.Current).ToList() : StepsFrom(finding.Recommendation, policy),
                    Area = finding.Area,
                    RuleId = finding.RuleId,
                    Severity = finding.Severity,
                    Priority = severityPlan.Priority,
                    StartDate = start.DueDate,
                    DueDate = due.DueDate,
                    DeadlineKind = nameof(Planning.DeadlineKind.Internal),
                    Subject = finding.Subject,
                    Period = finding.Period,
                    Source = finding.Source,
                };
                Finish(item, owners, calendar, asOf, result, start, due);

                foreach (FollowUpPlan follow in rulePlan?.FollowUps ?? Enumerable.Empty<FollowUpPlan>())
                {
                    DueDateResult reply = calendar.AddWorkingDays(item.DueDate, follow.WorkingDays);
                    var next = new PlanItem
                    {
                        Key = finding.Key + "|" + follow.Id,
                        Kind = PlanItemKind.Rectification,
                        Title = (finding.RuleId + " " + follow.Title?.Current).Trim() + subject,
                        Description = Describe(finding),
                        Steps = follow.Steps.Select(s => s.Current).ToList(),
                        Area = finding.Area,
                        RuleId = finding.RuleId,
                        Severity = finding.Severity,
                        Priority = severityPlan.Priority,
                        StartDate = item.DueDate,
                        DueDate = reply.DueDate,
                        DeadlineKind = nameof(Planning.DeadlineKind.Regulator),
                        Subject = finding.Subject,
                        Period = finding.Period,
                        Source = finding.Source,
                    };
                    Finish(next, owners, calendar, asOf, result, reply);
                }
            }

            return result;
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
                DueDateResult due = phase.Deadline == DeadlineKind.Regulator ? calendar.OnOrAfter(end) : calendar.OnOrBefore(end);
                DueDateResult begin = calendar.OnOrAfter(start);
                DateTime startDate = begin.DueDate > due.DueDate ? due.DueDate : begin.DueDate;
                string source = UiLanguage.Pick(schedule.Guide == "A" ? "年报指引 · " : "年检指引 · ", schedule.Guide == "A" ? "Annual-report guide (A) · " : "Inspection guide (B) · ") + schedule.Section;
                var item = new PlanItem
                {
                    Key = string.Join("|", "SCHED", schedule.Kind, year.ToString(CultureInfo.InvariantCulture), phase.Id),
                    Kind = PlanItemKind.Schedule,
                    Title = phase.Title?.Current,
                    Description = Text.Format(nameof(Strings.SchedulePhaseDescription), phase.Description?.Current, start, end, Text.Get(phase.Deadline == DeadlineKind.Regulator ? nameof(Strings.DeadlineRegulator) : nameof(Strings.DeadlineInternal))).Trim(),
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

        private static string Describe(Finding f)
        {
            string measured = string.IsNullOrEmpty(f.ValueText) ? string.Empty : Text.Format(nameof(Strings.PlanMeasured), f.ValueText, f.ThresholdText);
            return string.Join("\n", new[] { f.Reason, measured, f.Recommendation, f.Source }.Where(s => !string.IsNullOrWhiteSpace(s)));
        }

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

            WorkingDayCount span = calendar.CountWorkingDays(item.StartDate, item.DueDate);
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
