using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Rules;

namespace ComplianceTools.Core.Workspace
{
    /// <summary>
    /// A consultant's workspace: a folder with workspace.json, clients/&lt;name&gt;/ (one folder per client operator),
    /// results/&lt;season&gt;/&lt;client&gt;/ (every run's result, kept) and portfolio/ (the portfolio workbook of the last run).
    /// </summary>
    public sealed class ComplianceWorkspace
    {
        /// <summary>The schema version this module writes and reads (module/workspace/workspace.schema.json).</summary>
        public const int CurrentSchemaVersion = 1;

        public const string FileName = "workspace.json";

        public const string ClientsFolder = "clients";

        public const string ResultsFolder = "results";

        public const string PortfolioFolder = "portfolio";

        public const string BaselinesFolder = "baselines";

        public string Path { get; set; }

        public string Name { get; set; }

        /// <summary>The day the workspace was made.</summary>
        public DateTime Created { get; set; }

        /// <summary>The language of the reports: zh-CN (default) or en-US.</summary>
        public string Culture { get; set; } = "zh-CN";

        public int SchemaVersion { get; set; } = CurrentSchemaVersion;

        /// <summary>Clients found (client folders with a client.json).</summary>
        public int Clients { get; set; }

        public override string ToString() => Name + " (" + Path + ")";
    }

    /// <summary>
    /// A client operator of a workspace: clients/&lt;name&gt;/client.json. Paths are full paths here (the file holds them
    /// relative to the client's folder). Connection settings for publishing are held by reference only: the name of an
    /// environment variable or of a Clixml file (DPAPI-protected on Windows) that holds the secret, never the secret.
    /// </summary>
    public sealed class ClientDefinition
    {
        /// <summary>The schema version this module writes and reads (module/workspace/client.schema.json).</summary>
        public const int CurrentSchemaVersion = 1;

        public const string FileName = "client.json";

        /// <summary>The owners value that takes them from the workbook's owners sheet.</summary>
        public const string OwnersSheet = "sheet";

        public string Name { get; set; }

        public string Province { get; set; }

        public string LicenceNumber { get; set; }

        /// <summary>The workspace's folder.</summary>
        public string Workspace { get; set; }

        /// <summary>The client's folder (clients/&lt;name&gt;).</summary>
        public string Folder { get; set; }

        /// <summary>The client.json file.</summary>
        public string File { get; set; }

        public int SchemaVersion { get; set; } = CurrentSchemaVersion;

        /// <summary>The client's workbook (Import-ComplianceWorkbook's input).</summary>
        public string Workbook { get; set; }

        /// <summary>The province's baseline, applied first; null when the province has none.</summary>
        public string ProvinceBaseline { get; set; }

        /// <summary>Further baselines (the client's own), applied after the province's: later files win.</summary>
        public IReadOnlyList<string> Baselines { get; set; } = Array.Empty<string>();

        /// <summary>Every baseline in the order applied: the province's, then the others.</summary>
        public IReadOnlyList<string> AllBaselines => new[] { ProvinceBaseline }.Where(b => !string.IsNullOrEmpty(b)).Concat(Baselines).ToList();

        /// <summary>True when owners come from the workbook's owners sheet (besides <see cref="Owners"/>, which win).</summary>
        public bool OwnersFromSheet { get; set; } = true;

        /// <summary>Area → person (mail or name), "*" for every area without one; win over the owners sheet.</summary>
        public IReadOnlyDictionary<string, string> Owners { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The materials package folder (MAT-001 to MAT-004); null to take it from the workbook's company sheet.</summary>
        public string PackageFolder { get; set; }

        /// <summary>Call-record files per source (Platform, Carrier, PrivacyNumber) for DATA-001/DATA-002; empty when none.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> CallRecords { get; set; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Where a run publishes the client's plan; null when it does not.</summary>
        public PublishSettings Publish { get; set; }

        /// <summary>Accepted deviations with an expiry (after any a baseline holds).</summary>
        public IReadOnlyList<AcceptedException> Exceptions { get; set; } = Array.Empty<AcceptedException>();

        /// <summary>The names of the baselines applied (province first), for tables.</summary>
        public string BaselineNames => string.Join(", ", AllBaselines.Select(System.IO.Path.GetFileName));

        /// <summary>The publishing target, or empty.</summary>
        public string PublishTarget => Publish?.Target.ToString() ?? string.Empty;

        /// <summary>When the client's last run was (from its newest result file); null before the first run.</summary>
        public DateTimeOffset? LastRun { get; set; }

        /// <summary>The season of the last run.</summary>
        public int? LastSeason { get; set; }

        public int? LastRed { get; set; }

        public int? LastYellow { get; set; }

        public int? LastSkipped { get; set; }

        /// <summary>
        /// The client as cmdlets write it: the same settings with the owners masked (z*******@example.com, 138****8000,
        /// 张*), since output is a stream like any other. The run reads the file, never this copy.
        /// </summary>
        public ClientDefinition Masked()
        {
            var copy = (ClientDefinition)MemberwiseClone();
            copy.Owners = Owners.ToDictionary(o => o.Key, o => Privacy.Mask.Contact(o.Value), StringComparer.OrdinalIgnoreCase);
            return copy;
        }

        public override string ToString() => Name;
    }

    /// <summary>Where a secret is, never what it is: an environment variable's name, or a Clixml file of a SecureString (Export-Clixml; DPAPI-protected on Windows).</summary>
    public sealed class SecretReference
    {
        public SecretReference(string environmentVariable, string clixml)
        {
            EnvironmentVariable = environmentVariable;
            Clixml = clixml;
        }

        public string EnvironmentVariable { get; }

        /// <summary>The Clixml file's full path.</summary>
        public string Clixml { get; }

        public override string ToString() => EnvironmentVariable != null ? "env:" + EnvironmentVariable : "clixml:" + System.IO.Path.GetFileName(Clixml);
    }

    /// <summary>
    /// A client's publishing target and its connection settings (client.json "publish"), the same as Connect-ComplianceGraph /
    /// Connect-ComplianceWorkplace and Publish-ComplianceTask take them, with every secret by reference.
    /// </summary>
    public sealed class PublishSettings
    {
        public PublishTarget Target { get; set; }

        /// <summary>Schedule items too (the year's calendar), not only the rectification plan. Default true.</summary>
        public bool IncludeSchedule { get; set; } = true;

        /// <summary>WeCom: the organisation's CorpId.</summary>
        public string CorpId { get; set; }

        /// <summary>DingTalk: the app's AppKey.</summary>
        public string AppKey { get; set; }

        /// <summary>WeCom, DingTalk: the app's AgentId.</summary>
        public long AgentId { get; set; }

        /// <summary>WeCom Secret, DingTalk AppSecret, or Microsoft Graph client secret.</summary>
        public SecretReference Secret { get; set; }

        /// <summary>A service root for a proxy or a test service (WeCom, DingTalk).</summary>
        public Uri Endpoint { get; set; }

        public string CalendarName { get; set; }

        public string CalendarId { get; set; }

        /// <summary>WeCom: the folder of the calendar state file; default the workspace's .state folder.</summary>
        public string StateFolder { get; set; }

        /// <summary>DingTalk: the member the to-dos are made on behalf of.</summary>
        public string Operator { get; set; }

        public string TenantId { get; set; }

        public string ClientId { get; set; }

        public string CertificateThumbprint { get; set; }

        public string CertificatePath { get; set; }

        public SecretReference CertificatePassword { get; set; }

        /// <summary>Microsoft Graph: an access token obtained elsewhere (a pipeline's own sign-in), by reference like any secret.</summary>
        public SecretReference AccessToken { get; set; }

        public bool ManagedIdentity { get; set; }

        public GraphEnvironment Environment { get; set; } = GraphEnvironment.Global;

        public Uri GraphEndpoint { get; set; }

        public string PlanId { get; set; }

        public string BucketName { get; set; }

        public Uri SiteUrl { get; set; }

        public string ListName { get; set; }

        public override string ToString() => Target.ToString();
    }
}
