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
    public sealed class MeasureCallScenarioCommand : ComplianceCheckCmdlet
    {
        private const string RowsSet = "Rows";
        private const string DatasetSet = "Dataset";
        private readonly List<ScenarioRow> _scenarios = new List<ScenarioRow>();
        private readonly List<ScriptRow> _scripts = new List<ScriptRow>();

        /// <summary>Scenario rows, as Import-ComplianceWorkbook -Sheet Scenarios writes them.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public ScenarioRow[] Scenario { get; set; }

        /// <summary>Script rows, as Import-ComplianceWorkbook -Sheet Scripts writes them.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public ScriptRow[] Script { get; set; }

        /// <summary>A whole workbook: its Scenarios and Scripts sheets.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == DatasetSet)
            {
                if (Dataset.Scenarios == null && Dataset.Scripts == null)
                {
                    ThrowProblem(SheetRequirement.Missing(Dataset, ScenarioMeasure.SplitRuleId, "Scenarios"));
                }

                WriteObject(Measure(Dataset.Scenarios, Dataset.Scripts, SheetRequirement.Year(Dataset)), true);
                return;
            }

            _scenarios.AddRange(Scenario ?? new ScenarioRow[0]);
            _scripts.AddRange(Script ?? new ScriptRow[0]);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == RowsSet)
            {
                WriteObject(Measure(_scenarios.Count > 0 ? _scenarios : null, _scripts.Count > 0 ? _scripts : null, null), true);
            }
        }

        private IReadOnlyList<Finding> Measure(IReadOnlyList<ScenarioRow> scenarios, IReadOnlyList<ScriptRow> scripts, string period)
        {
            var split = EnabledRule(ScenarioMeasure.SplitRuleId);
            var unsubscribe = EnabledRule(ScenarioMeasure.UnsubscribeRuleId);
            return Run(() => ScenarioMeasure.Check(split, unsubscribe, scenarios, scripts, period));
        }
    }
}
