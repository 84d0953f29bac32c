using System;
using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Complaints;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Complaints
{
    /// <summary>A reproducible sample of complaint calls with recordings for quality review, spread over months and agents.</summary>
    [Cmdlet(VerbsCommon.Get, "QualitySample", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(QualitySampleItem))]
    public sealed class GetQualitySampleCommand : ComplianceCheckCmdlet
    {
        private const string RowsSet = "Rows";
        private const string DatasetSet = "Dataset";
        private readonly List<ComplaintRow> _rows = new List<ComplaintRow>();

        /// <summary>Complaint rows, as Import-ComplianceWorkbook -Sheet Complaints writes them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public ComplaintRow InputObject { get; set; }

        /// <summary>A whole workbook: its Complaints sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>How many calls to draw. Default: CMPL-004's sampleSize (100).</summary>
        [Parameter(Position = 0)]
        public int Count { get; set; }

        /// <summary>The seed: the same rows and seed give the same sample. Default: a new seed, shown in the verbose stream.</summary>
        [Parameter]
        public int Seed { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == RowsSet)
            {
                _rows.Add(InputObject);
                return;
            }

            if (Dataset.Complaints == null)
            {
                ThrowProblem(SheetRequirement.Missing(Dataset, ComplaintTrace.Id, "Complaints"));
            }

            Draw(Dataset.Complaints);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == RowsSet)
            {
                Draw(_rows);
            }
        }

        private void Draw(IReadOnlyList<ComplaintRow> rows)
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Count)))
            {
                CheckAgainstRule(ComplaintTrace.Id, "sampleSize", "-" + nameof(Count), Count);
            }

            int count = MyInvocation.BoundParameters.ContainsKey(nameof(Count)) ? Count : (int)EnabledRule(ComplaintTrace.Id).GetDouble("sampleSize");
            int seed = MyInvocation.BoundParameters.ContainsKey(nameof(Seed)) ? Seed : new Random().Next();
            WriteVerbose(Text.Format(nameof(Core.Resources.Strings.SampleSeed), seed));
            int population = QualitySample.Population(rows);
            if (population < count)
            {
                WriteWarning(Text.Format(nameof(Core.Resources.Strings.SampleShort), population, count));
            }

            WriteObject(QualitySample.Draw(rows, count, seed), true);
        }
    }
}
