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
    public sealed class TestRevenueConsistencyCommand : ComplianceCheckCmdlet
    {
        private const string RowsSet = "Rows";
        private const string DatasetSet = "Dataset";
        private const string FiguresSet = "Figures";
        private readonly List<RevenueRow> _rows = new List<RevenueRow>();

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

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case RowsSet:
                    _rows.Add(InputObject);
                    break;
                case DatasetSet:
                    if (Dataset.Revenue == null)
                    {
                        ThrowProblem(SheetRequirement.Missing(Dataset, RevenueConsistency.RuleId, "Revenue"));
                    }

                    WriteObject(Run(() => RevenueConsistency.Check(EnabledRule(RevenueConsistency.RuleId), Dataset.Revenue, Dataset.Company?.CompanyName, ByMonth, WriteProblem)), true);
                    break;
                case FiguresSet:
                    WriteObject(Run(() => RevenueConsistency.Check(EnabledRule(RevenueConsistency.RuleId), NumberRevenue, SettlementInvoiced)));
                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == RowsSet)
            {
                WriteObject(Run(() => RevenueConsistency.Check(EnabledRule(RevenueConsistency.RuleId), _rows, null, ByMonth, WriteProblem)), true);
            }
        }
    }
}
