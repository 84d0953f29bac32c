using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Commands.Common
{
    /// <summary>
    /// A check cmdlet: every parameter set ends in the rule's one class, run through <see cref="AuditRunner"/> exactly
    /// as Invoke-ComplianceAudit runs it. A whole workbook (-Dataset) is checked as it comes down the pipeline; rows
    /// (parameters typed as workbook rows, from the pipeline or by name) are gathered into a dataset, with the what-if
    /// figures (parameters named in the rule's <see cref="RuleCheck.Figures"/>) and inputs (<see cref="RuleCheck.Inputs"/>)
    /// the cmdlet was given. Subject, period, keys and skip decisions are therefore the rule's, whoever calls it.
    /// </summary>
    public abstract class RuleCmdlet : ComplianceCheckCmdlet
    {
        /// <summary>The name of the parameter set that takes a whole workbook.</summary>
        protected const string DatasetSet = "Dataset";

        private static readonly Lazy<IReadOnlyList<RuleCheck>> s_checks = new Lazy<IReadOnlyList<RuleCheck>>(
            () => AuditChecks.Discover(typeof(RuleCheck).Assembly, typeof(Engine.Rules.CatalogLoader).Assembly));

        private readonly List<object> _rows = new List<object>();
        private readonly HashSet<Type> _sheetsGiven = new HashSet<Type>();

        /// <summary>Every rule check of the module (Core and Engine), found once.</summary>
        internal static IReadOnlyList<RuleCheck> AllChecks => s_checks.Value;

        /// <summary>The rules this cmdlet answers, by id.</summary>
        protected abstract IReadOnlyList<string> RuleIds { get; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == DatasetSet)
            {
                if (RowParameters().FirstOrDefault(p => p.Property.PropertyType == typeof(ComplianceDataset))?.Property.GetValue(this) is ComplianceDataset dataset)
                {
                    RunRules(dataset);
                }

                return;
            }

            foreach (RowParameter parameter in RowParameters().Where(p => p.FromPipeline))
            {
                Gather(parameter);
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == DatasetSet)
            {
                return;
            }

            foreach (RowParameter parameter in RowParameters().Where(p => !p.FromPipeline))
            {
                Gather(parameter);
            }

            var names = new HashSet<string>(Checks().SelectMany(c => c.Figures.Concat(c.OptionalFigures)), StringComparer.OrdinalIgnoreCase);
            var figures = MyInvocation.BoundParameters.Where(p => names.Contains(p.Key)).Select(p => new KeyValuePair<string, object>(p.Key, Plain(p.Value))).ToList();
            ComplianceDataset dataset = ComplianceDataset.FromFigures(figures, _rows, _sheetsGiven);

            // Figures typed in with no rows are a what-if for the rules that take them, not a workbook the others lack.
            var whatIf = _rows.Count == 0 && figures.Count > 0 ? Checks().Where(c => c.HasFigures(dataset)).Select(c => c.RuleId).ToList() : null;
            RunRules(dataset, whatIf?.Count > 0 ? whatIf : null);
        }

        /// <summary>Runs this cmdlet's rules (or <paramref name="only"/> of them) over <paramref name="dataset"/> and writes their findings.</summary>
        protected void RunRules(ComplianceDataset dataset, IReadOnlyList<string> only = null)
        {
            IReadOnlyList<string> rules = only ?? RuleIds;
            foreach (string id in rules.Where(id => !Catalog.Get(id).Enabled))
            {
                WriteWarning(Text.Format(nameof(Core.Resources.Strings.RuleDisabled), id));
            }

            object asOf = MyInvocation.BoundParameters.TryGetValue("AsOf", out object given) ? Plain(given) : null;
            Run(() => AuditRunner.Run(Checks(), dataset, Catalog, rules, asOf as DateTime?, null, WriteProblem, WriteObject, Inputs()));
        }

        /// <summary>The checks of this cmdlet's rules.</summary>
        protected IReadOnlyList<RuleCheck> Checks() => AllChecks.Where(c => RuleIds.Contains(c.RuleId, StringComparer.OrdinalIgnoreCase)).ToList();

        /// <summary>The bound parameters the rules read as inputs (a folder, a file, a reference), by name, paths resolved against the current location.</summary>
        protected virtual IDictionary<string, object> Inputs()
        {
            var names = new HashSet<string>(Checks().SelectMany(c => c.Inputs), StringComparer.OrdinalIgnoreCase);
            var inputs = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, object> p in MyInvocation.BoundParameters.Where(p => names.Contains(p.Key)))
            {
                inputs[p.Key] = Plain(p.Value);
            }

            return inputs;
        }

        private void Gather(RowParameter parameter)
        {
            object value = parameter.Property.GetValue(this);
            if (value == null || !MyInvocation.BoundParameters.ContainsKey(parameter.Property.Name))
            {
                return;
            }

            _sheetsGiven.Add(parameter.RowType);
            foreach (object row in value is IEnumerable items ? items.Cast<object>() : new[] { value })
            {
                if (row is WorkbookRow read && read.Rejected != null)
                {
                    WriteProblem(read.Rejected);
                }
                else if (row != null)
                {
                    _rows.Add(row);
                }
            }
        }

        private IEnumerable<RowParameter> RowParameters()
        {
            foreach (PropertyInfo property in GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var attributes = property.GetCustomAttributes<ParameterAttribute>().Where(a => a.ParameterSetName == ParameterSetName || a.ParameterSetName == ParameterAttribute.AllParameterSets).ToList();
                if (attributes.Count == 0)
                {
                    continue;
                }

                Type type = property.PropertyType.IsArray ? property.PropertyType.GetElementType() : property.PropertyType;
                if (typeof(WorkbookRow).IsAssignableFrom(type) || type == typeof(ComplianceDataset))
                {
                    yield return new RowParameter(property, type, attributes.Any(a => a.ValueFromPipeline));
                }
            }
        }

        private static object Plain(object value) => value is PSObject ps ? ps.BaseObject : (value is SwitchParameter s ? s.IsPresent : value);

        private sealed class RowParameter
        {
            public RowParameter(PropertyInfo property, Type rowType, bool fromPipeline)
            {
                Property = property;
                RowType = rowType;
                FromPipeline = fromPipeline;
            }

            public PropertyInfo Property { get; }

            public Type RowType { get; }

            public bool FromPipeline { get; }
        }
    }
}
