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
    /// that cell empty, so counts stay right and the rest of the sheet is read.
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

            var seen = new Dictionary<SheetSchema, string>();
            using (IExcelDataReader reader = Open(path))
            {
                do
                {
                    string tab = reader.Name;
                    SheetSchema sheet = WorkbookSchema.FindSheet(tab);
                    if (sheet == null)
                    {
                        continue;
                    }

                    if (seen.TryGetValue(sheet, out string first))
                    {
                        collect(new ComplianceProblem(ErrorPrefix + "DuplicateSheet", ProblemKind.InvalidData, Text.Format(nameof(Core.Resources.Strings.WorkbookDuplicateSheet), Path.GetFileName(path), first, tab, sheet.TabName), new SourceLocation(path, tab)));
                        continue;
                    }

                    seen.Add(sheet, tab);
                    try
                    {
                        var rows = new SheetRows(path, tab, sheet, reader, collect);
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
                    catch (ComplianceException ex) when (ex.ErrorId == ErrorPrefix + "ColumnMissing")
                    {
                        // The sheet cannot be read without its required columns: it stays null, the rest goes on.
                        collect(ex.Problem);
                    }
                }
                while (reader.NextResult());
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
            using (IExcelDataReader reader = Open(path))
            {
                var tabs = new List<string>();
                do
                {
                    tabs.Add(reader.Name);
                    if (WorkbookSchema.FindSheet(reader.Name) != schema)
                    {
                        continue;
                    }

                    var rows = new SheetRows(path, reader.Name, schema, reader, report);
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
                while (reader.NextResult());

                throw new ComplianceException(new ComplianceProblem(ErrorPrefix + "SheetNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Core.Resources.Strings.WorkbookSheetNotFound), path, schema.Name, schema.ChineseName, string.Join(", ", tabs.Select(t => "'" + t + "'"))), new SourceLocation(path, schema.Name)));
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
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ExcelDataReader.Exceptions.ExcelReaderException || ex is InvalidDataException || ex is NotSupportedException || ex is ArgumentException)
            {
                stream?.Dispose();
                ProblemKind kind = ex is UnauthorizedAccessException || ex is IOException ? ProblemKind.ReadError : ProblemKind.InvalidData;
                throw new ComplianceException(new ComplianceProblem(ErrorPrefix + "Unreadable", kind, Text.Format(nameof(Core.Resources.Strings.WorkbookUnreadable), path, ex.Message), path), ex);
            }
        }
    }
}
