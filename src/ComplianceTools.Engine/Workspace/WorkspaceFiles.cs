using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workspace;
using Newtonsoft.Json.Linq;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Engine.Workspace
{
    /// <summary>
    /// The workspace on disk: workspace.json, the client folders and their client.json, the results kept per season and
    /// client. Every file is read with its problems located (client, file, line); a client with a problem is reported
    /// and left out, the others are listed.
    /// </summary>
    public static class WorkspaceFiles
    {
        internal static readonly string[] Settings = { "$schema", "schemaVersion", "name", "created", "culture" };

        private static readonly string[] s_reserved =
        {
            "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
        };

        /// <summary>The longest client name (it is a folder name on every system, Chinese included).</summary>
        public const int MaxNameLength = 64;

        /// <summary>Makes the workspace folder (created when missing) with workspace.json, clients/, results/, portfolio/ and baselines/.</summary>
        public static ComplianceWorkspace Create(string path, string name, string culture)
        {
            string root = Path.GetFullPath(path);
            string file = Path.Combine(root, ComplianceWorkspace.FileName);
            if (File.Exists(file))
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workspace.Exists", ProblemKind.ResourceExists, Text.Format(nameof(Strings.WorkspaceExists), file), file));
            }

            try
            {
                Directory.CreateDirectory(root);
                foreach (string folder in new[] { ComplianceWorkspace.ClientsFolder, ComplianceWorkspace.ResultsFolder, ComplianceWorkspace.PortfolioFolder, ComplianceWorkspace.BaselinesFolder })
                {
                    Directory.CreateDirectory(Path.Combine(root, folder));
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workspace.CannotCreate", ProblemKind.WriteError, Text.Format(nameof(Strings.WorkspaceCannotCreate), root, ex.Message), root), ex);
            }

            var workspace = new ComplianceWorkspace
            {
                Path = root,
                Name = string.IsNullOrWhiteSpace(name) ? Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)) : name.Trim(),
                Created = DateTime.Today,
                Culture = string.IsNullOrEmpty(culture) ? "zh-CN" : culture,
            };
            var json = new JObject
            {
                ["$schema"] = "https://complianceTools/schemas/workspace.schema.json",
                ["schemaVersion"] = ComplianceWorkspace.CurrentSchemaVersion,
                ["name"] = workspace.Name,
                ["created"] = workspace.Created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["culture"] = workspace.Culture,
            };
            JsonFile.Write(file, json, force: false);
            return workspace;
        }

        /// <summary>The workspace whose workspace.json is in <paramref name="path"/>; a located error when there is none or it is invalid.</summary>
        public static ComplianceWorkspace Open(string path)
        {
            string root = Path.GetFullPath(path);
            string file = Path.Combine(root, ComplianceWorkspace.FileName);
            if (!File.Exists(file))
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workspace.NotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.WorkspaceNotFound), root), root));
            }

            Func<int?, string> where = line => Text.Format(nameof(Strings.BaselineWhere), file, line?.ToString(CultureInfo.InvariantCulture) ?? "?");
            JObject json = JsonFile.Load(file, where);
            var problems = new List<ComplianceProblem>();
            int version = JsonFile.SchemaVersion(json, ComplianceWorkspace.CurrentSchemaVersion, file, where, "ComplianceTools.Workspace.SchemaTooNew", problems);
            foreach (JProperty unknown in json.Properties().Where(p => !Settings.Contains(p.Name, StringComparer.Ordinal)))
            {
                problems.Add(new ComplianceProblem("ComplianceTools.Workspace.UnknownSetting", ProblemKind.InvalidData, Text.Format(nameof(Strings.WorkspaceInvalid), where(JsonFile.Line(unknown)), Text.Format(nameof(Strings.WorkspaceUnknownSetting), unknown.Name, string.Join(", ", Settings.Skip(1)))), file));
            }

            string culture = json["culture"]?.Type == JTokenType.String ? (string)json["culture"] : "zh-CN";
            if (culture != "zh-CN" && culture != "en-US")
            {
                problems.Add(new ComplianceProblem("ComplianceTools.Workspace.InvalidValue", ProblemKind.InvalidData, Text.Format(nameof(Strings.WorkspaceInvalid), where(JsonFile.Line(json["culture"])), Text.Format(nameof(Strings.WorkspaceExpected), "culture", "zh-CN, en-US")), file));
            }

            if (problems.Count > 0)
            {
                throw new ComplianceException(problems[0]);
            }

            DateTime.TryParseExact((string)json["created"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime created);
            return new ComplianceWorkspace
            {
                Path = root,
                Name = json["name"]?.Type == JTokenType.String ? (string)json["name"] : Path.GetFileName(root),
                Created = created,
                Culture = culture,
                SchemaVersion = version,
                Clients = Directory.Exists(Path.Combine(root, ComplianceWorkspace.ClientsFolder))
                    ? Directory.EnumerateDirectories(Path.Combine(root, ComplianceWorkspace.ClientsFolder)).Count(d => File.Exists(Path.Combine(d, ClientDefinition.FileName)))
                    : 0,
            };
        }

        /// <summary>
        /// Why a client name cannot be a folder name on every system (Windows included), or null when it can: Chinese names
        /// are fine; path separators, &lt;&gt;:"|?*, control characters, a trailing dot or space, "." and "..", device names
        /// (CON, NUL, COM1 …) and names over <see cref="MaxNameLength"/> characters are not.
        /// </summary>
        public static string CheckName(string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return Text.Get(nameof(Strings.WorkspaceNameEmpty));
            }

            if (name.Length > MaxNameLength)
            {
                return Text.Format(nameof(Strings.WorkspaceNameTooLong), name.Length, MaxNameLength);
            }

            char bad = name.FirstOrDefault(c => c < ' ' || "<>:\"/\\|?*".IndexOf(c) >= 0);
            if (bad != default(char))
            {
                return Text.Format(nameof(Strings.WorkspaceNameCharacter), bad < ' ' ? "U+" + ((int)bad).ToString("X4", CultureInfo.InvariantCulture) : bad.ToString());
            }

            string stem = name.Split('.')[0].Trim().ToUpperInvariant();
            if (name != name.Trim() || name.EndsWith(".", StringComparison.Ordinal) || name == "." || name == ".." || s_reserved.Contains(stem))
            {
                return Text.Format(nameof(Strings.WorkspaceNameReserved), name);
            }

            return null;
        }

        /// <summary>The key under which two names are the same client: Unicode-compatible form (full-width and half-width alike), case ignored.</summary>
        public static string NameKey(string name) => (name ?? string.Empty).Trim().Normalize(NormalizationForm.FormKC).ToUpperInvariant();

        /// <summary>
        /// Every client of the workspace (or only <paramref name="names"/>), by name. A client whose client.json has a problem,
        /// a folder without client.json, two clients of the same name (both are left out, each error naming both files) and
        /// a name asked for that no client has are reported; the other clients are returned.
        /// </summary>
        public static IReadOnlyList<ClientDefinition> LoadClients(ComplianceWorkspace workspace, IReadOnlyCollection<string> names, Action<ComplianceProblem> report, IDictionary<string, ComplianceProblem> failed = null)
        {
            string clients = Path.Combine(workspace.Path, ComplianceWorkspace.ClientsFolder);
            var found = new List<ClientDefinition>();
            var folders = Directory.Exists(clients) ? Directory.GetDirectories(clients).OrderBy(d => d, StringComparer.Ordinal).ToList() : new List<string>();
            foreach (string folder in folders)
            {
                string file = Path.Combine(folder, ClientDefinition.FileName);
                if (!File.Exists(file))
                {
                    report(new ComplianceProblem("ComplianceTools.Workspace.ClientFileMissing", ProblemKind.Warning, Text.Format(nameof(Strings.WorkspaceClientFileMissing), Path.GetFileName(folder), file), file));
                    continue;
                }

                var problems = new List<ComplianceProblem>();
                ClientDefinition client = ClientFile.Read(file, workspace.Path, problems);
                if (names != null && names.Count > 0 && !names.Any(n => NameKey(n) == NameKey(client?.Name ?? Path.GetFileName(folder))))
                {
                    continue;
                }

                foreach (ComplianceProblem problem in problems)
                {
                    report(problem);
                }

                if (client != null)
                {
                    found.Add(client);
                }
                else if (failed != null && problems.Count > 0)
                {
                    failed[Path.GetFileName(folder)] = problems[problems.Count - 1];
                }
            }

            var result = new List<ClientDefinition>();
            foreach (IGrouping<string, ClientDefinition> same in found.GroupBy(c => NameKey(c.Name)))
            {
                if (same.Count() == 1)
                {
                    result.Add(same.First());
                    continue;
                }

                foreach (ClientDefinition twin in same)
                {
                    string others = string.Join(", ", same.Where(c => !ReferenceEquals(c, twin)).Select(c => c.File));
                    var problem = new ComplianceProblem("ComplianceTools.Workspace.DuplicateClient", ProblemKind.InvalidData, Text.Format(nameof(Strings.WorkspaceDuplicateClient), twin.Name, twin.File, others), twin.File);
                    report(problem);
                    if (failed != null)
                    {
                        failed[Path.GetFileName(twin.Folder)] = problem;
                    }
                }
            }

            foreach (string wanted in (names ?? Array.Empty<string>()).Where(n => !found.Any(c => NameKey(c.Name) == NameKey(n)) && !folders.Any(f => NameKey(Path.GetFileName(f)) == NameKey(n))))
            {
                report(new ComplianceProblem("ComplianceTools.Workspace.ClientNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.WorkspaceClientNotFound), wanted, clients), wanted));
            }

            return result.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        }

        /// <summary>The folder of a client's results for a season: results/&lt;season&gt;/&lt;client&gt;.</summary>
        public static string ResultFolder(string workspace, int season, string client) =>
            Path.Combine(workspace, ComplianceWorkspace.ResultsFolder, season.ToString(CultureInfo.InvariantCulture), client);

        /// <summary>The file name of a run's result: its time in UTC, sortable and valid on every system (20261205T153012123Z.json).</summary>
        public static string ResultFileName(DateTimeOffset runTime) => runTime.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + ".json";

        /// <summary>
        /// The newest result file of a client, of one season or (null) of any season, before <paramref name="before"/>; null
        /// when there is none. Files are ordered by the run time in their names.
        /// </summary>
        public static string LatestResultFile(string workspace, string client, int? season, DateTimeOffset? before = null)
        {
            string results = Path.Combine(workspace, ComplianceWorkspace.ResultsFolder);
            if (!Directory.Exists(results))
            {
                return null;
            }

            IEnumerable<string> seasons = season.HasValue
                ? new[] { season.Value.ToString(CultureInfo.InvariantCulture) }
                : Directory.EnumerateDirectories(results).Select(Path.GetFileName).Where(n => n.Length == 4 && n.All(char.IsDigit));
            string cutoff = before.HasValue ? ResultFileName(before.Value) : null;
            return seasons
                .Select(s => Path.Combine(results, s, client))
                .Where(Directory.Exists)
                .SelectMany(d => Directory.EnumerateFiles(d, "*.json"))
                .Where(f => cutoff == null || string.CompareOrdinal(Path.GetFileName(f), cutoff) < 0)
                .OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
                .FirstOrDefault();
        }
    }
}
