using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Seats;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Seats
{
    /// <summary>SEAT-001: the seat vacancy rate, from seat rows, a workbook dataset, or two figures.</summary>
    [Cmdlet(VerbsCommon.Get, "SeatVacancy", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class GetSeatVacancyCommand : ComplianceCheckCmdlet
    {
        private const string RowsSet = "Rows";
        private const string DatasetSet = "Dataset";
        private const string FiguresSet = "Figures";
        private readonly List<SeatRow> _seats = new List<SeatRow>();

        /// <summary>Seat rows, as Import-ComplianceWorkbook -Sheet Seats writes them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public SeatRow InputObject { get; set; }

        /// <summary>A whole workbook, as Import-ComplianceWorkbook writes it without -Sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>Seats on file (备案坐席数), for a what-if check.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FiguresSet)]
        [ValidateRange(0, int.MaxValue)]
        public int SeatsOnFile { get; set; }

        /// <summary>Seats actually activated (实际开通数).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FiguresSet)]
        [ValidateRange(0, int.MaxValue)]
        public int SeatsActivated { get; set; }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case RowsSet:
                    _seats.Add(InputObject);
                    break;
                case DatasetSet:
                    if (Dataset.Seats == null)
                    {
                        ThrowProblem(SheetRequirement.Missing(Dataset, SeatVacancy.RuleId, "Seats"));
                    }

                    WriteObject(Run(() => SeatVacancy.Check(EnabledRule(SeatVacancy.RuleId), Dataset.Seats, Dataset.Company?.CompanyName, Dataset.Company?.ReportYear?.ToString(), WriteProblem)));
                    break;
                case FiguresSet:
                    WriteObject(Run(() => SeatVacancy.Check(EnabledRule(SeatVacancy.RuleId), SeatsOnFile, SeatsActivated)));
                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == RowsSet)
            {
                WriteObject(Run(() => SeatVacancy.Check(EnabledRule(SeatVacancy.RuleId), _seats, report: WriteProblem)));
            }
        }
    }
}
