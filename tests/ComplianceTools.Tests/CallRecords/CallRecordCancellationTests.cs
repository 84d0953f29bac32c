using System;
using System.IO;
using System.Threading;
using ComplianceTools.Core.CallRecords;
using ComplianceTools.Engine.CallRecords;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.CallRecords
{
    /// <summary>Ctrl+C (the cancellation token) after keys went to temporary files leaves no file behind.</summary>
    public sealed class CallRecordCancellationTests
    {
        [Fact]
        public void Cancelling_after_keys_were_partitioned_to_disk_removes_every_temporary_file()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                CallRecordSampleResult sample = CallRecordSample.Generate(20000, 5, Path.Combine(tmp.FullName, "sample"), false);
                string spill = Directory.CreateDirectory(Path.Combine(tmp.FullName, "spill")).FullName;
                string output = Path.Combine(tmp.FullName, "out");
                string bad = Path.Combine(tmp.FullName, "bad.csv");
                File.WriteAllText(bad, "a,b\n1,2\n");
                int spilledWhenCancelled = 0;
                using (var cancel = new CancellationTokenSource())
                {
                    var options = new CallRecordOptions
                    {
                        MemoryBudgetBytes = 64 * 1024,
                        TempDirectory = spill,
                        OutputDirectory = output,
                        MaxDegreeOfParallelism = 1,
                        Cancellation = cancel.Token,

                        // The small bad file is read last (largest first); its problem arrives after the keys were spilled.
                        Report = problem =>
                        {
                            spilledWhenCancelled = Directory.GetFiles(spill, "*.keys", SearchOption.AllDirectories).Length;
                            cancel.Cancel();
                        },
                    };
                    options.Sources.Add(new CallRecordSourceInput(CallSource.Platform, new[] { sample.Platform }));
                    options.Sources.Add(new CallRecordSourceInput(CallSource.Carrier, new[] { sample.Carrier, bad }));
                    Assert.ThrowsAny<OperationCanceledException>(() => CallRecordComparer.Compare(options, null, null));
                }

                Assert.True(spilledWhenCancelled > 0);
                Assert.Empty(Directory.GetFileSystemEntries(spill));
                Assert.Empty(Directory.GetFileSystemEntries(output));
            }
        }
    }
}
