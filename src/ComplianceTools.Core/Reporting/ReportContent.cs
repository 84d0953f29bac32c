using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Resources;
using ComplianceTools.Core.Rules;

namespace ComplianceTools.Core.Reporting
{
    /// <summary>
    /// What a report shows, prepared once for either format: copies of the findings and plan items with rule titles,
    /// recommendations, guide names and plan titles in the report's language (the caller's objects are not changed),
    /// in reading order, and the dashboard computed from them.
    /// </summary>
    public sealed class ReportContent
    {
        private ReportContent()
        {
        }

        public CultureInfo Culture { get; private set; }

        /// <summary>Worst first: Red, Yellow, Skipped, Green, not applicable; then by rule and subject.</summary>
        public IReadOnlyList<Finding> Findings { get; private set; }

        /// <summary>By due date, then key.</summary>
        public IReadOnlyList<PlanItem> Items { get; private set; }

        public ReportDashboard Dashboard { get; private set; }

        /// <summary>Changes since the client's previous run, worst first; null when the report has none to show.</summary>
        public IReadOnlyList<Workspace.FindingChange> Changes { get; private set; }

        /// <summary>When the previous run was.</summary>
        public DateTimeOffset? ChangesSince { get; private set; }

        /// <summary>Findings an accepted deviation covers, as the findings list orders them.</summary>
        public IReadOnlyList<Finding> Excepted => Findings.Where(f => f.Exception != null).ToList();

        /// <summary>The counts of the changes as a person reads them ("Regressed 1 · New 2 · …"), in the UI culture.</summary>
        public string ChangeCounts
        {
            get
            {
                string[] names = Text.Get(nameof(Strings.ReportChangeNames)).Split('|');
                return string.Join(" · ", (Changes ?? Array.Empty<Workspace.FindingChange>()).GroupBy(c => c.Change).OrderBy(g => (int)g.Key)
                    .Select(g => names[(int)g.Key] + " " + g.Count().ToString(CultureInfo.InvariantCulture)));
            }
        }

        /// <summary>A change's name in the UI culture.</summary>
        public static string ChangeName(Workspace.ChangeKind change) => Text.Get(nameof(Strings.ReportChangeNames)).Split('|')[(int)change];

        /// <summary>A finding's accepted deviation in one line: reason · approver · until date; empty without one.</summary>
        public static string ExceptionText(Finding f) => f.Exception == null ? string.Empty
            : Text.Format(nameof(Strings.ReportExceptionText), ReportText.Scrub(f.Exception.Reason), ReportText.Scrub(f.Exception.ApprovedBy), f.Exception.ExpiresText);

        /// <summary>Refuses an empty report (no finding and no plan item) unless options allow it: ComplianceTools.Report.Empty, nothing written.</summary>
        public static void CheckNotEmpty(string path, IReadOnlyList<Finding> findings, IReadOnlyList<PlanItem> items, ReportOptions options)
        {
            if ((findings == null || findings.Count == 0) && (items == null || items.Count == 0) && !(options?.AllowEmpty ?? false))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Report.Empty", ProblemKind.InvalidData, Text.Format(nameof(Strings.ReportEmpty), path), path));
            }
        }

        /// <summary>Prepares the report; call it with <see cref="ReportOptions.Culture"/> as the UI culture (see <see cref="UiLanguage.Use"/>).</summary>
        public static ReportContent Prepare(IReadOnlyList<Finding> findings, IReadOnlyList<PlanItem> items, ReportOptions options)
        {
            options = options ?? new ReportOptions();
            var relabel = new Relabeller(options.Catalog, options.Phrases);
            var f = (findings ?? Array.Empty<Finding>()).Where(x => x != null).Select(relabel.Finding)
                .OrderBy(x => Finding.Rank(x.Status)).ThenBy(x => x.RuleId, StringComparer.Ordinal).ThenBy(x => x.Subject, StringComparer.Ordinal).ThenBy(x => x.Period, StringComparer.Ordinal)
                .ToList();
            var i = (items ?? Array.Empty<PlanItem>()).Where(x => x != null).Select(relabel.Item)
                .OrderBy(x => x.DueDate).ThenBy(x => x.Key, StringComparer.Ordinal)
                .ToList();
            if (!options.IncludePersonalData)
            {
                i = OwnerMasks.Apply(i);
            }

            return new ReportContent
            {
                Culture = CultureInfo.CurrentUICulture,
                Findings = f,
                Items = i,
                Dashboard = ReportDashboard.Build(f, i, options),
                Changes = options.Changes?.Select(relabel.Change).ToList(),
                ChangesSince = options.ChangesSince,
            };
        }

        /// <summary>Status names in the UI culture: Green, Yellow, Red, Skipped, Not applicable.</summary>
        public static string StatusName(FindingStatus status) => Text.Get(nameof(Strings.ReportSeverityNames)).Split('|')[(int)status];

        /// <summary>Whose line it is, in the UI culture: "指引 · 年检指引 · 数据关", "本工具设定", "基线 · guangdong.json".</summary>
        public static string OriginText(Finding f)
        {
            if (!f.ThresholdOrigin.HasValue)
            {
                return string.Empty;
            }

            string name = Text.Get(nameof(Strings.NumberOriginNames)).Split('|')[(int)f.ThresholdOrigin.Value];
            if (f.ThresholdOrigin == NumberOrigin.Ours)
            {
                // Our own line is "ours" alone, unless it carries a note (key monitoring's tightened Yellow line).
                return RuleThreshold.HasNote(f.ThresholdSource) ? name + " · " + f.ThresholdSource.Substring(RuleThreshold.OursSource.Length + 3) : name;
            }

            return string.IsNullOrEmpty(f.ThresholdSource) ? name : name + " · " + f.ThresholdSource;
        }

        /// <summary>Puts texts the module wrote in the other language into the UI culture's, where it knows both.</summary>
        private sealed class Relabeller
        {
            private readonly RuleCatalog _catalog;
            private readonly List<LocalizedText> _phrases;
            private readonly bool _chinese = UiLanguage.IsChinese;

            public Relabeller(RuleCatalog catalog, IEnumerable<LocalizedText> phrases)
            {
                _catalog = catalog;
                _phrases = (phrases ?? Enumerable.Empty<LocalizedText>())
                    .Where(p => p != null && p.Zh.Length > 0 && p.En.Length > 0 && p.Zh != p.En)
                    .OrderByDescending(p => Math.Max(p.Zh.Length, p.En.Length))
                    .ToList();
            }

            public Finding Finding(Finding original)
            {
                RuleDefinition rule = Rule(original.RuleId);
                if (rule == null)
                {
                    return original;
                }

                Finding f = original.Copy();
                f.Title = Exact(f.Title, rule.TitleText);
                f.Recommendation = Exact(f.Recommendation, rule.RecommendationText);
                f.Source = Exact(f.Source, rule.SourceTexts);
                if (f.ThresholdOrigin == NumberOrigin.Guide)
                {
                    f.ThresholdSource = Exact(f.ThresholdSource, rule.SourceTexts);
                }

                return f;
            }

            public Workspace.FindingChange Change(Workspace.FindingChange original)
            {
                RuleDefinition rule = Rule(original.RuleId);
                if (rule == null)
                {
                    return original;
                }

                Workspace.FindingChange c = original.Copy();
                c.Title = Exact(c.Title, rule.TitleText);
                return c;
            }

            public PlanItem Item(PlanItem original)
            {
                RuleDefinition rule = Rule(original.RuleId);
                if (rule == null && _phrases.Count == 0)
                {
                    return original;
                }

                PlanItem i = original.Copy();
                if (rule != null)
                {
                    i.Title = Within(i.Title, rule.TitleText);
                    i.Source = Exact(i.Source, rule.SourceTexts);
                }

                foreach (LocalizedText phrase in _phrases)
                {
                    i.Title = Within(i.Title, phrase);
                }

                return i;
            }

            private RuleDefinition Rule(string id) => _catalog != null && !string.IsNullOrEmpty(id) && _catalog.Contains(id) ? _catalog.Get(id) : null;

            private string Exact(string text, LocalizedText known)
            {
                if (string.IsNullOrEmpty(text) || known == null)
                {
                    return text;
                }

                return text == known.Zh || text == known.En ? known.Current : text;
            }

            private string Within(string text, LocalizedText known)
            {
                if (string.IsNullOrEmpty(text) || known == null || known.Zh.Length == 0 || known.En.Length == 0)
                {
                    return text;
                }

                string other = _chinese ? known.En : known.Zh;
                return text.IndexOf(other, StringComparison.Ordinal) >= 0 ? text.Replace(other, known.Current) : text;
            }
        }
    }
}
