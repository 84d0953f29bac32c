using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ComplianceTools.Core.CallRecords;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Rules;

namespace ComplianceTools.Engine.CallRecords
{
    /// <summary>
    /// Compare-CallRecord's engine. Files are parsed in parallel (one per core) into compact keys,
    /// partitioned by caller hash (spilled to temporary files past the memory budget), then each
    /// partition is sorted, de-duplicated and matched, partitions in parallel.
    /// </summary>
    public static class CallRecordComparer
    {
        /// <summary>Rows kept in the result's Rejections list (all of them go to -OutputDirectory).</summary>
        public const int RejectionsKept = 1000;

        private const long EstimatedBytesPerRow = 40;
        private const int MaxPartitions = 128;

        public static CallRecordComparison Compare(CallRecordOptions options, RuleDefinition volumeRule, RuleDefinition matchRule, string period = null)
        {
            try
            {
                return CompareCore(options, volumeRule, matchRule, period);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Input files are read inside a guard of their own; what is left is writing: the output folder or the spill files.
                string where = !string.IsNullOrEmpty(options?.OutputDirectory) ? options.OutputDirectory : (options?.TempDirectory ?? Path.GetTempPath());
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.CallRecords.WriteFailed", ProblemKind.WriteError, Text.Format(nameof(Core.Resources.Strings.CallRecordWriteFailed), where, ex.Message), where), ex);
            }
        }

        private static CallRecordComparison CompareCore(CallRecordOptions options, RuleDefinition volumeRule, RuleDefinition matchRule, string period)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var watch = Stopwatch.StartNew();
            Action<ComplianceProblem> report = options.Report ?? (_ => { });
            CancellationToken cancel = options.Cancellation;
            var sources = options.Sources.Where(s => s.Files.Count > 0).GroupBy(s => s.Source).Select(g => g.First()).OrderBy(s => s.Source).ToList();
            if (sources.Count < 2)
            {
                throw TooFewSources(sources.Select(s => s.Source));
            }

            var jobs = new List<Job>();
            foreach (CallRecordSourceInput source in sources)
            {
                foreach (string path in source.Files)
                {
                    long length = new FileInfo(path).Length;
                    var progress = new CallRecordProgress.FileProgress { Source = source.Source, Path = path, Length = length };
                    options.Progress?.Add(progress);
                    jobs.Add(new Job { Source = source, Path = path, Index = jobs.Count, Progress = progress });
                }
            }

            var inputPaths = jobs.Select(j => j.Path).ToList();
            int partitions = PartitionCount(jobs, options.MemoryBudgetBytes);
            var rejections = new List<CallRecordRejection>();
            CallRecordOutput output = null;
            PartitionStore store = null;
            try
            {
                if (!string.IsNullOrEmpty(options.OutputDirectory))
                {
                    output = new CallRecordOutput(options.OutputDirectory, sources.Select(s => s.Source), options.Force, options.IncludePersonalData, inputPaths);
                }

                store = new PartitionStore(3, partitions, options.MemoryBudgetBytes, options.TempDirectory);
                Action<CallRecordRejection> reject = r =>
                {
                    lock (rejections)
                    {
                        if (rejections.Count < RejectionsKept)
                        {
                            rejections.Add(r);
                        }
                    }

                    output?.Rejected(r);
                };

                ReadAll(jobs, store, reject, report, options.MaxDegreeOfParallelism, cancel);
                TimeSpan readElapsed = watch.Elapsed;
                var readable = new HashSet<CallSource>(jobs.Where(j => j.Reader?.File != null && j.Failed == false).Select(j => j.Source.Source));
                if (readable.Count < 2)
                {
                    throw TooFewSources(readable);
                }

                int givenMask = 0;
                foreach (CallSource s in readable)
                {
                    givenMask |= 1 << (int)s;
                }

                if (options.Progress != null)
                {
                    options.Progress.Partitions = partitions;
                    options.Progress.Matching = true;
                }

                MatchCounts counts = MatchAll(store, givenMask, options.ToleranceSeconds, output, options.MaxDegreeOfParallelism, options.Progress, cancel);
                TimeSpan matchElapsed = watch.Elapsed - readElapsed;
                var result = new CallRecordComparison
                {
                    ToleranceSeconds = options.ToleranceSeconds,
                    Reference = options.Reference,
                    Union = counts.Union,
                    InAll = counts.InAll,
                    ReadElapsed = readElapsed,
                    MatchElapsed = matchElapsed,
                    Partitions = partitions,
                    Spilled = store.Spilled,
                    Files = jobs.Where(j => j.Reader?.File != null && !j.Failed).Select(j => j.Reader.File).ToList(),
                    Rejections = rejections.OrderBy(r => r.Source).ThenBy(r => inputPaths.IndexOf(r.File)).ThenBy(r => r.Line).ToList(),
                };
                foreach (CallSource s in readable)
                {
                    int i = (int)s;
                    var stats = new CallSourceStats
                    {
                        Source = s,
                        Files = jobs.Count(j => j.Source.Source == s && !j.Failed),
                        Rows = jobs.Where(j => j.Source.Source == s && !j.Failed).Sum(j => j.Reader.Rows),
                        Rejected = jobs.Where(j => j.Source.Source == s && !j.Failed).Sum(j => j.Reader.Rejected),
                        RejectedBy = Enum.GetValues(typeof(CallRecordRejectReason)).Cast<CallRecordRejectReason>()
                            .Select(reason => new KeyValuePair<CallRecordRejectReason, long>(reason, jobs.Where(j => j.Source.Source == s && !j.Failed).Sum(j => j.Reader.RejectedBy[(int)reason])))
                            .Where(pair => pair.Value > 0)
                            .ToDictionary(pair => pair.Key, pair => pair.Value),
                        Duplicates = counts.Duplicates[i],
                        Unique = counts.Unique[i],
                        Only = counts.Only[i],
                        Missing = counts.Missing[i],
                    };
                    switch (s)
                    {
                        case CallSource.Platform: result.Platform = stats; break;
                        case CallSource.Carrier: result.Carrier = stats; break;
                        default: result.PrivacyNumber = stats; break;
                    }
                }

                bool p = readable.Contains(CallSource.Platform), c = readable.Contains(CallSource.Carrier), x = readable.Contains(CallSource.PrivacyNumber);
                result.PlatformCarrier = p && c ? counts.Pairs[0] : (long?)null;
                result.PlatformPrivacyNumber = p && x ? counts.Pairs[1] : (long?)null;
                result.CarrierPrivacyNumber = c && x ? counts.Pairs[2] : (long?)null;
                result.AllThree = p && c && x ? counts.AllThree : (long?)null;
                result.Findings = CallRecordFindings.Build(volumeRule, matchRule, result, period);
                if (output != null)
                {
                    cancel.ThrowIfCancellationRequested();

                    // A source not read, or whose every row was rejected, gets no only-in file: an empty one would
                    // replace a good one of an earlier run. Files of an earlier run that this one did not write go.
                    var written = new HashSet<CallSource>(readable.Where(s => !result.Get(s).Unusable));
                    output.Commit(written);
                    result.OutputFiles = output.Written;
                    result.RemovedFiles = output.Removed;
                    foreach (string removed in output.Removed)
                    {
                        report(new ComplianceProblem("ComplianceTools.CallRecords.StaleOutputRemoved", ProblemKind.Warning, Text.Format(nameof(Core.Resources.Strings.CallRecordStaleOutputRemoved), removed), removed));
                    }
                }

                result.Elapsed = watch.Elapsed;
                return result;
            }
            finally
            {
                output?.Dispose();
                store?.Dispose();
            }
        }

        /// <summary>Expands a path that may hold * or ? in its file name (for callers without a PowerShell provider).</summary>
        public static IReadOnlyList<string> Expand(string path, string baseDirectory)
        {
            string full = Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory ?? Environment.CurrentDirectory, path);
            string name = Path.GetFileName(full);
            if (name.IndexOf('*') < 0 && name.IndexOf('?') < 0)
            {
                return new[] { Path.GetFullPath(full) };
            }

            string dir = Path.GetDirectoryName(full);
            return Directory.Exists(dir) ? Directory.GetFiles(dir, name).OrderBy(f => f, StringComparer.Ordinal).ToList() : new List<string>();
        }

        private static int PartitionCount(List<Job> jobs, long budget)
        {
            long bytes = 0;
            foreach (Job job in jobs)
            {
                long length = job.Progress.Length;
                bytes += job.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? length * 5 : length;
            }

            long keyBytes = bytes / EstimatedBytesPerRow * KeyBlock.BytesPerKey;

            // Partitions of about 4 MB of keys sort in cache and spread evenly over the cores; at most
            // MaxPartitions of them, so a spilled run keeps 3 × MaxPartitions files open (well under ulimit -n).
            long perPartition = Math.Max(Math.Min(budget / 8, 4L << 20), 1L << 18);
            long wanted = (keyBytes + perPartition - 1) / perPartition;
            int partitions = 1;
            while (partitions < wanted && partitions < MaxPartitions)
            {
                partitions *= 2;
            }

            return partitions;
        }

        private static void ReadAll(List<Job> jobs, PartitionStore store, Action<CallRecordRejection> reject, Action<ComplianceProblem> report, int parallelism, CancellationToken cancel)
        {
            var ordered = jobs.OrderByDescending(j => j.Progress.Length).ToList();
            var po = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancel };
            try
            {
                Parallel.ForEach(ordered, po, job =>
                {
                    job.Reader = new CallRecordReader(job.Source, job.Path, job.Index, store, reject, cancel);
                    try
                    {
                        job.Reader.Read(job.Progress);
                    }
                    catch (ComplianceException ex)
                    {
                        job.Failed = true;
                        report(ex.Problem);
                    }
                });
            }
            catch (AggregateException ex)
            {
                Exception first = ex.Flatten().InnerExceptions.FirstOrDefault(e => e is OperationCanceledException) ?? ex.Flatten().InnerExceptions[0];
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            }
        }

        private static MatchCounts MatchAll(PartitionStore store, int givenMask, int tolerance, CallRecordOutput output, int parallelism, CallRecordProgress progress, CancellationToken cancel)
        {
            var total = new MatchCounts();
            Action<int, long, KeyEntry> only = output == null ? (Action<int, long, KeyEntry>)null : output.Only;
            var po = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancel };
            try
            {
                Parallel.For(
                    0,
                    store.Partitions,
                    po,
                    () => new Worker(new CallMatcher(tolerance, givenMask, only)),
                    (p, state, worker) =>
                    {
                        cancel.ThrowIfCancellationRequested();
                        var counts = new int[3];
                        for (int s = 0; s < 3; s++)
                        {
                            int n = store.Load(s, p, ref worker.Callers[s], ref worker.Entries[s]);
                            counts[s] = worker.Matcher.SortAndDeduplicate(s, worker.Callers[s], worker.Entries[s], n);
                        }

                        worker.Matcher.Match(worker.Callers, worker.Entries, counts);
                        if (progress != null)
                        {
                            Interlocked.Increment(ref progress.PartitionsDone);
                        }

                        return worker;
                    },
                    worker =>
                    {
                        lock (total)
                        {
                            total.Add(worker.Matcher.Counts);
                        }
                    });
            }
            catch (AggregateException ex)
            {
                Exception first = ex.Flatten().InnerExceptions.FirstOrDefault(e => e is OperationCanceledException) ?? ex.Flatten().InnerExceptions[0];
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            }

            return total;
        }

        private static ComplianceException TooFewSources(IEnumerable<CallSource> given)
        {
            string list = string.Join(", ", given.Select(s => s.ToString()));
            return new ComplianceException(new ComplianceProblem(
                "ComplianceTools.CallRecords.TooFewSources", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.CallRecordTooFewSources), list.Length == 0 ? "none" : list), list));
        }

        private sealed class Job
        {
            public CallRecordSourceInput Source;
            public string Path;
            public int Index;
            public CallRecordProgress.FileProgress Progress;
            public CallRecordReader Reader;
            public bool Failed;
        }

        private sealed class Worker
        {
            public Worker(CallMatcher matcher)
            {
                Matcher = matcher;
            }

            public CallMatcher Matcher { get; }

            public long[][] Callers { get; } = new long[3][];

            public KeyEntry[][] Entries { get; } = new KeyEntry[3][];
        }
    }
}
