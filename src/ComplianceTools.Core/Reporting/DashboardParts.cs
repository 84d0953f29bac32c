using System;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Resources;

namespace ComplianceTools.Core.Reporting
{
    /// <summary>Where a plan item stands on the as-of day.</summary>
    public enum ItemState
    {
        Overdue,
        DueSoon,
        Open,
        Done,
    }

    /// <summary>An area's traffic light: the worst status among its findings (Red, Yellow, Skipped, Green); none when every finding is not applicable.</summary>
    public sealed class AreaLight
    {
        public string Area { get; set; }

        public string Name { get; set; }

        public FindingStatus? Worst { get; set; }

        public int Red { get; set; }

        public int Yellow { get; set; }

        public int Green { get; set; }

        public int Skipped { get; set; }

        public int NotApplicable { get; set; }
    }

    /// <summary>One month of the complaint-rate trend.</summary>
    public sealed class TrendPoint
    {
        public string Period { get; set; }

        public double Value { get; set; }

        public double? Line { get; set; }

        public FindingStatus Status { get; set; }
    }

    /// <summary>A rate against its own line: <see cref="Share"/> over 1 means the line is crossed.</summary>
    public sealed class LineLoad
    {
        public string RuleId { get; set; }

        public string Label { get; set; }

        public string Title { get; set; }

        public string Subject { get; set; }

        public string Period { get; set; }

        public double Value { get; set; }

        public double Line { get; set; }

        public Comparison? Comparison { get; set; }

        public double Share { get; set; }

        public FindingStatus Status { get; set; }
    }

    /// <summary>One owner's items by state.</summary>
    public sealed class OwnerLoad
    {
        public string Owner { get; set; }

        /// <summary>True for the bucket of items nobody owns.</summary>
        public bool Missing { get; set; }

        public int Overdue { get; set; }

        public int DueSoon { get; set; }

        public int Open { get; set; }

        public int Done { get; set; }

        public int Total => Overdue + DueSoon + Open + Done;
    }

    /// <summary>Open items due in one week (from Monday), by kind.</summary>
    public sealed class WeekLoad
    {
        public DateTime Monday { get; set; }

        public int Schedule { get; set; }

        public int Rectification { get; set; }

        public int Total => Schedule + Rectification;
    }

    /// <summary>A line of the urgency list.</summary>
    public sealed class UrgentAction
    {
        /// <summary>The rule id, or the calendar (annual report, inspection) for a schedule phase.</summary>
        public string Rule { get; set; }

        public string Title { get; set; }

        /// <summary>The owner's name or mail; null when nobody owns it.</summary>
        public string Owner { get; set; }

        public DateTime DueDate { get; set; }

        /// <summary>Days from the as-of day to the due date; negative when overdue.</summary>
        public int DaysLeft { get; set; }

        public ItemState State { get; set; }

        public PlanItemKind Kind { get; set; }

        public FindingStatus? FindingStatus { get; set; }

        public string Key { get; set; }
    }
}
