using System;
using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Penalties;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Penalties
{
    /// <summary>PEN-001: each penalty of the last three years has a rectification report and is closed.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "PenaltyRectification", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestPenaltyRectificationCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";

        /// <summary>Penalty rows, as Import-ComplianceWorkbook -Sheet Penalties writes them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public PenaltyRow InputObject { get; set; }

        /// <summary>A whole workbook: its Penalties sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>The date to look back from. Default: the Company form's CheckDate, else today.</summary>
        [Parameter]
        public DateTime AsOf { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { PenaltyRectification.Id };
    }
}
