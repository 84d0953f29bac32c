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
    public sealed class TestCallbackReadinessCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";

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

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { CallbackReadiness.Id };
    }
}
