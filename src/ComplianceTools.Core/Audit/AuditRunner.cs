using System;
using System.Collections;
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
    /// The one road from a dataset to findings. Runs each selected rule's check, by rule id: a rule a baseline
    /// disabled is listed as such; a rule whose sheets are missing (and whose what-if figures were not given) gives a
    /// Skipped finding naming the sheets; a rule that meets a <see cref="ComplianceException"/> is reported and gives a
    /// Skipped finding with the message; the run goes on. Invoke-ComplianceAudit, the check cmdlets and
    /// Test-ReportPackage all come here.
    /// </summary>
    public static class AuditRunner
    {
        public static AuditResult Run(
            IEnumerable<RuleCheck> checks,
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

            var byRule = new Dictionary<string, RuleCheck>(StringComparer.OrdinalIgnoreCase);
            foreach (RuleCheck check in checks)
            {
                if (!byRule.ContainsKey(check.RuleId))
                {
                    byRule.Add(check.RuleId, check);
                }
            }

            var selected = (ruleIds == null ? catalog.Rules.Select(r => r.Id) : ruleIds.Select(id => catalog.Get(id).Id))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToList();
            var planned = selected.Where(byRule.ContainsKey).ToList();
            var findings = new List<Finding>();
            var skipped = new List<SkippedRule>();
            var disabled = new List<string>();
            var reported = new HashSet<ComplianceProblem>();
            var summary = new AuditSummary
            {
                Subject = context.CompanySubject,
                Period = context.YearPeriod,
                AsOf = context.AsOf,
                Path = dataset.Path,
            };

            // Accepted deviations are judged on the run's date (-AsOf, else today), not the workbook's check date: an
            // exception that expired yesterday no longer holds, whatever day the data was checked.
            DateTime validOn = (asOf ?? DateTime.Today).Date;
            var expired = new HashSet<AcceptedException>();

            void Emit(Finding f)
            {
                RuleDefinition own = catalog.Contains(f.RuleId) ? catalog.Get(f.RuleId) : null;
                f.KeyMonitoring = own?.KeyMonitoring ?? false;
                Except(f, catalog.Exceptions, validOn, expired, context.Report);
                findings.Add(f);
                onFinding?.Invoke(f);
            }

            bool blankWorkbook = SheetNames.IsBlankWorkbook(dataset);
            string blankReason = blankWorkbook ? Text.Format(nameof(Resources.Strings.AuditWorkbookBlank), System.IO.Path.GetFileName(dataset.Path)) : null;
            for (int i = 0; i < planned.Count; i++)
            {
                RuleCheck check = byRule[planned[i]];
                RuleDefinition rule = catalog.Get(planned[i]);
                progress?.Invoke(new AuditProgress(i + 1, planned.Count, new[] { rule.Id }));
                AuditContext ruleContext = context.For(rule);
                if (!rule.Enabled)
                {
                    // Switched off on purpose, and said so: a rule a baseline turned off is never just absent from the findings.
                    disabled.Add(rule.Id);
                    Emit(ruleContext.NotApplicable(Text.Format(nameof(Resources.Strings.AuditRuleDisabled), rule.DisabledBy ?? "-")));
                    continue;
                }

                IReadOnlyList<string> missing = check.MissingSheets(dataset);
                if (missing.Count > 0)
                {
                    string reason = SheetNames.MissingReason(dataset, missing);
                    skipped.Add(new SkippedRule(rule.Id, reason, missing));
                    Emit(ruleContext.Skipped(reason));
                    continue;
                }

                // A template nobody has filled in: rules that need a sheet beyond the company's are Skipped, and a
                // company-only rule that finds nothing declared is not yet "not applicable" (below).
                if (blankWorkbook && !check.HasFigures(dataset) && check.RequiredSheets.Any(s => !string.Equals(s, "Company", StringComparison.OrdinalIgnoreCase)))
                {
                    skipped.Add(new SkippedRule(rule.Id, blankReason));
                    Emit(ruleContext.Skipped(blankReason));
                    continue;
                }

                IReadOnlyList<string> blank = check.BlankSheets(dataset);
                if (blank.Count > 0)
                {
                    string reason = Text.Format(nameof(Resources.Strings.AuditSheetBlank), string.Join(", ", blank.Select(SheetNames.Describe)));
                    skipped.Add(new SkippedRule(rule.Id, reason));
                    Emit(ruleContext.Skipped(reason));
                    continue;
                }

                try
                {
                    // Materialised here so a problem inside the check is caught before any of its findings are written.
                    var produced = check.Run(ruleContext).Where(f => f != null && string.Equals(f.RuleId, rule.Id, StringComparison.OrdinalIgnoreCase)).ToList();
                    if (produced.Count == 0)
                    {
                        // A rule that found nothing to judge still says so: an enabled rule never vanishes from the audit.
                        produced.Add(ruleContext.Skipped(Text.Get(nameof(Resources.Strings.AuditNothingToJudge))));
                    }

                    if (blankWorkbook)
                    {
                        produced = produced.Select(f => f.Status == FindingStatus.NotApplicable ? ruleContext.Skipped(blankReason) : f).ToList();
                    }

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
                    // A problem two rules meet in a result they share (the call records, the package) is reported once.
                    if (reported.Add(ex.Problem))
                    {
                        context.Report(ex.Problem);
                    }

                    skipped.Add(new SkippedRule(rule.Id, ex.Problem.Message));
                    Emit(ruleContext.Skipped(ex.Problem.Message));
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
            summary.Unchecked = selected.Where(id => !byRule.ContainsKey(id) && catalog.Get(id).Enabled).OrderBy(id => id, StringComparer.Ordinal).ToList();
            if (summary.Evaluated == 0)
            {
                summary.Note = Text.Format(nameof(Resources.Strings.AuditNothingEvaluated), summary.SkippedFindings, summary.NotApplicable);
            }

            summary.Excepted = findings.Count(f => f.Exception != null);
            summary.KeyMonitoring = findings.Where(f => f.KeyMonitoring).Select(f => f.RuleId).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(id => id, StringComparer.Ordinal).ToList();
            return new AuditResult(findings, summary);
        }

        /// <summary>
        /// Attaches the first accepted deviation that covers a Red, Yellow or Skipped finding and is valid on
        /// <paramref name="validOn"/>; an expired one that would have covered it is reported once, naming its approver, and
        /// counts as absent. Green and NotApplicable findings need no exception.
        /// </summary>
        private static void Except(Finding f, IReadOnlyList<AcceptedException> exceptions, DateTime validOn, ISet<AcceptedException> expired, Action<ComplianceProblem> report)
        {
            if (exceptions.Count == 0 || f.Status == FindingStatus.Green || f.Status == FindingStatus.NotApplicable)
            {
                return;
            }

            foreach (AcceptedException e in exceptions.Where(e => e.Matches(f)))
            {
                if (e.IsValidOn(validOn))
                {
                    f.Exception = e;
                    return;
                }

                if (expired.Add(e))
                {
                    string where = e.Line.HasValue ? e.Source + ":" + e.Line.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : e.Source;
                    report(new ComplianceProblem(
                        "ComplianceTools.Exception.Expired",
                        ProblemKind.Warning,
                        Text.Format(nameof(Resources.Strings.ExceptionExpired), e.RuleId, e.Subject, e.ApprovedBy, e.ExpiresText, where, validOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                        where));
                }
            }
        }
    }

    /// <summary>Finds the rule checks in assemblies: public, non-abstract <see cref="RuleCheck"/> types with a parameterless constructor.</summary>
    public static class AuditChecks
    {
        /// <summary>One instance of each check, ordered by rule id; two checks claiming one rule is a defect named at once.</summary>
        public static IReadOnlyList<RuleCheck> Discover(params Assembly[] assemblies)
        {
            var checks = (assemblies ?? Array.Empty<Assembly>())
                .Where(a => a != null)
                .Distinct()
                .SelectMany(ExportedTypes)
                .Where(t => t.IsClass && !t.IsAbstract && !t.ContainsGenericParameters && typeof(RuleCheck).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
                .Select(t => (RuleCheck)Activator.CreateInstance(t))
                .OrderBy(c => c.RuleId, StringComparer.Ordinal)
                .ToList();
            var twice = checks.GroupBy(c => c.RuleId, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (twice != null)
            {
                throw new InvalidOperationException("Two checks claim rule " + twice.Key + ": " + string.Join(", ", twice.Select(c => c.GetType().FullName)));
            }

            return checks;
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

        /// <summary>
        /// Why a rule is Skipped for sheets it lacks: "the workbook has no sheet …", or, for rows given one by one (piped
        /// from Import-ComplianceWorkbook -Sheet, Import-Csv), "no row of the sheet … was given" — the sheet may be there and empty.
        /// </summary>
        public static string MissingReason(ComplianceDataset dataset, IEnumerable<string> sheets)
        {
            string names = string.Join(", ", sheets.Select(Describe));
            return Text.Format(dataset != null && dataset.FromGivenRows ? nameof(Resources.Strings.AuditRowsMissing) : nameof(Resources.Strings.AuditSheetMissing), names);
        }

        /// <summary>The sheet's English and Chinese names: "Traffic (呼叫流量)".</summary>
        public static string Describe(string sheet) => s_chinese.Value.TryGetValue(sheet, out string zh) ? sheet + " (" + zh + ")" : sheet;

        /// <summary>A sheet is present when the dataset holds it (its property is not null), or lists it among the sheets read.</summary>
        public static bool IsPresent(ComplianceDataset dataset, string sheet)
        {
            PropertyInfo property = SheetProperty(sheet);
            return property != null ? property.GetValue(dataset) != null : dataset.Has(sheet);
        }

        /// <summary>
        /// A sheet that is there but says nothing: a form (one value per field) with every field empty, or a table with
        /// no rows where no rows does not mean "none" (see <see cref="SheetAttribute.EmptyMeansNone"/>).
        /// </summary>
        public static bool IsBlank(ComplianceDataset dataset, string sheet)
        {
            PropertyInfo property = SheetProperty(sheet);
            object value = property?.GetValue(dataset);
            if (value == null)
            {
                return false;
            }

            SheetAttribute attribute = RowType(property).GetCustomAttribute<SheetAttribute>();
            return value is ICollection rows
                ? rows.Count == 0 && attribute?.EmptyMeansNone != true
                : attribute?.Layout == SheetLayout.Form && FormIsEmpty(value);
        }

        /// <summary>
        /// A workbook with nothing filled in but the company sheet (a template just made by Add-ComplianceClient or
        /// New-ComplianceWorkbook): every table sheet it has holds no row and every other form is empty. Its empty
        /// complaint or penalty sheets say nothing yet, so they are not read as "none".
        /// </summary>
        public static bool IsBlankWorkbook(ComplianceDataset dataset)
        {
            if (dataset == null || string.IsNullOrEmpty(dataset.Path) || dataset.Figures.Count > 0)
            {
                return false;
            }

            bool sheets = false;
            foreach (PropertyInfo property in typeof(ComplianceDataset).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                SheetAttribute attribute = RowType(property).GetCustomAttribute<SheetAttribute>();
                object value = property.GetValue(dataset);
                if (attribute == null || value == null || s_notData.Contains(attribute.Name))
                {
                    continue;
                }

                sheets = true;
                if (value is ICollection rows ? rows.Count > 0 : !FormIsEmpty(value))
                {
                    return false;
                }
            }

            return sheets;
        }

        // Sheets that say who and where, not how the business did: filled in or not, they do not make a workbook hold data.
        private static readonly HashSet<string> s_notData = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Company", "Owners", "Materials" };

        /// <summary>The dataset property holding a sheet (Seats, Company …), or null for a sheet read only by name.</summary>
        private static PropertyInfo SheetProperty(string sheet) =>
            typeof(ComplianceDataset).GetProperty(sheet, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);

        private static Type RowType(PropertyInfo property)
        {
            Type type = property.PropertyType;
            return type.IsGenericType ? type.GetGenericArguments()[0] : type;
        }

        private static bool FormIsEmpty(object form)
        {
            return form.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<ColumnAttribute>() != null)
                .All(p => p.GetValue(form) is null || p.GetValue(form) is string text && text.Trim().Length == 0);
        }
    }
}
