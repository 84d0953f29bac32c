using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ComplianceTools.Commands.Common;
using ComplianceTools.Engine.CallRecords;

namespace ComplianceTools.Commands.CallRecords
{
    /// <summary>Writes sample platform, carrier and privacy-number exports of N calls, with the figures a comparison should find.</summary>
    [Cmdlet(VerbsCommon.New, "CallRecordSample", SupportsShouldProcess = true)]
    [OutputType(typeof(CallRecordSampleResult))]
    public sealed class NewCallRecordSampleCommand : ComplianceCmdlet
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

        /// <summary>Number of calls (before some go missing from a source).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1, 1000000000)]
        public long Calls { get; set; }

        /// <summary>Seed: the same seed and count give the same files.</summary>
        [Parameter]
        public int Seed { get; set; } = 1;

        /// <summary>Folder for platform.csv, carrier.csv, privacy-number.csv and expected.json.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string OutputDirectory { get; set; }

        /// <summary>Overwrite existing sample files.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void EndProcessing()
        {
            string directory = ResolvePath(OutputDirectory);
            if (!ShouldProcess(directory))
            {
                return;
            }

            var progress = new ProgressRecord(0, "New-CallRecordSample", Calls + " calls → " + directory);
            WriteProgress(progress);
            Task<CallRecordSampleResult> task = Task.Run(() => CallRecordSample.Generate(Calls, Seed, directory, Force, _cancel.Token));
            while (!((System.IAsyncResult)task).AsyncWaitHandle.WaitOne(500))
            {
                WriteProgress(progress);
            }

            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            if (task.IsCanceled || task.Exception?.InnerException is System.OperationCanceledException)
            {
                return;
            }

            WriteObject(Run(() => task.GetAwaiter().GetResult()));
        }

        protected override void StopProcessing() => _cancel.Cancel();
    }
}
