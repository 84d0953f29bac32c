using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Filing
{
    /// <summary>
    /// XB-001 (guide A, 政策窗口 1): with overseas seats, overseas cloud seats or gateways the report's
    /// cross-border statement lists the overseas access numbers, landing gateways and data return path, and
    /// the supplementary materials carry the CAC (网信办) filing number. Parameter cacRequiredFor:
    /// "overseasCloudSeats" (default, the guide's words: "若企业使用了海外云座席,必须…提交网信办备案编号") or
    /// "allOverseas" (stricter, for clients who treat any personal data leaving China as needing the CAC procedure).
    /// </summary>
    public sealed class CrossBorderFiling : RuleCheck
    {
        public const string Id = "XB-001";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Company" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            yield return Check(context.Rule, context.Dataset.Company, context.Dataset.Seats, context.CompanySubject, context.YearPeriod);
        }

        public static Finding Check(RuleDefinition rule, CompanyProfile company, IEnumerable<SeatRow> seats, string subject = null, string period = null)
        {
            string cacRequiredFor = rule.GetString("cacRequiredFor") ?? "overseasCloudSeats";
            if (cacRequiredFor != "allOverseas" && cacRequiredFor != "overseasCloudSeats")
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Rules.ParameterInvalid", ProblemKind.InvalidData,
                    Text.Format(nameof(Resources.Strings.RuleParameterInvalid), Id, "cacRequiredFor", cacRequiredFor, "allOverseas | overseasCloudSeats"), Id));
            }

            var seatList = (seats ?? Enumerable.Empty<SeatRow>()).ToList();
            var overseas = seatList.Where(s => s.Location == SeatLocation.Overseas).ToList();
            int overseasCloud = overseas.Count(s => s.SeatType == SeatType.Cloud);
            bool declared = company?.HasOverseasSeats == YesNo.Yes;
            string who = subject ?? company?.CompanyName ?? "Company";
            var evidence = new List<EvidenceItem>();

            if (!declared && overseas.Count == 0)
            {
                return rule.NewSkipped(FindingStatus.NotApplicable, who, period, Text.Get(nameof(Resources.Strings.CrossBorderNotApplicable)));
            }

            if (!declared)
            {
                evidence.Add(new EvidenceItem("HasOverseasSeats", Text.Format(nameof(Resources.Strings.CrossBorderUndeclared), overseas.Count), overseas.Count, company?.Origin?.ToString()));
            }

            Require(evidence, company, "OverseasAccessNumbers", company?.OverseasAccessNumbers, nameof(Resources.Strings.CrossBorderAccessNumbers));
            Require(evidence, company, "LandingGateways", company?.LandingGateways, nameof(Resources.Strings.CrossBorderGateways));
            Require(evidence, company, "DataReturnPath", company?.DataReturnPath, nameof(Resources.Strings.CrossBorderReturnPath));
            bool cacNeeded = cacRequiredFor == "allOverseas" || overseasCloud > 0 || seatList.Count == 0;
            if (cacNeeded)
            {
                Require(evidence, company, "CacFilingNumber", company?.CacFilingNumber, nameof(Resources.Strings.CrossBorderCac));
            }

            string reason = evidence.Count == 0
                ? Text.Format(nameof(Resources.Strings.CrossBorderPass), overseas.Count, overseasCloud)
                : Text.Format(nameof(Resources.Strings.CrossBorderReason), overseas.Count, overseasCloud, string.Join("; ", evidence.Select(e => e.Detail)));
            return rule.NewFinding(rule.Classify(evidence.Count), evidence.Count, who, period, reason, evidence);
        }

        private static void Require(List<EvidenceItem> evidence, CompanyProfile company, string column, string value, string label)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                evidence.Add(new EvidenceItem(column, Text.Format(nameof(Resources.Strings.CrossBorderMissing), Text.Get(label)), null, company?.Origin?.WithColumn(column)?.ToString()));
            }
        }
    }
}
