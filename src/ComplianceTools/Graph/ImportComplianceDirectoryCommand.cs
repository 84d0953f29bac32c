using System.Management.Automation;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Graph.Connection;
using ComplianceTools.Graph.Directory;

namespace ComplianceTools.Commands.Graph
{
    /// <summary>The staff roster from Entra ID, as rows of the workbook's Staff sheet.</summary>
    [Cmdlet(VerbsData.Import, "ComplianceDirectory")]
    [OutputType(typeof(StaffRow))]
    public sealed class ImportComplianceDirectoryCommand : ComplianceGraphCmdlet
    {
        /// <summary>Only the user members of this group (object id); nested groups and devices are skipped.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string GroupId { get; set; }

        /// <summary>Only users of these departments (exact names, case-insensitive).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Department { get; set; }

        protected override void EndProcessing()
        {
            var progress = new ProgressRecord(1, Text.Get(nameof(Core.Resources.Strings.GraphDirectoryActivity)), Text.Format(nameof(Core.Resources.Strings.GraphDirectoryStatus), 0));
            int read = Run(() =>
            {
                GraphConnection connection = GraphConnection.Get(RunspaceId);
                int count = 0;
                foreach (StaffRow row in DirectoryReader.Read(connection, GroupId, Department, n => Progress(progress, n), WriteVerbose, Cancellation))
                {
                    WriteObject(row);
                    count++;
                }

                return count;
            });
            WriteVerbose(Text.Format(nameof(Core.Resources.Strings.GraphDirectoryStatus), read));
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        private void Progress(ProgressRecord progress, int count)
        {
            if (count % 500 == 1)
            {
                progress.StatusDescription = Text.Format(nameof(Core.Resources.Strings.GraphDirectoryStatus), count);
                WriteProgress(progress);
            }
        }
    }
}
