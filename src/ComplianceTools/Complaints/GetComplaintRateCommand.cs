using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Complaints;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Complaints
{
    /// <summary>
    /// CMPL-001: complaints via 12321/12300 over outbound calls, for the period and per month. Complaint rows come
    /// down the pipeline with the traffic rows as -Traffic; or a whole workbook; or two figures.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ComplaintRate", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class GetComplaintRateCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";
        private const string FiguresSet = "Figures";

        /// <summary>Complaint rows, as Import-ComplianceWorkbook -Sheet Complaints writes them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowsSet)]
        [AllowEmptyCollection]
        [TextRowTransformation(typeof(ComplaintRow))]
        public ComplaintRow[] Complaint { get; set; }

        /// <summary>Monthly traffic rows (outbound calls) of the same period.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RowsSet)]
        [TextRowTransformation(typeof(TrafficRow))]
        public TrafficRow[] Traffic { get; set; }

        /// <summary>A whole workbook, as Import-ComplianceWorkbook writes it without -Sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>Complaints received via 12321 and 12300, for a what-if check.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FiguresSet)]
        [ValidateRange(0, long.MaxValue)]
        public long Complaints { get; set; }

        /// <summary>Outbound calls of the same period.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FiguresSet)]
        [ValidateRange(0, long.MaxValue)]
        public long OutboundCalls { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { ComplaintRate.Id };
    }
}
