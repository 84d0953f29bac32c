using System;
using System.Management.Automation;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Graph.Connection;
using ComplianceTools.Graph.Documents;

namespace ComplianceTools.Commands.Graph
{
    /// <summary>Copies the inspection materials library (a folder and its subfolders) from SharePoint into a local folder.</summary>
    [Cmdlet(VerbsCommon.Copy, "ComplianceDocument", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(DocumentCopyResult))]
    public sealed class CopyComplianceDocumentCommand : ComplianceGraphCmdlet
    {
        /// <summary>The site, as https://contoso.sharepoint.cn/sites/compliance.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public Uri SiteUrl { get; set; }

        /// <summary>The folder in the site's default document library, as 年检材料/2025.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowEmptyString]
        public string FolderPath { get; set; }

        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; }

        /// <summary>Overwrite local files that were edited since they were downloaded.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void EndProcessing()
        {
            string destination = ResolvePath(Destination);
            if (!ShouldProcess(destination, Text.Format(nameof(Core.Resources.Strings.GraphActionCopyDocuments), SiteUrl, FolderPath)))
            {
                return;
            }

            var progress = new ProgressRecord(3, Text.Get(nameof(Core.Resources.Strings.GraphCopyActivity)), destination);
            int count = Run(() =>
            {
                GraphConnection connection = GraphConnection.Get(RunspaceId);
                int n = 0;
                foreach (DocumentCopyResult result in DocumentCopier.Copy(connection, SiteUrl, FolderPath, destination, Force.IsPresent, WriteVerbose, Cancellation))
                {
                    progress.StatusDescription = result.Path;
                    WriteProgress(progress);
                    WriteObject(result);
                    n++;
                }

                return n;
            });
            WriteVerbose(Text.Format(nameof(Core.Resources.Strings.GraphCopyDone), count, destination));
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }
}
