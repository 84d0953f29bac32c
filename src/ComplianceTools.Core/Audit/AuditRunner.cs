using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Core.Audit
{
    /// <summary>
    /// Runs checks over one workbook: every enabled rule of the selection whose sheets are present. A rule whose
    /// sheet is missing is skipped with a reason naming the sheet (and a Skipped finding says so); a rule a
    /// baseline disabled is listed as such; a check that meets a <see cref="ComplianceException"/> is reported and
    /// its rules skipped, and the audit goes on.
    /// </summary>
    public static class AuditRunner
    {
        public static AuditResult Run(
            IEnumerable<IAuditCheck> checks,
            ComplianceDataset dataset,
            RuleCatalog catalog,
            IEnumerable<string> ruleIds = null,
            DateTime? asOf = null,
            Action<AuditProgress> progress = null,
            Action<ComplianceProblem> report = null,
            Action<Finding> onFinding = null,
            IDictionary<string, object> inputs = null)
        {
            if (checks == null)
            {
                throw new ArgumentNullException(nameof(checks));
            }

            var context = new AuditContext(dataset, catalog, asOf ?? dataset?.Company?.CheckDate ?? DateTime.Today, report);
            foreach (var input in inputs ?? new Dictionary<string, object>())
            {
                context.Inputs[input.Key] = input.Value;
            }
            var selected = new HashSet<string>(
                ruleIds == null ? catalog.Rules.Select(r => r.Id) : ruleIds.Select(id => catalog.Get(id).Id),
                StringComparer.OrdinalIgnoreCase);

            var planned = checks.Select(c => new { Check = c, Rules = c.RuleIds.Where(selected.Contains).ToList() }).Where(p => p.Rules.Count > 0).ToList();
            var findings = new List<Finding>();
            var skipped = new List<SkippedRule>();
            var disabled = new List<string>();
            var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var summary = new AuditSummary
            {
                Subject = context.CompanySubject,
                Period = context.YearPeriod,
                AsOf = context.AsOf,
                Path = dataset.Path,
            };

            void Emit(Finding f)
            {
                findings.Add(f);
                onFinding?.Invoke(f);
            }

            for (int i = 0; i < planned.Count; i++)
            {
                IAuditCheck check = planned[i].Check;
                progress?.Invoke(new AuditProgress(i + 1, planned.Count, planned[i].Rules));
                covered.UnionWith(planned[i].Rules);
                var enabled = new List<RuleDefinition>();
                foreach (string id in planned[i].Rules)
                {
                    RuleDefinition rule = catalog.Get(id);
                    if (rule.Enabled)
                    {
                        enabled.Add(rule);
                    }
                    else
                    {
                        disabled.Add(rule.Id);
                    }
                }

                if (enabled.Count == 0)
                {
                    continue;
                }

                var missing = check.RequiredSheets.Where(s => !SheetNames.IsPresent(dataset, s)).ToList();
                if (missing.Count > 0)
                {
                    string sheets = string.Join(", ", missing.Select(SheetNames.Describe));
                    foreach (RuleDefinition rule in enabled)
                    {
                        string reason = Text.Format(nameof(Resources.Strings.AuditSheetMissing), sheets);
                        skipped.Add(new SkippedRule(rule.Id, reason, missing));
                        Emit(rule.NewSkipped(FindingStatus.Skipped, context.CompanySubject, context.YearPeriod, reason));
                    }

                    continue;
                }

                var wanted = new HashSet<string>(enabled.Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
                try
                {
                    // Materialised here so a problem inside the check is caught before any of its findings are written.
                    var produced = check.Run(context).Where(f => f != null && wanted.Contains(f.RuleId)).ToList();
                    foreach (Finding f in produced)
                    {
                        if (f.Status == FindingStatus.Skipped)
                        {
                            skipped.Add(new SkippedRule(f.RuleId, f.Reason));
                        }

                        Emit(f);
                    }
                }
                catch (ComplianceException ex)
                {
                    context.Report(ex.Problem);
                    foreach (RuleDefinition rule in enabled)
                    {
                        skipped.Add(new SkippedRule(rule.Id, ex.Problem.Message));
                        Emit(rule.NewSkipped(FindingStatus.Skipped, context.CompanySubject, context.YearPeriod, ex.Problem.Message));
                    }
                }
            }

            summary.Red = findings.Count(f => f.Status == FindingStatus.Red);
            summary.Yellow = findings.Count(f => f.Status == FindingStatus.Yellow);
            summary.Green = findings.Count(f => f.Status == FindingStatus.Green);
            summary.NotApplicable = findings.Count(f => f.Status == FindingStatus.NotApplicable);
            summary.SkippedFindings = findings.Count(f => f.Status == FindingStatus.Skipped);
            summary.Findings = findings.Count;
            summary.RulesRun = findings.Where(f => f.Status != FindingStatus.Skipped).Select(f => f.RuleId).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(id => id, StringComparer.Ordinal).ToList();
            summary.Skipped = skipped;
            summary.Disabled = disabled.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(id => id, StringComparer.Ordinal).ToList();
            summary.Unchecked = selected.Where(id => !covered.Contains(id) && catalog.Get(id).Enabled).OrderBy(id => id, StringComparer.Ordinal).ToList();
            if (summary.Evaluated == 0)
            {
                summary.Note = Text.Format(nameof(Resources.Strings.AuditNothingEvaluated), summary.SkippedFindings, summary.NotApplicable);
            }

            return new AuditResult(findings, summary);
        }
    }

    /// <summary>Finds the audit checks in assemblies: public, non-abstract <see cref="IAuditCheck"/> types with a parameterless constructor.</summary>
    public static class AuditChecks
    {
        /// <summary>One instance of each check, ordered by its first rule id.</summary>
        public static IReadOnlyList<IAuditCheck> Discover(params Assembly[] assemblies)
        {
            return (assemblies ?? Array.Empty<Assembly>())
                .Where(a => a != null)
                .Distinct()
                .SelectMany(ExportedTypes)
                .Where(t => t.IsClass && !t.IsAbstract && !t.ContainsGenericParameters && typeof(IAuditCheck).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
                .Select(t => (IAuditCheck)Activator.CreateInstance(t))
                .OrderBy(c => c.RuleIds.FirstOrDefault() ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(c => c.GetType().FullName, StringComparer.Ordinal)
                .ToList();
        }

        private static IEnumerable<Type> ExportedTypes(Assembly assembly)
        {
            try
            {
                return assembly.GetExportedTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                return ex.Types.Where(t => t != null && t.IsPublic);
            }
        }
    }

    /// <summary>Sheet names for messages (Seats (坐席)) and whether a dataset has a sheet.</summary>
    public static class SheetNames
    {
        private static readonly Lazy<Dictionary<string, string>> s_chinese = new Lazy<Dictionary<string, string>>(() =>
            typeof(SheetAttribute).Assembly.GetTypes()
                .Select(t => t.GetCustomAttribute<SheetAttribute>())
                .Where(a => a != null)
                .ToDictionary(a => a.Name, a => a.ChineseName, StringComparer.OrdinalIgnoreCase));

        /// <summary>The sheet's English and Chinese names: "Traffic (呼叫流量)".</summary>
        public static string Describe(string sheet) => s_chinese.Value.TryGetValue(sheet, out string zh) ? sheet + " (" + zh + ")" : sheet;

        /// <summary>A sheet is present when the dataset holds it (its property is not null), or lists it among the sheets read.</summary>
        public static bool IsPresent(ComplianceDataset dataset, string sheet)
        {
            PropertyInfo property = typeof(ComplianceDataset).GetProperty(sheet, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            return property != null ? property.GetValue(dataset) != null : dataset.Has(sheet);
        }
    }
}
