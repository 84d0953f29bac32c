using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Audit
{
    /// <summary>A rule the audit could not run, with the reason (the missing sheet, or the problem met).</summary>
    public sealed class SkippedRule
    {
        public SkippedRule(string ruleId, string reason, IReadOnlyList<string> missingSheets = null)
        {
            RuleId = ruleId;
            Reason = reason;
            MissingSheets = missingSheets ?? Array.Empty<string>();
        }

        public string RuleId { get; }

        public string Reason { get; }

        /// <summary>English names of the sheets that were missing (empty when the rule was skipped for another reason).</summary>
        public IReadOnlyList<string> MissingSheets { get; }

        public override string ToString() => RuleId + ": " + Reason;
    }

    /// <summary>Where an audit is: check <see cref="Index"/> of <see cref="Count"/>, for these rules.</summary>
    public sealed class AuditProgress
    {
        public AuditProgress(int index, int count, IReadOnlyList<string> ruleIds)
        {
            Index = index;
            Count = count;
            RuleIds = ruleIds;
        }

        /// <summary>1-based number of the check about to run.</summary>
        public int Index { get; }

        public int Count { get; }

        public IReadOnlyList<string> RuleIds { get; }

        public int PercentComplete => Count == 0 ? 100 : (int)(100.0 * (Index - 1) / Count);
    }

    /// <summary>The end of an audit: how many findings of each colour, and which rules did not run and why.</summary>
    public sealed class AuditSummary
    {
        public string Subject { get; set; }

        public string Period { get; set; }

        /// <summary>The check date the audit used.</summary>
        public DateTime AsOf { get; set; }

        /// <summary>Workbook the dataset was read from, when known.</summary>
        public string Path { get; set; }

        public int Red { get; set; }

        public int Yellow { get; set; }

        public int Green { get; set; }

        /// <summary>Findings whose rule does not apply to this operator (NotApplicable outcome).</summary>
        public int NotApplicable { get; set; }

        /// <summary>All findings written, skipped ones included.</summary>
        public int Findings { get; set; }

        /// <summary>Rules that ran and gave at least one finding.</summary>
        public IReadOnlyList<string> RulesRun { get; set; } = Array.Empty<string>();

        /// <summary>Rules skipped, each with the reason (the sheet it needs, or the problem met).</summary>
        public IReadOnlyList<SkippedRule> Skipped { get; set; } = Array.Empty<SkippedRule>();

        /// <summary>Rules switched off by a baseline.</summary>
        public IReadOnlyList<string> Disabled { get; set; } = Array.Empty<string>();

        /// <summary>Enabled rules of the selection that no installed check covers yet.</summary>
        public IReadOnlyList<string> Unchecked { get; set; } = Array.Empty<string>();

        /// <summary>The worst colour among the findings.</summary>
        public Severity Worst => Red > 0 ? Severity.Red : (Yellow > 0 ? Severity.Yellow : Severity.Green);

        public string SkippedText => string.Join("; ", Skipped.Select(s => s.ToString()));

        public string DisabledText => string.Join(", ", Disabled);

        public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, "Red {0}, Yellow {1}, Green {2}, skipped {3}", Red, Yellow, Green, Skipped.Count);
    }

    /// <summary>What an audit returns: every finding in the order written, and the summary.</summary>
    public sealed class AuditResult
    {
        public AuditResult(IReadOnlyList<Finding> findings, AuditSummary summary)
        {
            Findings = findings;
            Summary = summary;
        }

        public IReadOnlyList<Finding> Findings { get; }

        public AuditSummary Summary { get; }
    }
}
