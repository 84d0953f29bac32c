using System;
using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Materials;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Engine.Materials;

namespace ComplianceTools.Commands.Materials
{
    /// <summary>
    /// MAT-001 to MAT-004: is the inspection's materials package complete and acceptable? Writes one
    /// finding per rule (what New-RectificationPlan takes), or with -Checklist one row per required document.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ReportPackage", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding), typeof(PackageChecklistItem))]
    public sealed class TestReportPackageCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";
        private const string WorkbookSet = "Workbook";
        private int _progressId;

        /// <summary>The package folder; with -Dataset it defaults to the workbook's Company.PackageFolder.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = RowsSet)]
        [Parameter(Position = 0, ParameterSetName = DatasetSet)]
        [Parameter(Position = 0, ParameterSetName = WorkbookSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The input workbook (.xlsx): its Materials, SocialInsurance, Seats, Traffic and Company sheets; its PackageFolder when -Path is not given.</summary>
        [Parameter(Mandatory = true, ParameterSetName = WorkbookSet)]
        [ValidateNotNullOrEmpty]
        public string Workbook { get; set; }

        /// <summary>A whole workbook, as Import-ComplianceWorkbook writes it without -Sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>Rows of the Materials, SocialInsurance, Seats, Traffic and Company sheets.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public WorkbookRow InputObject { get; set; }

        /// <summary>Write the checklist (a row per required document) instead of the findings.</summary>
        [Parameter]
        public SwitchParameter Checklist { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = ReportPackage.RuleIds;

        protected override void BeginProcessing()
        {
            Run(() =>
            {
                ReportPackage.Validate(Catalog);
                return true;
            });
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == WorkbookSet)
            {
                ComplianceDataset dataset = null;
                if (TryRun(() => dataset = Engine.Workbook.WorkbookReader.ReadDataset(ResolvePath(Workbook), WriteProblem)))
                {
                    Check(dataset);
                }

                return;
            }

            if (ParameterSetName == DatasetSet)
            {
                Check(Dataset);
                return;
            }

            base.ProcessRecord();
        }

        /// <summary>One workbook: the folder is -Path, else its Company.PackageFolder (relative to the workbook). Problems do not stop the next workbook.</summary>
        private void Check(ComplianceDataset dataset)
        {
            if (Checklist)
            {
                WriteChecklist(dataset);
                return;
            }

            RunRules(dataset);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != RowsSet)
            {
                return;
            }

            if (Checklist)
            {
                WriteChecklist(null);
                return;
            }

            base.EndProcessing();
        }

        /// <summary>The package folder resolved against the current location, and the progress of the PDFs read.</summary>
        protected override IDictionary<string, object> Inputs()
        {
            var inputs = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase) { ["Progress"] = Progress(Path) };
            if (Path != null)
            {
                inputs["Path"] = ResolvePath(Path);
            }

            return inputs;
        }

        /// <summary>-Checklist: a row per required document instead of the findings, from the same evaluation.</summary>
        private void WriteChecklist(ComplianceDataset dataset)
        {
            string folder = Path != null ? ResolvePath(Path) : PackageChecker.FolderFromDataset(dataset, SessionState.Path.CurrentFileSystemLocation.ProviderPath);
            if (folder == null)
            {
                WriteProblem(new ComplianceProblem("ComplianceTools.Materials.NoPackageFolder", ProblemKind.InvalidArgument, Text.Get(nameof(Core.Resources.Strings.MaterialsNoFolder)), dataset?.Path));
                return;
            }

            PackageResult result = null;
            if (TryRun(() => result = PackageChecker.Check(folder, dataset, Catalog, WriteProblem, Progress(folder))))
            {
                WriteObject(result.Checklist, true);
            }
        }

        private Action<int, int, string> Progress(string folder)
        {
            int id = ++_progressId;
            string activity = Text.Format(nameof(Core.Resources.Strings.MaterialsProgressActivity), folder ?? string.Empty);
            return (done, total, file) => WriteProgress(new ProgressRecord(id, activity, Text.Format(nameof(Core.Resources.Strings.MaterialsProgressStatus), done, total, file)) { PercentComplete = Math.Min(100, done * 100 / Math.Max(1, total)) });
        }
    }
}
