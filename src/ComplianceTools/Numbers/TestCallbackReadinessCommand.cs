using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Numbers;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Numbers
{
    /// <summary>NUM-002: each 95/96 number lands on its filed gateway and a callback connects within 30 s.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "CallbackReadiness", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestCallbackReadinessCommand : DatasetCheckCmdlet
    {
        private const string RowsSet = "Rows";
        private const string DatasetSet = "Dataset";
        private readonly List<CallbackTestRow> _tests = new List<CallbackTestRow>();

        /// <summary>Callback test records, as Import-ComplianceWorkbook -Sheet CallbackTests writes them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowsSet)]
        [AllowEmptyCollection]
        [TextRowTransformation(typeof(CallbackTestRow))]
        public CallbackTestRow[] CallbackTest { get; set; }

        /// <summary>The number ledger (Numbers sheet): the gateway each number is filed on.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RowsSet)]
        [AllowEmptyCollection]
        [TextRowTransformation(typeof(NumberResourceRow))]
        public NumberResourceRow[] Number { get; set; }

        /// <summary>A whole workbook, as Import-ComplianceWorkbook writes it without -Sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == DatasetSet)
            {
                WriteCheck(new CallbackReadinessAuditCheck(), Dataset, CheckDate(default, Dataset));
                return;
            }

            _tests.AddRange(CallbackTest ?? new CallbackTestRow[0]);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == RowsSet)
            {
                WriteFindings(Run(() => CallbackReadiness.Check(EnabledRule(CallbackReadiness.RuleId), _tests, Number)));
            }
        }
    }
}
