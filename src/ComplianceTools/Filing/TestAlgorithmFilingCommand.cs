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
    public sealed class TestAlgorithmFilingCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";
        private const string FiguresSet = "Figures";

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

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { AlgorithmFiling.Id };
    }
}
