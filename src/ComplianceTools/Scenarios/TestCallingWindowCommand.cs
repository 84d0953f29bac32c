using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Scenarios;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Scenarios
{
    /// <summary>WIN-001: scenarios whose permitted hours reach into 22:00–08:00 and calls placed then, by scenario.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "CallingWindow", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestCallingWindowCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";
        private const string FiguresSet = "Figures";

        /// <summary>Scenario rows (permitted hours), as Import-ComplianceWorkbook -Sheet Scenarios writes them.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public ScenarioRow[] Scenario { get; set; }

        /// <summary>Traffic rows (calls placed in the window, by scenario), as Import-ComplianceWorkbook -Sheet Traffic writes them.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public TrafficRow[] Traffic { get; set; }

        /// <summary>A whole workbook.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>Start of the permitted hours, HH:mm.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FiguresSet)]
        [ValidateNotNullOrEmpty]
        public string AllowedFrom { get; set; }

        /// <summary>End of the permitted hours, HH:mm; an end not after the start wraps midnight.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FiguresSet)]
        [ValidateNotNullOrEmpty]
        public string AllowedTo { get; set; }

        /// <summary>The scenario's name for the finding (催收 …).</summary>
        [Parameter(ParameterSetName = FiguresSet)]
        public string Name { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { CallingWindow.Id };
    }
}
