using System;
using System.Collections.Generic;
using System.Linq;
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
    /// "allOverseas" (default: any personal data leaving China needs the CAC procedure) or
    /// "overseasCloudSeats" (the guide's literal wording: only with overseas cloud seats).
    /// </summary>
    public static class CrossBorderFiling
    {
        public const string RuleId = "XB-001";

        public static Finding Check(RuleDefinition rule, CompanyProfile company, IEnumerable<SeatRow> seats, string subject = null, string period = null)
        {
            string cacRequiredFor = rule.GetString("cacRequiredFor") ?? "allOverseas";
            if (cacRequiredFor != "allOverseas" && cacRequiredFor != "overseasCloudSeats")
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Rules.ParameterInvalid", ProblemKind.InvalidData,
                    Text.Format(nameof(Resources.Strings.RuleParameterInvalid), RuleId, "cacRequiredFor", cacRequiredFor, "allOverseas | overseasCloudSeats"), RuleId));
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
