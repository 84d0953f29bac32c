using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Common;

namespace ComplianceTools.Core.Rules
{
    /// <summary>
    /// The rules in force: the shipped catalog (module/rules/catalog.json) with the baselines applied on
    /// top, catalog defaults first, then each baseline file in the order given. Loaded by
    /// ComplianceTools.Engine.Rules.CatalogLoader.
    /// </summary>
    public sealed class RuleCatalog
    {
        private readonly Dictionary<string, RuleDefinition> _rules;

        private RuleCatalog(IEnumerable<RuleDefinition> rules, IReadOnlyList<string> baselines, IReadOnlyDictionary<string, LocalizedText> guides)
        {
            _rules = rules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
            Baselines = baselines;
            Guides = guides ?? new Dictionary<string, LocalizedText>();
        }

        public IReadOnlyList<string> Baselines { get; }

        /// <summary>The guides rules cite (A, B), by their short names, from the catalog's guides block.</summary>
        public IReadOnlyDictionary<string, LocalizedText> Guides { get; }

        public IEnumerable<RuleDefinition> Rules => _rules.Values.OrderBy(r => r.Id, StringComparer.Ordinal);

        public bool Contains(string id) => _rules.ContainsKey(id);

        /// <summary>The rule with this id; a clear error for an unknown one.</summary>
        public RuleDefinition Get(string id)
        {
            if (id != null && _rules.TryGetValue(id, out RuleDefinition rule))
            {
                return rule;
            }

            throw new ComplianceException(new ComplianceProblem(
                "ComplianceTools.Catalog.RuleNotFound",
                ProblemKind.ObjectNotFound,
                Text.Format(nameof(Resources.Strings.RuleNotFound), id, string.Join(", ", _rules.Keys.OrderBy(k => k, StringComparer.Ordinal))),
                id));
        }

        /// <summary>A catalog of these rules, with the names of the baseline files applied to them.</summary>
        public static RuleCatalog Create(IEnumerable<RuleDefinition> rules, IReadOnlyList<string> baselines, IReadOnlyDictionary<string, LocalizedText> guides = null)
        {
            return new RuleCatalog(rules, baselines ?? Array.Empty<string>(), guides);
        }
    }

    /// <summary>One or more problems in baseline files; each names the file, line and the offending rule or setting.</summary>
    [Serializable]
    public sealed class BaselineException : Exception
    {
        public BaselineException(IReadOnlyList<ComplianceProblem> problems)
            : base(string.Join(Environment.NewLine, problems.Select(p => p.Message)))
        {
            Problems = problems;
        }

        public IReadOnlyList<ComplianceProblem> Problems { get; }
    }
}
