using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Filing;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Filing
{
    /// <summary>XB-001: the cross-border calling statement is complete where there are overseas seats or gateways.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "CrossBorderFiling", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestCrossBorderFilingCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";

        /// <summary>The Company form (overseas seats declared, access numbers, gateways, return path, CAC number).</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public CompanyProfile Company { get; set; }

        /// <summary>Seat rows: overseas seats and overseas cloud seats are counted.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public SeatRow[] Seat { get; set; }

        /// <summary>A whole workbook.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { CrossBorderFiling.Id };
    }
}
