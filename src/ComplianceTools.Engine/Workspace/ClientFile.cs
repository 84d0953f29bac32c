using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Workspace;
using ComplianceTools.Engine.Rules;
using Newtonsoft.Json.Linq;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Engine.Workspace
{
    /// <summary>
    /// A client's client.json (module/workspace/client.schema.json): read with every problem located by client, file and
    /// line, and written back from settings. Paths in the file are relative to the client's folder. A secret is never held
    /// in the file: a "secret" given as text is refused.
    /// </summary>
    internal static class ClientFile
    {
        internal static readonly string[] Settings =
        {
            "$schema", "schemaVersion", "name", "province", "licenceNumber", "workbook", "provinceBaseline", "baselines", "owners", "ownersFromSheet",
            "packageFolder", "callRecords", "publish", "exceptions",
        };

        internal static readonly string[] PublishSettings =
        {
            "target", "includeSchedule", "corpId", "appKey", "agentId", "secret", "endpoint", "calendarName", "calendarId", "stateFolder", "operator",
            "tenantId", "clientId", "certificateThumbprint", "certificatePath", "certificatePassword", "accessToken", "managedIdentity", "environment", "graphEndpoint",
            "planId", "bucketName", "siteUrl", "listName",
        };

        internal static readonly string[] CallRecordSources = { "platform", "carrier", "privacyNumber" };

        private static readonly Regex s_licence = new Regex(@"^[\u4e00-\u9fff]?B2-\d{8}$", RegexOptions.CultureInvariant);

        /// <summary>True for a licence number of the forms B2-20191234 (nationwide) or 京B2-20191234 (provincial).</summary>
        internal static bool IsLicenceNumber(string text) => text != null && s_licence.IsMatch(text.Trim());

        /// <summary>Reads a client.json; every problem goes to <paramref name="problems"/> and the result is null when there was one.</summary>
        internal static ClientDefinition Read(string file, string workspaceRoot, List<ComplianceProblem> problems)
        {
            string folderName = Path.GetFileName(Path.GetDirectoryName(file));
            JObject root;
            try
            {
                root = JsonFile.Load(file, Where(folderName, file));
            }
            catch (ComplianceException ex)
            {
                problems.Add(ex.Problem);
                return null;
            }

            return Parse(root, file, workspaceRoot, problems);
        }

        /// <summary>How a place in a client's file is named: "client 甲 (…/client.json, line 12)", without the line where there is none.</summary>
        internal static Func<int?, string> Where(string client, string file) => line => line.HasValue
            ? Core.Common.Text.Format(nameof(Strings.WorkspaceClientWhere), client, file, line.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : Core.Common.Text.Format(nameof(Strings.WorkspaceClientWhereNoLine), client, file);

        /// <summary>A client's settings from the JSON of its file (read, or composed by Add-ComplianceClient before anything is written).</summary>
        internal static ClientDefinition Parse(JObject root, string file, string workspaceRoot, List<ComplianceProblem> problems)
        {
            string folder = Path.GetDirectoryName(file);
            Func<int?, string> where = Where(Path.GetFileName(folder), file);
            int before = problems.Count;
            JsonFile.SchemaVersion(root, ClientDefinition.CurrentSchemaVersion, file, where, "ComplianceTools.Workspace.SchemaTooNew", problems);
            if (problems.Count > before)
            {
                return null;
            }

            string name = Str(root, "name", file, where, problems, required: true);
            if (name != null)
            {
                // From here on the client is named as its file names it.
                where = Where(name, file);
                string nameProblem = WorkspaceFiles.CheckName(name);
                if (nameProblem != null)
                {
                    problems.Add(Problem("ComplianceTools.Workspace.ClientNameInvalid", file, where(JsonFile.Line(root["name"])), nameProblem));
                }
            }

            foreach (JProperty unknown in root.Properties().Where(p => !Settings.Contains(p.Name, StringComparer.Ordinal)))
            {
                problems.Add(Problem("ComplianceTools.Workspace.UnknownSetting", file, where(JsonFile.Line(unknown)), Core.Common.Text.Format(nameof(Strings.WorkspaceUnknownSetting), unknown.Name, string.Join(", ", Settings.Skip(1)))));
            }

            var client = new ClientDefinition
            {
                Name = name,
                Workspace = workspaceRoot,
                Folder = folder,
                File = file,
                SchemaVersion = root["schemaVersion"]?.Type == JTokenType.Integer ? (int)root["schemaVersion"] : ClientDefinition.CurrentSchemaVersion,
                Province = Str(root, "province", file, where, problems, required: true),
                LicenceNumber = Str(root, "licenceNumber", file, where, problems, required: true),
            };
            if (client.LicenceNumber != null && !IsLicenceNumber(client.LicenceNumber))
            {
                problems.Add(Problem("ComplianceTools.Workspace.LicenceNumberInvalid", file, where(JsonFile.Line(root["licenceNumber"])), Core.Common.Text.Format(nameof(Strings.WorkspaceLicenceInvalid), client.LicenceNumber)));
            }

            client.Workbook = Resolve(folder, Str(root, "workbook", file, where, problems) ?? "workbook.xlsx");
            string province = Str(root, "provinceBaseline", file, where, problems);
            client.ProvinceBaseline = province == null ? null : Baseline(folder, province, root["provinceBaseline"], file, where, problems);
            client.Baselines = Texts(root, "baselines", file, where, problems).Select(b => Baseline(folder, b.Value, b.Token, file, where, problems)).Where(b => b != null).ToList();
            client.OwnersFromSheet = Flag(root, "ownersFromSheet", file, where, problems) ?? true;
            client.Owners = Owners(root["owners"], file, where, problems);
            string package = Str(root, "packageFolder", file, where, problems);
            client.PackageFolder = package == null ? null : Resolve(folder, package);
            client.CallRecords = CallRecords(root["callRecords"], folder, file, where, problems);
            client.Publish = Publish(root["publish"], folder, workspaceRoot, file, where, problems);
            client.Exceptions = ExceptionReader.Read(root["exceptions"], file, where, CatalogLoader.Default.Rules.Select(r => r.Id).ToList(), "ComplianceTools.Workspace.ExceptionInvalid", problems);
            return problems.Count > before ? null : client;
        }

        /// <summary>The JSON of a new client's file: paths written relative to the client's folder.</summary>
        internal static JObject Compose(ClientDefinition client, JObject publish)
        {
            var json = new JObject
            {
                ["$schema"] = "https://complianceTools/schemas/client.schema.json",
                ["schemaVersion"] = ClientDefinition.CurrentSchemaVersion,
                ["name"] = client.Name,
                ["province"] = client.Province,
                ["licenceNumber"] = client.LicenceNumber,
                ["workbook"] = Relative(client.Folder, client.Workbook),
                ["provinceBaseline"] = client.ProvinceBaseline == null ? JValue.CreateNull() : (JToken)Relative(client.Folder, client.ProvinceBaseline),
                ["baselines"] = new JArray(client.Baselines.Select(b => Relative(client.Folder, b))),
                ["ownersFromSheet"] = client.OwnersFromSheet,
                ["owners"] = new JObject(client.Owners.Select(o => new JProperty(o.Key, o.Value))),
                ["packageFolder"] = client.PackageFolder == null ? JValue.CreateNull() : (JToken)Relative(client.Folder, client.PackageFolder),
                ["callRecords"] = new JObject(client.CallRecords.Select(c => new JProperty(c.Key, new JArray(c.Value.Select(p => Relative(client.Folder, p)))))),
                ["publish"] = publish ?? (JToken)JValue.CreateNull(),
                ["exceptions"] = new JArray(),
            };
            return json;
        }

        /// <summary>A path as the file writes it: relative to <paramref name="folder"/> when it lies under the workspace, forward slashes.</summary>
        internal static string Relative(string folder, string path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return path;
            }

            string full = Path.GetFullPath(path);
            string baseDir = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            string workspace = Path.GetDirectoryName(Path.GetDirectoryName(baseDir.TrimEnd(Path.DirectorySeparatorChar))) ?? baseDir;
            if (!full.StartsWith(workspace, StringComparison.OrdinalIgnoreCase))
            {
                return full;
            }

            Uri relative = new Uri(baseDir).MakeRelativeUri(new Uri(full));
            return Uri.UnescapeDataString(relative.OriginalString);
        }

        internal static string Resolve(string folder, string path) => Path.GetFullPath(Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar)));

        private static string Baseline(string folder, string path, JToken token, string file, Func<int?, string> where, List<ComplianceProblem> problems)
        {
            string full = Resolve(folder, path);
            if (!System.IO.File.Exists(full))
            {
                problems.Add(new ComplianceProblem("ComplianceTools.Workspace.BaselineNotFound", ProblemKind.ObjectNotFound, Core.Common.Text.Format(nameof(Strings.WorkspaceInvalid), where(JsonFile.Line(token)), Core.Common.Text.Format(nameof(Strings.WorkspaceBaselineNotFound), path, full)), full));
                return null;
            }

            return full;
        }

        private static IReadOnlyDictionary<string, string> Owners(JToken token, string file, Func<int?, string> where, List<ComplianceProblem> problems)
        {
            var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (token == null || token.Type == JTokenType.Null)
            {
                return owners;
            }

            if (!(token is JObject map))
            {
                problems.Add(Problem("ComplianceTools.Workspace.InvalidValue", file, where(JsonFile.Line(token)), Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), "owners", "{ \"Complaints\": \"li.lei@example.com\", \"*\": \"…\" }")));
                return owners;
            }

            foreach (JProperty p in map.Properties())
            {
                if (p.Value.Type != JTokenType.String || string.IsNullOrWhiteSpace((string)p.Value))
                {
                    problems.Add(Problem("ComplianceTools.Workspace.InvalidValue", file, where(JsonFile.Line(p)), Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), "owners." + p.Name, "a mail or a name")));
                    continue;
                }

                owners[p.Name] = ((string)p.Value).Trim();
            }

            return owners;
        }

        private static IReadOnlyDictionary<string, IReadOnlyList<string>> CallRecords(JToken token, string folder, string file, Func<int?, string> where, List<ComplianceProblem> problems)
        {
            var sources = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            if (token == null || token.Type == JTokenType.Null)
            {
                return sources;
            }

            if (!(token is JObject map))
            {
                problems.Add(Problem("ComplianceTools.Workspace.InvalidValue", file, where(JsonFile.Line(token)), Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), "callRecords", "{ \"platform\": [ … ], \"carrier\": [ … ], \"privacyNumber\": [ … ] }")));
                return sources;
            }

            foreach (JProperty p in map.Properties())
            {
                if (!CallRecordSources.Contains(p.Name, StringComparer.Ordinal))
                {
                    problems.Add(Problem("ComplianceTools.Workspace.UnknownSetting", file, where(JsonFile.Line(p)), Core.Common.Text.Format(nameof(Strings.WorkspaceUnknownSetting), "callRecords." + p.Name, string.Join(", ", CallRecordSources))));
                    continue;
                }

                var paths = (p.Value is JArray list ? list.Children().ToList() : new List<JToken> { p.Value });
                if (paths.Any(v => v.Type != JTokenType.String || string.IsNullOrWhiteSpace((string)v)))
                {
                    problems.Add(Problem("ComplianceTools.Workspace.InvalidValue", file, where(JsonFile.Line(p)), Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), "callRecords." + p.Name, "a file or a list of files")));
                    continue;
                }

                sources[char.ToUpperInvariant(p.Name[0]) + p.Name.Substring(1)] = paths.Select(v => Resolve(folder, (string)v)).ToList();
            }

            return sources;
        }

        private static PublishSettings Publish(JToken token, string folder, string workspaceRoot, string file, Func<int?, string> where, List<ComplianceProblem> problems)
        {
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
            }

            if (!(token is JObject p))
            {
                problems.Add(Problem("ComplianceTools.Workspace.InvalidValue", file, where(JsonFile.Line(token)), Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), "publish", "{ \"target\": \"WeCom\" | \"DingTalk\" | \"Planner\" | \"SharePointList\", … }")));
                return null;
            }

            int before = problems.Count;
            foreach (JProperty unknown in p.Properties().Where(x => !PublishSettings.Contains(x.Name, StringComparer.Ordinal)))
            {
                problems.Add(Problem("ComplianceTools.Workspace.UnknownSetting", file, where(JsonFile.Line(unknown)), Core.Common.Text.Format(nameof(Strings.WorkspaceUnknownSetting), "publish." + unknown.Name, string.Join(", ", PublishSettings))));
            }

            string target = Str(p, "target", file, where, problems, required: true, prefix: "publish.");
            var settings = new PublishSettings
            {
                IncludeSchedule = Flag(p, "includeSchedule", file, where, problems) ?? true,
                CorpId = Str(p, "corpId", file, where, problems, prefix: "publish."),
                AppKey = Str(p, "appKey", file, where, problems, prefix: "publish."),
                Secret = Secret(p["secret"], "publish.secret", folder, file, where, problems),
                CalendarName = Str(p, "calendarName", file, where, problems, prefix: "publish."),
                CalendarId = Str(p, "calendarId", file, where, problems, prefix: "publish."),
                Operator = Str(p, "operator", file, where, problems, prefix: "publish."),
                TenantId = Str(p, "tenantId", file, where, problems, prefix: "publish."),
                ClientId = Str(p, "clientId", file, where, problems, prefix: "publish."),
                CertificateThumbprint = Str(p, "certificateThumbprint", file, where, problems, prefix: "publish."),
                CertificatePassword = Secret(p["certificatePassword"], "publish.certificatePassword", folder, file, where, problems),
                AccessToken = Secret(p["accessToken"], "publish.accessToken", folder, file, where, problems),
                ManagedIdentity = Flag(p, "managedIdentity", file, where, problems) ?? false,
                PlanId = Str(p, "planId", file, where, problems, prefix: "publish."),
                BucketName = Str(p, "bucketName", file, where, problems, prefix: "publish."),
                ListName = Str(p, "listName", file, where, problems, prefix: "publish."),
                Endpoint = Address(p, "endpoint", file, where, problems),
                GraphEndpoint = Address(p, "graphEndpoint", file, where, problems),
                SiteUrl = Address(p, "siteUrl", file, where, problems),
            };
            string certificate = Str(p, "certificatePath", file, where, problems, prefix: "publish.");
            settings.CertificatePath = certificate == null ? null : Resolve(folder, certificate);
            string state = Str(p, "stateFolder", file, where, problems, prefix: "publish.");
            settings.StateFolder = state == null ? Path.Combine(workspaceRoot, ".state") : Resolve(folder, state);
            if (p["agentId"] != null)
            {
                if (p["agentId"].Type == JTokenType.Integer && (long)p["agentId"] > 0)
                {
                    settings.AgentId = (long)p["agentId"];
                }
                else
                {
                    problems.Add(Problem("ComplianceTools.Workspace.InvalidValue", file, where(JsonFile.Line(p["agentId"])), Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), "publish.agentId", "a whole number above 0")));
                }
            }

            string environment = Str(p, "environment", file, where, problems, prefix: "publish.");
            if (environment != null)
            {
                if (Enum.TryParse(environment, true, out GraphEnvironment cloud) && Enum.IsDefined(typeof(GraphEnvironment), cloud))
                {
                    settings.Environment = cloud;
                }
                else
                {
                    problems.Add(Problem("ComplianceTools.Workspace.InvalidValue", file, where(JsonFile.Line(p["environment"])), Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), "publish.environment", "Global, China")));
                }
            }

            if (target != null)
            {
                if (Enum.TryParse(target, true, out PublishTarget parsed) && Enum.IsDefined(typeof(PublishTarget), parsed))
                {
                    settings.Target = parsed;

                    // A setting refused above (a secret written as text) is not also reported missing.
                    foreach (string missing in problems.Count > before ? Enumerable.Empty<string>() : Required(settings))
                    {
                        problems.Add(Problem("ComplianceTools.Workspace.PublishIncomplete", file, where(JsonFile.Line(p)), Core.Common.Text.Format(nameof(Strings.WorkspacePublishIncomplete), parsed, missing)));
                    }
                }
                else
                {
                    problems.Add(Problem("ComplianceTools.Workspace.InvalidValue", file, where(JsonFile.Line(p["target"])), Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), "publish.target", "WeCom, DingTalk, Planner, SharePointList")));
                }
            }

            return problems.Count > before ? null : settings;
        }

        /// <summary>What a target needs that the settings lack, as the setting names.</summary>
        private static IEnumerable<string> Required(PublishSettings s)
        {
            switch (s.Target)
            {
                case PublishTarget.WeCom:
                    if (s.CorpId == null) yield return "corpId";
                    if (s.AgentId == 0) yield return "agentId";
                    if (s.Secret == null) yield return "secret";
                    break;
                case PublishTarget.DingTalk:
                    if (s.AppKey == null) yield return "appKey";
                    if (s.AgentId == 0) yield return "agentId";
                    if (s.Secret == null) yield return "secret";
                    if (s.Operator == null) yield return "operator";
                    break;
                default:
                    if (s.Target == PublishTarget.Planner && s.PlanId == null) yield return "planId";
                    if (s.Target == PublishTarget.SharePointList && s.SiteUrl == null) yield return "siteUrl";
                    if (s.Target == PublishTarget.SharePointList && s.ListName == null) yield return "listName";
                    if (!s.ManagedIdentity && s.AccessToken == null)
                    {
                        if (s.TenantId == null) yield return "tenantId";
                        if (s.ClientId == null) yield return "clientId";
                        if (s.CertificateThumbprint == null && s.CertificatePath == null && s.Secret == null) yield return "certificateThumbprint | certificatePath | secret | managedIdentity | accessToken";
                    }

                    break;
            }
        }

        /// <summary>
        /// A secret by reference: { "environmentVariable": "NAME" } or { "clixml": "file" } (a SecureString written with
        /// Export-Clixml). Text in its place is refused: client.json never holds a secret.
        /// </summary>
        private static SecretReference Secret(JToken token, string setting, string folder, string file, Func<int?, string> where, List<ComplianceProblem> problems)
        {
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
            }

            if (token is JObject o && o.Count == 1)
            {
                JProperty only = o.Properties().First();
                if (only.Value.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string)only.Value))
                {
                    if (only.Name == "environmentVariable")
                    {
                        return new SecretReference(((string)only.Value).Trim(), null);
                    }

                    if (only.Name == "clixml")
                    {
                        return new SecretReference(null, Resolve(folder, (string)only.Value));
                    }
                }
            }

            // Nothing of the value goes into the message: it may be the secret itself.
            string id = token.Type == JTokenType.String ? "ComplianceTools.Workspace.SecretInFile" : "ComplianceTools.Workspace.InvalidValue";
            problems.Add(Problem(id, file, where(JsonFile.Line(token)), Core.Common.Text.Format(nameof(Strings.WorkspaceSecretByReference), setting)));
            return null;
        }

        private static Uri Address(JObject o, string name, string file, Func<int?, string> where, List<ComplianceProblem> problems)
        {
            string text = Str(o, name, file, where, problems, prefix: "publish.");
            if (text == null)
            {
                return null;
            }

            if (Uri.TryCreate(text, UriKind.Absolute, out Uri uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                return uri;
            }

            problems.Add(Problem("ComplianceTools.Workspace.InvalidValue", file, where(JsonFile.Line(o[name])), Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), "publish." + name, "an https:// address")));
            return null;
        }

        private static string Str(JObject o, string name, string file, Func<int?, string> where, List<ComplianceProblem> problems, bool required = false, string prefix = "")
        {
            JToken token = o[name];
            if (token == null || token.Type == JTokenType.Null)
            {
                if (required)
                {
                    problems.Add(Problem("ComplianceTools.Workspace.InvalidValue", file, where(JsonFile.Line(o)), Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), prefix + name, "text")));
                }

                return null;
            }

            if (token.Type != JTokenType.String || (required && string.IsNullOrWhiteSpace((string)token)))
            {
                problems.Add(Problem("ComplianceTools.Workspace.InvalidValue", file, where(JsonFile.Line(token)), Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), prefix + name, "text")));
                return null;
            }

            string value = ((string)token).Trim();
            return value.Length == 0 ? null : value;
        }

        private static IEnumerable<(string Value, JToken Token)> Texts(JObject o, string name, string file, Func<int?, string> where, List<ComplianceProblem> problems)
        {
            JToken token = o[name];
            if (token == null || token.Type == JTokenType.Null)
            {
                return Enumerable.Empty<(string, JToken)>();
            }

            if (!(token is JArray list) || list.Any(t => t.Type != JTokenType.String || string.IsNullOrWhiteSpace((string)t)))
            {
                problems.Add(Problem("ComplianceTools.Workspace.InvalidValue", file, where(JsonFile.Line(token)), Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), name, "a list of files")));
                return Enumerable.Empty<(string, JToken)>();
            }

            return list.Select(t => (((string)t).Trim(), t)).ToList();
        }

        private static bool? Flag(JObject o, string name, string file, Func<int?, string> where, List<ComplianceProblem> problems)
        {
            JToken token = o[name];
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
            }

            if (token.Type != JTokenType.Boolean)
            {
                problems.Add(Problem("ComplianceTools.Workspace.InvalidValue", file, where(JsonFile.Line(token)), Core.Common.Text.Format(nameof(Strings.WorkspaceExpected), name, "true or false")));
                return null;
            }

            return (bool)token;
        }

        private static ComplianceProblem Problem(string id, string file, string where, string detail) =>
            new ComplianceProblem(id, id.EndsWith("NotFound", StringComparison.Ordinal) ? ProblemKind.ObjectNotFound : ProblemKind.InvalidData, Core.Common.Text.Format(nameof(Strings.WorkspaceInvalid), where, detail), file);
    }
}
