using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Training;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Training
{
    /// <summary>TRAIN-001: every active agent has this year's exam certificate, sign-in and exam paper.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "TrainingCoverage", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestTrainingCoverageCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";

        /// <summary>Staff rows (who is an active agent), as Import-ComplianceWorkbook -Sheet Staff writes them.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public StaffRow[] Staff { get; set; }

        /// <summary>Training rows, as Import-ComplianceWorkbook -Sheet Training writes them.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public TrainingRow[] Training { get; set; }

        /// <summary>A whole workbook: its Staff and Training sheets.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>The training year. Required with rows; with a workbook, default the Company form's report year.</summary>
        [Parameter(ParameterSetName = RowsSet, Mandatory = true)]
        [Parameter(ParameterSetName = DatasetSet)]
        [ValidateRange(2000, 2100)]
        public int Year { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { TrainingCoverage.Id };
    }
}
