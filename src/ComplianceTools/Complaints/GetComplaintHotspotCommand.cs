using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Complaints;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Complaints
{
    /// <summary>
    /// The "locate" step of a rectification: 12321 complaints by the frequently called numbers (the complainants; or by
    /// display number), then channel and team, with each channel's calls per day; marks clustered channels and proposes
    /// the guide's isolation (a tenth of today's calls a day).
    /// Settings are parameters of rule CMPL-001 (change them with -Baseline).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ComplaintHotspot", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(ComplaintHotspotRow))]
    public sealed class GetComplaintHotspotCommand : ComplianceCheckCmdlet
    {
        private const string RowsSet = "Rows";
        private const string DatasetSet = "Dataset";
        private readonly List<ComplaintRow> _complaints = new List<ComplaintRow>();

        /// <summary>Complaint rows, as Import-ComplianceWorkbook -Sheet Complaints writes them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowsSet)]
        [AllowEmptyCollection]
        [TextRowTransformation(typeof(ComplaintRow))]
        public ComplaintRow[] Complaint { get; set; }

        /// <summary>Traffic rows, for each channel's calls per day and complaint rate (optional).</summary>
        [Parameter(ParameterSetName = RowsSet)]
        [TextRowTransformation(typeof(TrafficRow))]
        public TrafficRow[] Traffic { get; set; }

        /// <summary>A whole workbook, as Import-ComplianceWorkbook writes it without -Sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>CalledNumber (default): group by the complainants, the frequently called numbers, as guide B says; DisplayNumber: by the number shown to them.</summary>
        [Parameter]
        public HotspotGrouping By { get; set; } = HotspotGrouping.CalledNumber;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == RowsSet)
            {
                _complaints.AddRange(Read(Complaint));
                return;
            }

            if (Dataset.Complaints == null)
            {
                WriteProblem(SheetRequirement.Missing(Dataset, ComplaintRate.Id, "Complaints"));
                return;
            }

            Write(Dataset.Complaints, Dataset.Traffic);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == RowsSet)
            {
                Write(_complaints, Traffic == null ? null : Read(Traffic));
            }
        }

        /// <summary>The rows that could be read; each one that could not is written as its error, the rest go on.</summary>
        private List<T> Read<T>(IEnumerable<T> rows)
            where T : WorkbookRow
        {
            var read = new List<T>();
            foreach (T row in rows ?? new T[0])
            {
                if (row?.Rejected != null)
                {
                    WriteProblem(row.Rejected);
                }
                else if (row != null)
                {
                    read.Add(row);
                }
            }

            return read;
        }

        private void Write(IEnumerable<ComplaintRow> complaints, IEnumerable<TrafficRow> traffic)
        {
            foreach (ComplaintHotspotRow row in Run(() => ComplaintHotspot.Locate(Catalog.Get(ComplaintRate.Id), complaints, traffic, By)))
            {
                WriteObject(row);
            }
        }
    }
}
