using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Complaints;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Complaints
{
    /// <summary>CMPL-004: the complaint trace list — 12321, 12345 and MIIT complaints linked to number, agent and recording.</summary>
    [Cmdlet(VerbsCommon.Get, "ComplaintTrace", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class GetComplaintTraceCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";

        /// <summary>Complaint rows, as Import-ComplianceWorkbook -Sheet Complaints writes them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public ComplaintRow InputObject { get; set; }

        /// <summary>A whole workbook: its Complaints sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { ComplaintTrace.Id };
    }
}
