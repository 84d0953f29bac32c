using System;
using System.Globalization;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Privacy;

namespace ComplianceTools.Core.Rules
{
    /// <summary>
    /// An accepted deviation with an expiry, from a client's client.json or a baseline:
    /// <c>{ "rule": "SEAT-001", "subject": "*", "reason": "…", "approvedBy": "…", "expires": "2026-06-30" }</c>.
    /// Every field is required; <see cref="Subject"/> "*" covers every subject of the rule (a blanket exception is
    /// written on purpose, never implied by a missing field). While it is valid (on or before <see cref="Expires"/>) a
    /// matching finding keeps its status, carries the exception and makes no plan item; once expired it is reported with
    /// its approver and counts as if absent.
    /// </summary>
    public sealed class AcceptedException
    {
        /// <summary>The subject that stands for every subject of the rule.</summary>
        public const string AnySubject = "*";

        public AcceptedException(string ruleId, string subject, string reason, string approvedBy, DateTime expires, string source, int? line)
        {
            RuleId = ruleId ?? throw new ArgumentNullException(nameof(ruleId));
            Subject = subject ?? throw new ArgumentNullException(nameof(subject));
            Reason = reason ?? string.Empty;
            ApprovedBy = approvedBy ?? string.Empty;
            Expires = expires.Date;
            Source = source ?? string.Empty;
            Line = line;
        }

        public string RuleId { get; }

        /// <summary>The finding's subject (the company, a display number, a month's subject …), or "*" for every one.</summary>
        public string Subject { get; }

        /// <summary>Why the deviation is accepted, in the approver's words.</summary>
        public string Reason { get; }

        /// <summary>Who approved it (a role or a person); named again when it expires.</summary>
        public string ApprovedBy { get; }

        /// <summary>The last day it is valid (China date); from the next day it counts as absent.</summary>
        public DateTime Expires { get; }

        /// <summary>The file it was read from (client.json or a baseline's name).</summary>
        public string Source { get; }

        /// <summary>Its line in <see cref="Source"/>.</summary>
        public int? Line { get; }

        /// <summary>The expiry as a person reads it: 2026-06-30.</summary>
        public string ExpiresText => Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>Valid through the whole of its expiry day.</summary>
        public bool IsValidOn(DateTime day) => day.Date <= Expires;

        /// <summary>
        /// True when the exception covers the finding: same rule, and the same subject ("*" for any). Subjects are compared
        /// as written and as masked, so an exception may name a display number either way.
        /// </summary>
        public bool Matches(Finding finding)
        {
            if (finding == null || !string.Equals(finding.RuleId, RuleId, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (Subject == AnySubject)
            {
                return true;
            }

            string subject = (finding.Subject ?? string.Empty).Trim();
            return string.Equals(subject, Subject.Trim(), StringComparison.Ordinal) || string.Equals(Mask.Text(subject), Mask.Text(Subject.Trim()), StringComparison.Ordinal);
        }

        public override string ToString() => RuleId + " " + Subject + ": " + Reason + " (" + ApprovedBy + ", " + ExpiresText + ")";
    }
}
