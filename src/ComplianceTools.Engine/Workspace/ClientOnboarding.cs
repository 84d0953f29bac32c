using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Calendar;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Core.Workspace;
using ComplianceTools.Engine.Workbook;
using Newtonsoft.Json.Linq;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Engine.Workspace
{
    /// <summary>What Add-ComplianceClient was given.</summary>
    public sealed class NewClientRequest
    {
        public string Name { get; set; }

        public string Province { get; set; }

        public string LicenceNumber { get; set; }

        /// <summary>The season the client is onboarded for: its workbook's report year is the season − 1, its calendar the season's.</summary>
        public int Season { get; set; }

        /// <summary>The province's baseline; null: the workspace's baselines/&lt;province&gt;.json when it exists.</summary>
        public string ProvinceBaseline { get; set; }

        public IReadOnlyList<string> Baselines { get; set; } = Array.Empty<string>();

        public IDictionary<string, string> Owners { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public bool OwnersFromSheet { get; set; } = true;

        public string PackageFolder { get; set; }

        public IDictionary<string, IReadOnlyList<string>> CallRecords { get; set; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The "publish" object (plain dictionaries, lists and values), checked as client.json's is; null for none.</summary>
        public IDictionary<string, object> Publish { get; set; }

        /// <summary>Write a sample operator's workbook instead of the empty template.</summary>
        public bool Sample { get; set; }

        /// <summary>With <see cref="Sample"/>: the operator (see <see cref="SampleProfile.FromSeed"/>); null for the bundled sample.</summary>
        public int? Seed { get; set; }

        public WorkingCalendar Calendar { get; set; }

        /// <summary>The day the calendar's overdue flags are judged on.</summary>
        public DateTime AsOf { get; set; } = DateTime.Today;
    }

    /// <summary>What onboarding made.</summary>
    public sealed class OnboardedClient
    {
        public ClientDefinition Client { get; set; }

        /// <summary>The season's calendar file for the client's contacts (schedule-&lt;season&gt;.ics).</summary>
        public string Calendar { get; set; }

        public ISet<int> UncoveredYears { get; } = new SortedSet<int>();
    }

    /// <summary>
    /// Add-ComplianceClient: clients/&lt;name&gt;/ with the workbook template (its company sheet filled with the client's known
    /// fields) or a sample operator's workbook, client.json, and the season's calendar as an .ics the client's contacts
    /// import. Everything is checked before anything is written; a failure part-way removes what was made.
    /// </summary>
    public static class ClientOnboarding
    {
        public const string WorkbookName = "workbook.xlsx";

        public static OnboardedClient Add(ComplianceWorkspace workspace, NewClientRequest request, Action<string, int> progress)
        {
            string name = request.Name?.Trim();
            string problem = WorkspaceFiles.CheckName(name);
            if (problem != null)
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workspace.ClientNameInvalid", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.WorkspaceClientNameInvalid), request.Name, problem), request.Name));
            }

            if (!ClientFile.IsLicenceNumber(request.LicenceNumber))
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workspace.LicenceNumberInvalid", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.WorkspaceLicenceInvalid), request.LicenceNumber), request.LicenceNumber));
            }

            string clients = Path.Combine(workspace.Path, ComplianceWorkspace.ClientsFolder);
            string folder = Path.Combine(clients, name);
            string key = WorkspaceFiles.NameKey(name);
            string twin = Directory.Exists(clients) ? Directory.GetDirectories(clients).FirstOrDefault(d => WorkspaceFiles.NameKey(Path.GetFileName(d)) == key || WorkspaceFiles.NameKey(NameIn(d)) == key) : null;
            if (twin != null)
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workspace.ClientExists", ProblemKind.ResourceExists, Text.Format(nameof(Strings.WorkspaceClientExists), name, twin), twin));
            }

            string province = request.ProvinceBaseline;
            if (province == null)
            {
                string conventional = Path.Combine(workspace.Path, ComplianceWorkspace.BaselinesFolder, request.Province + ".json");
                province = File.Exists(conventional) ? conventional : null;
            }

            var client = new ClientDefinition
            {
                Name = name,
                Province = request.Province?.Trim(),
                LicenceNumber = request.LicenceNumber.Trim(),
                Workspace = workspace.Path,
                Folder = folder,
                File = Path.Combine(folder, ClientDefinition.FileName),
                Workbook = Path.Combine(folder, WorkbookName),
                ProvinceBaseline = province == null ? null : Path.GetFullPath(province),
                Baselines = request.Baselines.Select(Path.GetFullPath).ToList(),
                Owners = new Dictionary<string, string>(request.Owners ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
                OwnersFromSheet = request.OwnersFromSheet,
                PackageFolder = request.PackageFolder == null ? null : Path.GetFullPath(request.PackageFolder),
                CallRecords = (request.CallRecords ?? new Dictionary<string, IReadOnlyList<string>>()).ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value.Select(Path.GetFullPath).ToList(), StringComparer.OrdinalIgnoreCase),
            };

            // The file as it will be written, read back exactly as a run reads it: nothing is written if it would not load.
            JObject json = ClientFile.Compose(client, request.Publish == null ? null : JObject.FromObject(request.Publish));
            var problems = new List<ComplianceProblem>();
            ClientDefinition parsed = ClientFile.Parse(JsonFile.Parse(json.ToString()), client.File, workspace.Path, problems);
            if (parsed == null)
            {
                throw new ComplianceException(problems.Count > 0 ? problems[0] : new ComplianceProblem("ComplianceTools.Workspace.InvalidValue", ProblemKind.InvalidArgument, client.File, client.File));
            }

            var made = new OnboardedClient { Client = parsed };
            try
            {
                Directory.CreateDirectory(folder);
                progress?.Invoke(Text.Get(nameof(Strings.RunStepWorkbook)), 10);
                ComplianceDataset data = Workbook(parsed, request);
                WorkbookWriter.Write(parsed.Workbook, data, new WorkbookWriteOptions { Timestamp = request.Sample ? SampleData.Timestamp(data.Company.ReportYear ?? request.Season - 1) : (DateTime?)null });
                progress?.Invoke(Text.Get(nameof(Strings.RunStepPlan)), 80);
                JsonFile.Write(parsed.File, json, force: false);
                made.Calendar = Path.Combine(folder, "schedule-" + request.Season.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".ics");
                Calendar(parsed, data, request, made);
            }
            catch
            {
                // Never leave half a client behind: a later run would take it for one.
                TryDelete(folder);
                throw;
            }

            return made;
        }

        /// <summary>The empty template with the company sheet's known fields, or a sample operator renamed as the client.</summary>
        private static ComplianceDataset Workbook(ClientDefinition client, NewClientRequest request)
        {
            int reportYear = request.Season - 1;

            // A sample covers a whole year, so it is of the last complete one when the season's report year is not over:
            // a workbook cannot hold dates after today.
            int sampleYear = Math.Min(reportYear, DateTime.Today.Year - 1);
            ComplianceDataset data = request.Sample
                ? (request.Seed.HasValue ? SampleData.Create(sampleYear, request.Seed.Value) : SampleData.Create(sampleYear))
                : new ComplianceDataset { Company = new CompanyProfile { ReportYear = reportYear, BusinessCategory = "B24 呼叫中心业务" } };
            data.Company.CompanyName = client.Name;
            data.Company.LicenceNumber = client.LicenceNumber;
            data.Company.Province = client.Province;
            data.Company.LicenceScope = char.IsLetter(client.LicenceNumber[0]) && client.LicenceNumber[0] > 0x2E80 ? LicenceScope.Provincial : LicenceScope.Nationwide;
            return data;
        }

        /// <summary>The season's calendar (annual report and inspection) owned as the client's items will be, as an .ics.</summary>
        private static void Calendar(ClientDefinition client, ComplianceDataset data, NewClientRequest request, OnboardedClient made)
        {
            PlanningPolicy policy = Planning.PlanningData.LoadPolicy(null);
            OwnerDirectory owners = ClientJob.Owners(client, data, policy);
            var items = new List<PlanItem>();
            foreach (ScheduleDefinition schedule in Planning.PlanningData.LoadSchedules(null))
            {
                PlanResult phases = PlanBuilder.Schedule(schedule, request.Season, owners, request.Calendar, request.AsOf);
                items.AddRange(phases.Items);
                made.UncoveredYears.UnionWith(phases.UncoveredYears);
            }

            TaskFile.Write(made.Calendar, items, "Ics", IcsComponent.Event, null, false);
        }

        /// <summary>The name a client folder's client.json gives, or empty.</summary>
        private static string NameIn(string folder)
        {
            string file = Path.Combine(folder, ClientDefinition.FileName);
            if (!File.Exists(file))
            {
                return string.Empty;
            }

            try
            {
                return (string)JObject.Parse(File.ReadAllText(file))["name"] ?? string.Empty;
            }
            catch (Exception ex) when (ex is IOException || ex is Newtonsoft.Json.JsonException || ex is InvalidCastException || ex is UnauthorizedAccessException)
            {
                return string.Empty;
            }
        }

        private static void TryDelete(string folder)
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, true);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // What could not be removed stays; the original error is the one reported.
            }
        }
    }
}
