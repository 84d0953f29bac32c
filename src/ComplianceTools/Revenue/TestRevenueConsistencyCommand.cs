using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Revenue;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Revenue
{
    /// <summary>REV-001: 95/96 number revenue against settlement invoices, from Revenue rows, a workbook, or two figures.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "RevenueConsistency", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestRevenueConsistencyCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";
        private const string FiguresSet = "Figures";

        /// <summary>Revenue rows, as Import-ComplianceWorkbook -Sheet Revenue writes them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public RevenueRow InputObject { get; set; }

        /// <summary>A whole workbook.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>95/96 number revenue (码号业务收入) for the period.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FiguresSet)]
        [ValidateRange(0, double.MaxValue)]
        public double NumberRevenue { get; set; }

        /// <summary>The carrier's settlement invoices (结算发票金额) for the same period.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FiguresSet)]
        [ValidateRange(0, double.MaxValue)]
        public double SettlementInvoiced { get; set; }

        /// <summary>Also write one finding per month.</summary>
        [Parameter(ParameterSetName = RowsSet)]
        [Parameter(ParameterSetName = DatasetSet)]
        public SwitchParameter ByMonth { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { RevenueConsistency.Id };
    }
}
