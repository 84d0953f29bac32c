using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Core.Filing
{
    /// <summary>
    /// ALG-001 (guide A, 政策窗口 2 and 高频雷区 4): with AI seats or AI outbound calls the report must tick
    /// "具备人工智能语音能力"; once AI is declared or used, an algorithm filing number (网信算备…号, parameter
    /// algorithmPattern) must be given. A website ICP number, an ICP licence number or a public-security filing
    /// number in its place (parameter wrongPatterns) is Red and the reason names what was entered.
    /// </summary>
    public sealed class AlgorithmFiling : RuleCheck
    {
        public const string Id = "ALG-001";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Company" };

        public override IReadOnlyList<string> Figures { get; } = new[] { "AiCapability" };

        public override IReadOnlyList<string> OptionalFigures { get; } = new[] { "AiSeats", "AiCalls", "FilingNumber" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            if (HasFigures(context.Dataset))
            {
                yield return Check(context.Rule, context.FigureValue("AiCapability") as bool?, (int)(context.Figure("AiSeats") ?? 0), (long)(context.Figure("AiCalls") ?? 0), context.FigureValue("FilingNumber") as string, context.CompanySubject, context.YearPeriod);
                yield break;
            }

            yield return Check(context.Rule, context.Dataset, context.CompanySubject, context.YearPeriod);
        }

        /// <summary>From the workbook: the Company form, AI seats on file (Seats) and AI outbound calls (Traffic).</summary>
        public static Finding Check(RuleDefinition rule, ComplianceDataset dataset, string subject = null, string period = null)
        {
            CompanyProfile company = dataset.Company;
            int aiSeats = (dataset.Seats ?? new List<SeatRow>()).Count(s => s.SeatType == SeatType.AI);
            long aiCalls = (dataset.Traffic ?? new List<TrafficRow>()).Sum(t => t.AiOutboundCalls.GetValueOrDefault());
            bool? declared = company?.AiCapabilityDeclared.HasValue == true ? company.AiCapabilityDeclared == YesNo.Yes : (bool?)null;
            return Check(rule, declared, aiSeats, aiCalls, company?.AlgorithmFilingNumber, subject, period);
        }

        /// <summary>From plain figures: whether AI capability is declared, AI seats, AI calls and the number entered.</summary>
        public static Finding Check(RuleDefinition rule, bool? aiCapabilityDeclared, int aiSeats, long aiCalls, string filingNumber, string subject = null, string period = null)
        {
            var evidence = new List<EvidenceItem>();
            bool used = aiSeats > 0 || aiCalls > 0;
            bool declared = aiCapabilityDeclared == true;
            string number = filingNumber?.Trim();
            string who = subject ?? "AI";
            if (used && !declared)
            {
                evidence.Add(new EvidenceItem("AI", Text.Format(nameof(Resources.Strings.AlgorithmNotDeclared), aiSeats, aiCalls.ToString("#,0", CultureInfo.InvariantCulture))));
            }

            bool needsNumber = used || declared;
            if (!needsNumber && string.IsNullOrEmpty(number))
            {
                return rule.NewSkipped(FindingStatus.NotApplicable, who, period, Text.Get(nameof(Resources.Strings.AlgorithmNotApplicable)));
            }

            if (string.IsNullOrEmpty(number))
            {
                evidence.Add(new EvidenceItem("AlgorithmFilingNumber", Text.Get(nameof(Resources.Strings.AlgorithmNumberMissing))));
            }
            else
            {
                string problem = Judge(rule, number);
                if (problem != null)
                {
                    evidence.Add(new EvidenceItem(number, problem));
                }
            }

            Severity severity = rule.Classify(evidence.Count);
            string reason = evidence.Count == 0
                ? Text.Format(nameof(Resources.Strings.AlgorithmPass), number, aiSeats, aiCalls.ToString("#,0", CultureInfo.InvariantCulture))
                : string.Join(" ", evidence.Select(e => e.Detail));
            return rule.NewFinding(severity, evidence.Count, who, period, reason, evidence);
        }

        /// <summary>What is wrong with the number entered, or null when it has the algorithm filing number's form.</summary>
        public static string Judge(RuleDefinition rule, string number)
        {
            Regex algorithm = RulePattern.Compile(rule, "algorithmPattern", rule.GetString("algorithmPattern"));
            if (algorithm.IsMatch(number))
            {
                return null;
            }

            foreach (var wrong in RulePattern.CompileMap(rule, "wrongPatterns"))
            {
                if (wrong.Value.IsMatch(number))
                {
                    return Text.Format(nameof(Resources.Strings.AlgorithmWrongKind), number, KindName(wrong.Key));
                }
            }

            return Text.Format(nameof(Resources.Strings.AlgorithmWrongForm), number);
        }

        /// <summary>The kind of number a wrongPatterns key stands for, in the user's language; the key itself for keys a baseline added.</summary>
        public static string KindName(string key)
        {
            switch (key)
            {
                case "icpWebsite": return Text.Get(nameof(Resources.Strings.AlgorithmKind_icpWebsite));
                case "icpLicence": return Text.Get(nameof(Resources.Strings.AlgorithmKind_icpLicence));
                case "publicSecurity": return Text.Get(nameof(Resources.Strings.AlgorithmKind_publicSecurity));
                case "genAiService": return Text.Get(nameof(Resources.Strings.AlgorithmKind_genAiService));
                default: return key;
            }
        }
    }
}
