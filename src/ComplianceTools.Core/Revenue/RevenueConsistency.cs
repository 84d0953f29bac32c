using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Revenue
{
    /// <summary>
    /// REV-001: 95/96 number revenue / the carrier's settlement invoices (guide A, 高频雷区 1). Below the
    /// rule's line (80%) the regulator reads illegal resale of numbers (转租转售).
    /// </summary>
    public sealed class RevenueConsistency : RuleCheck
    {
        public const string Id = "REV-001";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Revenue" };

        public override IReadOnlyList<string> Figures { get; } = new[] { "NumberRevenue", "SettlementInvoiced" };

        /// <summary>-ByMonth: a finding per month as well as the year's.</summary>
        public override IReadOnlyList<string> Inputs { get; } = new[] { "ByMonth" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            if (HasFigures(context.Dataset))
            {
                return new[] { Check(context.Rule, context.Figure("NumberRevenue").Value, context.Figure("SettlementInvoiced").Value, context.CompanySubject, context.YearPeriod) };
            }

            return Check(context.Rule, context.Dataset.Revenue, context.CompanySubject, context.Input("ByMonth") is bool byMonth && byMonth, context.Report);
        }

        /// <summary>
        /// From Revenue rows: one finding per year (months as evidence), and one per month with <paramref name="byMonth"/>.
        /// A row whose month is not yyyy-MM goes to <paramref name="report"/> and is left out; without a reporter it stops the check.
        /// </summary>
        public static IReadOnlyList<Finding> Check(RuleDefinition rule, IEnumerable<RevenueRow> rows, string subject = null, bool byMonth = false, Action<ComplianceProblem> report = null)
        {
            var list = new List<RevenueRow>();
            foreach (RevenueRow row in rows)
            {
                if (Data.CallVolume.TryYear(row.Month, out _))
                {
                    list.Add(row);
                    continue;
                }

                var problem = Data.CallVolume.MonthProblem("ComplianceTools.Revenue.MonthInvalid", row);
                if (report == null)
                {
                    throw new ComplianceException(problem);
                }

                report(problem);
            }

            var findings = new List<Finding>();
            string who = subject ?? "95/96";
            foreach (var year in list.GroupBy(r => r.Month.Substring(0, 4)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var months = year.OrderBy(r => r.Month, StringComparer.Ordinal).ToList();
                var evidence = new List<EvidenceItem>();
                var monthly = new List<Finding>();
                foreach (RevenueRow r in months)
                {
                    double? ratio = r.NumberRevenue.HasValue && r.SettlementInvoiced.HasValue && r.SettlementInvoiced.Value > 0 ? r.NumberRevenue.Value / r.SettlementInvoiced.Value : (double?)null;
                    var item = new EvidenceItem(r.Month, Text.Format(nameof(Resources.Strings.RevenueMonthDetail), Amount(r.NumberRevenue), Amount(r.SettlementInvoiced), ratio.HasValue ? Finding.FormatValue(ratio, "ratio") : "—"), ratio, r.Origin?.ToString());
                    evidence.Add(item);
                    if (byMonth && ratio.HasValue)
                    {
                        monthly.Add(Judge(rule, r.NumberRevenue.Value, r.SettlementInvoiced.Value, who, r.Month, new[] { item }, null));
                    }
                }

                var both = months.Where(r => r.NumberRevenue.HasValue && r.SettlementInvoiced.HasValue).ToList();
                double invoiced = both.Sum(r => r.SettlementInvoiced.Value);
                if (both.Count == 0 || invoiced <= 0)
                {
                    findings.Add(rule.NewSkipped(FindingStatus.Skipped, who, year.Key, Text.Get(nameof(Resources.Strings.RevenueNoFigures))));
                }
                else
                {
                    string note = both.Count < months.Count ? Text.Format(nameof(Resources.Strings.CallVolumeCommonMonths), both.Count, months.Count) : null;
                    findings.Add(Judge(rule, both.Sum(r => r.NumberRevenue.Value), invoiced, who, year.Key, evidence, note));
                }

                findings.AddRange(monthly);
            }

            return findings;
        }

        /// <summary>From two figures, for a what-if check.</summary>
        public static Finding Check(RuleDefinition rule, double numberRevenue, double settlementInvoiced, string subject = null, string period = null)
        {
            if (settlementInvoiced <= 0 || double.IsNaN(settlementInvoiced) || double.IsInfinity(settlementInvoiced))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Revenue.NoSettlement", ProblemKind.InvalidArgument, Text.Get(nameof(Resources.Strings.RevenueSettlementZero)), Id));
            }

            if (numberRevenue < 0 || double.IsNaN(numberRevenue) || double.IsInfinity(numberRevenue))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Revenue.RevenueInvalid", ProblemKind.InvalidArgument, Text.Format(nameof(Resources.Strings.CallVolumeNegative), "NumberRevenue", numberRevenue.ToString(CultureInfo.InvariantCulture)), Id));
            }

            return Judge(rule, numberRevenue, settlementInvoiced, subject ?? "95/96", period, null, null);
        }

        private static Finding Judge(RuleDefinition rule, double revenue, double invoiced, string subject, string period, IReadOnlyList<EvidenceItem> evidence, string note)
        {
            double ratio = revenue / invoiced;
            string line = rule.ThresholdText;
            string reason = Text.Format(nameof(Resources.Strings.RevenueReason), Amount(revenue), Amount(invoiced), Finding.FormatValue(ratio, rule.Unit), line);
            if (note != null)
            {
                reason += " " + note;
            }

            return rule.NewFinding(rule.Classify(ratio), ratio, subject, period, reason, evidence);
        }

        private static string Amount(double? value) => value.HasValue ? value.Value.ToString("#,0.00", CultureInfo.InvariantCulture) : "—";
    }
}
