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
    /// report or inspection calendar (New-ComplianceSchedule). Publishers bind by property name: Key, Title,
    /// Owner, DueDate, Description, Checklist. <see cref="Key"/> is stable across runs, so re-publishing or
    /// re-importing updates the same task instead of duplicating it.
    /// </summary>
    public sealed class PlanItem
    {
        private IReadOnlyList<string> _steps = Array.Empty<string>();

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

        /// <summary>The steps as a checklist (the same list as <see cref="Steps"/>; Planner's name for it).</summary>
        public IReadOnlyList<string> Checklist => _steps;

        /// <summary>Who does it: the owner's mail (UPN) when the owners sheet gives one, else the name as given; empty when nobody owns the area.</summary>
        public string Owner { get; set; }

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

        public DateTime DueDate { get; set; }

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

        public override string ToString() => Key + " " + DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " " + Title;
    }
}
