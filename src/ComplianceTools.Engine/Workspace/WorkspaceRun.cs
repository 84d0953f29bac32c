using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Privacy;
using ComplianceTools.Core.Workspace;
using ComplianceTools.Engine.Rules;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Engine.Workspace
{
    public enum RunEventKind
    {
        /// <summary>A client's job moved to a step.</summary>
        Progress,

        /// <summary>A warning or a non-terminating error said of a client.</summary>
        Problem,

        /// <summary>A client's job finished.</summary>
        Completed,

        /// <summary>A client could not be run; <see cref="RunEvent.Problem"/> says why, naming the client and the file.</summary>
        Failed,
    }

    /// <summary>What a worker tells the pipeline thread: nothing is written to PowerShell from a worker.</summary>
    public sealed class RunEvent
    {
        public RunEventKind Kind { get; set; }

        public ClientDefinition Client { get; set; }

        /// <summary>The worker (0-based): its progress bar.</summary>
        public int Slot { get; set; }

        public string Step { get; set; }

        public int Percent { get; set; }

        public ComplianceProblem Problem { get; set; }

        public ClientRunResult Result { get; set; }
    }

    /// <summary>
    /// Runs the clients' jobs (<see cref="ClientJob"/>) on at most <c>throttle</c> worker threads, each client isolated:
    /// a client that fails is that client's error and the others finish. Workers post <see cref="RunEvent"/>s; the caller
    /// drains <see cref="Events"/> on its own thread (a cmdlet writes output, errors, warnings and progress from the
    /// pipeline thread only). Memory holds one workbook per worker at a time, whatever the number of clients. Plain threads
    /// and a blocking queue, so it runs on .NET Framework (Windows PowerShell 5.1) as on .NET.
    /// </summary>
    public sealed class WorkspaceRun : IDisposable
    {
        private readonly BlockingCollection<RunEvent> _events = new BlockingCollection<RunEvent>();
        private readonly ConcurrentQueue<ClientDefinition> _queue;
        private readonly RunSettings _settings;
        private readonly CancellationTokenSource _stop;
        private readonly List<Thread> _threads = new List<Thread>();
        private int _running;

        private WorkspaceRun(IEnumerable<ClientDefinition> clients, RunSettings settings, CancellationToken cancellation)
        {
            _queue = new ConcurrentQueue<ClientDefinition>(clients);
            _settings = settings;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        }

        /// <summary>Everything the workers say, until the last client is done; consume it on one thread.</summary>
        public IEnumerable<RunEvent> Events => _events.GetConsumingEnumerable();

        /// <summary>Starts min(throttle, clients) workers on the clients, in order.</summary>
        public static WorkspaceRun Start(IReadOnlyList<ClientDefinition> clients, RunSettings settings, int throttle, CancellationToken cancellation)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            var run = new WorkspaceRun(clients ?? Array.Empty<ClientDefinition>(), settings, cancellation);
            int workers = Math.Max(1, Math.Min(throttle, clients?.Count ?? 0));
            if (clients == null || clients.Count == 0)
            {
                run._events.CompleteAdding();
                return run;
            }

            run._running = workers;
            for (int slot = 0; slot < workers; slot++)
            {
                int mine = slot;
                var thread = new Thread(() => run.Work(mine)) { IsBackground = true, Name = "ComplianceTools run " + (slot + 1).ToString(CultureInfo.InvariantCulture) };
                run._threads.Add(thread);
                thread.Start();
            }

            return run;
        }

        /// <summary>Stops the workers after their current step and waits for them.</summary>
        public void Dispose()
        {
            _stop.Cancel();
            foreach (Thread thread in _threads)
            {
                thread.Join();
            }

            _stop.Dispose();
            _events.Dispose();
        }

        private void Work(int slot)
        {
            // Findings and messages are in the session's language, whatever thread makes them.
            Thread.CurrentThread.CurrentUICulture = _settings.UiCulture;
            Thread.CurrentThread.CurrentCulture = _settings.FormatCulture;
            try
            {
                // Checks of our own per worker: the shared instances of the cmdlets are never used by two threads at once.
                IReadOnlyList<RuleCheck> checks = AuditChecks.Discover(typeof(RuleCheck).Assembly, typeof(CatalogLoader).Assembly);
                while (!_stop.IsCancellationRequested && _queue.TryDequeue(out ClientDefinition client))
                {
                    Post(new RunEvent { Kind = RunEventKind.Progress, Client = client, Slot = slot, Step = Text.Get(nameof(Strings.RunStepWorkbook)), Percent = 0 });
                    try
                    {
                        ClientRunResult result = ClientJob.Run(
                            client,
                            _settings,
                            checks,
                            (step, percent) => Post(new RunEvent { Kind = RunEventKind.Progress, Client = client, Slot = slot, Step = step, Percent = percent }),
                            problem => Post(new RunEvent { Kind = RunEventKind.Problem, Client = client, Slot = slot, Problem = problem }),
                            _stop.Token);
                        Post(new RunEvent { Kind = RunEventKind.Completed, Client = client, Slot = slot, Result = result });
                    }
                    catch (ComplianceException ex)
                    {
                        Post(new RunEvent { Kind = RunEventKind.Failed, Client = client, Slot = slot, Problem = ClientJob.ForClient(ex.Problem, client.Name) });
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                    catch (Exception ex) when (!(ex is OutOfMemoryException) && !(ex is ThreadAbortException))
                    {
                        // A defect or an unforeseen failure in one client's job is that client's error; the run goes on.
                        Post(new RunEvent
                        {
                            Kind = RunEventKind.Failed,
                            Client = client,
                            Slot = slot,
                            Problem = new ComplianceProblem("ComplianceTools.Workspace.ClientFailed", ProblemKind.NotSpecified, Text.Format(nameof(Strings.WorkspaceClientFailed), client.Name, client.File, Mask.Text(ex.GetType().Name + ": " + ex.Message)), client.File),
                        });
                    }
                }
            }
            finally
            {
                if (Interlocked.Decrement(ref _running) == 0)
                {
                    _events.CompleteAdding();
                }
            }
        }

        private void Post(RunEvent e)
        {
            if (!_events.IsAddingCompleted)
            {
                try
                {
                    _events.Add(e);
                }
                catch (InvalidOperationException)
                {
                    // The run was disposed while the worker was finishing.
                }
            }
        }
    }
}
