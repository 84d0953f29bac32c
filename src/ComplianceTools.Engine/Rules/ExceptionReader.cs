using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Rules;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Engine.Rules
{
    /// <summary>
    /// The "exceptions" array of a baseline or a client's client.json: accepted deviations with an expiry, each
    /// <c>{ "rule", "subject", "reason", "approvedBy", "expires": "yyyy-MM-dd" }</c>, every field required ("*" as the
    /// subject covers every subject). Problems name the place (file and line, and the client for a client file) and the
    /// field; an exception with a problem is left out, the others are kept.
    /// </summary>
    internal static class ExceptionReader
    {
        internal static readonly string[] Fields = { "rule", "subject", "reason", "approvedBy", "expires" };

        /// <param name="token">The value of "exceptions".</param>
        /// <param name="file">The file's full path.</param>
        /// <param name="where">How a line of the file is named in messages: (line) → "guangdong.json, line 12" or "client 甲 (…/client.json, line 12)".</param>
        /// <param name="rules">The rule ids an exception may name.</param>
        /// <param name="errorId">The id of every problem: ComplianceTools.Baseline.ExceptionInvalid or ComplianceTools.Workspace.ExceptionInvalid.</param>
        internal static List<AcceptedException> Read(JToken token, string file, Func<int?, string> where, ICollection<string> rules, string errorId, List<ComplianceProblem> problems)
        {
            var exceptions = new List<AcceptedException>();
            if (token == null || token.Type == JTokenType.Null)
            {
                return exceptions;
            }

            if (!(token is JArray array))
            {
                problems.Add(Problem(errorId, file, Line(token), Text.Format(nameof(Strings.ExceptionNotArray), where(Line(token)))));
                return exceptions;
            }

            string source = System.IO.Path.GetFileName(file);
            for (int i = 0; i < array.Count; i++)
            {
                JToken item = array[i];
                int number = i + 1;
                if (!(item is JObject entry))
                {
                    problems.Add(Problem(errorId, file, Line(item), Text.Format(nameof(Strings.ExceptionNotObject), where(Line(item)), number)));
                    continue;
                }

                int before = problems.Count;
                foreach (JProperty unknown in entry.Properties().Where(p => !Fields.Contains(p.Name, StringComparer.Ordinal)))
                {
                    problems.Add(Problem(errorId, file, Line(unknown), Text.Format(nameof(Strings.ExceptionUnknownField), where(Line(unknown)), number, unknown.Name, string.Join(", ", Fields))));
                }

                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (string field in Fields)
                {
                    JToken value = entry[field];
                    if (value == null || value.Type == JTokenType.Null || (value.Type == JTokenType.String && string.IsNullOrWhiteSpace((string)value)))
                    {
                        problems.Add(Problem(errorId, file, Line(entry), Text.Format(nameof(Strings.ExceptionFieldMissing), where(Line(entry)), number, field)));
                        continue;
                    }

                    if (value.Type != JTokenType.String)
                    {
                        problems.Add(Problem(errorId, file, Line(value), Text.Format(nameof(Strings.ExceptionFieldNotText), where(Line(value)), number, field)));
                        continue;
                    }

                    values[field] = ((string)value).Trim();
                }

                if (values.TryGetValue("rule", out string rule) && !rules.Contains(rule))
                {
                    problems.Add(Problem(errorId, file, Line(entry["rule"]), Text.Format(nameof(Strings.ExceptionUnknownRule), where(Line(entry["rule"])), number, rule)));
                }

                DateTime expires = default(DateTime);
                if (values.TryGetValue("expires", out string date) && !DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out expires))
                {
                    problems.Add(Problem(errorId, file, Line(entry["expires"]), Text.Format(nameof(Strings.ExceptionBadDate), where(Line(entry["expires"])), number, date)));
                }

                if (problems.Count == before)
                {
                    string id = rules.First(r => string.Equals(r, rule, StringComparison.OrdinalIgnoreCase));
                    exceptions.Add(new AcceptedException(id, values["subject"], values["reason"], values["approvedBy"], expires, source, Line(entry)));
                }
            }

            return exceptions;
        }

        internal static int? Line(JToken token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : (int?)null;

        private static ComplianceProblem Problem(string id, string file, int? line, string message) =>
            new ComplianceProblem(id, ProblemKind.InvalidData, message, new SourceLocation(file, null, line));
    }
}
