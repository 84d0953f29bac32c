using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Filing;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Filing
{
    /// <summary>ALG-001: AI capability declared where AI is used, and an algorithm filing number of the right kind.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "AlgorithmFiling", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestAlgorithmFilingCommand : ComplianceCheckCmdlet
    {
        private const string RowsSet = "Rows";
        private const string DatasetSet = "Dataset";
        private const string FiguresSet = "Figures";
        private readonly List<SeatRow> _seats = new List<SeatRow>();
        private readonly List<TrafficRow> _traffic = new List<TrafficRow>();
        private CompanyProfile _company;

        /// <summary>The Company form (AI capability declared, algorithm filing number).</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public CompanyProfile Company { get; set; }

        /// <summary>Seat rows: AI seats are counted.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public SeatRow[] Seat { get; set; }

        /// <summary>Traffic rows: AI outbound calls are summed.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public TrafficRow[] Traffic { get; set; }

        /// <summary>A whole workbook.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>Whether the report ticks 具备人工智能语音能力 (AI voice capability).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FiguresSet)]
        public bool AiCapability { get; set; }

        /// <summary>AI (robot) seats on file.</summary>
        [Parameter(ParameterSetName = FiguresSet)]
        [ValidateRange(0, int.MaxValue)]
        public int AiSeats { get; set; }

        /// <summary>AI outbound calls in the year.</summary>
        [Parameter(ParameterSetName = FiguresSet)]
        [ValidateRange(0, long.MaxValue)]
        public long AiCalls { get; set; }

        /// <summary>The number entered as the algorithm filing number.</summary>
        [Parameter(ParameterSetName = FiguresSet)]
        [AllowEmptyString]
        public string FilingNumber { get; set; }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case RowsSet:
                    _company = Company ?? _company;
                    _seats.AddRange(Seat ?? new SeatRow[0]);
                    _traffic.AddRange(Traffic ?? new TrafficRow[0]);
                    Company = null;
                    Seat = null;
                    Traffic = null;
                    break;
                case DatasetSet:
                    if (Dataset.Company == null)
                    {
                        ThrowProblem(SheetRequirement.Missing(Dataset, AlgorithmFiling.RuleId, "Company"));
                    }

                    WriteObject(Run(() => AlgorithmFiling.Check(EnabledRule(AlgorithmFiling.RuleId), Dataset, Dataset.Company.CompanyName, SheetRequirement.Year(Dataset))));
                    break;
                case FiguresSet:
                    WriteObject(Run(() => AlgorithmFiling.Check(EnabledRule(AlgorithmFiling.RuleId), AiCapability, AiSeats, AiCalls, FilingNumber)));
                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == RowsSet)
            {
                var dataset = new ComplianceDataset { Company = _company, Seats = _seats, Traffic = _traffic };
                WriteObject(Run(() => AlgorithmFiling.Check(EnabledRule(AlgorithmFiling.RuleId), dataset, _company?.CompanyName, _company?.ReportYear?.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            }
        }
    }
}
