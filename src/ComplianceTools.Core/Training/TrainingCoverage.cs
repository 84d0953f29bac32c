using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Training
{
    /// <summary>
    /// TRAIN-001 (guide A, 第三步 三张清单 3): every active agent (Staff: IsAgent = 是 and not left) has this
    /// year's compliance training on record: exam certificate, sign-in sheet and exam paper. Coverage = agents
    /// with all three / active agents; Yellow below the line (100%).
    /// </summary>
    public sealed class TrainingCoverage : RuleCheck
    {
        public const string Id = "TRAIN-001";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Staff", "Training" };

        /// <summary>-Year: the training year when the workbook's Company sheet does not give the report year.</summary>
        public override IReadOnlyList<string> Inputs { get; } = new[] { "Year" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            int? year = context.Input("Year") as int? ?? context.Dataset.Company?.ReportYear;
            if (!year.HasValue)
            {
                yield return context.Rule.NewSkipped(FindingStatus.Skipped, context.CompanySubject, null, Text.Get(nameof(Resources.Strings.TrainingYearMissing)));
                yield break;
            }

            yield return Check(context.Rule, context.Dataset.Staff, context.Dataset.Training, year.Value, context.CompanySubject);
        }

        public static Finding Check(RuleDefinition rule, IEnumerable<StaffRow> staff, IEnumerable<TrainingRow> training, int year, string subject = null)
        {
            string period = year.ToString(CultureInfo.InvariantCulture);
            var agents = staff
                .Where(s => s.IsAgent == YesNo.Yes && s.Enabled != YesNo.No && !string.IsNullOrWhiteSpace(s.EmployeeId))
                .GroupBy(s => s.EmployeeId.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .OrderBy(s => s.EmployeeId, StringComparer.Ordinal)
                .ToList();
            string who = subject ?? "Agents";
            if (agents.Count == 0)
            {
                return rule.NewSkipped(FindingStatus.NotApplicable, who, period, Text.Get(nameof(Resources.Strings.TrainingNoAgents)));
            }

            var thisYear = training
                .Where(t => t.Year == year && !string.IsNullOrWhiteSpace(t.EmployeeId))
                .ToLookup(t => t.EmployeeId.Trim(), StringComparer.OrdinalIgnoreCase);
            var evidence = new List<EvidenceItem>();
            foreach (StaffRow agent in agents)
            {
                var rows = thisYear[agent.EmployeeId.Trim()].ToList();
                var missing = new List<string>();
                if (rows.Count == 0)
                {
                    missing.Add(Text.Format(nameof(Resources.Strings.TrainingNoRecord), year));
                }
                else
                {
                    if (!rows.Any(r => !string.IsNullOrWhiteSpace(r.CertificateNumber)))
                    {
                        missing.Add(Text.Get(nameof(Resources.Strings.TrainingNoCertificate)));
                    }

                    if (!rows.Any(r => r.SignedIn == YesNo.Yes))
                    {
                        missing.Add(Text.Get(nameof(Resources.Strings.TrainingNoSignIn)));
                    }

                    if (!rows.Any(r => r.ExamPaper == YesNo.Yes))
                    {
                        missing.Add(Text.Get(nameof(Resources.Strings.TrainingNoExam)));
                    }
                }

                if (missing.Count > 0)
                {
                    evidence.Add(new EvidenceItem(agent.EmployeeId + " " + Privacy.Mask.Name(agent.Name), string.Join(", ", missing), null, (rows.FirstOrDefault()?.Origin ?? agent.Origin)?.ToString()));
                }
            }

            double coverage = (double)(agents.Count - evidence.Count) / agents.Count;
            string line = rule.ThresholdText;
            string reason = Text.Format(nameof(Resources.Strings.TrainingReason), agents.Count - evidence.Count, agents.Count, year, Finding.FormatValue(coverage, rule.Unit), line);
            return rule.NewFinding(rule.Classify(coverage), coverage, who, period, reason, evidence);
        }
    }
}
