using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using ComplianceTools.Commands.Calendar;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Resources;
using ComplianceTools.Core.Workspace;
using ComplianceTools.Engine.Planning;
using ComplianceTools.Engine.Workspace;

namespace ComplianceTools.Commands.Workspace
{
    /// <summary>
    /// Runs the main job for every client of a workspace (or those named): audit, plan, schedules, report, calendar, result,
    /// and publishing where the client's file says so. Clients run in parallel up to -ThrottleLimit, each isolated (one
    /// client's bad workbook is that client's error; the others finish). Everything PowerShell sees — output, errors,
    /// warnings, progress, publishing — comes from the pipeline thread. Ends with a portfolio line per client and the
    /// portfolio workbook.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ComplianceRun", SupportsShouldProcess = true)]
    [OutputType(typeof(PortfolioEntry))]
    public sealed partial class InvokeComplianceRunCommand : CalendarCmdlet
    {
        private const int OverallProgress = 1;
        private readonly Dictionary<string, HashSet<string>> _asked = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        /// <summary>The workspace's folder (New-ComplianceWorkspace).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Path")]
        [ValidateNotNullOrEmpty]
        public string Workspace { get; set; }

        /// <summary>Only these clients, by name; every client of the workspace by default. Get-ComplianceClient's output binds here.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        public string[] Client { get; set; }

        /// <summary>How many clients run at once (each holds one workbook in memory); default the number of processors.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = Math.Max(1, Environment.ProcessorCount);

        /// <summary>The season to plan (the year the filing work happens in). Default: the first whose inspection deadline has not passed.</summary>
        [Parameter]
        [ValidateRange(2000, 2200)]
        public int Year { get; set; }

        /// <summary>The day overdue items, days to deadlines and exceptions are judged on, and the rules' check date; default today (the rules then use each workbook's check date).</summary>
        [Parameter]
        public DateTime AsOf { get; set; }

        /// <summary>The day the rectification plans' working days count from; default -AsOf, else today.</summary>
        [Parameter]
        public DateTime NoticeDate { get; set; }

        /// <summary>The reports' language: zh-CN or en-US; default the workspace's.</summary>
        [Parameter]
        [ValidateSet("zh-CN", "en-US", IgnoreCase = true)]
        public string Culture { get; set; }

        /// <summary>Where the portfolio workbook goes; default portfolio/portfolio-&lt;season&gt;.xlsx in the workspace. A slice of a workspace run on one of several servers writes its own.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string PortfolioPath { get; set; }

        /// <summary>Run without publishing, whatever the clients' files say.</summary>
        [Parameter]
        public SwitchParameter NoPublish { get; set; }

        protected override void ProcessRecord()
        {
            string root = ResolvePath(Workspace);
            if (!_asked.TryGetValue(root, out HashSet<string> names))
            {
                names = new HashSet<string>(StringComparer.Ordinal);
                _asked.Add(root, names);
            }

            foreach (string name in Client ?? Array.Empty<string>())
            {
                names.Add(name);
            }

            // A workspace named without clients runs all of them, even if other pipeline input named some.
            if (Client == null)
            {
                names.Add("*");
            }
        }

        protected override void EndProcessing()
        {
            foreach (KeyValuePair<string, HashSet<string>> workspace in _asked)
            {
                RunWorkspace(workspace.Key, workspace.Value.Contains("*") ? null : workspace.Value.ToList());
            }
        }

        protected override void StopProcessing() => _stop.Cancel();

        private void RunWorkspace(string root, IReadOnlyCollection<string> names)
        {
            ComplianceWorkspace workspace = Run(() => WorkspaceFiles.Open(root));
            bool asOfGiven = MyInvocation.BoundParameters.ContainsKey(nameof(AsOf));
            DateTime asOf = asOfGiven ? AsOf.Date : DateTime.Today;
            IReadOnlyList<ScheduleDefinition> schedules = Run(() => PlanningData.LoadSchedules(null));
            SeasonChoice season = MyInvocation.BoundParameters.ContainsKey(nameof(Year)) ? null : Run(() => Season.Default(asOf, PlanningData.LoadSchedule("Inspection", null), WorkingCalendar));
            string culture = Culture ?? workspace.Culture;
            var settings = new RunSettings
            {
                Workspace = workspace,
                Season = season?.Year ?? Year,
                SeasonReason = season?.Reason ?? Text.Format(nameof(Strings.RunSeasonGiven), Year),
                SeasonGiven = season == null,
                AsOf = asOf,
                AuditAsOf = asOfGiven ? asOf : (DateTime?)null,
                NoticeDate = MyInvocation.BoundParameters.ContainsKey(nameof(NoticeDate)) ? NoticeDate.Date : asOf,
                ReportCulture = CultureInfo.GetCultureInfo(culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en-US"),
                UiCulture = CultureInfo.CurrentUICulture,
                FormatCulture = CultureInfo.CurrentCulture,
                Calendar = WorkingCalendar,
                Policy = Run(() => PlanningData.LoadPolicy(null)),
                Schedules = schedules,
                Publish = !NoPublish.IsPresent,
            };
            WriteVerbose(settings.SeasonReason);

            var failedToLoad = new Dictionary<string, ComplianceProblem>(StringComparer.Ordinal);
            IReadOnlyList<ClientDefinition> clients = WorkspaceFiles.LoadClients(workspace, names, WriteProblem, failedToLoad);
            var chosen = clients.Where(c => ShouldProcess(c.Folder, Text.Format(nameof(Strings.RunShouldRun), c.Name, settings.Season))).ToList();
            string portfolioPath = PortfolioPath == null ? PortfolioWriter.PathOf(workspace, settings.Season) : ResolvePath(PortfolioPath);
            if (chosen.Count == 0 && failedToLoad.Count == 0)
            {
                return;
            }

            var entries = new List<PortfolioEntry>();
            var results = new List<ClientRunResult>();
            foreach (KeyValuePair<string, ComplianceProblem> failure in failedToLoad)
            {
                entries.Add(Failed(failure.Key, null, settings, failure.Value));
            }

            string activity = Text.Format(nameof(Strings.RunActivity), workspace.Name, settings.Season);
            var overall = new ProgressRecord(OverallProgress, activity, Text.Format(nameof(Strings.RunOverallStatus), 0, chosen.Count)) { PercentComplete = 0 };
            WriteProgress(overall);
            var uncovered = new SortedSet<int>();
            int done = 0;
            using (WorkspaceRun run = WorkspaceRun.Start(chosen, settings, ThrottleLimit, _stop.Token))
            {
                foreach (RunEvent e in run.Events)
                {
                    switch (e.Kind)
                    {
                        case RunEventKind.Progress:
                            WriteProgress(new ProgressRecord(OverallProgress + 1 + e.Slot, e.Client.Name, e.Step) { ParentActivityId = OverallProgress, PercentComplete = e.Percent });
                            break;
                        case RunEventKind.Problem:
                            WriteProblem(e.Problem);
                            break;
                        case RunEventKind.Completed:
                            uncovered.UnionWith(e.Result.UncoveredYears);
                            if (e.Result.ToPublish.Count > 0)
                            {
                                e.Result.Entry.Published = PublishClient(e.Result);
                            }

                            // The workbook's people are not kept past publishing: memory stays with the throttle.
                            e.Result.Owners = null;
                            e.Result.Staff = null;
                            e.Result.ToPublish = Array.Empty<PlanItem>();
                            entries.Add(e.Result.Entry);
                            results.Add(e.Result);
                            break;
                        case RunEventKind.Failed:
                            WriteProblem(e.Problem);
                            entries.Add(Failed(e.Client.Name, e.Client, settings, e.Problem));
                            break;
                    }

                    if (e.Kind == RunEventKind.Completed || e.Kind == RunEventKind.Failed)
                    {
                        done++;
                        WriteProgress(new ProgressRecord(OverallProgress + 1 + e.Slot, e.Client.Name, e.Client.Name) { ParentActivityId = OverallProgress, RecordType = ProgressRecordType.Completed });
                        overall.StatusDescription = Text.Format(nameof(Strings.RunOverallStatus), done, chosen.Count);
                        overall.PercentComplete = Math.Min(99, 100 * done / Math.Max(1, chosen.Count));
                        WriteProgress(overall);
                    }
                }
            }

            if (_stop.IsCancellationRequested)
            {
                return;
            }

            WarnUncovered(uncovered);
            overall.StatusDescription = Text.Get(nameof(Strings.RunWritingPortfolio));
            WriteProgress(overall);
            if (ShouldProcess(portfolioPath, Text.Get(nameof(Strings.RunShouldWritePortfolio))))
            {
                var ordered = entries.OrderBy(x => x.Client, StringComparer.Ordinal).ToList();
                foreach (PortfolioEntry entry in ordered)
                {
                    entry.SeasonReason = settings.SeasonReason;
                }

                if (TryRun(() => PortfolioWriter.Write(portfolioPath, workspace, settings, ordered, results)))
                {
                    foreach (PortfolioEntry entry in ordered)
                    {
                        entry.Portfolio = portfolioPath;
                    }
                }

                overall.RecordType = ProgressRecordType.Completed;
                WriteProgress(overall);
                WriteObject(ordered, true);
            }
        }

        private static PortfolioEntry Failed(string name, ClientDefinition client, RunSettings settings, ComplianceProblem problem) => new PortfolioEntry
        {
            Client = client?.Name ?? name,
            Province = client?.Province,
            LicenceNumber = client?.LicenceNumber,
            Season = settings.Season,
            State = ClientRunState.Failed,
            Error = Core.Privacy.Mask.Text(problem?.Message ?? string.Empty),
        };
    }
}
