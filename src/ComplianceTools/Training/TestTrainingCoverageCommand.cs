using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Training;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Training
{
    /// <summary>TRAIN-001: every active agent has this year's exam certificate, sign-in and exam paper.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "TrainingCoverage", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestTrainingCoverageCommand : ComplianceCheckCmdlet
    {
        private const string RowsSet = "Rows";
        private const string DatasetSet = "Dataset";
        private readonly List<StaffRow> _staff = new List<StaffRow>();
        private readonly List<TrainingRow> _training = new List<TrainingRow>();

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

        protected override void ProcessRecord()
        {
            if (ParameterSetName == RowsSet)
            {
                _staff.AddRange(Staff ?? new StaffRow[0]);
                _training.AddRange(Training ?? new TrainingRow[0]);
                return;
            }

            if (Dataset.Staff == null)
            {
                ThrowProblem(SheetRequirement.Missing(Dataset, TrainingCoverage.RuleId, "Staff"));
            }

            int? year = MyInvocation.BoundParameters.ContainsKey(nameof(Year)) ? Year : Dataset.Company?.ReportYear;
            if (!year.HasValue)
            {
                ThrowProblem(new ComplianceProblem("ComplianceTools.Training.YearMissing", ProblemKind.InvalidArgument, Text.Get("TrainingYearMissing"), "Year"));
            }

            WriteObject(Run(() => TrainingCoverage.Check(EnabledRule(TrainingCoverage.RuleId), Dataset.Staff, Dataset.Training ?? new TrainingRow[0], year.Value, Dataset.Company?.CompanyName)));
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == RowsSet)
            {
                WriteObject(Run(() => TrainingCoverage.Check(EnabledRule(TrainingCoverage.RuleId), _staff, _training, Year)));
            }
        }
    }
}
