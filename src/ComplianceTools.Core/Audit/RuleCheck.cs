using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Core.Audit
{
    /// <summary>
    /// One rule, one class: the data it needs, when it is Skipped or NotApplicable, its subject and key, and the check
    /// itself. Invoke-ComplianceAudit, every check cmdlet (-Dataset, rows, and the what-if figures) and
    /// Test-ReportPackage run it through <see cref="AuditRunner"/>, so a rule gives the same findings however it is
    /// called. Implementations are found by reflection (public, non-abstract, parameterless constructor) in
    /// ComplianceTools.Core and ComplianceTools.Engine: a new rule joins the audit without anything listing it.
    /// </summary>
    public abstract class RuleCheck
    {
        /// <summary>The catalog id of the rule (SEAT-001).</summary>
        public abstract string RuleId { get; }

        /// <summary>English names of the sheets the rule needs (Seats, Complaints …); when one is missing the finding is Skipped naming it.</summary>
        public virtual IReadOnlyList<string> RequiredSheets => Array.Empty<string>();

        /// <summary>
        /// Figures typed in for a what-if (a cmdlet's parameters of these names) that stand in for the sheets: when the
        /// dataset carries every one of them, <see cref="RequiredSheets"/> are not needed.
        /// </summary>
        public virtual IReadOnlyList<string> Figures => Array.Empty<string>();

        /// <summary>What-if figures that may come with <see cref="Figures"/> (or, where there are no required ones, any of them makes a what-if).</summary>
        public virtual IReadOnlyList<string> OptionalFigures => Array.Empty<string>();

        /// <summary>Further inputs the rule reads when given (a folder, a file, a reference source), by name; a cmdlet passes its parameters of these names.</summary>
        public virtual IReadOnlyList<string> Inputs => Array.Empty<string>();

        /// <summary>The findings for <see cref="AuditContext.Rule"/>. Problems go to <see cref="AuditContext.Report"/>; a <see cref="ComplianceException"/> skips the rule with its message.</summary>
        public abstract IEnumerable<Finding> Run(AuditContext context);

        /// <summary>True when the dataset is a what-if for this rule: every required figure (or, with none required, any optional one) is there.</summary>
        public bool HasFigures(ComplianceDataset dataset)
        {
            return Figures.Count > 0
                ? Figures.All(dataset.Figures.ContainsKey)
                : OptionalFigures.Any(dataset.Figures.ContainsKey);
        }

        /// <summary>The sheets the rule needs that the dataset lacks (none when its figures stand in for them).</summary>
        public IReadOnlyList<string> MissingSheets(ComplianceDataset dataset)
        {
            return HasFigures(dataset) ? Array.Empty<string>() : RequiredSheets.Where(s => !SheetNames.IsPresent(dataset, s)).ToList();
        }

        /// <summary>
        /// The sheets the rule needs that are there but hold nothing (a form never filled in, a seats or traffic sheet
        /// without a row): a blank sheet says nothing, so the rule is skipped rather than judging every empty field a
        /// failure or dividing by nothing.
        /// </summary>
        public IReadOnlyList<string> BlankSheets(ComplianceDataset dataset)
        {
            return HasFigures(dataset) ? Array.Empty<string>() : RequiredSheets.Where(s => SheetNames.IsBlank(dataset, s)).ToList();
        }
    }

    /// <summary>What a rule may use: the dataset, the catalog after baselines, its own rule, the check date, named inputs, and a sink for problems.</summary>
    public sealed class AuditContext
    {
        private readonly Dictionary<string, object> _shared;

        public AuditContext(ComplianceDataset dataset, RuleCatalog catalog, DateTime asOf, Action<ComplianceProblem> report)
            : this(dataset, catalog, asOf, report, new Dictionary<string, object>(StringComparer.Ordinal))
        {
        }

        private AuditContext(ComplianceDataset dataset, RuleCatalog catalog, DateTime asOf, Action<ComplianceProblem> report, Dictionary<string, object> shared)
        {
            Dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
            Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
            AsOf = asOf;
            Report = report ?? (_ => { });
            _shared = shared;
        }

        public ComplianceDataset Dataset { get; }

        public RuleCatalog Catalog { get; }

        /// <summary>The rule being checked, after baselines.</summary>
        public RuleDefinition Rule { get; private set; }

        /// <summary>The check date: -AsOf, else the Company sheet's CheckDate, else today.</summary>
        public DateTime AsOf { get; }

        /// <summary>Reports a problem (a bad row, an unreadable file) without stopping the audit.</summary>
        public Action<ComplianceProblem> Report { get; }

        /// <summary>Folder of the workbook, for paths the workbook gives relative to itself.</summary>
        public string BaseDirectory => string.IsNullOrEmpty(Dataset.Path) ? Environment.CurrentDirectory : System.IO.Path.GetDirectoryName(Dataset.Path);

        /// <summary>Extra inputs by name (CallRecords → file lists per source; a package folder; a reference source).</summary>
        public IDictionary<string, object> Inputs { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Subject of company-wide findings: the company name, else the workbook's file name; null for rows or figures
        /// typed in, where the rule names its own subject (Seats, Complaints …).
        /// </summary>
        public string CompanySubject => Dataset.Company?.CompanyName
            ?? (string.IsNullOrEmpty(Dataset.Path) ? null : System.IO.Path.GetFileNameWithoutExtension(Dataset.Path));

        /// <summary>Period of year-wide findings: the report year from the workbook; null when it does not say (the rule may take it from the data).</summary>
        public string YearPeriod => Dataset.Company?.ReportYear?.ToString(CultureInfo.InvariantCulture);

        /// <summary>The context for one rule (same dataset, inputs and shared results).</summary>
        public AuditContext For(RuleDefinition rule)
        {
            var context = new AuditContext(Dataset, Catalog, AsOf, Report, _shared) { Rule = rule };
            foreach (KeyValuePair<string, object> input in Inputs)
            {
                context.Inputs[input.Key] = input.Value;
            }

            return context;
        }

        /// <summary>A what-if figure as a number, or null when it was not given.</summary>
        public double? Figure(string name) => FigureValue(name) is object v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : (double?)null;

        /// <summary>A what-if figure as given (a date, a text, a table), or null.</summary>
        public object FigureValue(string name) => Dataset.Figures.TryGetValue(name, out object v) ? v : null;

        /// <summary>A named input, or null.</summary>
        public object Input(string name) => Inputs.TryGetValue(name, out object v) ? v : null;

        /// <summary>
        /// A result several rules share (the materials package walked once for MAT-001 to MAT-004, the call records
        /// compared once for DATA-001 and DATA-002), computed on first use within one run.
        /// </summary>
        public T Shared<T>(string key, Func<T> compute)
        {
            if (_shared.TryGetValue(key, out object value) && value is T known)
            {
                return known;
            }

            T made = compute();
            _shared[key] = made;
            return made;
        }

        /// <summary>A company-wide finding of this rule for the report year.</summary>
        public Finding Finding(Severity severity, double? value, string reason, IReadOnlyList<EvidenceItem> evidence = null)
            => Rule.NewFinding(severity, value, CompanySubject, YearPeriod, reason, evidence);

        /// <summary>The rule could not run: <paramref name="reason"/> names what to provide.</summary>
        public Finding Skipped(string reason) => Rule.NewSkipped(FindingStatus.Skipped, CompanySubject, YearPeriod, reason);

        /// <summary>The rule does not apply to this operator: <paramref name="reason"/> says why.</summary>
        public Finding NotApplicable(string reason) => Rule.NewSkipped(FindingStatus.NotApplicable, CompanySubject, YearPeriod, reason);
    }
}
