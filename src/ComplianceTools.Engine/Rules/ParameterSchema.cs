using System.Collections;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Rules;
using Newtonsoft.Json.Linq;

namespace ComplianceTools.Engine.Rules
{
    /// <summary>
    /// The catalog's parameters as a JSON schema (module/rules/parameters.schema.json, referenced by
    /// baseline.schema.json): for each rule with parameters, what each may hold, with its meaning and whose number it
    /// is. Editors use it to check a baseline while it is written; the module checks the same specs when it loads one.
    /// </summary>
    public static class ParameterSchema
    {
        public static JObject Build(RuleCatalog catalog)
        {
            var rules = new JObject();
            foreach (RuleDefinition rule in catalog.Rules.Where(r => r.ParameterSpecs.Count > 0))
            {
                var parameters = new JObject();
                foreach (ParameterSpec spec in rule.ParameterSpecs.Values.OrderBy(s => s.Name, System.StringComparer.Ordinal))
                {
                    var schema = (JObject)Json(spec.Schema);
                    schema.Remove("lessOrEqual");
                    schema["description"] = spec.Meaning.En + " / " + spec.Meaning.Zh + " (" + (spec.Origin == Core.Findings.NumberOrigin.Guide ? "guide" : "ours")
                        + (spec.LessOrEqual == null ? string.Empty : "; at most " + spec.LessOrEqual) + ")";
                    parameters[spec.Name] = schema;
                }

                rules[rule.Id] = new JObject
                {
                    ["type"] = "object",
                    ["properties"] = new JObject
                    {
                        ["parameters"] = new JObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = parameters },
                    },
                };
            }

            return new JObject
            {
                ["$schema"] = "http://json-schema.org/draft-07/schema#",
                ["$id"] = "https://complianceTools/schemas/parameters.schema.json",
                ["title"] = "ComplianceTools rule parameters",
                ["description"] = "What each rule parameter may hold in a baseline (generated from module/rules/catalog.json; do not edit by hand). Ratios are fractions.",
                ["type"] = "object",
                ["properties"] = rules,
            };
        }

        private static JToken Json(object value)
        {
            switch (value)
            {
                case IDictionary<string, object> map:
                    var o = new JObject();
                    foreach (KeyValuePair<string, object> p in map)
                    {
                        o[p.Key] = Json(p.Value);
                    }

                    return o;
                case string s:
                    return s;
                case IEnumerable list:
                    return new JArray(list.Cast<object>().Select(Json));
                case double d when d == System.Math.Floor(d) && System.Math.Abs(d) < 1e15:
                    return (long)d;
                default:
                    return value == null ? JValue.CreateNull() : JToken.FromObject(value);
            }
        }
    }
}
