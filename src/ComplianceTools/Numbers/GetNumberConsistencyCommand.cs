using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Numbers;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Numbers
{
    /// <summary>NUM-001: the share of outbound calls shown with a landline or mobile number (95/96 share in the reason).</summary>
    [Cmdlet(VerbsCommon.Get, "NumberConsistency", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class GetNumberConsistencyCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";
        private const string FiguresSet = "Figures";

        /// <summary>Monthly traffic rows by display number, as Import-ComplianceWorkbook -Sheet Traffic writes them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowsSet)]
        [AllowEmptyCollection]
        [TextRowTransformation(typeof(TrafficRow))]
        public TrafficRow[] Traffic { get; set; }

        /// <summary>A whole workbook, as Import-ComplianceWorkbook writes it without -Sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>Outbound calls shown with a 95/96 short number.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FiguresSet)]
        [ValidateRange(0, long.MaxValue)]
        public long ShortNumberCalls { get; set; }

        /// <summary>Outbound calls shown with a landline number.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FiguresSet)]
        [ValidateRange(0, long.MaxValue)]
        public long LandlineCalls { get; set; }

        /// <summary>Outbound calls shown with a mobile number.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FiguresSet)]
        [ValidateRange(0, long.MaxValue)]
        public long MobileCalls { get; set; }

        /// <summary>Outbound calls shown with any other number (400/800 …); they count in the total only.</summary>
        [Parameter(ParameterSetName = FiguresSet)]
        [ValidateRange(0, long.MaxValue)]
        public long OtherCalls { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { NumberConsistency.Id };
    }
}
