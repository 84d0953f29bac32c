using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Rules;
using Strings = ComplianceTools.Core.Resources.Strings;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceTools.Engine.Rules
{
    /// <summary>
    /// A client's or province's overrides: thresholds, rule selection and parameters, never code.
    /// <code>
    /// { "name": "Guangdong", "rules": { "SEAT-001": { "red": 0.40 }, "TRAIN-001": { "enabled": false },
    ///   "SCN-002": { "parameters": { "hangUpWeight": 0.7, "complaintWeight": 0.3 } } } }
    /// </code>
    /// Ratios are fractions (0.40 for 40%). Unknown rules, unknown settings and values of the wrong type
    /// are errors naming the file and line; nothing is half-applied.
    /// </summary>
    internal static class Baseline
    {
        private static readonly HashSet<string> s_ruleSettings = new HashSet<string>(StringComparer.Ordinal) { "red", "yellow", "enabled", "severity", "parameters" };

        internal static void Apply(string path, IDictionary<string, RuleDefinition> rules, List<ComplianceProblem> problems, List<AcceptedException> exceptions = null)
        {
            string fullPath = Path.GetFullPath(path);
            if (!File.Exists(fullPath))
            {
                problems.Add(Problem("ComplianceTools.Baseline.FileNotFound", ProblemKind.ObjectNotFound, fullPath, null, Text.Format(nameof(Strings.BaselineNotFound), fullPath)));
                return;
            }

            JObject root;
            try
            {
                using (var reader = new JsonTextReader(new StreamReader(fullPath)) { DateParseHandling = DateParseHandling.None })
                {
                    // A key given twice is an error, not "last wins": the reader would otherwise keep one silently.
                    root = JObject.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, CommentHandling = CommentHandling.Ignore, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
                }
            }
            catch (JsonReaderException ex)
            {
                problems.Add(Problem("ComplianceTools.Baseline.InvalidJson", ProblemKind.InvalidData, fullPath, ex.LineNumber, Text.Format(nameof(Strings.BaselineInvalidJson), fullPath, ex.LineNumber, ex.Message)));
                return;
            }

            foreach (JProperty top in root.Properties())
            {
                if (top.Name != "rules" && top.Name != "name" && top.Name != "description" && top.Name != "$schema" && top.Name != "exceptions")
                {
                    problems.Add(Problem("ComplianceTools.Baseline.UnknownSetting", ProblemKind.InvalidData, fullPath, Line(top), Text.Format(nameof(Strings.BaselineUnknownSetting), fullPath, Line(top), top.Name, "name, description, rules, exceptions")));
                }
            }

            // Accepted deviations with an expiry (the same shape as in a client's client.json).
            var accepted = ExceptionReader.Read(root["exceptions"], fullPath, line => Text.Format(nameof(Strings.BaselineWhere), fullPath, line), rules.Keys, "ComplianceTools.Baseline.ExceptionInvalid", problems);
            exceptions?.AddRange(accepted);

            if (!(root["rules"] is JObject ruleOverrides))
            {
                if (root["rules"] != null)
                {
                    problems.Add(Problem("ComplianceTools.Baseline.InvalidValue", ProblemKind.InvalidData, fullPath, Line(root["rules"]), Text.Format(nameof(Strings.BaselineInvalidValue), fullPath, Line(root["rules"]), "rules", "an object keyed by rule id")));
                }

                return;
            }

            string origin = Path.GetFileName(fullPath);
            foreach (JProperty entry in ruleOverrides.Properties())
            {
                if (!rules.TryGetValue(entry.Name, out RuleDefinition rule))
                {
                    problems.Add(Problem("ComplianceTools.Baseline.UnknownRule", ProblemKind.InvalidData, fullPath, Line(entry), Text.Format(nameof(Strings.BaselineUnknownRule), fullPath, Line(entry), entry.Name)));
                    continue;
                }

                if (!(entry.Value is JObject settings))
                {
                    problems.Add(Problem("ComplianceTools.Baseline.InvalidValue", ProblemKind.InvalidData, fullPath, Line(entry), Text.Format(nameof(Strings.BaselineInvalidValue), fullPath, Line(entry), entry.Name, "{ \"red\": …, \"yellow\": …, \"enabled\": …, \"parameters\": { … } }")));
                    continue;
                }

                bool changed = false;
                JProperty lineSetting = null;
                var changedParameters = new Dictionary<string, JProperty>(StringComparer.OrdinalIgnoreCase);
                foreach (JProperty setting in settings.Properties())
                {
                    string where = entry.Name + "." + setting.Name;
                    if (!s_ruleSettings.Contains(setting.Name))
                    {
                        problems.Add(Problem("ComplianceTools.Baseline.UnknownSetting", ProblemKind.InvalidData, fullPath, Line(setting), Text.Format(nameof(Strings.BaselineUnknownSetting), fullPath, Line(setting), where, "red, yellow, enabled, severity, parameters")));
                        continue;
                    }

                    switch (setting.Name)
                    {
                        case "enabled":
                            if (setting.Value.Type != JTokenType.Boolean)
                            {
                                problems.Add(Problem("ComplianceTools.Baseline.InvalidValue", ProblemKind.InvalidData, fullPath, Line(setting), Text.Format(nameof(Strings.BaselineInvalidValue), fullPath, Line(setting), where, "true or false")));
                                break;
                            }

                            rule.Enabled = setting.Value.Value<bool>();
                            rule.DisabledBy = rule.Enabled ? null : origin;
                            changed = true;
                            break;
                        case "severity":
                            if (setting.Value.Type != JTokenType.String || !(string.Equals((string)setting.Value, "Red", StringComparison.Ordinal) || string.Equals((string)setting.Value, "Yellow", StringComparison.Ordinal)))
                            {
                                problems.Add(Problem("ComplianceTools.Baseline.InvalidValue", ProblemKind.InvalidData, fullPath, Line(setting), Text.Format(nameof(Strings.BaselineInvalidValue), fullPath, Line(setting), where, "\"Red\" or \"Yellow\"")));
                                break;
                            }

                            rule.FailSeverity = (Core.Findings.Severity)Enum.Parse(typeof(Core.Findings.Severity), (string)setting.Value);
                            changed = true;
                            break;
                        case "red":
                        case "yellow":
                            RuleThreshold current = setting.Name == "red" ? rule.Threshold : rule.Warning;
                            if (current == null)
                            {
                                problems.Add(Problem("ComplianceTools.Baseline.NoSuchThreshold", ProblemKind.InvalidData, fullPath, Line(setting), Text.Format(nameof(Strings.BaselineNoSuchThreshold), fullPath, Line(setting), entry.Name, setting.Name)));
                                break;
                            }

                            if (setting.Value.Type != JTokenType.Integer && setting.Value.Type != JTokenType.Float)
                            {
                                problems.Add(Problem("ComplianceTools.Baseline.ThresholdInvalid", ProblemKind.InvalidData, fullPath, Line(setting), Text.Format(nameof(Strings.BaselineInvalidValue), fullPath, Line(setting), where, "a number")));
                                break;
                            }

                            double value = CatalogLoader.Number(setting.Value);
                            if (rule.Unit == "ratio" && (value < 0 || value > 1))
                            {
                                problems.Add(Problem("ComplianceTools.Baseline.ThresholdInvalid", ProblemKind.InvalidData, fullPath, Line(setting), Text.Format(nameof(Strings.BaselineRatioOutOfRange), fullPath, Line(setting), where, value.ToString(CultureInfo.InvariantCulture))));
                                break;
                            }

                            if (value < 0 || double.IsNaN(value) || double.IsInfinity(value))
                            {
                                problems.Add(Problem("ComplianceTools.Baseline.ThresholdInvalid", ProblemKind.InvalidData, fullPath, Line(setting), Text.Format(nameof(Strings.BaselineInvalidValue), fullPath, Line(setting), where, "a number of zero or more")));
                                break;
                            }

                            lineSetting = setting;
                            if (setting.Name == "red")
                            {
                                rule.Threshold = current.WithValue(value, origin);
                            }
                            else
                            {
                                rule.Warning = current.WithValue(value, origin);
                            }

                            changed = true;
                            break;
                        case "parameters":
                            if (!(setting.Value is JObject parameters))
                            {
                                problems.Add(Problem("ComplianceTools.Baseline.InvalidValue", ProblemKind.InvalidData, fullPath, Line(setting), Text.Format(nameof(Strings.BaselineInvalidValue), fullPath, Line(setting), where, "an object")));
                                break;
                            }

                            foreach (JProperty p in parameters.Properties())
                            {
                                if (!rule.ParameterSpecs.TryGetValue(p.Name, out ParameterSpec spec))
                                {
                                    problems.Add(Problem("ComplianceTools.Baseline.UnknownSetting", ProblemKind.InvalidData, fullPath, Line(p), Text.Format(nameof(Strings.BaselineUnknownSetting), fullPath, Line(p), where + "." + p.Name, string.Join(", ", rule.Parameters.Keys))));
                                    continue;
                                }

                                object replacement = CatalogLoader.ToPlain(p.Value);
                                IReadOnlyList<ParameterError> errors = spec.Validate(replacement);
                                foreach (ParameterError error in errors)
                                {
                                    JToken at = AtPath(p.Value, error.Path.Substring(p.Name.Length)) ?? p;
                                    problems.Add(Problem("ComplianceTools.Baseline.ParameterInvalid", ProblemKind.InvalidData, fullPath, Line(at), Text.Format(nameof(Strings.BaselineInvalidValue), fullPath, Line(at), entry.Name + ".parameters." + error.Path, error.Expected)));
                                }

                                if (errors.Count == 0)
                                {
                                    rule.Parameters[p.Name] = replacement;
                                    changedParameters[p.Name] = p;
                                    changed = true;
                                }
                            }

                            break;
                    }
                }

                if (lineSetting != null && LinesInverted(rule))
                {
                    // For a "greater than" rule the Yellow line comes first (lower); for a "less than" rule it is higher.
                    string side = rule.Threshold.FailsUpward ? Text.Get(nameof(Strings.BaselineYellowBelowRed)) : Text.Get(nameof(Strings.BaselineYellowAboveRed));
                    problems.Add(Problem("ComplianceTools.Baseline.LinesInverted", ProblemKind.InvalidData, fullPath, Line(lineSetting), Text.Format(
                        nameof(Strings.BaselineLinesInverted), fullPath, Line(lineSetting), entry.Name, Core.Findings.Finding.FormatValue(rule.Warning.Value, rule.Unit), Core.Findings.Finding.FormatValue(rule.Threshold.Value, rule.Unit), side)));
                }

                // Parameters that hang together (redDpi at most minDpi, a cap at most its starting figure) are checked on the
                // values in force after this file, at the line of a value this file set.
                foreach (ParameterError error in changedParameters.Count == 0 ? new List<ParameterError>() : ParameterSpec.ValidateAll(rule.ParameterSpecs, rule.Parameters))
                {
                    string other = rule.ParameterSpecs[error.Path].LessOrEqual;
                    JProperty at = changedParameters.TryGetValue(error.Path, out JProperty mine) ? mine : changedParameters.TryGetValue(other ?? string.Empty, out JProperty theirs) ? theirs : changedParameters.Values.First();
                    problems.Add(Problem("ComplianceTools.Baseline.ParameterInvalid", ProblemKind.InvalidData, fullPath, Line(at), Text.Format(nameof(Strings.BaselineInvalidValue), fullPath, Line(at), entry.Name + ".parameters." + error.Path, error.Expected)));
                }

                if (changed)
                {
                    rule.AppliedBaselines.Add(origin);
                }
            }
        }

        /// <summary>True when the Yellow line sits past the Red one, so a value could be Red without ever having been Yellow.</summary>
        private static bool LinesInverted(RuleDefinition rule)
        {
            if (rule.Threshold == null || rule.Warning == null)
            {
                return false;
            }

            return rule.Threshold.FailsUpward ? rule.Warning.Value > rule.Threshold.Value : rule.Warning.Value < rule.Threshold.Value;
        }

        /// <summary>The token a validation path points at inside a parameter's value ("[2].patterns[0]"), or null.</summary>
        private static JToken AtPath(JToken value, string path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return value;
            }

            try
            {
                return value.SelectToken(path.StartsWith(".", StringComparison.Ordinal) ? path.Substring(1) : path);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static int? Line(JToken token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : (int?)null;

        private static ComplianceProblem Problem(string id, ProblemKind kind, string file, int? line, string message)
        {
            return new ComplianceProblem(id, kind, message, new SourceLocation(file, null, line));
        }
    }
}
