using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Data;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Data
{
    /// <summary>DATA-001: each call-volume source against the reference source, from Revenue rows, a workbook, or yearly figures.</summary>
    [Cmdlet(VerbsData.Compare, "CallVolume", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class CompareCallVolumeCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";
        private const string FiguresSet = "Figures";

        /// <summary>Revenue rows (monthly call volumes per source), as Import-ComplianceWorkbook -Sheet Revenue writes them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public RevenueRow InputObject { get; set; }

        /// <summary>A whole workbook.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>Yearly volumes by source: @{ Platform = 120000000; Carrier = 90000000; PrivacyNumber = 150000000 }.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FiguresSet)]
        [ValidateNotNull]
        public Hashtable Volume { get; set; }

        /// <summary>The source the others are held against; default the rule's parameter reference (Carrier).</summary>
        [Parameter]
        [ValidateSet(CallVolume.Platform, CallVolume.Carrier, CallVolume.PrivacyNumber)]
        public string Reference { get; set; }

        /// <summary>Also write one finding per month (the yearly finding always carries the months as evidence).</summary>
        [Parameter(ParameterSetName = RowsSet)]
        [Parameter(ParameterSetName = DatasetSet)]
        public SwitchParameter ByMonth { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { CallVolume.RuleId };
    }
}
