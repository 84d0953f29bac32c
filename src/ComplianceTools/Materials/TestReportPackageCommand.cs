using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Materials;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Materials;

namespace ComplianceTools.Commands.Materials
{
    /// <summary>
    /// MAT-001 to MAT-004: is the inspection's materials package complete and acceptable? Writes one
    /// finding per rule (what New-RectificationPlan takes), or with -Checklist one row per required document.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ReportPackage", DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(Finding), typeof(PackageChecklistItem))]
    public sealed class TestReportPackageCommand : ComplianceCheckCmdlet
    {
        private const string RowsSet = "Rows";
        private const string DatasetSet = "Dataset";
        private const string WorkbookSet = "Workbook";
        private readonly List<WorkbookRow> _rows = new List<WorkbookRow>();
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

        protected override void BeginProcessing()
        {
            foreach (string id in ReportPackage.RuleIds.Where(id => !Catalog.Get(id).Enabled))
            {
                WriteWarning(Text.Format("RuleDisabled", id));
            }

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
                CheckDataset(Run(() => Engine.Workbook.WorkbookReader.ReadDataset(ResolvePath(Workbook), WriteProblem)));
                return;
            }

            if (ParameterSetName == RowsSet)
            {
                if (InputObject != null)
                {
                    _rows.Add(InputObject);
                }

                return;
            }

            CheckDataset(Dataset);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == RowsSet)
            {
                Check(ResolvePath(Path), _rows.Count == 0 ? null : FromRows(_rows), terminating: true);
            }
        }

        /// <summary>One workbook: the folder is -Path, else its Company.PackageFolder (relative to the workbook). Errors do not stop the next workbook.</summary>
        private void CheckDataset(ComplianceDataset dataset)
        {
            string folder = Path != null ? ResolvePath(Path) : PackageChecker.FolderFromDataset(dataset, SessionState.Path.CurrentFileSystemLocation.ProviderPath);
            if (folder == null)
            {
                WriteProblem(new ComplianceProblem("ComplianceTools.Materials.NoPackageFolder", ProblemKind.InvalidArgument, Text.Get(nameof(Core.Resources.Strings.MaterialsNoFolder)), dataset.Path));
                return;
            }

            Check(folder, dataset, terminating: false);
        }

        private void Check(string folder, ComplianceDataset dataset, bool terminating)
        {
            var activity = Text.Format(nameof(Core.Resources.Strings.MaterialsProgressActivity), folder);
            int id = ++_progressId;
            PackageResult result = null;
            System.Func<PackageResult> check = () => PackageChecker.Check(folder, dataset, Catalog, WriteProblem, (done, total, file) =>
                WriteProgress(new ProgressRecord(id, activity, Text.Format(nameof(Core.Resources.Strings.MaterialsProgressStatus), done, total, file)) { PercentComplete = System.Math.Min(100, done * 100 / total) }));
            if (terminating)
            {
                result = Run(check);
            }
            else if (!TryRun(() => result = check()))
            {
                return;
            }

            WriteProgress(new ProgressRecord(id, activity, " ") { RecordType = ProgressRecordType.Completed });
            WriteObject(Checklist ? (IEnumerable<object>)result.Checklist : result.Findings, true);
        }

        /// <summary>The sheets the rows came from; a sheet without rows stays null ("not given").</summary>
        private static ComplianceDataset FromRows(IReadOnlyCollection<WorkbookRow> rows)
        {
            List<T> Of<T>() where T : WorkbookRow => rows.OfType<T>().Any() ? rows.OfType<T>().ToList() : null;
            return new ComplianceDataset
            {
                Company = rows.OfType<CompanyProfile>().FirstOrDefault(),
                Materials = Of<MaterialRow>(),
                SocialInsurance = Of<SocialInsuranceRow>(),
                Seats = Of<SeatRow>(),
                Traffic = Of<TrafficRow>(),
            };
        }
    }
}
