using System;
using System.IO;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Workbook;

namespace ComplianceTools.Commands.Workbook
{
    /// <summary>Writes the input workbook: the empty template, or with -Sample a fictional operator that fails some rules and passes others.</summary>
    [Cmdlet(VerbsCommon.New, "ComplianceWorkbook", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class NewComplianceWorkbookCommand : ComplianceCmdlet
    {
        /// <summary>The .xlsx file to write.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Fill the workbook with the sample operator.</summary>
        [Parameter]
        public SwitchParameter Sample { get; set; }

        /// <summary>Write this dataset (from Import-ComplianceWorkbook, or built in a script) instead of the template or the sample.</summary>
        [Parameter(ValueFromPipeline = true)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>The report year (the year whose data the annual report covers); last year by default.</summary>
        [Parameter]
        [ValidateRange(2000, 2100)]
        public int Year { get; set; }

        /// <summary>With -Sample: a fictional operator of its own per seed (name, licence, size, results); the same year and seed give the same file.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Seed { get; set; }

        /// <summary>Overwrite an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void EndProcessing()
        {
            bool seeded = MyInvocation.BoundParameters.ContainsKey(nameof(Seed));
            if (seeded && !Sample)
            {
                ThrowProblem(new ComplianceProblem("ComplianceTools.Workbook.SeedWithoutSample", ProblemKind.InvalidArgument, Text.Get(nameof(Core.Resources.Strings.WorkbookSeedWithoutSample)), nameof(Seed)));
            }

            string path = ResolvePath(Path);
            bool exists = File.Exists(path);
            if (exists && !Force)
            {
                WriteProblem(new ComplianceProblem("ComplianceTools.Workbook.FileExists", ProblemKind.ResourceExists, Text.Format(nameof(Core.Resources.Strings.WorkbookFileExists), path), path));
                return;
            }

            string action = Text.Get(exists ? nameof(Core.Resources.Strings.WorkbookShouldOverwrite) : nameof(Core.Resources.Strings.WorkbookShouldCreate));
            if (!ShouldProcess(path, action))
            {
                return;
            }

            int year = MyInvocation.BoundParameters.ContainsKey(nameof(Year)) ? Year : DateTime.Today.Year - 1;
            ComplianceDataset data = null;
            DateTime? stamp = null;
            if (Dataset != null)
            {
                data = Dataset;
            }
            else if (Sample)
            {
                data = seeded ? SampleData.Create(year, Seed) : SampleData.Create(year);
                stamp = SampleData.Timestamp(year);
            }
            else if (MyInvocation.BoundParameters.ContainsKey(nameof(Year)))
            {
                data = new ComplianceDataset { Company = new CompanyProfile { ReportYear = year } };
            }

            string activity = Text.Get(nameof(Core.Resources.Strings.WorkbookProgressWrite));
            int done = 0;
            var options = new WorkbookWriteOptions
            {
                Overwrite = Force,
                Timestamp = stamp,
                Progress = (tab, rows) =>
                {
                    int percent = Math.Min(99, 100 * done++ / WorkbookSchema.Sheets.Count);
                    WriteProgress(new ProgressRecord(1, activity, Text.Format(nameof(Core.Resources.Strings.WorkbookProgressSheet), tab, rows)) { PercentComplete = percent });
                },
            };

            bool written = TryRun(() => WorkbookWriter.Write(path, data, options));
            WriteProgress(new ProgressRecord(1, activity, activity) { RecordType = ProgressRecordType.Completed });
            if (written)
            {
                WriteFile(new FileInfo(path));
            }
        }
    }
}
