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
    public sealed class GetSeatVacancyCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";
        private const string FiguresSet = "Figures";

        /// <summary>Seat rows, as Import-ComplianceWorkbook -Sheet Seats writes them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowsSet)]
        [TextRowTransformation(typeof(SeatRow))]
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

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { SeatVacancy.Id };
    }
}
