using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.CallRecords;
using ComplianceTools.Core.Common;
using ComplianceTools.Engine.CallRecords;

namespace ComplianceTools.Commands.CallRecords
{
    /// <summary>DATA-001 and DATA-002: per-call reconciliation of the platform, carrier and privacy-number call records.</summary>
    [Cmdlet(VerbsData.Compare, "CallRecord", SupportsShouldProcess = true)]
    [OutputType(typeof(CallRecordComparison))]
    public sealed class CompareCallRecordCommand : ComplianceCheckCmdlet
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private readonly HashSet<int> _completed = new HashSet<int>();

        /// <summary>Files of the call-center platform's records (wildcards allowed).</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Platform { get; set; }

        /// <summary>Files of the carrier statement.</summary>
        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Carrier { get; set; }

        /// <summary>Files of the privacy-number platform's export.</summary>
        [Parameter(Position = 2)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] PrivacyNumber { get; set; }

        /// <summary>Text encoding for every source (a name), or per source (@{ Carrier = 'gb18030' }); detected by default.</summary>
        [Parameter]
        public object Encoding { get; set; }

        /// <summary>Column headers per source: @{ Carrier = @{ Caller = '…'; Start = '…' } }.</summary>
        [Parameter]
        public Hashtable ColumnMap { get; set; }

        /// <summary>Time zone of times written without Z or offset, for every source or per source; China Standard Time by default.</summary>
        [Parameter]
        public object TimeZone { get; set; }

        /// <summary>Seconds two starts may differ and still be one call; DATA-002's toleranceSeconds (2) by default.</summary>
        [Parameter]
        public int Tolerance { get; set; } = -1;

        /// <summary>The source DATA-001 compares the others against; DATA-001's reference (Carrier) by default.</summary>
        [Parameter]
        public CallSource? Reference { get; set; }

        /// <summary>Folder for rejected rows and the calls found in one source only.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string OutputDirectory { get; set; }

        /// <summary>Overwrite existing files in -OutputDirectory.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write callers unmasked in -OutputDirectory.</summary>
        [Parameter]
        public SwitchParameter IncludePersonalData { get; set; }

        /// <summary>Megabytes of keys kept in memory before they are partitioned to temporary files.</summary>
        [Parameter]
        [ValidateRange(1, 1048576)]
        public int MemoryLimitMB { get; set; } = 384;

        protected override void EndProcessing()
        {
            var problems = new ConcurrentQueue<ComplianceProblem>();
            var options = new CallRecordOptions
            {
                MemoryBudgetBytes = (long)MemoryLimitMB * 1024 * 1024,
                Force = Force,
                IncludePersonalData = IncludePersonalData,
                Report = problems.Enqueue,
                Progress = new CallRecordProgress(),
                Cancellation = _cancel.Token,
            };
            var volumeRule = EnabledRule(CallRecordFindings.VolumeRuleId);
            var matchRule = EnabledRule(CallRecordFindings.MatchRuleId);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Tolerance)))
            {
                CheckAgainstRule(CallRecordFindings.MatchRuleId, "toleranceSeconds", "-" + nameof(Tolerance), Tolerance);
            }

            options.ToleranceSeconds = Tolerance >= 0 ? Tolerance : CallRecordFindings.DefaultTolerance(matchRule);
            options.Reference = Reference ?? CallRecordFindings.DefaultReference(volumeRule);
            Run(() =>
            {
                AddSource(options, CallSource.Platform, Platform);
                AddSource(options, CallSource.Carrier, Carrier);
                AddSource(options, CallSource.PrivacyNumber, PrivacyNumber);
                return true;
            });
            if (!string.IsNullOrEmpty(OutputDirectory))
            {
                options.OutputDirectory = ResolvePath(OutputDirectory);
                if (!ShouldProcess(options.OutputDirectory))
                {
                    options.OutputDirectory = null;
                }
            }

            Task<CallRecordComparison> task = Task.Run(() => CallRecordComparer.Compare(options, volumeRule, matchRule));
            while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(250))
            {
                Drain(problems);
                ShowProgress(options.Progress, false);
            }

            Drain(problems);
            ShowProgress(options.Progress, true);
            if (task.IsCanceled || (task.Exception?.InnerException is OperationCanceledException))
            {
                return;
            }

            CallRecordComparison result = Run(() => task.GetAwaiter().GetResult());
            long rejected = (result.Platform?.Rejected ?? 0) + (result.Carrier?.Rejected ?? 0) + (result.PrivacyNumber?.Rejected ?? 0);
            if (rejected > 0)
            {
                string reasons = string.Join(", ", result.Rejections.GroupBy(r => r.Reason).Select(g => g.Key + " " + g.Count()));
                WriteWarning(Text.Format(nameof(Core.Resources.Strings.CallRecordRejectedSummary), rejected, reasons));
            }

            WriteVerbose(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} partitions, spilled to temporary files: {1}, elapsed {2:0.00} s", result.Partitions, result.Spilled, result.Elapsed.TotalSeconds));
            WriteObject(result);
        }

        protected override void StopProcessing() => _cancel.Cancel();

        private void AddSource(CallRecordOptions options, CallSource source, string[] paths)
        {
            if (paths != null)
            {
                options.Sources.Add(CallRecordArguments.Source(source, ResolveFiles(source, paths), Encoding, TimeZone, ColumnMap));
            }
        }

        private List<string> ResolveFiles(CallSource source, string[] paths)
        {
            var files = new List<string>();
            foreach (string path in paths)
            {
                try
                {
                    var resolved = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider);
                    var found = resolved.Where(File.Exists).ToList();
                    if (found.Count == 0)
                    {
                        throw new ItemNotFoundException(path);
                    }

                    files.AddRange(found);
                }
                catch (ItemNotFoundException)
                {
                    WriteProblem(new ComplianceProblem("ComplianceTools.CallRecords.FileNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Core.Resources.Strings.CallRecordFileNotFound), path, source), path));
                }
            }

            return files.Distinct(StringComparer.Ordinal).ToList();
        }

        private void Drain(ConcurrentQueue<ComplianceProblem> problems)
        {
            while (problems.TryDequeue(out ComplianceProblem problem))
            {
                WriteProblem(problem);
            }
        }

        private void ShowProgress(CallRecordProgress progress, bool completed)
        {
            string activity = Text.Get(nameof(Core.Resources.Strings.CallRecordProgressActivity));
            var files = progress.Files;
            double frequency = Stopwatch.Frequency;
            for (int i = 0; i < files.Count; i++)
            {
                var f = files[i];
                if (!f.Started || _completed.Contains(i))
                {
                    continue;
                }

                var record = new ProgressRecord(i + 1, activity + " · " + f.Source, "-") { ParentActivityId = 0 };
                if (completed || f.Done)
                {
                    record.RecordType = ProgressRecordType.Completed;
                    _completed.Add(i);
                }
                else
                {
                    double seconds = Math.Max((Stopwatch.GetTimestamp() - f.StartedTicks) / frequency, 0.001);
                    long bytes = Interlocked.Read(ref f.BytesRead);
                    long rows = Interlocked.Read(ref f.Rows);
                    record.StatusDescription = Text.Format(nameof(Core.Resources.Strings.CallRecordProgressFile), f.Source, Path.GetFileName(f.Path), rows, bytes / 1048576.0 / seconds, rows / seconds);
                    record.PercentComplete = f.Length > 0 ? (int)Math.Min(100, bytes * 100 / f.Length) : 0;
                }

                WriteProgress(record);
            }

            var overall = new ProgressRecord(0, activity, progress.Matching ? Text.Format(nameof(Core.Resources.Strings.CallRecordProgressMatching), progress.PartitionsDone, progress.Partitions) : "…");
            if (completed)
            {
                overall.RecordType = ProgressRecordType.Completed;
            }

            WriteProgress(overall);
        }
    }
}
