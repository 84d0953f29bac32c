using System;
using System.IO;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Filing;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Filing;

namespace ComplianceTools.Commands.Filing
{
    /// <summary>PRIV-001: the privacy policy is current and has the 敏感个人信息处理清单, from the Company form or a .txt/.docx/.pdf file.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "PrivacyPolicy", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestPrivacyPolicyCommand : ComplianceCheckCmdlet
    {
        private const string PathSet = "Path";
        private const string CompanySet = "Company";
        private const string DatasetSet = "Dataset";

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

        protected override void ProcessRecord()
        {
            CompanyProfile company = ParameterSetName == DatasetSet ? Dataset.Company : Company;
            if (ParameterSetName == DatasetSet && company == null && Path == null)
            {
                ThrowProblem(SheetRequirement.Missing(Dataset, PrivacyPolicy.RuleId, "Company"));
            }

            string baseDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
            if (ParameterSetName == DatasetSet && !string.IsNullOrEmpty(Dataset.Path))
            {
                baseDirectory = System.IO.Path.GetDirectoryName(Dataset.Path);
            }
            else if (ParameterSetName == CompanySet && !string.IsNullOrEmpty(company?.Origin?.File))
            {
                baseDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(company.Origin.File));
            }

            string file = Path == null ? null : ResolvePath(Path);
            int? year = MyInvocation.BoundParameters.ContainsKey(nameof(ReportYear)) ? ReportYear : (int?)null;
            DateTime asOf = MyInvocation.BoundParameters.ContainsKey(nameof(AsOf)) ? AsOf : (company?.CheckDate ?? DateTime.Today);
            WriteObject(Run(() => PrivacyPolicyCheck.Check(EnabledRule(PrivacyPolicy.RuleId), company, file, baseDirectory, year, asOf, company?.CompanyName ?? (file == null ? null : System.IO.Path.GetFileName(file)))));
        }
    }
}
