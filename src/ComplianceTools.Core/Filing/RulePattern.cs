using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Rules;

namespace ComplianceTools.Core.Filing
{
    /// <summary>Regular expressions kept as rule parameters: compiled with a match timeout, a bad one named by rule and parameter.</summary>
    internal static class RulePattern
    {
        private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);

        internal static Regex Compile(RuleDefinition rule, string parameter, string pattern)
        {
            try
            {
                return new Regex(pattern ?? string.Empty, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, s_timeout);
            }
            catch (ArgumentException ex)
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Rules.PatternInvalid", ProblemKind.InvalidData,
                    Text.Format(nameof(Resources.Strings.RulePatternInvalid), rule.Id, parameter, pattern, ex.Message), rule.Id), ex);
            }
        }

        /// <summary>A parameter that is an object of name → pattern (ALG-001 wrongPatterns).</summary>
        internal static IReadOnlyList<KeyValuePair<string, Regex>> CompileMap(RuleDefinition rule, string parameter)
        {
            var list = new List<KeyValuePair<string, Regex>>();
            if (rule.Parameters.TryGetValue(parameter, out object value) && value is IDictionary<string, object> map)
            {
                foreach (var pair in map)
                {
                    list.Add(new KeyValuePair<string, Regex>(pair.Key, Compile(rule, parameter + "." + pair.Key, Convert.ToString(pair.Value, System.Globalization.CultureInfo.InvariantCulture))));
                }
            }

            return list;
        }
    }
}
