using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Calendar;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Privacy;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Core.Workspace;
using ComplianceTools.Engine.Reporting;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Engine.Workbook;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Engine.Workspace
{
    /// <summary>What every client of a run shares: the season, the dates, the language, the calendar and the planning data.</summary>
    public sealed class RunSettings
    {
        public ComplianceWorkspace Workspace { get; set; }

        /// <summary>The season planned (the year the filing work happens in).</summary>
        public int Season { get; set; }

        /// <summary>Why this season (the default season's reason, or "-Year"), in the session's language.</summary>
        public string SeasonReason { get; set; }

        /// <summary>True when -Year chose the season; false for the default season (the portfolio says why in its own language).</summary>
        public bool SeasonGiven { get; set; }

        /// <summary>The day overdue items, days to deadlines and exceptions are judged on (-AsOf, else today).</summary>
        public DateTime AsOf { get; set; } = DateTime.Today;

        /// <summary>The check date given to the rules (-AsOf); null: each workbook's CheckDate, else today.</summary>
        public DateTime? AuditAsOf { get; set; }

        /// <summary>The day the rectification plan's working days count from.</summary>
        public DateTime NoticeDate { get; set; } = DateTime.Today;

        /// <summary>The reports' language.</summary>
        public CultureInfo ReportCulture { get; set; } = new CultureInfo("zh-CN");

        /// <summary>The language of messages and of the findings' texts (the session's UI culture).</summary>
        public CultureInfo UiCulture { get; set; } = CultureInfo.CurrentUICulture;

        /// <summary>The session's formatting culture.</summary>
        public CultureInfo FormatCulture { get; set; } = CultureInfo.CurrentCulture;

        public WorkingCalendar Calendar { get; set; }

        public PlanningPolicy Policy { get; set; }

        public IReadOnlyList<ScheduleDefinition> Schedules { get; set; }

        /// <summary>When the run started; every client's result of the run carries it.</summary>
        public DateTimeOffset RunTime { get; set; } = DateTimeOffset.Now.ToOffset(ReportOptions.ChinaOffset);

        /// <summary>Keep what publishing needs (the plan items and the workbook's owners and staff) for clients that publish.</summary>
        public bool Publish { get; set; } = true;
    }

    /// <summary>A client's run as the portfolio and the publishing step need it.</summary>
    public sealed class ClientRunResult
    {
        public ClientDefinition Client { get; set; }

        public PortfolioEntry Entry { get; set; }

        /// <summary>The findings without their evidence (for the portfolio's dashboard).</summary>
        public IReadOnlyList<Finding> Findings { get; set; } = Array.Empty<Finding>();

        /// <summary>Plan and schedule items (for the portfolio's dashboard).</summary>
        public IReadOnlyList<PlanItem> Items { get; set; } = Array.Empty<PlanItem>();

        /// <summary>What to publish when the client publishes: the plan (and the schedule unless the settings leave it out).</summary>
        public IReadOnlyList<PlanItem> ToPublish { get; set; } = Array.Empty<PlanItem>();

        /// <summary>The workbook's owners and staff, for owners' mails and mobiles on WeCom and DingTalk (kept only for a client that publishes).</summary>
        public IReadOnlyList<OwnerRow> Owners { get; set; }

        public IReadOnlyList<StaffRow> Staff { get; set; }

        public ISet<int> UncoveredYears { get; } = new SortedSet<int>();
    }

    /// <summary>
    /// The main job for one client, as examples/Invoke-AnnualComplianceRun.ps1 runs it for one workbook, on the module's one
    /// road: the workbook read (<see cref="WorkbookReader"/>), the catalog with the client's baselines, exceptions and
    /// key-monitoring list (<see cref="CatalogLoader"/>), the audit (<see cref="AuditRunner"/>), the plan and the season's
    /// schedules (<see cref="PlanBuilder"/>), the report in both formats (<see cref="ComplianceReportWriter"/>,
    /// <see cref="HtmlReportWriter"/>) with what changed since the last run, the calendar (<see cref="TaskFile"/>) and the
    /// result file (<see cref="ResultFile"/>). Problems are posted with the client's name; a problem that stops the client
    /// is thrown as a <see cref="ComplianceException"/> naming the client and the file.
    /// </summary>
    public static class ClientJob
    {
        public const string ReportsFolder = "reports";

        /// <summary>Where a client's reports of a season go: clients/&lt;name&gt;/reports/&lt;season&gt;/compliance-&lt;season&gt;.xlsx, .html, .ics.</summary>
        public static string ReportPath(ClientDefinition client, int season, string extension) =>
            Path.Combine(client.Folder, ReportsFolder, season.ToString(CultureInfo.InvariantCulture), "compliance-" + season.ToString(CultureInfo.InvariantCulture) + extension);

        public static ClientRunResult Run(ClientDefinition client, RunSettings settings, IReadOnlyList<RuleCheck> checks, Action<string, int> step, Action<ComplianceProblem> report, CancellationToken cancellation)
        {
            var result = new ClientRunResult { Client = client };
            Action<ComplianceProblem> said = p => report(ForClient(p, client.Name));

            // 1. The workbook.
            step(Text.Get(nameof(Strings.RunStepWorkbook)), 5);
            if (!File.Exists(client.Workbook))
            {
                throw Stop("ComplianceTools.Workspace.WorkbookMissing", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.WorkspaceWorkbookMissing), client.Name, client.Workbook, client.File), client.Workbook);
            }

            ComplianceDataset dataset;
            try
            {
                dataset = WorkbookReader.ReadDataset(client.Workbook, said);
            }
            catch (ComplianceException ex)
            {
                throw new ComplianceException(ForClient(ex.Problem, client.Name), ex);
            }

            if (client.PackageFolder != null)
            {
                dataset.Company = dataset.Company ?? new CompanyProfile();
                dataset.Company.PackageFolder = client.PackageFolder;
            }

            cancellation.ThrowIfCancellationRequested();

            // 2. The rules in force: the client's baselines, its exceptions, and the key-monitoring list of last season's Reds.
            step(Text.Get(nameof(Strings.RunStepAudit)), 20);
            RuleCatalog catalog;
            try
            {
                catalog = CatalogLoader.Load(client.AllBaselines);
            }
            catch (BaselineException ex)
            {
                foreach (ComplianceProblem p in ex.Problems.Take(ex.Problems.Count - 1))
                {
                    said(p);
                }

                throw new ComplianceException(ForClient(ex.Problems[ex.Problems.Count - 1], client.Name));
            }

            ComplianceResult lastYear = Previous(client, settings.Workspace.Path, settings.Season - 1, settings.RunTime);
            ComplianceResult lastRun = Previous(client, settings.Workspace.Path, null, settings.RunTime);
            var monitored = lastYear?.RedRules ?? Array.Empty<string>();
            KeyMonitoringPlan monitoring = settings.Policy.KeyMonitoring;
            catalog = catalog.WithExceptions(client.Exceptions)
                .WithKeyMonitoring(monitored, monitoring.YellowFactor, Text.Format(nameof(Strings.KeyMonitoringLineNote), monitoring.YellowFactor.ToString("0.##", CultureInfo.InvariantCulture)));

            // 3. The audit.
            var inputs = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            if (client.CallRecords.Count > 0)
            {
                inputs["CallRecords"] = client.CallRecords.ToDictionary(c => c.Key, c => (object)c.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
            }

            // The checks write their reasons, and the plan its steps, in the reports' language: a Chinese report made
            // from an English-language session does not carry English reasons. What they report meanwhile is in it too.
            AuditResult audit;
            using (UiLanguage.Use(settings.ReportCulture))
            {
                audit = AuditRunner.Run(checks, dataset, catalog, null, settings.AuditAsOf, null, said, null, inputs);
            }

            cancellation.ThrowIfCancellationRequested();

            // 4. The plan and the season's schedules, owned as the client's file and workbook say.
            step(Text.Get(nameof(Strings.RunStepPlan)), 50);
            OwnerDirectory owners = Owners(client, dataset, settings.Policy);
            PlanResult plan;
            var schedule = new List<PlanItem>();
            using (UiLanguage.Use(settings.ReportCulture))
            {
                plan = PlanBuilder.Rectification(audit.Findings, settings.Policy, owners, settings.Calendar, settings.NoticeDate, settings.AsOf, false, false, settings.Schedules);
                foreach (ScheduleDefinition definition in settings.Schedules)
                {
                    PlanResult phases = PlanBuilder.Schedule(definition, settings.Season, owners, settings.Calendar, settings.AsOf);
                    schedule.AddRange(phases.Items);
                    result.UncoveredYears.UnionWith(phases.UncoveredYears);
                }
            }

            result.UncoveredYears.UnionWith(plan.UncoveredYears);
            foreach (string area in plan.AreasWithoutOwner)
            {
                said(new ComplianceProblem("ComplianceTools.Planning.OwnerMissing", ProblemKind.Warning, Text.Format(nameof(Strings.PlanOwnerMissing), area, plan.Items.Count(i => i.OwnerMissing && string.Equals(i.Area ?? "?", area, StringComparison.OrdinalIgnoreCase))), area));
            }

            var items = plan.Items.Concat(schedule).ToList();

            // 5. What changed, the report, the calendar and the result.
            step(Text.Get(nameof(Strings.RunStepReport)), 70);
            ComplianceResult current = ResultFile.Build(client.Name, settings.Season, settings.RunTime, settings.AsOf, client.AllBaselines, audit.Findings, items, catalog.KeyMonitoringRules, monitored.Count > 0 ? monitoring.YellowFactor : (double?)null);
            IReadOnlyList<FindingChange> sinceLastRun = lastRun == null ? null : ResultComparer.Compare(lastRun, current);
            var options = new ReportOptions
            {
                Culture = settings.ReportCulture,
                AsOf = settings.AsOf,
                RunTime = settings.RunTime,
                Company = dataset.Company,
                Catalog = catalog,
                Phrases = ReportPhrases.Shipped,
                Changes = sinceLastRun,
                ChangesSince = lastRun?.RunTime,
            };
            string xlsx = ReportPath(client, settings.Season, ".xlsx");
            string html = ReportPath(client, settings.Season, ".html");
            string ics = ReportPath(client, settings.Season, ".ics");
            string json = Path.Combine(WorkspaceFiles.ResultFolder(settings.Workspace.Path, settings.Season, client.Name), WorkspaceFiles.ResultFileName(settings.RunTime));
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(xlsx));
                Directory.CreateDirectory(Path.GetDirectoryName(json));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw Stop("ComplianceTools.Workspace.CannotWrite", ProblemKind.WriteError, Text.Format(nameof(Strings.WorkspaceCannotWrite), client.Name, Path.GetDirectoryName(xlsx), ex.Message), xlsx);
            }

            // The workspace's reports are the last run's: each is replaced whole (history is in results/).
            Written(client, () => ComplianceReportWriter.Write(xlsx, audit.Findings, items, options, true));
            step(Text.Get(nameof(Strings.RunStepReport)), 85);
            Written(client, () => HtmlReportWriter.Write(html, audit.Findings, items, options, true));
            Written(client, () => TaskFile.Write(ics, items, "Ics", IcsComponent.Event, null, true));
            step(Text.Get(nameof(Strings.RunStepResult)), 95);
            Written(client, () => ResultFile.Write(current, json, false));

            result.Entry = Entry(client, settings, audit, plan, schedule, catalog, lastYear, current);
            result.Entry.Report = xlsx;
            result.Entry.HtmlReport = html;
            result.Entry.Calendar = ics;
            result.Entry.Result = json;
            result.Findings = audit.Findings.Select(Slim).ToList();
            result.Items = items;
            if (settings.Publish && client.Publish != null)
            {
                result.ToPublish = client.Publish.IncludeSchedule ? items : plan.Items.ToList();
                result.Owners = dataset.Owners?.ToList();
                result.Staff = dataset.Staff?.ToList();
            }

            return result;
        }

        /// <summary>A problem said of a client: the same id and kind, the message prefixed with the client's name.</summary>
        public static ComplianceProblem ForClient(ComplianceProblem problem, string client)
        {
            string prefix = Text.Format(nameof(Strings.WorkspaceClientPrefix), client);
            return problem.Message != null && problem.Message.StartsWith(prefix, StringComparison.Ordinal)
                ? problem
                : new ComplianceProblem(problem.ErrorId, problem.Kind, prefix + problem.Message, problem.Target, problem.RecommendedAction);
        }

        /// <summary>The owners of a client's items: the workbook's owners sheet (unless the file says otherwise), then the file's owners, which win.</summary>
        public static OwnerDirectory Owners(ClientDefinition client, ComplianceDataset dataset, PlanningPolicy policy)
        {
            var owners = new OwnerDirectory(policy.AreaAliases);
            if (client.OwnersFromSheet && dataset?.Owners != null)
            {
                owners.Add(dataset.Owners);
            }

            foreach (KeyValuePair<string, string> owner in client.Owners)
            {
                owners.Add(owner.Key, owner.Value);
            }

            return owners;
        }

        /// <summary>The newest earlier result of the client (of a season, or of any); a file that cannot be read stops the client, naming it.</summary>
        private static ComplianceResult Previous(ClientDefinition client, string workspace, int? season, DateTimeOffset before)
        {
            string file = WorkspaceFiles.LatestResultFile(workspace, client.Name, season, before);
            if (file == null)
            {
                return null;
            }

            try
            {
                return ResultFile.Read(file);
            }
            catch (ComplianceException ex)
            {
                throw new ComplianceException(ForClient(ex.Problem, client.Name), ex);
            }
        }

        private static PortfolioEntry Entry(ClientDefinition client, RunSettings settings, AuditResult audit, PlanResult plan, IReadOnlyList<PlanItem> schedule, RuleCatalog catalog, ComplianceResult lastYear, ComplianceResult current)
        {
            var findings = audit.Findings;
            var items = plan.Items.Concat(schedule).ToList();
            FindingStatus worstStatus = findings.Any(f => f.Status == FindingStatus.Red) ? FindingStatus.Red : findings.Any(f => f.Status == FindingStatus.Yellow) ? FindingStatus.Yellow : findings.Any(f => f.Status == FindingStatus.Skipped) ? FindingStatus.Skipped : FindingStatus.Green;
            FindingStatus worstRuleStatus = findings.Any(f => f.Status == FindingStatus.Red) ? FindingStatus.Red : FindingStatus.Yellow;
            PlanItem next = schedule.Where(i => i.DeadlineKind == nameof(DeadlineKind.Regulator) && i.DueDate.HasValue && i.DueDate.Value.Date >= settings.AsOf.Date)
                .OrderBy(i => i.DueDate).ThenBy(i => i.Key, StringComparer.Ordinal).FirstOrDefault();
            string nobody = Text.Get(nameof(Strings.ReportNoOwner));
            var overdue = items.Where(i => i.Overdue).ToList();
            return new PortfolioEntry
            {
                Client = client.Name,
                Province = client.Province,
                LicenceNumber = client.LicenceNumber,
                Season = settings.Season,
                State = ClientRunState.Completed,
                Worst = worstStatus,
                Red = audit.Summary.Red,
                Yellow = audit.Summary.Yellow,
                Green = audit.Summary.Green,
                Skipped = audit.Summary.SkippedFindings,
                NotApplicable = audit.Summary.NotApplicable,
                Excepted = findings.Count(f => f.Exception != null),
                WorstRules = findings.Where(f => f.Status == worstRuleStatus).GroupBy(f => f.RuleId, StringComparer.OrdinalIgnoreCase)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(5).ToList(),
                NextDeadline = next?.DueDate,
                NextDeadlineTitle = next?.Title,
                DaysToDeadline = next == null ? (int?)null : (int)(next.DueDate.Value.Date - settings.AsOf.Date).TotalDays,
                Overdue = overdue.Count,
                OverdueOwners = overdue.Select(i => i.OwnerMissing ? nobody : Mask.Contact(!string.IsNullOrWhiteSpace(i.OwnerName) ? i.OwnerName : i.Owner) ?? nobody)
                    .Distinct(StringComparer.Ordinal).OrderBy(o => o, StringComparer.Ordinal).ToList(),
                KeyMonitoring = catalog.KeyMonitoringRules.OrderBy(r => r, StringComparer.Ordinal).ToList(),
                SinceLastYear = lastYear == null ? null : ChangeSummary.Of(ResultComparer.Compare(lastYear, current), lastYear),
                PlanItems = plan.Items.Count,
                ScheduleItems = schedule.Count,
                Provisional = items.Any(i => i.Provisional),
            };
        }

        private static Finding Slim(Finding f)
        {
            Finding copy = f.Copy();
            copy.Evidence = null;
            return copy;
        }

        private static void Written(ClientDefinition client, Func<object> write)
        {
            try
            {
                write();
            }
            catch (ComplianceException ex)
            {
                throw new ComplianceException(ForClient(ex.Problem, client.Name), ex);
            }
        }

        private static ComplianceException Stop(string id, ProblemKind kind, string message, string target) =>
            new ComplianceException(new ComplianceProblem(id, kind, message, target));
    }
}
