using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Scenarios;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Scenarios
{
    /// <summary>SCN-001 and SCN-002: scripts in named, filed scenarios; each scenario's figures; unsubscribe rate per scenario.</summary>
    [Cmdlet(VerbsDiagnostic.Measure, "CallScenario", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class MeasureCallScenarioCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";

        /// <summary>Scenario rows, as Import-ComplianceWorkbook -Sheet Scenarios writes them.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public ScenarioRow[] Scenario { get; set; }

        /// <summary>Script rows, as Import-ComplianceWorkbook -Sheet Scripts writes them.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public ScriptRow[] Script { get; set; }

        /// <summary>A whole workbook: its Scenarios and Scripts sheets.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { ScenarioSplit.Id, UnsubscribeRate.Id };
    }
}
