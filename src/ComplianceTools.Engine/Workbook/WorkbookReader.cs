using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;
using ExcelDataReader;

namespace ComplianceTools.Engine.Workbook
{
    /// <summary>
    /// Reads the compliance workbook with ExcelDataReader, streaming: rows are converted as they are read
    /// and never held unless the whole dataset is asked for. The file is opened read-only, shared with
    /// other readers and writers (a workbook open in Excel still reads), and never changed.
    /// A bad cell is reported (ComplianceTools.Workbook.InvalidCell) and the row is still returned with
    /// that cell empty, so counts stay right and the rest of the sheet is read. Before the reader opens an .xlsx,
    /// <see cref="WorkbookPackage"/> refuses one that would expand past its size limits or holds a DTD; whatever
    /// the reader throws on a damaged file becomes ComplianceTools.Workbook.Damaged naming file and sheet.
    /// </summary>
    public static class WorkbookReader
    {
        internal const string ErrorPrefix = "ComplianceTools.Workbook.";

        static WorkbookReader()
        {
            // .xls (BIFF) files name their code page; .NET Core knows only a few without this provider.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        }

        /// <summary>Every sheet of the workbook in one dataset; sheets the workbook lacks stay null.</summary>
        /// <param name="path">The workbook (.xlsx, .xlsm, .xls).</param>
        /// <param name="report">Receives each problem met (bad cells, missing columns); reading goes on.</param>
        /// <param name="progress">Receives the tab name and rows read so far, now and then.</param>
        public static ComplianceDataset ReadDataset(string path, Action<ComplianceProblem> report, Action<string, int> progress = null)
        {
            report = report ?? (_ => { });
            var dataset = new ComplianceDataset { Path = path };
            Action<ComplianceProblem> collect = p =>
            {
                dataset.Problems.Add(p);
                report(p);
            };

            WorkbookPackage package = Inspect(path);

            // The formula scans of the sheets to be read run while the reader opens and parses them.
            using (WorkbookPackage.FormulaScan scan = package?.StartScan(Pick(package.Tabs).Values.Select(t => t.Name)))
            using (IExcelDataReader reader = Open(path))
            {
                Dictionary<SheetSchema, string> chosen = ChooseTabs(path, package, reader, collect);
                do
                {
                    string tab = reader.Name;
                    SheetSchema sheet = WorkbookSchema.FindSheet(tab);
                    if (sheet == null || !chosen.TryGetValue(sheet, out string wanted) || wanted != tab)
                    {
                        continue;
                    }

                    try
                    {
                        var rows = new SheetRows(path, tab, sheet, reader, collect, scan == null ? (Func<IReadOnlyDictionary<long, string>>)null : () => scan.Get(tab));
                        if (sheet.Layout == SheetLayout.Form)
                        {
                            sheet.DatasetProperty.SetValue(dataset, rows.ReadForm());
                        }
                        else
                        {
                            IList list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(sheet.RowType));
                            foreach (WorkbookRow row in rows.ReadTable())
                            {
                                list.Add(row);
                                if (progress != null && list.Count % 10000 == 0)
                                {
                                    progress(tab, list.Count);
                                }
                            }

                            sheet.DatasetProperty.SetValue(dataset, list);
                        }

                        dataset.SheetsPresent.Add(sheet.Name);
                        progress?.Invoke(tab, -1);
                    }
                    catch (ComplianceException ex) when (ex.ErrorId == ErrorPrefix + "ColumnMissing" || ex.ErrorId == ErrorPrefix + "DuplicateColumn")
                    {
                        // The sheet cannot be read without its required columns, or with two columns of one meaning:
                        // it stays null, the rest goes on.
                        collect(ex.Problem);
                    }
                }
                while (NextSheet(path, reader));
            }

            return dataset;
        }

        /// <summary>
        /// The typed rows of one sheet, streamed (a Form sheet gives one object). <paramref name="sheet"/> is the
        /// English or Chinese name (Seats, 坐席). Throws ComplianceException for an unknown sheet name, a missing
        /// file or sheet, or a missing required column; bad cells go to <paramref name="report"/>.
        /// </summary>
        public static IEnumerable<WorkbookRow> ReadSheet(string path, string sheet, Action<ComplianceProblem> report)
        {
            SheetSchema schema = WorkbookSchema.FindSheet(sheet);
            if (schema == null)
            {
                throw new ComplianceException(new ComplianceProblem(ErrorPrefix + "UnknownSheet", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.WorkbookUnknownSheet), sheet, string.Join(", ", WorkbookSchema.Sheets.Select(s => s.Name + " (" + s.ChineseName + ")"))), sheet));
            }

            CheckExists(path);
            return ReadAhead(r => ReadSheetRows(path, schema, r), report ?? (_ => { }));
        }

        /// <summary>
        /// Reads and converts on a second thread while the caller consumes: the spreadsheet parsing and the
        /// PowerShell pipeline then use both cores. Rows and problems arrive in file order, in batches, on the
        /// caller's thread (so problems can become ErrorRecords); an error of the reader is rethrown there.
        /// Stopping early (Select-Object -First) cancels the reader, which closes the file.
        /// </summary>
        internal static IEnumerable<WorkbookRow> ReadAhead(Func<Action<ComplianceProblem>, IEnumerable<WorkbookRow>> source, Action<ComplianceProblem> report)
        {
            const int BatchSize = 512;
            CultureInfo culture = CultureInfo.CurrentCulture, uiCulture = CultureInfo.CurrentUICulture;
            using (var queue = new BlockingCollection<List<object>>(boundedCapacity: 8))
            using (var cancel = new CancellationTokenSource())
            {
                Exception failure = null;
                var producer = new Thread(() =>
                {
                    CultureInfo.CurrentCulture = culture;
                    CultureInfo.CurrentUICulture = uiCulture;
                    var batch = new List<object>(BatchSize);
                    try
                    {
                        foreach (WorkbookRow row in source(p => batch.Add(p)))
                        {
                            batch.Add(row);
                            if (batch.Count >= BatchSize)
                            {
                                queue.Add(batch, cancel.Token);
                                batch = new List<object>(BatchSize);
                            }
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        batch.Clear();
                    }
                    catch (Exception ex)
                    {
                        failure = ex;
                    }
                    finally
                    {
                        try
                        {
                            if (batch.Count > 0)
                            {
                                queue.Add(batch, cancel.Token);
                            }
                        }
                        catch (OperationCanceledException)
                        {
                            // The caller stopped reading: nobody wants the rest.
                        }

                        queue.CompleteAdding();
                    }
                })
                {
                    IsBackground = true,
                    Name = "ComplianceTools workbook reader",
                };
                producer.Start();
                try
                {
                    foreach (List<object> batch in queue.GetConsumingEnumerable())
                    {
                        foreach (object item in batch)
                        {
                            if (item is ComplianceProblem problem)
                            {
                                report(problem);
                            }
                            else
                            {
                                yield return (WorkbookRow)item;
                            }
                        }
                    }
                }
                finally
                {
                    cancel.Cancel();
                    producer.Join();
                }

                if (failure != null)
                {
                    ExceptionDispatchInfo.Capture(failure).Throw();
                }
            }
        }

        private static IEnumerable<WorkbookRow> ReadSheetRows(string path, SheetSchema schema, Action<ComplianceProblem> report)
        {
            WorkbookPackage package = Inspect(path);
            using (WorkbookPackage.FormulaScan scan = package != null && Pick(package.Tabs).TryGetValue(schema, out WorkbookPackage.Tab wantedTab) ? package.StartScan(new[] { wantedTab.Name }) : null)
            using (IExcelDataReader reader = Open(path))
            {
                Dictionary<SheetSchema, string> chosen = ChooseTabs(path, package, reader, p =>
                {
                    // Only what concerns the sheet asked for.
                    if (p.Target is SourceLocation l && WorkbookSchema.FindSheet(l.Sheet) == schema)
                    {
                        report(p);
                    }
                });
                var tabs = new List<string>();
                do
                {
                    tabs.Add(reader.Name);
                    if (!chosen.TryGetValue(schema, out string wanted) || wanted != reader.Name)
                    {
                        continue;
                    }

                    string tabName = reader.Name;
                    var rows = new SheetRows(path, tabName, schema, reader, report, scan == null ? (Func<IReadOnlyDictionary<long, string>>)null : () => scan.Get(tabName));
                    if (schema.Layout == SheetLayout.Form)
                    {
                        yield return rows.ReadForm();
                    }
                    else
                    {
                        foreach (WorkbookRow row in rows.ReadTable())
                        {
                            yield return row;
                        }
                    }

                    yield break;
                }
                while (NextSheet(path, reader));

                throw new ComplianceException(new ComplianceProblem(ErrorPrefix + "SheetNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Core.Resources.Strings.WorkbookSheetNotFound), path, schema.Name, schema.ChineseName, string.Join(", ", tabs.Select(t => "'" + t + "'"))), new SourceLocation(path, schema.Name)));
            }
        }

        /// <summary>
        /// The tab to read for each sheet of the schema: a visible tab before a hidden one (the workbook read is the one
        /// the user sees; a warning names the hidden tab passed over, or the hidden tab read because nothing visible
        /// gives that sheet), the first of two visible tabs (the second is a DuplicateSheet error).
        /// </summary>
        private static Dictionary<SheetSchema, string> ChooseTabs(string path, WorkbookPackage package, IExcelDataReader reader, Action<ComplianceProblem> report)
        {
            IReadOnlyList<WorkbookPackage.Tab> tabs = package?.Tabs;
            if (tabs == null || tabs.Count == 0)
            {
                // .xls: the reader knows each tab's visibility; list them once and start again.
                var list = new List<WorkbookPackage.Tab>();
                Guard(path, null, () =>
                {
                    do
                    {
                        list.Add(new WorkbookPackage.Tab(reader.Name, reader.VisibleState, null));
                    }
                    while (reader.NextResult());
                    reader.Reset();
                    return true;
                });
                tabs = list;
            }

            string file = Path.GetFileName(path);
            var chosen = Pick(tabs).ToDictionary(p => p.Key, p => p.Value.Name);
            foreach (IGrouping<SheetSchema, WorkbookPackage.Tab> group in tabs.Where(t => WorkbookSchema.FindSheet(t.Name) != null).GroupBy(t => WorkbookSchema.FindSheet(t.Name)))
            {
                SheetSchema sheet = group.Key;
                var visible = group.Where(t => t.Visible).ToList();
                var hidden = group.Where(t => !t.Visible).ToList();
                WorkbookPackage.Tab pick = visible.Count > 0 ? visible[0] : hidden[0];
                foreach (WorkbookPackage.Tab other in visible.Skip(1))
                {
                    report(new ComplianceProblem(ErrorPrefix + "DuplicateSheet", ProblemKind.InvalidData, Text.Format(nameof(Core.Resources.Strings.WorkbookDuplicateSheet), file, pick.Name, other.Name, sheet.TabName), new SourceLocation(path, other.Name)));
                }

                if (visible.Count > 0)
                {
                    foreach (WorkbookPackage.Tab other in hidden)
                    {
                        report(new ComplianceProblem(ErrorPrefix + "HiddenSheetIgnored", ProblemKind.Warning, Text.Format(nameof(Core.Resources.Strings.WorkbookHiddenSheetIgnored), file, other.Name, pick.Name), new SourceLocation(path, other.Name)));
                    }
                }
                else
                {
                    report(new ComplianceProblem(ErrorPrefix + "HiddenSheetRead", ProblemKind.Warning, Text.Format(nameof(Core.Resources.Strings.WorkbookHiddenSheetRead), file, pick.Name, pick.State, sheet.TabName), new SourceLocation(path, pick.Name)));
                    foreach (WorkbookPackage.Tab other in hidden.Skip(1))
                    {
                        report(new ComplianceProblem(ErrorPrefix + "DuplicateSheet", ProblemKind.InvalidData, Text.Format(nameof(Core.Resources.Strings.WorkbookDuplicateSheet), file, pick.Name, other.Name, sheet.TabName), new SourceLocation(path, other.Name)));
                    }
                }
            }

            return chosen;
        }

        /// <summary>The tab to read for each sheet of the schema: the first visible tab of that meaning, else the first hidden one.</summary>
        private static Dictionary<SheetSchema, WorkbookPackage.Tab> Pick(IEnumerable<WorkbookPackage.Tab> tabs)
        {
            var chosen = new Dictionary<SheetSchema, WorkbookPackage.Tab>();
            foreach (IGrouping<SheetSchema, WorkbookPackage.Tab> group in tabs.Where(t => WorkbookSchema.FindSheet(t.Name) != null).GroupBy(t => WorkbookSchema.FindSheet(t.Name)))
            {
                chosen[group.Key] = group.FirstOrDefault(t => t.Visible) ?? group.First();
            }

            return chosen;
        }

        /// <summary>Moves to the next tab; a damaged tab is a located error, not the reader's exception.</summary>
        private static bool NextSheet(string path, IExcelDataReader reader)
        {
            string tab = reader.Name;
            return Guard(path, tab, reader.NextResult);
        }

        /// <summary>Runs a call into the spreadsheet reader; whatever it throws on a damaged file becomes ComplianceTools.Workbook.Damaged naming the file (and tab).</summary>
        internal static T Guard<T>(string path, string tab, Func<T> call)
        {
            try
            {
                return call();
            }
            catch (Exception ex) when (IsReaderFailure(ex))
            {
                throw new ComplianceException(
                    new ComplianceProblem(ErrorPrefix + "Damaged", ProblemKind.InvalidData, Text.Format(nameof(Core.Resources.Strings.WorkbookDamagedPart), Path.GetFileName(path), tab ?? "-", ex.Message), new SourceLocation(path, tab)),
                    ex);
            }
        }

        /// <summary>What a spreadsheet reader may throw on a damaged or hostile file (never our own errors, cancellation or lack of memory).</summary>
        internal static bool IsReaderFailure(Exception ex)
        {
            return !(ex is ComplianceException) && !(ex is OperationCanceledException) && !(ex is OutOfMemoryException) && !(ex is ThreadAbortException) && !(ex is StackOverflowException);
        }

        private static WorkbookPackage Inspect(string path)
        {
            CheckExists(path);
            try
            {
                return WorkbookPackage.Inspect(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ComplianceException(new ComplianceProblem(ErrorPrefix + "Unreadable", ProblemKind.ReadError, Text.Format(nameof(Core.Resources.Strings.WorkbookUnreadable), path, ex.Message), path), ex);
            }
        }

        private static void CheckExists(string path)
        {
            if (!File.Exists(path))
            {
                throw new ComplianceException(new ComplianceProblem(ErrorPrefix + "FileNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Core.Resources.Strings.WorkbookFileNotFound), path), path));
            }
        }

        private static IExcelDataReader Open(string path)
        {
            CheckExists(path);
            FileStream stream = null;
            try
            {
                // Read-only and shared: a workbook open in Excel (or being copied) can still be read, and is never changed.
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
                return ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = false });
            }
            catch (Exception ex) when (IsReaderFailure(ex))
            {
                stream?.Dispose();
                ProblemKind kind = ex is UnauthorizedAccessException || ex is IOException ? ProblemKind.ReadError : ProblemKind.InvalidData;
                throw new ComplianceException(new ComplianceProblem(ErrorPrefix + "Unreadable", kind, Text.Format(nameof(Core.Resources.Strings.WorkbookUnreadable), path, ex.Message), path), ex);
            }
        }
    }
}
