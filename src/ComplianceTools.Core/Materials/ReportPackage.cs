using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Core.Materials
{
    /// <summary>
    /// MAT-001 to MAT-004 (guide B, 材料包): is the inspection's materials package complete and acceptable?
    /// Files are matched to the required documents by the name patterns of the rules' <c>documents</c>
    /// parameter or by the materials sheet; PDFs are judged from the facts the engine read (opens, not
    /// encrypted, has pages, scan resolution); the paper set and the audit report from the materials sheet;
    /// the social-insurance list's months from the SocialInsurance sheet.
    /// </summary>
    public static partial class ReportPackage
    {
        public const string GeneralRuleId = "MAT-001";
        public const string SpecialRuleId = "MAT-002";
        public const string VersionsRuleId = "MAT-003";
        public const string AuditRuleId = "MAT-004";

        public static readonly IReadOnlyList<string> RuleIds = new[] { GeneralRuleId, SpecialRuleId, VersionsRuleId, AuditRuleId };

        /// <summary>Checks the package. <paramref name="inspectPdf"/> reads one PDF (called once per matched PDF); disabled rules are left out.</summary>
        public static PackageResult Evaluate(RuleCatalog catalog, PackageInput input, Func<PackageFile, PdfFacts> inspectPdf)
        {
            if (catalog == null)
            {
                throw new ArgumentNullException(nameof(catalog));
            }

            if (input == null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            // Every rule parameter is read before a file is touched, so a bad baseline fails at once.
            var settings = new Settings(catalog);
            RuleDefinition general = settings.General;
            RuleDefinition special = settings.Special;
            RuleDefinition versions = settings.Versions;
            RuleDefinition audit = settings.Audit;
            IReadOnlyList<PackageDocument> documents = settings.Documents;
            int socialMonths = settings.SocialInsuranceMonths;
            double minDpi = settings.MinDpi;
            double redDpi = settings.RedDpi;
            AuditOpinion? accepted = settings.AcceptedOpinion;

            var inspected = new Dictionary<PackageFile, PdfFacts>();
            PdfFacts Inspect(PackageFile file)
            {
                if (!inspected.TryGetValue(file, out PdfFacts facts))
                {
                    facts = file.Length == 0 ? new PdfFacts { State = PdfState.Empty } : inspectPdf(file);
                    inspected[file] = facts;
                }

                return facts;
            }

            var context = new Context(input);
            var checklist = new List<PackageChecklistItem>();
            foreach (PackageDocument document in documents)
            {
                var files = new List<PackageFile>(input.Files.Where(f => document.MatchesPath(f.RelativePath)));
                var rows = context.MaterialRows.Where(r => document.MatchesLabel(r.Document)).ToList();
                var checks = new List<PackageCheck>();
                foreach (MaterialRow row in rows.Where(r => !string.IsNullOrWhiteSpace(r.File)))
                {
                    PackageFile named = context.Resolve(row.File);
                    if (named == null)
                    {
                        checks.Add(new PackageCheck(document.RuleId, Severity.Yellow, Text.Format(nameof(Strings.MaterialsSheetFileMissing), Where(row), PackagePaths.Display(row.File.Trim())), Where(row)));
                    }
                    else if (!files.Contains(named))
                    {
                        files.Add(named);
                    }
                }

                files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
                bool required = !document.IsConditional || context.RobotSeats != Tristate.No;
                checks.Insert(0, Presence(document, files, context));

                if (files.Count > 0 && document.Kind == PackageDocument.KindSocialInsurance && general != null)
                {
                    checks.Add(SocialInsuranceMonths(document, context, socialMonths));
                }

                double? dpi = null;
                if (files.Count > 0 && versions != null)
                {
                    dpi = PdfVersion(files, Inspect, minDpi, redDpi, checks);
                    PaperVersion(rows, context, checks);
                }

                if (document.Kind == PackageDocument.KindAuditReport && audit != null)
                {
                    AuditReport(rows, context, accepted.Value, checks);
                }

                checklist.Add(Row(document, files, required, dpi, checks, input.Folder));
            }

            var findings = new List<Finding>();
            if (general != null)
            {
                findings.Add(DocumentFinding(general, checklist, input));
            }

            if (special != null)
            {
                findings.Add(DocumentFinding(special, checklist, input));
            }

            if (versions != null)
            {
                int present = checklist.Count(c => c.Files.Count > 0);
                findings.Add(present > 0
                    ? CheckFinding(versions, checklist, input, present)
                    : versions.NewSkipped(FindingStatus.Skipped, input.Subject, input.Period, Text.Get(nameof(Strings.MaterialsVersionsNothingFound))));
            }

            if (audit != null)
            {
                findings.Add(checklist.Any(c => c.Checks.Any(k => k.RuleId == AuditRuleId))
                    ? CheckFinding(audit, checklist, input, 1)
                    : audit.NewSkipped(FindingStatus.NotApplicable, input.Subject, input.Period, Text.Get(nameof(Strings.MaterialsAuditNoDocument))));
            }

            return new PackageResult(checklist, findings);
        }

        /// <summary>Reads the parameters of the enabled rules (documents, socialInsuranceMonths, minDpi, acceptedOpinion); a bad value throws a <see cref="ComplianceException"/> naming the rule.</summary>
        public static void Validate(RuleCatalog catalog)
        {
            _ = new Settings(catalog ?? throw new ArgumentNullException(nameof(catalog)));
        }

        private static RuleDefinition Enabled(RuleCatalog catalog, string id)
        {
            RuleDefinition rule = catalog.Get(id);
            return rule.Enabled ? rule : null;
        }

        /// <summary>The enabled rules and their parameters after baselines.</summary>
        private sealed class Settings
        {
            public Settings(RuleCatalog catalog)
            {
                General = Enabled(catalog, GeneralRuleId);
                Special = Enabled(catalog, SpecialRuleId);
                Versions = Enabled(catalog, VersionsRuleId);
                Audit = Enabled(catalog, AuditRuleId);
                var documents = new List<PackageDocument>();
                if (General != null)
                {
                    documents.AddRange(PackageDocument.FromRule(General));
                    SocialInsuranceMonths = (int)Math.Ceiling(Positive(General, "socialInsuranceMonths"));
                }

                if (Special != null)
                {
                    documents.AddRange(PackageDocument.FromRule(Special));
                }

                Documents = documents;
                MinDpi = Versions == null ? 0 : Positive(Versions, "minDpi");
                RedDpi = Versions == null ? 0 : Positive(Versions, "redDpi");
                if (RedDpi > MinDpi)
                {
                    throw new ComplianceException(new ComplianceProblem(
                        "ComplianceTools.Catalog.ParameterInvalid", ProblemKind.InvalidData, Text.Format(nameof(Strings.MaterialsDpiLinesInverted), Versions.Id, Dpi(RedDpi), Dpi(MinDpi)), Versions.Id));
                }
                AcceptedOpinion = Audit == null ? (AuditOpinion?)null : AcceptedOpinionOf(Audit);
            }

            public RuleDefinition General { get; }

            public RuleDefinition Special { get; }

            public RuleDefinition Versions { get; }

            public RuleDefinition Audit { get; }

            public IReadOnlyList<PackageDocument> Documents { get; }

            public int SocialInsuranceMonths { get; }

            /// <summary>Below this a scan is Yellow (ours: 300 dpi; the guide says only 高清扫描版).</summary>
            public double MinDpi { get; }

            /// <summary>Below this a scan is Red (ours: 150 dpi).</summary>
            public double RedDpi { get; }

            public AuditOpinion? AcceptedOpinion { get; }

            private static double Positive(RuleDefinition rule, string parameter)
            {
                double value;
                try
                {
                    value = rule.GetDouble(parameter);
                }
                catch (Exception ex) when (ex is KeyNotFoundException || ex is FormatException || ex is InvalidCastException)
                {
                    value = double.NaN;
                }

                if (double.IsNaN(value) || double.IsInfinity(value) || value <= 0)
                {
                    throw new ComplianceException(new ComplianceProblem(
                        "ComplianceTools.Materials.ParameterInvalid",
                        ProblemKind.InvalidData,
                        Text.Format(nameof(Strings.MaterialsParameterInvalid), rule.Id, parameter),
                        rule.Id));
                }

                return value;
            }
        }

        private static PackageChecklistItem Row(PackageDocument document, IReadOnlyList<PackageFile> files, bool required, double? dpi, IReadOnlyList<PackageCheck> checks, string folder)
        {
            Severity status = checks.Select(c => c.Severity).DefaultIfEmpty(Severity.Green).Max();
            string reason = status == Severity.Green
                ? checks[0].Reason
                : string.Join(" ", checks.Where(c => c.Severity != Severity.Green).OrderByDescending(c => c.Severity).Select(c => c.RuleId + ": " + c.Reason));
            return new PackageChecklistItem
            {
                RuleId = document.RuleId,
                DocumentId = document.Id,
                Document = document.Name.Current,
                Files = files.Select(f => f.DisplayPath).ToList(),
                Required = required,
                Status = status,
                Reason = reason,
                Dpi = dpi,
                Checks = checks,
                Package = folder,
            };
        }

        /// <summary>MAT-003/MAT-004: Value is the number of documents with a Red check under the rule; Yellow ones are to review.</summary>
        private static Finding CheckFinding(RuleDefinition rule, IReadOnlyList<PackageChecklistItem> checklist, PackageInput input, int checkedCount)
        {
            var rows = checklist.Where(c => c.Checks.Any(k => k.RuleId == rule.Id)).ToList();
            var evidence = Evidence(rule.Id, rows);
            var red = rows.Where(r => Worst(r, rule.Id) == Severity.Red).ToList();
            var yellow = rows.Where(r => Worst(r, rule.Id) == Severity.Yellow).ToList();
            string reason;
            if (red.Count + yellow.Count == 0)
            {
                reason = rule.Id == AuditRuleId
                    ? rows[0].Checks.First(k => k.RuleId == rule.Id).Reason
                    : Text.Format(nameof(Strings.MaterialsVersionsReasonOk), checkedCount);
            }
            else if (rule.Id == AuditRuleId)
            {
                reason = string.Join(" ", evidence.Select(e => e.Detail));
            }
            else
            {
                var parts = new List<string>();
                if (red.Count > 0)
                {
                    parts.Add(Text.Format(nameof(Strings.MaterialsCheckReasonRed), red.Count, checkedCount, List(red.Select(r => r.Document))));
                }

                if (yellow.Count > 0)
                {
                    parts.Add(Text.Format(nameof(Strings.MaterialsCheckReasonReview), yellow.Count, List(yellow.Select(r => r.Document))));
                }

                reason = string.Join(" ", parts);
            }

            return NewFinding(rule, red.Count, yellow.Count, input, reason, evidence);
        }

        private static Finding NewFinding(RuleDefinition rule, int red, int yellow, PackageInput input, string reason, IReadOnlyList<EvidenceItem> evidence)
        {
            Severity severity = rule.Classify(red);
            if (severity == Severity.Green && (yellow > 0 || red > 0))
            {
                severity = Severity.Yellow;
            }

            return rule.NewFinding(severity, red, input.Subject, input.Period, reason, evidence);
        }

        private static Severity Worst(PackageChecklistItem row, string ruleId)
        {
            return row.Checks.Where(c => c.RuleId == ruleId).Select(c => c.Severity).DefaultIfEmpty(Severity.Green).Max();
        }

        private static IReadOnlyList<EvidenceItem> Evidence(string ruleId, IEnumerable<PackageChecklistItem> rows)
        {
            return rows.SelectMany(r => r.Checks.Where(c => c.RuleId == ruleId && c.Severity != Severity.Green)
                    .Select(c => new EvidenceItem(r.Document, c.Reason, null, c.Location)))
                .ToList();
        }

        /// <summary>Joins names the way the user's language lists them: 、 in Chinese, ", " in English.</summary>
        private static string List(IEnumerable<string> items) => string.Join(UiLanguage.Pick("、", ", "), items);

        private static string Dpi(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

        private static string Where(MaterialRow row)
        {
            return row?.Origin?.ToString() ?? Text.Format(nameof(Strings.MaterialsSheetRow), row?.Document);
        }

        private static DateTime? ParseMonth(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            string[] formats = { "yyyy-MM", "yyyy-M", "yyyy/MM", "yyyy/M", "yyyyMM", "yyyy年M月", "yyyy年MM月", "yyyy-MM-dd" };
            return DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime month)
                ? new DateTime(month.Year, month.Month, 1)
                : (DateTime?)null;
        }

        private enum Tristate
        {
            Unknown,
            No,
            Yes,
        }

        /// <summary>What every document's checks share: the materials rows, file lookup and whether there are robot seats.</summary>
        private sealed class Context
        {
            private readonly Dictionary<string, PackageFile> _byPath;
            private readonly string _workbookFolder;

            public Context(PackageInput input)
            {
                Input = input;
                Dataset = input.Dataset;
                MaterialRows = Dataset?.Materials?.Where(r => r != null).ToList() ?? new List<MaterialRow>();
                _byPath = new Dictionary<string, PackageFile>(StringComparer.OrdinalIgnoreCase);
                foreach (PackageFile file in input.Files)
                {
                    _byPath[file.FullPath] = file;
                }

                _workbookFolder = string.IsNullOrEmpty(Dataset?.Path) ? null : System.IO.Path.GetDirectoryName(Dataset.Path);

                int aiSeats = Dataset?.Seats?.Count(s => s != null && s.SeatType == SeatType.AI) ?? 0;
                long aiCalls = Dataset?.Traffic?.Where(t => t != null).Sum(t => t.AiOutboundCalls ?? 0) ?? 0;
                var evidence = new List<string>();
                if (aiSeats > 0)
                {
                    evidence.Add(Text.Format(nameof(Strings.MaterialsRobotSeats), aiSeats));
                }

                if (aiCalls > 0)
                {
                    evidence.Add(Text.Format(nameof(Strings.MaterialsRobotCalls), aiCalls.ToString("#,0", CultureInfo.InvariantCulture)));
                }

                RobotEvidence = string.Join("; ", evidence);
                RobotSeats = evidence.Count > 0 ? Tristate.Yes : (Dataset?.Seats != null || Dataset?.Traffic != null ? Tristate.No : Tristate.Unknown);
            }

            public PackageInput Input { get; }

            public ComplianceDataset Dataset { get; }

            public IReadOnlyList<MaterialRow> MaterialRows { get; }

            public Tristate RobotSeats { get; }

            public string RobotEvidence { get; }

            /// <summary>The listed file a materials-sheet path names: relative to the package folder, else to the workbook; null when it is not in the package.</summary>
            public PackageFile Resolve(string path)
            {
                string trimmed = path.Trim();
                var candidates = new List<string>();
                try
                {
                    if (System.IO.Path.IsPathRooted(trimmed))
                    {
                        candidates.Add(System.IO.Path.GetFullPath(trimmed));
                    }
                    else
                    {
                        candidates.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(Input.Folder, trimmed)));
                        if (_workbookFolder != null)
                        {
                            candidates.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(_workbookFolder, trimmed)));
                        }
                    }
                }
                catch (ArgumentException)
                {
                    return null;
                }
                catch (NotSupportedException)
                {
                    return null;
                }

                foreach (string candidate in candidates)
                {
                    if (_byPath.TryGetValue(candidate, out PackageFile file))
                    {
                        return file;
                    }
                }

                return null;
            }
        }
    }
}
