using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Data;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Data
{
    /// <summary>DATA-001: each call-volume source against the reference source, from Revenue rows, a workbook, or yearly figures.</summary>
    [Cmdlet(VerbsData.Compare, "CallVolume", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding))]
    public sealed class CompareCallVolumeCommand : ComplianceCheckCmdlet
    {
        private const string RowsSet = "Rows";
        private const string DatasetSet = "Dataset";
        private const string FiguresSet = "Figures";
        private readonly List<RevenueRow> _rows = new List<RevenueRow>();

        /// <summary>Revenue rows (monthly call volumes per source), as Import-ComplianceWorkbook -Sheet Revenue writes them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public RevenueRow InputObject { get; set; }

        /// <summary>A whole workbook.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>Yearly volumes by source: @{ Platform = 120000000; Carrier = 90000000; PrivacyNumber = 150000000 }.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FiguresSet)]
        [ValidateNotNull]
        public Hashtable Volume { get; set; }

        /// <summary>The source the others are held against; default the rule's parameter reference (Carrier).</summary>
        [Parameter]
        [ValidateSet(CallVolume.Platform, CallVolume.Carrier, CallVolume.PrivacyNumber)]
        public string Reference { get; set; }

        /// <summary>Also write one finding per month (the yearly finding always carries the months as evidence).</summary>
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
                        ThrowProblem(SheetRequirement.Missing(Dataset, CallVolume.RuleId, "Revenue"));
                    }

                    WriteObject(Run(() => CallVolume.Check(EnabledRule(CallVolume.RuleId), Dataset.Revenue, Reference, ByMonth, WriteProblem)), true);
                    break;
                case FiguresSet:
                    var volumes = new Dictionary<string, double>();
                    foreach (DictionaryEntry entry in Volume)
                    {
                        string key = entry.Key?.ToString();
                        if (!LanguagePrimitives.TryConvertTo(entry.Value, System.Globalization.CultureInfo.InvariantCulture, out double value))
                        {
                            ThrowProblem(new ComplianceProblem("ComplianceTools.Data.VolumeInvalid", ProblemKind.InvalidArgument, Text.Format("CallVolumeNegative", key, entry.Value), key));
                        }

                        volumes[key] = value;
                    }

                    WriteObject(Run(() => CallVolume.Check(EnabledRule(CallVolume.RuleId), volumes, Reference)), true);
                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == RowsSet)
            {
                WriteObject(Run(() => CallVolume.Check(EnabledRule(CallVolume.RuleId), _rows, Reference, ByMonth, WriteProblem)), true);
            }
        }
    }
}
