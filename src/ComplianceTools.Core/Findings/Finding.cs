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

    /// <summary>What happened when a rule was checked. Skipped and NotApplicable carry their reason.</summary>
    public enum Outcome
    {
        Pass,
        Fail,
        Review,
        Skipped,
        NotApplicable,
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

        public Severity Severity { get; set; }

        public Outcome Outcome { get; set; }

        /// <summary>The measured value in the rule's unit (a ratio is a fraction: 0.31 for 31%).</summary>
        public double? Value { get; set; }

        /// <summary>The line the value was held against, after any baseline.</summary>
        public double? Threshold { get; set; }

        /// <summary>ratio, count, seconds, hours, months, score, amount or text.</summary>
        public string Unit { get; set; }

        /// <summary>How the threshold is read: "gt" means Red when Value &gt; Threshold.</summary>
        public string Comparison { get; set; }

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
        public string ThresholdText => Threshold.HasValue ? ComparisonSymbol(Comparison) + " " + FormatValue(Threshold, Unit) : string.Empty;

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

        public static string ComparisonSymbol(string comparison)
        {
            switch (comparison)
            {
                case "gt": return ">";
                case "ge": return "≥";
                case "lt": return "<";
                case "le": return "≤";
                case "ne": return "≠";
                default: return string.Empty;
            }
        }

        public override string ToString()
        {
            return string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} {3}", RuleId, Severity, ValueText, Subject).Trim();
        }

        /// <summary>The worst colour among findings (Green when there are none).</summary>
        public static Severity Worst(IEnumerable<Finding> findings)
        {
            return findings.Select(f => f.Severity).DefaultIfEmpty(Severity.Green).Max();
        }
    }
}
