using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Credit;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Commands.Credit
{
    /// <summary>CRED-001: the 95/96 number credit score, with the complaint rate and real-name spot-check pass rate behind it.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "CreditScore", DefaultParameterSetName = FiguresSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestCreditScoreCommand : RuleCmdlet
    {
        private const string FiguresSet = "Figures";

        /// <summary>A whole workbook: the Company form's score and pass rate; Complaints and Traffic for the complaint rate.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>The credit score (码号信用分).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FiguresSet)]
        [ValidateRange(0, 100)]
        public double Score { get; set; }

        /// <summary>Last year's complaint rate, a fraction (0.0001 for 0.01%), shown beside the score.</summary>
        [Parameter(ParameterSetName = FiguresSet)]
        [ValidateRange(0, 1)]
        public double ComplaintRate { get; set; }

        /// <summary>The real-name spot-check pass rate, a fraction (0.98 for 98%), shown beside the score.</summary>
        [Parameter(ParameterSetName = FiguresSet)]
        [ValidateRange(0, 1)]
        public double RealNamePassRate { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { CreditScore.Id };
    }
}
