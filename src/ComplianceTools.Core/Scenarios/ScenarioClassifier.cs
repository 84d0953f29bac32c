using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Filing;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Scenarios
{
    /// <summary>One outbound script and the scenario its words put it in.</summary>
    public sealed class ScriptClassification
    {
        public string ScriptId { get; set; }

        /// <summary>The scenario the rules give, or the "other" scenario (其他) when none matches.</summary>
        public string Scenario { get; set; }

        /// <summary>True when no rule matched: the script would be filed under 其他, which is always rejected.</summary>
        public bool IsOther { get; set; }

        /// <summary>What decided it: the keyword or the regular expression that matched.</summary>
        public string MatchedBy { get; set; }

        /// <summary>Every scenario whose rules match, in rule order (more than one: review the script).</summary>
        public IReadOnlyList<string> Candidates { get; set; } = Array.Empty<string>();

        /// <summary>The scenario the Scripts sheet files it under, if any.</summary>
        public string FiledScenario { get; set; }

        /// <summary>Outbound calls made with the script last year.</summary>
        public long? Calls { get; set; }

        public string Location { get; set; }
    }

    /// <summary>
    /// Classifies outbound scripts by the SCN-001 parameter scenarios: [{ name, keywords[], patterns[] }].
    /// The first scenario in the list whose keyword occurs in the script, or whose regular expression matches
    /// it, wins (list the stricter scenarios first: a collection script about an overdue credit-card
    /// instalment is 催收, not 金融营销). No match leaves the script in parameter otherScenario (其他).
    /// </summary>
    public sealed class ScenarioClassifier
    {

        private readonly List<ScenarioRule> _rules;

        private ScenarioClassifier(List<ScenarioRule> rules, string other)
        {
            _rules = rules;
            OtherScenario = other;
        }

        public string OtherScenario { get; }

        /// <summary>Scenario names in rule order.</summary>
        public IReadOnlyList<string> ScenarioNames => _rules.Select(r => r.Name).ToList();

        /// <summary>The classifier the rule's parameters describe; a malformed entry or bad expression is an error naming the rule.</summary>
        public static ScenarioClassifier FromRule(RuleDefinition rule)
        {
            var rules = new List<ScenarioRule>();
            if (!rule.Parameters.TryGetValue("scenarios", out object value) || !(value is object[] entries))
            {
                throw Invalid(rule, "scenarios", Convert.ToString(value, CultureInfo.InvariantCulture));
            }

            for (int i = 0; i < entries.Length; i++)
            {
                if (!(entries[i] is IDictionary<string, object> entry) || !entry.TryGetValue("name", out object name) || string.IsNullOrWhiteSpace(name as string))
                {
                    throw Invalid(rule, "scenarios[" + i.ToString(CultureInfo.InvariantCulture) + "]", Convert.ToString(entries[i], CultureInfo.InvariantCulture));
                }

                var keywords = Strings(entry, "keywords");
                var patterns = Strings(entry, "patterns")
                    .Select((p, j) => new KeyValuePair<string, Regex>(p, RulePattern.Compile(rule, "scenarios[" + i.ToString(CultureInfo.InvariantCulture) + "].patterns[" + j.ToString(CultureInfo.InvariantCulture) + "]", p)))
                    .ToList();
                rules.Add(new ScenarioRule(((string)name).Trim(), keywords, patterns));
            }

            string other = rule.GetString("otherScenario");
            return new ScenarioClassifier(rules, string.IsNullOrWhiteSpace(other) ? "其他" : other.Trim());
        }

        /// <summary>Classifies one text.</summary>
        public ScriptClassification Classify(string text, string scriptId = null)
        {
            var result = new ScriptClassification { ScriptId = scriptId };
            var candidates = new List<string>();
            string text2 = text ?? string.Empty;
            foreach (ScenarioRule r in _rules)
            {
                string how = r.Match(text2);
                if (how == null)
                {
                    continue;
                }

                candidates.Add(r.Name);
                if (result.Scenario == null)
                {
                    result.Scenario = r.Name;
                    result.MatchedBy = how;
                }
            }

            result.Candidates = candidates;
            if (result.Scenario == null)
            {
                result.Scenario = OtherScenario;
                result.IsOther = true;
            }

            return result;
        }

        /// <summary>Classifies Scripts rows, keeping id, filed scenario, calls and location.</summary>
        public IEnumerable<ScriptClassification> Classify(IEnumerable<ScriptRow> scripts)
        {
            foreach (ScriptRow row in scripts)
            {
                ScriptClassification c = Classify(row.Text, row.ScriptId);
                c.FiledScenario = row.Scenario;
                c.Calls = row.Calls;
                c.Location = row.Origin?.ToString();
                yield return c;
            }
        }

        private static List<string> Strings(IDictionary<string, object> entry, string key)
        {
            if (!entry.TryGetValue(key, out object value) || value == null)
            {
                return new List<string>();
            }

            if (value is object[] items)
            {
                return items.Select(x => Convert.ToString(x, CultureInfo.InvariantCulture)).Where(x => !string.IsNullOrEmpty(x)).ToList();
            }

            return new List<string> { Convert.ToString(value, CultureInfo.InvariantCulture) };
        }

        private static ComplianceException Invalid(RuleDefinition rule, string parameter, string value)
        {
            return new ComplianceException(new ComplianceProblem(
                "ComplianceTools.Rules.ParameterInvalid", ProblemKind.InvalidData,
                Text.Format(nameof(Resources.Strings.RuleParameterInvalid), rule.Id, parameter, value, "{ \"name\": …, \"keywords\": [ … ], \"patterns\": [ … ] }"), rule.Id));
        }

        private sealed class ScenarioRule
        {
            private readonly List<string> _keywords;
            private readonly List<KeyValuePair<string, Regex>> _patterns;

            public ScenarioRule(string name, List<string> keywords, List<KeyValuePair<string, Regex>> patterns)
            {
                Name = name;
                _keywords = keywords;
                _patterns = patterns;
            }

            public string Name { get; }

            public string Match(string text)
            {
                foreach (string k in _keywords)
                {
                    if (text.IndexOf(k, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return "keyword: " + k;
                    }
                }

                foreach (var p in _patterns)
                {
                    if (p.Value.IsMatch(text))
                    {
                        return "pattern: " + p.Key;
                    }
                }

                return null;
            }
        }
    }
}
