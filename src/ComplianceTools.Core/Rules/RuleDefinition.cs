using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Rules
{
    /// <summary>A line a measured value is held against: "gt 0.30" fails when the value is above 30%.</summary>
    public sealed class RuleThreshold
    {
        /// <summary>What a finding's ThresholdSource says of one of our lines that is not the catalog's own ("ComplianceTools · note").</summary>
        public const string OursSource = "ComplianceTools";

        public RuleThreshold(Comparison comparison, double value, NumberOrigin origin, string baseline = null, string note = null)
        {
            Comparison = comparison;
            Value = value;
            Origin = origin;
            Baseline = origin == NumberOrigin.Baseline ? baseline : null;
            Note = string.IsNullOrWhiteSpace(note) ? null : note;
        }

        /// <summary>The value fails the line when "value Comparison line" holds.</summary>
        public Comparison Comparison { get; }

        public double Value { get; }

        /// <summary>Guide (the number is the guide's), Ours (the guide gives none), or Baseline (<see cref="Baseline"/> set it).</summary>
        public NumberOrigin Origin { get; }

        /// <summary>The baseline file that set the line, when <see cref="Origin"/> is Baseline.</summary>
        public string Baseline { get; }

        /// <summary>Why the line is where it is when it is not the catalog's or a baseline's (key monitoring's tightened Yellow line); null otherwise.</summary>
        public string Note { get; }

        /// <summary>True for a ThresholdSource that carries a note after "ComplianceTools · ".</summary>
        public static bool HasNote(string source) => source != null && source.StartsWith(OursSource + " · ", StringComparison.Ordinal);

        /// <summary>True when a value on the "bad" side of this line is larger (gt, ge): Red above, Yellow earlier means lower.</summary>
        public bool FailsUpward => Comparison == Comparison.GreaterThan || Comparison == Comparison.GreaterOrEqual;

        public bool IsCrossedBy(double measured)
        {
            switch (Comparison)
            {
                case Comparison.GreaterThan: return measured > Value;
                case Comparison.GreaterOrEqual: return measured >= Value;
                case Comparison.LessThan: return measured < Value;
                default: return measured <= Value;
            }
        }

        /// <summary>The same line moved by a baseline file.</summary>
        public RuleThreshold WithValue(double value, string baselineFile) => new RuleThreshold(Comparison, value, NumberOrigin.Baseline, baselineFile);

        /// <summary>The line as a person reads it, in the rule's unit ("&gt; 30%").</summary>
        public string Text(string unit) => Finding.LineText(Comparison, Value, unit);

        public override string ToString() => Finding.ComparisonSymbol(Comparison) + " " + Value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>One entry of the rule catalog, after any baseline has been applied.</summary>
    public sealed class RuleDefinition
    {
        public string Id { get; set; }

        /// <summary>The rule's area, the key to its owner: Seats, Complaints, Numbers, Staff, Systems, Data, Revenue, Scenarios, Filing, Credit, Penalties, Training, Materials.</summary>
        public string Area { get; set; }

        /// <summary>A (annual report guide 000_99f20948c5f14a75) or B (annual inspection guide 002_d5e4f253301f2ff6).</summary>
        public string Guide { get; set; }

        /// <summary>The guide's section the rule comes from (数据关, 高频雷区 …).</summary>
        public string Section { get; set; }

        public LocalizedText TitleText { get; set; }

        public LocalizedText MeasureText { get; set; }

        public LocalizedText RecommendationText { get; set; }

        public string Unit { get; set; }

        /// <summary>Severity of a failure: Red for most rules, Yellow where the guide asks for attention only.</summary>
        public Severity FailSeverity { get; set; } = Severity.Red;

        /// <summary>The line past which the rule fails with <see cref="FailSeverity"/>; null for rules without a numeric line.</summary>
        public RuleThreshold Threshold { get; set; }

        /// <summary>An earlier line that gives Yellow (for example complaint handling: Yellow below 100%).</summary>
        public RuleThreshold Warning { get; set; }

        /// <summary>Further settings of the rule (weights, time windows, patterns), overridable by a baseline.</summary>
        public IDictionary<string, object> Parameters { get; set; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);

        /// <summary>What each parameter may hold (type, range, meaning, whose number it is), from the catalog; the same for every baseline.</summary>
        public IDictionary<string, ParameterSpec> ParameterSpecs { get; set; } = new Dictionary<string, ParameterSpec>(StringComparer.OrdinalIgnoreCase);

        public bool Enabled { get; set; } = true;

        /// <summary>The baseline file that switched the rule off (its name), when one did; the audit says so in a NotApplicable finding.</summary>
        public string DisabledBy { get; set; }

        /// <summary>
        /// True when the rule is on the key-monitoring list this season (it was Red in the previous season's result): its
        /// findings say so, its Yellow line is tightened (see <see cref="KeyMonitoring"/>), its plan items come first.
        /// </summary>
        public bool KeyMonitoring { get; set; }

        /// <summary>Ids of the schedule phases that need this rule's data, besides its guide's filing milestone (a Skipped finding is due at the first).</summary>
        public IReadOnlyList<string> NeededBy { get; set; } = Array.Empty<string>();

        /// <summary>What the rule's findings say, per culture, by name (the catalog entry's text block): a new rule's words live with its entry.</summary>
        public IDictionary<string, LocalizedText> Texts { get; set; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);

        /// <summary>Baseline files that changed this rule, in the order applied.</summary>
        public IList<string> AppliedBaselines { get; private set; } = new List<string>();

        public string Title => TitleText?.Current;

        /// <summary>The Red line as a person reads it (&gt; 30%), empty when the rule has none.</summary>
        public string ThresholdText => Threshold?.Text(Unit) ?? string.Empty;

        /// <summary>The Yellow line as a person reads it, empty when the rule has none.</summary>
        public string WarningText => Warning?.Text(Unit) ?? string.Empty;

        public string Recommendation => RecommendationText?.Current;

        public string TitleZh => TitleText?.Zh;

        public string TitleEn => TitleText?.En;

        /// <summary>The guide's short name as the catalog's guides block gives it (年检指引, Inspection guide (B)).</summary>
        public LocalizedText GuideName { get; set; }

        /// <summary>The guide and section a finding of this rule cites: "年检指引 · 数据关".</summary>
        public string SourceText => SourceTexts.Current;

        /// <summary>The guide and section in both languages ("年检指引 · 数据关", "Inspection guide (B) · 数据关").</summary>
        internal LocalizedText SourceTexts => new LocalizedText((GuideName?.Zh ?? Guide) + " · " + Section, (GuideName?.En ?? Guide) + " · " + Section);

        /// <summary>The colour a measured value earns against this rule's lines.</summary>
        public Severity Classify(double measured)
        {
            if (Threshold != null && Threshold.IsCrossedBy(measured))
            {
                return FailSeverity;
            }

            if (Warning != null && Warning.IsCrossedBy(measured))
            {
                return Severity.Yellow;
            }

            return Severity.Green;
        }

        /// <summary>One of the rule's texts in the user's language, with its placeholders filled ({0}, {1:N0} …).</summary>
        public string Text(string name, params object[] args)
        {
            if (!Texts.TryGetValue(name, out LocalizedText text))
            {
                throw new KeyNotFoundException("Rule " + Id + " has no text '" + name + "' in the catalog.");
            }

            return string.Format(CultureInfo.CurrentCulture, text.Current, args);
        }

        public double GetDouble(string parameter)
        {
            if (Parameters.TryGetValue(parameter, out object value) && value != null)
            {
                return Convert.ToDouble(value, CultureInfo.InvariantCulture);
            }

            throw new KeyNotFoundException("Rule " + Id + " has no parameter '" + parameter + "'.");
        }

        public string GetString(string parameter)
        {
            return Parameters.TryGetValue(parameter, out object value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        }

        public IReadOnlyList<string> GetStrings(string parameter)
        {
            if (!Parameters.TryGetValue(parameter, out object value) || value == null)
            {
                return Array.Empty<string>();
            }

            if (value is IEnumerable<string> strings)
            {
                return new List<string>(strings);
            }

            if (value is System.Collections.IEnumerable items && !(value is string))
            {
                var list = new List<string>();
                foreach (object item in items)
                {
                    list.Add(Convert.ToString(item, CultureInfo.InvariantCulture));
                }

                return list;
            }

            return new[] { Convert.ToString(value, CultureInfo.InvariantCulture) };
        }

        /// <summary>
        /// A finding for this rule, with title, area, source, recommendation and the line it was judged against
        /// (the Yellow line for a Yellow result that did not cross the failing line) with that line's origin. Subject,
        /// reason and evidence pass through the one masking path: text typed into a workbook (a company name holding a
        /// phone number) cannot carry personal data into a finding, a plan, a report or a task.
        /// </summary>
        public Finding NewFinding(Severity severity, double? value, string subject, string period, string reason, IReadOnlyList<EvidenceItem> evidence = null)
        {
            RuleThreshold judged = JudgedLine(severity, value);
            return new Finding
            {
                RuleId = Id,
                Title = Title,
                Area = Area,
                Status = (FindingStatus)(int)severity,
                Value = value,
                Threshold = judged?.Value,
                ThresholdOrigin = judged?.Origin,
                ThresholdSource = judged == null ? null : LineSource(judged),
                YellowThreshold = Warning?.Value,
                Comparison = judged?.Comparison,
                Unit = Unit,
                Subject = Privacy.Mask.Text(subject),
                Period = period,
                Reason = Privacy.Mask.Text(reason),
                Recommendation = severity == Severity.Green ? string.Empty : Recommendation,
                Source = SourceText,
                Baseline = string.Join(", ", AppliedBaselines),
                Evidence = evidence?.Select(e => new EvidenceItem(Privacy.Mask.Text(e.Subject), Privacy.Mask.Text(e.Detail), e.Value, Privacy.Mask.Text(e.Location))).ToList(),
            };
        }

        /// <summary>
        /// A finding that says the rule could not run (<see cref="FindingStatus.Skipped"/>: the reason names what to
        /// provide) or does not apply (<see cref="FindingStatus.NotApplicable"/>: the reason says why). It has no
        /// colour (Severity is null) and no value.
        /// </summary>
        public Finding NewSkipped(FindingStatus status, string subject, string period, string reason)
        {
            if (status != FindingStatus.Skipped && status != FindingStatus.NotApplicable)
            {
                throw new ArgumentOutOfRangeException(nameof(status), status, "Skipped or NotApplicable");
            }

            var finding = NewFinding(Severity.Green, null, subject, period, reason);
            finding.Status = status;
            return finding;
        }

        /// <summary>Where a line comes from, as a person reads it: the guide and section, ours, or the baseline file.</summary>
        public string LineSource(RuleThreshold line)
        {
            switch (line.Origin)
            {
                case NumberOrigin.Guide: return SourceText;
                case NumberOrigin.Baseline: return line.Baseline;
                default: return line.Note == null ? RuleThreshold.OursSource : RuleThreshold.OursSource + " · " + line.Note;
            }
        }

        private RuleThreshold JudgedLine(Severity severity, double? value)
        {
            if (severity != Severity.Yellow || Warning == null)
            {
                return Threshold ?? Warning;
            }

            bool failLineCrossed = value.HasValue && Threshold != null ? Threshold.IsCrossedBy(value.Value) : FailSeverity == Severity.Yellow;
            return failLineCrossed ? Threshold : Warning;
        }

        public RuleDefinition Clone()
        {
            var clone = (RuleDefinition)MemberwiseClone();
            clone.Parameters = new Dictionary<string, object>(Parameters, StringComparer.OrdinalIgnoreCase);
            clone.AppliedBaselines = new List<string>(AppliedBaselines);
            return clone;
        }
    }
}
