using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
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
    /// Onboards a client operator into a workspace: clients/&lt;name&gt;/ with the workbook template (its company sheet filled
    /// with the client's name, province, licence number and report year) or a sample operator's workbook, client.json, and
    /// the season's calendar as an .ics for the client's contacts.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "ComplianceClient", SupportsShouldProcess = true)]
    [OutputType(typeof(ClientDefinition))]
    public sealed class AddComplianceClientCommand : CalendarCmdlet
    {
        /// <summary>The workspace's folder (New-ComplianceWorkspace).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Path")]
        [ValidateNotNullOrEmpty]
        public string Workspace { get; set; }

        /// <summary>The client's name (Chinese names are fine): its folder, its results and its line in the portfolio.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        /// <summary>The province the licence belongs to (广东); names the province's baseline baselines/&lt;province&gt;.json when the workspace has one.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Province { get; set; }

        /// <summary>The licence number: B2-20191234 (nationwide) or 粤B2-20191234 (provincial).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string LicenceNumber { get; set; }

        /// <summary>The season onboarded for (the year the filing work happens in): the workbook's report year is Year − 1 and the calendar is this season's. Default: the season ahead (Get-ComplianceSeason).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(2000, 2200)]
        public int Year { get; set; }

        /// <summary>The province's baseline, instead of the workspace's baselines/&lt;province&gt;.json.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ProvinceBaseline { get; set; }

        /// <summary>The client's own baselines, applied after the province's (later files win).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Baseline { get; set; }

        /// <summary>Area → person (mail or name), '*' for every area without one: wins over the workbook's owners sheet.</summary>
        [Parameter]
        public Hashtable Owner { get; set; }

        /// <summary>The client's materials package folder (MAT-001 to MAT-004).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string PackageFolder { get; set; }

        /// <summary>Call-record files per source for DATA-001/DATA-002: @{ Platform = '…'; Carrier = '…'; PrivacyNumber = '…' } (wildcards allowed).</summary>
        [Parameter]
        public Hashtable CallRecords { get; set; }

        /// <summary>
        /// Where runs publish the client's plan and its connection settings, secrets by reference only:
        /// @{ Target = 'WeCom'; CorpId = '…'; AgentId = 1000002; Secret = @{ EnvironmentVariable = 'ACME_WECOM_SECRET' } }.
        /// </summary>
        [Parameter]
        public Hashtable Publish { get; set; }

        /// <summary>Write a sample operator's workbook (with -Seed, an operator of its own per seed) instead of the empty template.</summary>
        [Parameter]
        public SwitchParameter Sample { get; set; }

        /// <summary>With -Sample: which operator (1 or more); the same year and seed give the same workbook.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Seed { get; set; }

        /// <summary>The day the default season and the calendar's overdue flags are judged on; today by default.</summary>
        [Parameter]
        public DateTime AsOf { get; set; } = DateTime.Today;

        protected override void ProcessRecord()
        {
            bool seeded = MyInvocation.BoundParameters.ContainsKey(nameof(Seed));
            if (seeded && !Sample)
            {
                ThrowProblem(new ComplianceProblem("ComplianceTools.Workbook.SeedWithoutSample", ProblemKind.InvalidArgument, Text.Get(nameof(Strings.WorkbookSeedWithoutSample)), nameof(Seed)));
            }

            ComplianceWorkspace workspace = Run(() => WorkspaceFiles.Open(ResolvePath(Workspace)));
            int season = MyInvocation.BoundParameters.ContainsKey(nameof(Year)) ? Year : Run(() => Season.Default(AsOf, PlanningData.LoadSchedule("Inspection", null), WorkingCalendar)).Year;
            string target = System.IO.Path.Combine(workspace.Path, ComplianceWorkspace.ClientsFolder, Name ?? string.Empty);
            if (!ShouldProcess(target, Text.Format(nameof(Strings.WorkspaceShouldAddClient), Name, season)))
            {
                return;
            }

            var request = new NewClientRequest
            {
                Name = Name,
                Province = Province,
                LicenceNumber = LicenceNumber,
                Season = season,
                ProvinceBaseline = ProvinceBaseline == null ? null : ResolvePath(ProvinceBaseline),
                Baselines = (Baseline ?? Array.Empty<string>()).Select(ResolvePath).ToList(),
                Owners = Pairs(Owner).ToDictionary(p => p.Key, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase),
                PackageFolder = PackageFolder == null ? null : ResolvePath(PackageFolder),
                CallRecords = Pairs(CallRecords).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)Items(p.Value).Select(v => ResolvePath(Convert.ToString(v, CultureInfo.InvariantCulture))).ToList(), StringComparer.OrdinalIgnoreCase),
                Publish = Publish == null ? null : (IDictionary<string, object>)Plain(Publish),
                Sample = Sample.IsPresent,
                Seed = seeded ? Seed : (int?)null,
                Calendar = WorkingCalendar,
                AsOf = AsOf,
            };
            string activity = Text.Format(nameof(Strings.WorkspaceAddActivity), Name);
            OnboardedClient made = null;
            if (TryRun(() => made = ClientOnboarding.Add(workspace, request, (step, percent) => WriteProgress(new ProgressRecord(1, activity, step) { PercentComplete = percent }))))
            {
                WarnUncovered(made.UncoveredYears);
                WriteVerbose(Text.Format(nameof(Strings.WorkspaceClientAdded), made.Client.Name, made.Client.Folder, made.Calendar));
                WriteObject(made.Client.Masked());
            }

            WriteProgress(new ProgressRecord(1, activity, activity) { RecordType = ProgressRecordType.Completed });
        }

        private static IEnumerable<KeyValuePair<string, object>> Pairs(Hashtable table) =>
            (table ?? new Hashtable()).Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, object>(Convert.ToString(e.Key, CultureInfo.InvariantCulture), e.Value is PSObject ps ? ps.BaseObject : e.Value));

        private static IEnumerable<object> Items(object value) =>
            value is IEnumerable list && !(value is string) ? list.Cast<object>().Select(v => v is PSObject ps ? ps.BaseObject : v) : new[] { value };

        /// <summary>A hashtable as plain dictionaries, lists and values with camelCase keys (the client file's spelling): what the file's reader checks.</summary>
        private static object Plain(object value)
        {
            value = value is PSObject ps ? ps.BaseObject : value;
            switch (value)
            {
                case IDictionary map:
                    var plain = new Dictionary<string, object>(StringComparer.Ordinal);
                    foreach (DictionaryEntry e in map)
                    {
                        string key = Convert.ToString(e.Key, CultureInfo.InvariantCulture);
                        plain[key.Length == 0 ? key : char.ToLowerInvariant(key[0]) + key.Substring(1)] = Plain(e.Value);
                    }

                    return plain;
                case string text:
                    return text;
                case Uri uri:
                    return uri.OriginalString;
                case Enum e:
                    return e.ToString();
                case IEnumerable list:
                    return list.Cast<object>().Select(Plain).ToList();
                default:
                    return value;
            }
        }
    }
}
