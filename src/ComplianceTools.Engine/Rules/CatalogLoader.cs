using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using Newtonsoft.Json.Linq;

namespace ComplianceTools.Engine.Rules
{
    /// <summary>
    /// Reads the rule catalog embedded from module/rules/catalog.json and applies baseline files on top:
    /// catalog defaults, then each baseline in the order given (later files win).
    /// </summary>
    public static class CatalogLoader
    {
        private static readonly Lazy<RuleCatalog> s_default = new Lazy<RuleCatalog>(LoadEmbedded);

        /// <summary>The shipped catalog with no baseline.</summary>
        public static RuleCatalog Default => s_default.Value;

        /// <summary>The catalog with these baseline files applied in order; <see cref="BaselineException"/> lists every problem.</summary>
        public static RuleCatalog Load(IEnumerable<string> baselineFiles)
        {
            var files = (baselineFiles ?? Enumerable.Empty<string>()).Where(f => !string.IsNullOrWhiteSpace(f)).ToList();
            if (files.Count == 0)
            {
                return Default;
            }

            var rules = Default.Rules.Select(r => r.Clone()).ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
            var names = new List<string>();
            var problems = new List<ComplianceProblem>();
            var exceptions = new List<AcceptedException>();
            foreach (string file in files)
            {
                Baseline.Apply(file, rules, problems, exceptions);
                names.Add(Path.GetFileName(file));
            }

            if (problems.Count > 0)
            {
                throw new BaselineException(problems);
            }

            return RuleCatalog.Create(rules.Values, names, Default.Guides, exceptions);
        }

        private static RuleCatalog LoadEmbedded()
        {
            using (Stream stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream("ComplianceTools.Rules.catalog.json"))
            using (var reader = new StreamReader(stream))
            {
                JObject root = JObject.Parse(reader.ReadToEnd());
                var guides = ((JObject)root["guides"]).Properties().ToDictionary(g => g.Name, g => Localized(g.Value["short"]), StringComparer.Ordinal);
                var rules = new List<RuleDefinition>();
                foreach (JObject item in root["rules"].Children<JObject>())
                {
                    RuleDefinition rule = Parse(item);
                    rule.GuideName = guides[rule.Guide];
                    rules.Add(rule);
                }

                return RuleCatalog.Create(rules, Array.Empty<string>(), guides);
            }
        }

        private static RuleDefinition Parse(JObject item)
        {
            var rule = new RuleDefinition
            {
                Id = (string)item["id"],
                Area = (string)item["area"],
                Guide = (string)item["guide"],
                Section = (string)item["section"],
                TitleText = Localized(item["title"]),
                MeasureText = Localized(item["measure"]),
                RecommendationText = Localized(item["recommendation"]),
                Unit = (string)item["unit"],
                FailSeverity = (Severity)Enum.Parse(typeof(Severity), (string)item["severity"] ?? "Red"),
                Threshold = Line(item["red"]),
                Warning = Line(item["yellow"]),
            };
            rule.NeededBy = (item["neededBy"] as JArray)?.Select(t => (string)t).ToList() ?? new List<string>();
            if (item["text"] is JObject texts)
            {
                foreach (JProperty t in texts.Properties())
                {
                    rule.Texts[t.Name] = Localized(t.Value);
                }
            }

            if (item["parameters"] is JObject parameters)
            {
                // Each parameter: { "value": …, "type": …, range …, "origin": "guide" | "ours", "meaning": { zh-CN, en-US } }.
                foreach (JProperty p in parameters.Properties())
                {
                    var entry = (JObject)p.Value;
                    rule.Parameters[p.Name] = ToPlain(entry["value"]);
                    var schema = (IDictionary<string, object>)ToPlain(new JObject(entry.Properties().Where(e => e.Name != "value" && e.Name != "origin" && e.Name != "meaning")));
                    NumberOrigin origin = string.Equals((string)entry["origin"], "guide", StringComparison.OrdinalIgnoreCase) ? NumberOrigin.Guide : NumberOrigin.Ours;
                    rule.ParameterSpecs[p.Name] = new ParameterSpec(p.Name, schema, origin, Localized(entry["meaning"]));
                }
            }

            return rule;
        }

        /// <summary>A JSON value as plain .NET: double, bool, string, object[] or a dictionary.</summary>
        internal static object ToPlain(JToken token)
        {
            switch (token.Type)
            {
                case JTokenType.Integer:
                case JTokenType.Float:
                    return Number(token);
                case JTokenType.Boolean:
                    return token.Value<bool>();
                case JTokenType.String:
                    return token.Value<string>();
                case JTokenType.Array:
                    return token.Children().Select(ToPlain).ToArray();
                case JTokenType.Object:
                    return ((JObject)token).Properties().ToDictionary(p => p.Name, p => ToPlain(p.Value), StringComparer.OrdinalIgnoreCase);
                case JTokenType.Null:
                    return null;
                default:
                    return token.ToString();
            }
        }

        /// <summary>A JSON number as a double; one too large for a double (a 30-digit integer) is infinity, which every range refuses.</summary>
        internal static double Number(JToken token)
        {
            return double.TryParse(token.ToString(Newtonsoft.Json.Formatting.None), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
                ? value
                : double.PositiveInfinity;
        }

        private static LocalizedText Localized(JToken token)
        {
            return token is JObject o ? new LocalizedText((string)o["zh-CN"], (string)o["en-US"]) : new LocalizedText(string.Empty, string.Empty);
        }

        private static RuleThreshold Line(JToken token)
        {
            if (!(token is JObject o))
            {
                return null;
            }

            return new RuleThreshold(Finding.ParseComparison((string)o["when"]), (double)o["value"], string.Equals((string)o["origin"], "ours", StringComparison.OrdinalIgnoreCase) ? NumberOrigin.Ours : NumberOrigin.Guide);
        }
    }
}
