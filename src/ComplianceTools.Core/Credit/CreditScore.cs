using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Complaints;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Core.Credit
{
    /// <summary>
    /// CRED-001 (guide A, 政策窗口 3): the 95/96 number credit score MIIT derives from last year's complaint
    /// rate and real-name spot-check pass rate; below the line (80) next year's new numbers are restricted.
    /// The score is MIIT's and is taken as given; the two rates that drive it are shown beside it.
    /// </summary>
    public sealed class CreditScore : RuleCheck
    {
        public const string Id = "CRED-001";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Company" };

        public override IReadOnlyList<string> Figures { get; } = new[] { "Score" };

        public override IReadOnlyList<string> OptionalFigures { get; } = new[] { "ComplaintRate", "RealNamePassRate" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            if (HasFigures(context.Dataset))
            {
                yield return Check(context.Rule, context.Figure("Score").Value, context.Figure("ComplaintRate"), context.Figure("RealNamePassRate"), context.CompanySubject, context.YearPeriod);
                yield break;
            }

            // The complaint rate behind the score counts the channels CMPL-001 counts, read from that rule, not repeated here.
            yield return Check(context.Rule, context.Dataset, ComplaintChannels.FromParameter(context.Catalog.Get(ComplaintRate.Id), "channels"), context.CompanySubject, context.YearPeriod);
        }

        /// <summary>From the workbook: the Company form's score and spot-check pass rate; the complaint rate as
        /// complaints of <paramref name="channels"/> (CMPL-001's: 12321 and 12300) / outbound calls (Complaints, Traffic) where both sheets are there.</summary>
        public static Finding Check(RuleDefinition rule, ComplianceDataset dataset, ISet<ComplaintChannel> channels, string subject = null, string period = null)
        {
            CompanyProfile company = dataset.Company;
            double? complaintRate = null;
            long calls = (dataset.Traffic ?? new List<TrafficRow>()).Sum(t => t.OutboundCalls.GetValueOrDefault());
            if (dataset.Complaints != null && dataset.Traffic != null && calls > 0)
            {
                int complaints = dataset.Complaints.Count(c => c.Source.HasValue && channels.Contains(c.Source.Value));
                complaintRate = (double)complaints / calls;
            }

            if (company?.CreditScore == null)
            {
                return rule.NewSkipped(FindingStatus.Skipped, subject ?? "95/96", period, Text.Get(nameof(Resources.Strings.CreditNoScore)));
            }

            return Check(rule, company.CreditScore.Value, complaintRate, company.RealNameSpotCheckPassRate, subject, period);
        }

        public static Finding Check(RuleDefinition rule, double score, double? complaintRate, double? realNamePassRate, string subject = null, string period = null)
        {
            if (score < 0 || double.IsNaN(score) || double.IsInfinity(score))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Credit.ScoreInvalid", ProblemKind.InvalidArgument, Text.Format(nameof(Resources.Strings.CreditScoreInvalid), score.ToString(CultureInfo.InvariantCulture)), Id));
            }

            var evidence = new List<EvidenceItem>
            {
                new EvidenceItem("ComplaintRate", Text.Get(nameof(Resources.Strings.CreditComplaintRate)), complaintRate),
                new EvidenceItem("RealNameSpotCheckPassRate", Text.Get(nameof(Resources.Strings.CreditPassRate)), realNamePassRate),
            };
            string line = rule.ThresholdText;
            string reason = Text.Format(
                nameof(Resources.Strings.CreditReason),
                score.ToString("0.#", CultureInfo.InvariantCulture),
                line,
                complaintRate.HasValue ? Finding.FormatValue(complaintRate, "ratio") : Text.Get(nameof(Resources.Strings.NotGiven)),
                realNamePassRate.HasValue ? Finding.FormatValue(realNamePassRate, "ratio") : Text.Get(nameof(Resources.Strings.NotGiven)));
            return rule.NewFinding(rule.Classify(score), score, subject ?? "95/96", period, reason, evidence);
        }
    }
}
