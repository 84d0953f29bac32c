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

        private RuleCatalog(IEnumerable<RuleDefinition> rules, IReadOnlyList<string> baselines, IReadOnlyDictionary<string, LocalizedText> guides, IReadOnlyList<AcceptedException> exceptions)
        {
            _rules = rules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
            Baselines = baselines;
            Guides = guides ?? new Dictionary<string, LocalizedText>();
            Exceptions = exceptions ?? Array.Empty<AcceptedException>();
        }

        public IReadOnlyList<string> Baselines { get; }

        /// <summary>Accepted deviations with an expiry, from the baselines and a client's file, in the order given (the first that matches a finding applies).</summary>
        public IReadOnlyList<AcceptedException> Exceptions { get; }

        /// <summary>Rules on the key-monitoring list this season (Red in the previous season's result).</summary>
        public IEnumerable<string> KeyMonitoringRules => Rules.Where(r => r.KeyMonitoring).Select(r => r.Id);

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
        public static RuleCatalog Create(IEnumerable<RuleDefinition> rules, IReadOnlyList<string> baselines, IReadOnlyDictionary<string, LocalizedText> guides = null, IReadOnlyList<AcceptedException> exceptions = null)
        {
            return new RuleCatalog(rules, baselines ?? Array.Empty<string>(), guides, exceptions);
        }

        /// <summary>The same rules with more accepted deviations after the ones already held (a client's, after its baselines').</summary>
        public RuleCatalog WithExceptions(IEnumerable<AcceptedException> exceptions)
        {
            var all = Exceptions.Concat((exceptions ?? Enumerable.Empty<AcceptedException>()).Where(e => e != null)).ToList();
            return new RuleCatalog(_rules.Values, Baselines, Guides, all);
        }

        /// <summary>
        /// The same catalog with these rules on the key-monitoring list: marked, their Yellow line tightened by
        /// <paramref name="factor"/> with <paramref name="note"/> as its source (see <see cref="KeyMonitoring"/>). Unknown ids are passed over.
        /// </summary>
        public RuleCatalog WithKeyMonitoring(IEnumerable<string> ruleIds, double factor, string note)
        {
            var ids = new HashSet<string>(ruleIds ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase);
            if (ids.Count == 0)
            {
                return this;
            }

            var rules = _rules.Values.Select(r => ids.Contains(r.Id) ? ComplianceTools.Core.Rules.KeyMonitoring.Apply(r, factor, note) : r);
            return new RuleCatalog(rules, Baselines, Guides, Exceptions);
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
