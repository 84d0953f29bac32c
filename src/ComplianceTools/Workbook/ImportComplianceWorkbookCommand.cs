using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Engine.Workbook;

namespace ComplianceTools.Commands.Workbook
{
    /// <summary>Reads the input workbook: the whole dataset, or with -Sheet the typed rows of one sheet, streamed.</summary>
    [Cmdlet(VerbsData.Import, "ComplianceWorkbook", DefaultParameterSetName = DatasetSet)]
    [OutputType(typeof(ComplianceDataset), ParameterSetName = new[] { DatasetSet })]
    [OutputType(typeof(WorkbookRow), ParameterSetName = new[] { SheetSet })]
    public sealed class ImportComplianceWorkbookCommand : ComplianceCmdlet
    {
        private const string DatasetSet = "Dataset";
        private const string SheetSet = "Sheet";
        private const int ProgressEvery = 10000;

        /// <summary>The workbook (.xlsx, .xlsm, .xls); opened read-only and never changed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>One sheet by its English or Chinese name (Seats, 坐席): its typed rows go down the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = SheetSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SheetNameCompleter))]
        public string Sheet { get; set; }

        protected override void ProcessRecord()
        {
            string path = ResolvePath(Path);
            string activity = Text.Get(nameof(Core.Resources.Strings.WorkbookProgressRead));
            try
            {
                if (ParameterSetName == DatasetSet)
                {
                    WriteObject(WorkbookReader.ReadDataset(path, WriteProblem, (tab, rows) =>
                        WriteProgress(new ProgressRecord(1, activity, rows < 0 ? tab : Text.Format(nameof(Core.Resources.Strings.WorkbookProgressSheet), tab, rows)))));
                }
                else
                {
                    int count = 0;
                    foreach (WorkbookRow row in WorkbookReader.ReadSheet(path, Sheet, WriteProblem))
                    {
                        WriteObject(row);
                        if (++count % ProgressEvery == 0)
                        {
                            WriteProgress(new ProgressRecord(1, activity, Text.Format(nameof(Core.Resources.Strings.WorkbookProgressSheet), Sheet, count)));
                        }
                    }
                }
            }
            catch (ComplianceException ex) when (ex.ErrorId != "ComplianceTools.Workbook.UnknownSheet")
            {
                // This workbook cannot be read (missing, unreadable, no such sheet or column): say so, go on with the next path.
                WriteError(ToErrorRecord(ex.Problem, ex));
            }
            catch (ComplianceException ex)
            {
                ThrowProblem(ex.Problem, ex);
            }

            WriteProgress(new ProgressRecord(1, activity, activity) { RecordType = ProgressRecordType.Completed });
        }
    }

    /// <summary>Completes -Sheet with the English and Chinese sheet names.</summary>
    public sealed class SheetNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return WorkbookSchema.Sheets
                .SelectMany(s => new[] { s.Name, s.ChineseName }.Select(n => new { Name = n, Sheet = s }))
                .Where(x => x.Name.StartsWith(word, System.StringComparison.OrdinalIgnoreCase))
                .Select(x => new CompletionResult(x.Name, x.Name, CompletionResultType.ParameterValue, x.Sheet.TabName + ": " + x.Sheet.Purpose));
        }
    }
}
