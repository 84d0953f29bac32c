using System;
using System.Collections.Generic;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Planning
{
    /// <summary>
    /// How findings become plan items, as data (module/rules/planning.json, overridable with -PlanningFile):
    /// working-day spans and priority by severity, the guide's own steps for rules that have them
    /// (CMPL-001: locate, isolate, re-inspect in 10 working days; the authority's reply 15 working days later),
    /// and Chinese names of the areas as the owners sheet may write them.
    /// </summary>
    public sealed class PlanningPolicy
    {
        public IDictionary<Severity, SeverityPlan> Severities { get; } = new Dictionary<Severity, SeverityPlan>();

        /// <summary>Per rule id: steps and span that replace the defaults.</summary>
        public IDictionary<string, RulePlan> Rules { get; } = new Dictionary<string, RulePlan>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Other names of an area (坐席 → Seats), as owners sheets write them.</summary>
        public IDictionary<string, string> AreaAliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>How a Skipped finding becomes a "provide the data" item when no schedule milestone needs the data first.</summary>
        public SkippedPlan Skipped { get; set; } = new SkippedPlan();

        /// <summary>What the key-monitoring list does to a rule that was Red last season: the Yellow line's factor and the priority step (ours).</summary>
        public KeyMonitoringPlan KeyMonitoring { get; set; } = new KeyMonitoringPlan();

        /// <summary>The last step of every rectification built from a recommendation.</summary>
        public LocalizedText ClosingStep { get; set; } = new LocalizedText(string.Empty, string.Empty);

        /// <summary>Where the policy came from (the shipped file, then any user file).</summary>
        public IList<string> Sources { get; } = new List<string>();

        public SeverityPlan For(Severity severity)
        {
            return Severities.TryGetValue(severity, out SeverityPlan plan) ? plan : new SeverityPlan { WorkingDays = 10, Priority = PlanPriority.Medium, Origin = NumberOrigin.Ours };
        }
    }

    /// <summary>A Skipped finding as work: provide what the check needs, by the first milestone that needs it, else in a few working days.</summary>
    public sealed class SkippedPlan
    {
        /// <summary>Working days from the notice date when no schedule milestone needs the data first (ours: 5).</summary>
        public int WorkingDays { get; set; } = 5;

        public PlanPriority Priority { get; set; } = PlanPriority.Important;

        public NumberOrigin Origin { get; set; } = NumberOrigin.Ours;

        /// <summary>What the item is called ("Provide the data").</summary>
        public LocalizedText Title { get; set; } = new LocalizedText("补齐数据", "Provide the data");

        /// <summary>Steps after the first one (which is the finding's reason: what to provide).</summary>
        public IList<LocalizedText> Steps { get; } = new List<LocalizedText>();
    }

    /// <summary>
    /// Guide B: a rectified company "会被记入“重点监测库”,次年年检时,同样指标会再被放大核查". The guide gives no number: the factor
    /// that tightens the Yellow line and the priority step are ours (module/rules/planning.json, keyMonitoring).
    /// </summary>
    public sealed class KeyMonitoringPlan
    {
        /// <summary>The Yellow line moves to line × factor (mirrored for lines that fail downward); 0 &lt; factor ≤ 1. Ours: 0.8.</summary>
        public double YellowFactor { get; set; } = 0.8;

        /// <summary>How many steps up (Low → Medium → Important → Urgent) a key-monitoring finding's plan items go. Ours: 1.</summary>
        public int PriorityStep { get; set; } = 1;

        public NumberOrigin Origin { get; set; } = NumberOrigin.Ours;

        /// <summary>A line added to the plan item's description: why it comes first ("{factor}" stands for <see cref="YellowFactor"/>).</summary>
        public LocalizedText Description { get; set; } = new LocalizedText(string.Empty, string.Empty);

        /// <summary>The description in the user's language, with the factor filled in.</summary>
        public string DescriptionText => (Description?.Current ?? string.Empty).Replace("{factor}", YellowFactor.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>A priority moved up by <see cref="PriorityStep"/>, never past Urgent.</summary>
        public PlanPriority Raise(PlanPriority priority) => (PlanPriority)Math.Max((int)PlanPriority.Urgent, (int)priority - PriorityStep);
    }

    public sealed class SeverityPlan
    {
        /// <summary>Working days from the notice date to the due date.</summary>
        public int WorkingDays { get; set; }

        public PlanPriority Priority { get; set; }

        /// <summary>Guide (the number is the guide's) or Ours.</summary>
        public NumberOrigin Origin { get; set; }
    }

    public sealed class RulePlan
    {
        /// <summary>Working days to finish, replacing the severity's span; null keeps it.</summary>
        public int? WorkingDays { get; set; }

        /// <summary>Whose span <see cref="WorkingDays"/> is: Guide (the 10 working days of a rectification notice) or Ours.</summary>
        public NumberOrigin Origin { get; set; } = NumberOrigin.Ours;

        public IList<LocalizedText> Steps { get; } = new List<LocalizedText>();

        /// <summary>Items that follow the rectification (the authority's reply).</summary>
        public IList<FollowUpPlan> FollowUps { get; } = new List<FollowUpPlan>();
    }

    public sealed class FollowUpPlan
    {
        /// <summary>Appended to the finding's key: CMPL-001|Company|2025|reply.</summary>
        public string Id { get; set; }

        /// <summary>Working days after the rectification's due date.</summary>
        public int WorkingDays { get; set; }

        public LocalizedText Title { get; set; }

        public IList<LocalizedText> Steps { get; } = new List<LocalizedText>();
    }

    /// <summary>Which way a phase's end moves when it falls on a day off.</summary>
    public enum DeadlineKind
    {
        /// <summary>Our own phase: due on the working day before (don't leave work for the last day).</summary>
        Internal,

        /// <summary>The regulator's deadline: moves to the next working day, as statutory periods do.</summary>
        Regulator,
    }

    /// <summary>One year's calendar of a guide (annual report A, inspection B), as data.</summary>
    public sealed class ScheduleDefinition
    {
        public string Kind { get; set; }

        public string Guide { get; set; }

        /// <summary>The guide's short name from the catalog's guides block (年报指引, Annual-report guide (A)).</summary>
        public LocalizedText GuideName { get; set; }

        public string Section { get; set; }

        public IList<SchedulePhase> Phases { get; } = new List<SchedulePhase>();
    }

    public sealed class SchedulePhase
    {
        /// <summary>Stable id within the kind: the key is SCHED|kind|year|id.</summary>
        public string Id { get; set; }

        public int StartMonth { get; set; }

        public int StartDay { get; set; }

        public int EndMonth { get; set; }

        public int EndDay { get; set; }

        public string Area { get; set; }

        public DeadlineKind Deadline { get; set; }

        public LocalizedText Title { get; set; }

        public LocalizedText Description { get; set; }

        public IList<LocalizedText> Steps { get; } = new List<LocalizedText>();

        /// <summary>Rules whose data the phase needs: a Skipped finding of one of them is due at this phase's end.</summary>
        public IList<string> Rules { get; } = new List<string>();

        /// <summary>The other guide's date for the same step, to confirm with the provincial authority; null when the guides agree.</summary>
        public LocalizedText Conflict { get; set; }

        /// <summary>Whose start date it is: the guide's, or ours where the guide gives only an end ("before April").</summary>
        public Findings.NumberOrigin StartOrigin { get; set; } = Findings.NumberOrigin.Guide;

        /// <summary>Whose end (due) date it is: the guide's, or ours where the guide names the step without a date.</summary>
        public Findings.NumberOrigin EndOrigin { get; set; } = Findings.NumberOrigin.Guide;
    }
}
