using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Materials
{
    /// <summary>One thing checked about one document: under which rule, with what colour, and why.</summary>
    public sealed class PackageCheck
    {
        public PackageCheck(string ruleId, Severity severity, string reason, string location = null)
        {
            RuleId = ruleId;
            Severity = severity;
            Reason = reason;
            Location = location;
        }

        /// <summary>MAT-001 … MAT-004.</summary>
        public string RuleId { get; }

        public Severity Severity { get; }

        public string Reason { get; }

        /// <summary>The file or materials-sheet row the check looked at.</summary>
        public string Location { get; }

        public override string ToString() => RuleId + " " + Severity + ": " + Reason;
    }

    /// <summary>
    /// One row of the package checklist (Test-ReportPackage -Checklist): a required document, the files found
    /// for it, and its colour with the reason. The findings (one per rule) carry the same problems as evidence.
    /// </summary>
    public sealed class PackageChecklistItem
    {
        private IReadOnlyList<string> _files = Array.Empty<string>();
        private IReadOnlyList<PackageCheck> _checks = Array.Empty<PackageCheck>();

        /// <summary>The rule that lists the document: MAT-001 (general) or MAT-002 (special).</summary>
        public string RuleId { get; set; }

        /// <summary>Stable document id (BusinessLicence, AiAlgorithmFilingForm).</summary>
        public string DocumentId { get; set; }

        /// <summary>The document's name in the user's language.</summary>
        public string Document { get; set; }

        /// <summary>Files found for it, relative to the package folder (ID and mobile numbers masked).</summary>
        public IReadOnlyList<string> Files
        {
            get => _files;
            set => _files = value ?? Array.Empty<string>();
        }

        /// <summary>Whether the document is required: false for the AI algorithm filing form without robot seats.</summary>
        public bool Required { get; set; }

        /// <summary>The worst colour of its checks.</summary>
        public Severity Status { get; set; }

        /// <summary>Why: the non-Green checks, each with its rule; or what was found.</summary>
        public string Reason { get; set; }

        /// <summary>Lowest scan resolution over its PDFs (dots per inch); empty when no PDF page carries an image.</summary>
        public double? Dpi { get; set; }

        /// <summary>Each check behind <see cref="Status"/> (presence, months, PDF, paper set, audit opinion).</summary>
        public IReadOnlyList<PackageCheck> Checks
        {
            get => _checks;
            set => _checks = value ?? Array.Empty<PackageCheck>();
        }

        /// <summary>The package folder.</summary>
        public string Package { get; set; }

        /// <summary>Files as one line, for the table view.</summary>
        public string FilesText => string.Join("; ", Files);

        /// <summary>Rules with a non-Green check (MAT-001, MAT-003).</summary>
        public string FailedRules => string.Join(", ", Checks.Where(c => c.Severity != Severity.Green).Select(c => c.RuleId).Distinct());

        public override string ToString() => DocumentId + " " + Status;
    }
}
