using System;
using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Filing;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Filing
{
    /// <summary>PRIV-001: the privacy policy is current and has the 敏感个人信息处理清单, from the Company form or a .txt/.docx/.pdf file.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "PrivacyPolicy", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestPrivacyPolicyCommand : RuleCmdlet
    {
        private const string PathSet = "Path";
        private const string CompanySet = "Company";

        /// <summary>The policy file (.txt, .docx or .pdf); with a workbook it replaces the file the Company form names.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = CompanySet)]
        [Parameter(ParameterSetName = DatasetSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The Company form (policy date, section flag, policy file).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = CompanySet)]
        public CompanyProfile Company { get; set; }

        /// <summary>A whole workbook; a relative PrivacyPolicyFile is read from the workbook's folder.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>The report year: a policy dated in an earlier year is stale. Default: the Company form's report year.</summary>
        [Parameter]
        [ValidateRange(2000, 2100)]
        public int ReportYear { get; set; }

        /// <summary>The check date, for the maxAgeMonths line when there is no report year. Default: the Company form's CheckDate, else today.</summary>
        [Parameter]
        public DateTime AsOf { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { PrivacyPolicy.RuleId };

        /// <summary>The policy file resolved against the current location, and the report year when given.</summary>
        protected override IDictionary<string, object> Inputs()
        {
            var inputs = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            if (Path != null)
            {
                inputs["Path"] = ResolvePath(Path);
            }

            if (MyInvocation.BoundParameters.ContainsKey(nameof(ReportYear)))
            {
                inputs["ReportYear"] = ReportYear;
            }

            return inputs;
        }
    }
}
