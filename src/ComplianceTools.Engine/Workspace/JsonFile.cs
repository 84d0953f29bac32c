using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Reporting;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Engine.Workspace
{
    /// <summary>Reading and writing the workspace's JSON files: line numbers kept for errors, duplicate keys refused, written whole (UTF-8, no BOM).</summary>
    internal static class JsonFile
    {
        private static readonly UTF8Encoding s_utf8 = new UTF8Encoding(false);

        /// <summary>The file as a JSON object with line info; a located ComplianceTools.Workspace.InvalidJson when it is not one.</summary>
        internal static JObject Load(string path, Func<int?, string> where)
        {
            if (!File.Exists(path))
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workspace.FileNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.WorkspaceFileNotFound), path), path));
            }

            try
            {
                // Dates stay text (runTime keeps its offset as written; "2026-06-30" is not turned into a local DateTime).
                using (var reader = new JsonTextReader(new StreamReader(path, Encoding.UTF8, true)) { DateParseHandling = DateParseHandling.None })
                {
                    JToken token = JToken.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, CommentHandling = CommentHandling.Ignore, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
                    if (token is JObject o)
                    {
                        return o;
                    }

                    throw Invalid("ComplianceTools.Workspace.InvalidJson", path, where(Line(token)), Text.Get(nameof(Strings.WorkspaceNotAnObject)));
                }
            }
            catch (JsonReaderException ex)
            {
                throw Invalid("ComplianceTools.Workspace.InvalidJson", path, where(ex.LineNumber), ex.Message);
            }
            catch (IOException ex)
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workspace.FileUnreadable", ProblemKind.ReadError, Text.Format(nameof(Strings.WorkspaceFileUnreadable), path, ex.Message), path), ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workspace.FileUnreadable", ProblemKind.ReadError, Text.Format(nameof(Strings.WorkspaceFileUnreadable), path, ex.Message), path), ex);
            }
        }

        /// <summary>JSON text as an object with line info, dates left as text (what <see cref="Load"/> gives for a file).</summary>
        internal static JObject Parse(string text)
        {
            using (var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None })
            {
                return JObject.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
            }
        }

        /// <summary>Writes the object indented, whole or not at all (a temporary file moved into place).</summary>
        internal static FileInfo Write(string path, JObject json, bool force)
        {
            string text = json.ToString(Formatting.Indented) + "\n";
            return OutputFile.Write(path, force, temp => File.WriteAllText(temp, text, s_utf8));
        }

        internal static int? Line(JToken token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : (int?)null;

        internal static ComplianceException Invalid(string id, string path, string where, string detail) =>
            new ComplianceException(new ComplianceProblem(id, ProblemKind.InvalidData, Text.Format(nameof(Strings.WorkspaceInvalid), where, detail), path));

        /// <summary>The schema version of a file: refused when it is missing, not a whole number, or newer than this module reads.</summary>
        internal static int SchemaVersion(JObject root, int current, string path, Func<int?, string> where, string tooNewId, List<ComplianceProblem> problems)
        {
            JToken token = root["schemaVersion"];
            if (token == null || token.Type != JTokenType.Integer || (long)token < 1)
            {
                problems.Add(new ComplianceProblem("ComplianceTools.Workspace.InvalidValue", ProblemKind.InvalidData, Text.Format(nameof(Strings.WorkspaceInvalid), where(Line(token ?? root)), Text.Format(nameof(Strings.WorkspaceExpected), "schemaVersion", "1")), path));
                return 0;
            }

            int version = (int)token;
            if (version > current)
            {
                problems.Add(new ComplianceProblem(tooNewId, ProblemKind.InvalidData, Text.Format(nameof(Strings.WorkspaceSchemaTooNew), where(Line(token)), version, current), path));
            }

            return version;
        }
    }
}
