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

        /// <summary>Findings whose rule does not apply to this operator (NotApplicable).</summary>
        public int NotApplicable { get; set; }

        /// <summary>Findings of checks that could not run (Skipped): each is work, the reason says what to provide.</summary>
        public int SkippedFindings { get; set; }

        /// <summary>Findings with a colour: Red + Yellow + Green.</summary>
        public int Evaluated => Red + Yellow + Green;

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

        /// <summary>
        /// The worst status: Red, else Yellow, else Green when something was evaluated; Skipped when nothing was
        /// evaluated and some check could not run (never Green for an audit that judged nothing).
        /// </summary>
        public FindingStatus Worst => Red > 0 ? FindingStatus.Red
            : Yellow > 0 ? FindingStatus.Yellow
            : Green > 0 ? FindingStatus.Green
            : SkippedFindings > 0 || Skipped.Count > 0 ? FindingStatus.Skipped
            : FindingStatus.NotApplicable;

        /// <summary>Findings an accepted deviation covers (they keep their status and make no plan item).</summary>
        public int Excepted { get; set; }

        /// <summary>Rules on the key-monitoring list this season (Red in the previous season's result).</summary>
        public IReadOnlyList<string> KeyMonitoring { get; set; } = Array.Empty<string>();

        /// <summary>What to know before reading the counts: that nothing was evaluated, in the user's language; empty otherwise.</summary>
        public string Note { get; set; } = string.Empty;

        public string SkippedText => string.Join("; ", Skipped.Select(s => s.ToString()));

        public string DisabledText => string.Join(", ", Disabled);

        public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, "Red {0}, Yellow {1}, Green {2}, skipped {3}, not applicable {4}", Red, Yellow, Green, SkippedFindings, NotApplicable);
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
