using System;
using System.Collections.Generic;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Planning
{
    /// <summary>Where a plan item comes from: a finding to rectify, or a phase of the year's calendar.</summary>
    public enum PlanItemKind
    {
        Rectification,
        Schedule,
    }

    /// <summary>Priority by severity; the names are Microsoft Planner's four priorities.</summary>
    public enum PlanPriority
    {
        Urgent,
        Important,
        Medium,
        Low,
    }

    public enum PlanStatus
    {
        NotStarted,
        InProgress,
        Completed,
    }

    /// <summary>
    /// One owned, dated action: a rectification of a finding (New-RectificationPlan) or a phase of the annual
    /// report or inspection calendar (New-ComplianceSchedule), and what every publisher (Microsoft Planner, SharePoint
    /// list, WeCom, DingTalk) and writer (.xlsx, .ics, CSV) takes. Publish-ComplianceTask binds Key, Title,
    /// Owner, DueDate, Description and Checklist by property name from any object and builds one of these.
    /// <see cref="Key"/> is stable across runs, so re-publishing or re-importing updates the same task instead
    /// of duplicating it.
    /// </summary>
    public sealed class PlanItem
    {
        private IReadOnlyList<string> _steps = Array.Empty<string>();
        private IReadOnlyList<string> _owners;
        private DateTimeOffset? _dueTime;

        /// <summary>Stable identity: rule id + subject + period for a rectification (the finding's key), SCHED|kind|year|phase for a schedule phase.</summary>
        public string Key { get; set; }

        public PlanItemKind Kind { get; set; }

        public string Title { get; set; }

        /// <summary>What to do and why, in the user's language (the finding's reason, the guide's words).</summary>
        public string Description { get; set; }

        /// <summary>The steps, in order.</summary>
        public IReadOnlyList<string> Steps
        {
            get => _steps;
            set => _steps = value ?? Array.Empty<string>();
        }

        /// <summary>The steps as a checklist (the same list as <see cref="Steps"/>; Microsoft Planner's name for it).</summary>
        public IReadOnlyList<string> Checklist => _steps;

        /// <summary>Who does it: the owner's mail (UPN) when the owners sheet gives one, else the name as given; empty when nobody owns the area.</summary>
        public string Owner { get; set; }

        /// <summary>Every owner, when an item has several (Publish-ComplianceTask -Owner a, b); else <see cref="Owner"/> alone, or none.</summary>
        public IReadOnlyList<string> Owners
        {
            get => _owners ?? (string.IsNullOrWhiteSpace(Owner) ? Array.Empty<string>() : new[] { Owner });
            set => _owners = value;
        }

        /// <summary>The owner's name as given in the owners sheet or -Owner.</summary>
        public string OwnerName { get; set; }

        /// <summary>True when no owner was found for the area: the item is kept and flagged, never dropped.</summary>
        public bool OwnerMissing { get; set; }

        /// <summary>The rule's area (Seats, Complaints, …): the key to its owner.</summary>
        public string Area { get; set; }

        /// <summary>The rule a rectification is for; empty for schedule phases.</summary>
        public string RuleId { get; set; }

        /// <summary>The finding's severity; null for schedule phases and for Skipped findings.</summary>
        public Severity? Severity { get; set; }

        /// <summary>The finding's status (Red, Yellow, Green, or Skipped for a "provide the data" item); null for schedule phases.</summary>
        public FindingStatus? FindingStatus { get; set; }

        /// <summary>Whose span the due date rests on: Guide (a guide's date or the notice's 10 working days) or Ours.</summary>
        public NumberOrigin DueDateOrigin { get; set; }

        /// <summary>Where the two guides give different dates for the same step: the other guide's date, to confirm with the provincial authority.</summary>
        public string Conflict { get; set; }

        public PlanPriority Priority { get; set; }

        public DateTime StartDate { get; set; }

        /// <summary>The day it is due (China); null when the item has none (a plain object published without a DueDate).</summary>
        public DateTime? DueDate { get; set; }

        /// <summary>
        /// The moment it is due, when one was given with a time of day or an offset (Publish-ComplianceTask
        /// -DueDate '2026-04-15T18:00+08:00'); null means the whole <see cref="DueDate"/>. Setting it sets
        /// <see cref="DueDate"/> to the day it falls on in China.
        /// </summary>
        public DateTimeOffset? DueTime
        {
            get => _dueTime;
            set
            {
                _dueTime = value;
                if (value.HasValue)
                {
                    DueDate = value.Value.ToOffset(TimeSpan.FromHours(8)).Date;
                }
            }
        }

        /// <summary>Working days from the start date to the due date (first excluded, last included).</summary>
        public int WorkingDays { get; set; }

        public PlanStatus Status { get; set; }

        /// <summary>True when the due date is before the as-of date and the item is not completed.</summary>
        public bool Overdue { get; set; }

        /// <summary>True when a date rests on a year the holiday data does not cover (weekends only); a warning was written.</summary>
        public bool Provisional { get; set; }

        /// <summary>Whose date the due date is: Internal (moved to the working day before) or Regulator (moved to the next working day).</summary>
        public string DeadlineKind { get; set; }

        /// <summary>The finding's subject (company, number, channel) or the schedule's year.</summary>
        public string Subject { get; set; }

        public string Period { get; set; }

        /// <summary>The guide and section the item comes from.</summary>
        public string Source { get; set; }

        /// <summary>A shallow copy: reports relabel copies, never the user's items.</summary>
        internal PlanItem Copy() => (PlanItem)MemberwiseClone();

        /// <summary>
        /// The moment publishers write: <see cref="DueTime"/>, else the first moment of <see cref="DueDate"/> in
        /// China Standard Time; null without a due date.
        /// </summary>
        public DateTimeOffset? DueMoment() =>
            _dueTime ?? (DueDate.HasValue ? new DateTimeOffset(DateTime.SpecifyKind(DueDate.Value.Date, DateTimeKind.Unspecified), TimeSpan.FromHours(8)) : (DateTimeOffset?)null);

        public override string ToString() => Key + " " + (DueDate.HasValue ? DueDate.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "-") + " " + Title;
    }
}
