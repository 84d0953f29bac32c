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
    public sealed class MeasureComplaintHandlingCommand : DatasetCheckCmdlet
    {
        private const string RowsSet = "Rows";
        private const string DatasetSet = "Dataset";
        private readonly List<ComplaintRow> _tickets = new List<ComplaintRow>();

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

        protected override void ProcessRecord()
        {
            if (ParameterSetName == DatasetSet)
            {
                WriteCheck(new ComplaintHandlingAuditCheck(), Dataset, CheckDate(AsOf, Dataset));
                return;
            }

            _tickets.AddRange(Complaint ?? new ComplaintRow[0]);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != RowsSet)
            {
                return;
            }

            DateTime asOf = MyInvocation.BoundParameters.ContainsKey(nameof(AsOf)) ? AsOf : DateTime.Now;
            WriteObject(Run(() => ComplaintHandling.CheckClosure(EnabledRule(ComplaintHandling.ClosureRuleId), _tickets, asOf)));
            WriteObject(Run(() => ComplaintHandling.CheckTimes(EnabledRule(ComplaintHandling.TimeRuleId), _tickets, asOf, report: WriteProblem)));
        }
    }
}
