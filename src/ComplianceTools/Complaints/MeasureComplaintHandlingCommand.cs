using System;
using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Complaints;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Complaints
{
    /// <summary>CMPL-002 closure rate and CMPL-003 handling time of the complaint tickets.</summary>
    [Cmdlet(VerbsDiagnostic.Measure, "ComplaintHandling", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class MeasureComplaintHandlingCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";

        /// <summary>Complaint tickets, as Import-ComplianceWorkbook -Sheet Complaints writes them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowsSet)]
        [AllowEmptyCollection]
        [TextRowTransformation(typeof(ComplaintRow))]
        public ComplaintRow[] Complaint { get; set; }

        /// <summary>A whole workbook, as Import-ComplianceWorkbook writes it without -Sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>The check date open tickets are aged to; default the Company sheet's CheckDate, else now.</summary>
        [Parameter]
        public DateTime AsOf { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { ComplaintClosure.Id, ComplaintHandlingTime.Id };
    }
}
