using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ComplianceTools.Core.Findings
{
    /// <summary>Traffic light of guide B: Green passes, Yellow needs attention or manual review, Red is rejected or rectified.</summary>
    public enum Severity
    {
        Green = 0,
        Yellow = 1,
        Red = 2,
    }

    /// <summary>
    /// What happened when a rule was checked: Red, Yellow or Green for an evaluated result; Skipped when the check
    /// could not run (data, file or folder missing: the reason names what to provide); NotApplicable when the rule
    /// does not apply to this operator (the reason says why). Never Green for a check that did not run.
    /// </summary>
    public enum FindingStatus
    {
        Green = 0,
        Yellow = 1,
        Red = 2,
        Skipped = 3,
        NotApplicable = 4,
    }

    /// <summary>What happened when a rule was checked, in the older words (Status says the same, with colours).</summary>
    public enum Outcome
    {
        Pass,
        Fail,
        Review,
        Skipped,
        NotApplicable,
    }

    /// <summary>How a value is held against a line: the value fails when "value Comparison line" holds (GreaterThan: above the line fails).</summary>
    public enum Comparison
    {
        /// <summary>gt: fails above the line (超过, &gt;).</summary>
        GreaterThan,

        /// <summary>ge: fails at or above the line (以上, ≥).</summary>
        GreaterOrEqual,

        /// <summary>lt: fails below the line (低于, &lt;).</summary>
        LessThan,

        /// <summary>le: fails at or below the line (以下, ≤).</summary>
        LessOrEqual,
    }

    /// <summary>Whose number a line or a span is: the guide's, ours (the guide gives none), or a baseline's.</summary>
    public enum NumberOrigin
    {
        Guide,
        Ours,
        Baseline,
    }

    /// <summary>One row behind a finding: a seat, a month, a display number, a ticket. Personal data is masked before it gets here.</summary>
    public sealed class EvidenceItem
    {
        public EvidenceItem()
        {
        }

        public EvidenceItem(string subject, string detail, double? value = null, string location = null)
        {
            Subject = subject;
            Detail = detail;
            Value = value;
            Location = location;
        }

        /// <summary>What the row is about (seat id, month, masked number, ticket id).</summary>
        public string Subject { get; set; }

        /// <summary>Why it is evidence, in the user's language.</summary>
        public string Detail { get; set; }

        /// <summary>The figure the row contributes, where there is one.</summary>
        public double? Value { get; set; }

        /// <summary>Where it came from: file, sheet and row, or a file path.</summary>
        public string Location { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Detail) ? Subject : Subject + ": " + Detail;
    }

    /// <summary>
    /// The one record every check emits, so findings flow unchanged into plans, reports and tasks.
    /// </summary>
    public sealed class Finding
    {
        private IReadOnlyList<EvidenceItem> _evidence = Array.Empty<EvidenceItem>();

        public string RuleId { get; set; }

        /// <summary>Rule title in the user's UI culture (Chinese or English).</summary>
        public string Title { get; set; }

        /// <summary>The rule's area (Seats, Complaints, …): the key to its owner.</summary>
        public string Area { get; set; }

        /// <summary>Red, Yellow, Green, Skipped or NotApplicable: what happened. Filtering on Status -ne Green keeps the checks that did not run.</summary>
        public FindingStatus Status { get; set; }

        /// <summary>
        /// The traffic light of an evaluated result; null for Skipped and NotApplicable. Setting it sets
        /// <see cref="Status"/> (null marks an evaluated finding Skipped).
        /// </summary>
        public Severity? Severity
        {
            get => IsEvaluated ? (Severity?)(Severity)(int)Status : null;
            set
            {
                if (value.HasValue)
                {
                    Status = (FindingStatus)(int)value.Value;
                }
                else if (IsEvaluated)
                {
                    Status = FindingStatus.Skipped;
                }
            }
        }

        /// <summary>True when the check ran and gave a colour (Red, Yellow or Green).</summary>
        public bool IsEvaluated => Status <= FindingStatus.Red;

        /// <summary>Pass, Fail (Red), Review (Yellow), Skipped or NotApplicable: <see cref="Status"/> in the older words.</summary>
        public Outcome Outcome
        {
            get
            {
                switch (Status)
                {
                    case FindingStatus.Green: return Outcome.Pass;
                    case FindingStatus.Yellow: return Outcome.Review;
                    case FindingStatus.Red: return Outcome.Fail;
                    case FindingStatus.Skipped: return Outcome.Skipped;
                    default: return Outcome.NotApplicable;
                }
            }
        }

        /// <summary>The measured value in the rule's unit (a ratio is a fraction: 0.31 for 31%).</summary>
        public double? Value { get; set; }

        /// <summary>
        /// The line the value was judged against, after any baseline: the Yellow line for a result that crossed only
        /// the Yellow line, else the line past which the rule fails.
        /// </summary>
        public double? Threshold { get; set; }

        /// <summary>Whose number <see cref="Threshold"/> is: Guide, Ours (the guide gives none) or Baseline; null when the rule has no line.</summary>
        public NumberOrigin? ThresholdOrigin { get; set; }

        /// <summary>Where the line comes from: the guide and section, "ComplianceTools" for ours, or the baseline file's name.</summary>
        public string ThresholdSource { get; set; }

        /// <summary>The rule's Yellow line (an earlier line than the failing one), where the rule has one.</summary>
        public double? YellowThreshold { get; set; }

        /// <summary>ratio, count, seconds, hours, months, score, amount or text.</summary>
        public string Unit { get; set; }

        /// <summary>How the threshold is read: GreaterThan means the value fails above <see cref="Threshold"/>.</summary>
        public Comparison? Comparison { get; set; }

        /// <summary>What was checked: the company, a display number, a channel, a document.</summary>
        public string Subject { get; set; }

        /// <summary>The period the figure covers: a year (2025), a month (2025-03), or empty.</summary>
        public string Period { get; set; }

        /// <summary>Why the finding has its colour, in the user's language.</summary>
        public string Reason { get; set; }

        /// <summary>The guide's recommendation for this rule, in the user's language.</summary>
        public string Recommendation { get; set; }

        /// <summary>The guide the rule comes from, with its section (A = annual report, B = inspection).</summary>
        public string Source { get; set; }

        /// <summary>Name of the baseline files applied, or empty for the catalog defaults.</summary>
        public string Baseline { get; set; }

        /// <summary>
        /// True when the rule was Red in the previous season's result (guide B: the company stays on the key-monitoring list
        /// and "同样指标会再被放大核查"): its Yellow line is tightened and its plan items come first.
        /// </summary>
        public bool KeyMonitoring { get; set; }

        /// <summary>
        /// The accepted deviation in force for this finding (a client's or baseline's exception, not expired on the run
        /// date): the finding keeps its status and makes no plan item. Null when none applies.
        /// </summary>
        public Rules.AcceptedException Exception { get; set; }

        public IReadOnlyList<EvidenceItem> Evidence
        {
            get => _evidence;
            set => _evidence = value ?? Array.Empty<EvidenceItem>();
        }

        /// <summary>Stable identity of the finding: rule id + subject + period. Re-runs give the same key.</summary>
        public string Key => string.Join("|", new[] { RuleId, Subject ?? string.Empty, Period ?? string.Empty });

        /// <summary>The value as a person reads it (31% rather than 0.31).</summary>
        public string ValueText => FormatValue(Value, Unit);

        /// <summary>The threshold as a person reads it, with its comparison (&gt; 30%).</summary>
        public string ThresholdText => LineText(Comparison, Threshold, Unit);

        /// <summary>The Yellow line as a person reads it, empty when the rule has none.</summary>
        public string YellowThresholdText => LineText(Comparison, YellowThreshold, Unit);

        /// <summary>Whose line it is, as a person reads it: "Guide (年检指引 · 数据关)", "Ours", "Baseline (guangdong.json)".</summary>
        public string ThresholdOriginText => !ThresholdOrigin.HasValue ? string.Empty
            : (string.IsNullOrEmpty(ThresholdSource) || (ThresholdOrigin == NumberOrigin.Ours && !Rules.RuleThreshold.HasNote(ThresholdSource)) ? ThresholdOrigin.Value.ToString() : ThresholdOrigin.Value + " (" + ThresholdSource + ")");

        public static string FormatValue(double? value, string unit)
        {
            if (!value.HasValue)
            {
                return string.Empty;
            }

            double v = value.Value;
            switch (unit)
            {
                case "ratio":
                    return v.ToString("0.####%", CultureInfo.InvariantCulture);
                case "count":
                    return v.ToString("#,0", CultureInfo.InvariantCulture);
                case "seconds":
                    return v.ToString("0.#", CultureInfo.InvariantCulture) + " s";
                case "hours":
                    return v.ToString("0.##", CultureInfo.InvariantCulture) + " h";
                case "months":
                    return v.ToString("0.#", CultureInfo.InvariantCulture) + " mo";
                case "amount":
                    return v.ToString("#,0.00", CultureInfo.InvariantCulture);
                default:
                    return v.ToString("0.####", CultureInfo.InvariantCulture);
            }
        }

        /// <summary>The one place a line is written as a person reads it: "&gt; 30%", "≥ 70%", "&lt; 6 mo"; empty without a line.</summary>
        public static string LineText(Comparison? comparison, double? value, string unit)
        {
            return comparison.HasValue && value.HasValue ? ComparisonSymbol(comparison.Value) + " " + FormatValue(value, unit) : string.Empty;
        }

        public static string ComparisonSymbol(Comparison comparison)
        {
            switch (comparison)
            {
                case Findings.Comparison.GreaterThan: return ">";
                case Findings.Comparison.GreaterOrEqual: return "≥";
                case Findings.Comparison.LessThan: return "<";
                default: return "≤";
            }
        }

        /// <summary>The catalog's short names of the comparisons: gt, ge, lt, le.</summary>
        public static Comparison ParseComparison(string name)
        {
            switch (name)
            {
                case "gt": return Findings.Comparison.GreaterThan;
                case "ge": return Findings.Comparison.GreaterOrEqual;
                case "lt": return Findings.Comparison.LessThan;
                case "le": return Findings.Comparison.LessOrEqual;
                default: throw new ArgumentOutOfRangeException(nameof(name), name, "gt, ge, lt or le");
            }
        }

        public override string ToString()
        {
            return string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} {3}", RuleId, Status, ValueText, Subject).Trim();
        }

        /// <summary>A shallow copy (the evidence list is shared): reports relabel copies, never the user's findings.</summary>
        internal Finding Copy() => (Finding)MemberwiseClone();

        /// <summary>The worst colour among evaluated findings (Green when none was evaluated).</summary>
        public static Severity Worst(IEnumerable<Finding> findings)
        {
            return findings.Where(f => f.IsEvaluated).Select(f => f.Severity.Value).DefaultIfEmpty(Findings.Severity.Green).Max();
        }

        /// <summary>
        /// Order for reading a list of findings, worst first: Red, Yellow, Skipped (work to do before the rule can be
        /// judged), Green, NotApplicable.
        /// </summary>
        public static int Rank(FindingStatus status)
        {
            switch (status)
            {
                case FindingStatus.Red: return 0;
                case FindingStatus.Yellow: return 1;
                case FindingStatus.Skipped: return 2;
                case FindingStatus.Green: return 3;
                default: return 4;
            }
        }
    }
}
