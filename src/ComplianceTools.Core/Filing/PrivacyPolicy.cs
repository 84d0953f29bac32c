using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Filing
{
    /// <summary>What is known of the privacy policy: its version date and whether it has the required section, and where each came from.</summary>
    public sealed class PolicyFacts
    {
        public DateTime? Date { get; set; }

        /// <summary>True when only a year was found ("2022版").</summary>
        public bool YearOnly { get; set; }

        public bool? HasSection { get; set; }

        /// <summary>The file or workbook cell the facts came from.</summary>
        public string Location { get; set; }

        /// <summary>The facts the Company form declares (PrivacyPolicyDate, PrivacyPolicyHasSensitiveList).</summary>
        public static PolicyFacts FromCompany(CompanyProfile company)
        {
            if (company == null)
            {
                return new PolicyFacts();
            }

            return new PolicyFacts
            {
                Date = company.PrivacyPolicyDate,
                HasSection = company.PrivacyPolicyHasSensitiveList.HasValue ? company.PrivacyPolicyHasSensitiveList == Workbook.Sheets.YesNo.Yes : (bool?)null,
                Location = company.Origin?.ToString(),
            };
        }

        /// <summary>The facts read from the policy's text: the latest version/update/effective date and whether the section is there.</summary>
        public static PolicyFacts FromText(string text, string requiredSection, string location)
        {
            var facts = new PolicyFacts { Location = location, HasSection = PrivacyPolicy.ContainsSection(text, requiredSection) };
            PrivacyPolicy.FindDate(text, out DateTime? date, out bool yearOnly);
            facts.Date = date;
            facts.YearOnly = yearOnly;
            return facts;
        }

        /// <summary>These facts, with the gaps filled from <paramref name="fallback"/> (a file's text wins over the form).</summary>
        public PolicyFacts Over(PolicyFacts fallback)
        {
            if (fallback == null)
            {
                return this;
            }

            return new PolicyFacts
            {
                Date = Date ?? fallback.Date,
                YearOnly = Date.HasValue ? YearOnly : fallback.YearOnly,
                HasSection = HasSection ?? fallback.HasSection,
                Location = Location ?? fallback.Location,
            };
        }
    }

    /// <summary>
    /// PRIV-001 (guide A, 高频雷区 5): the privacy policy is not an older year's template and contains the
    /// section named by parameter requiredSection (敏感个人信息处理清单). Stale means: dated in a year before the
    /// report year; without a report year, older than maxAgeMonths at the check date.
    /// </summary>
    public static class PrivacyPolicy
    {
        public const string RuleId = "PRIV-001";

        private static readonly Regex s_keywordDate = new Regex(
            @"(更新日期|生效日期|发布日期|版本日期|修订日期|更新时间|生效时间|发布时间|最近更新|最后更新|版本更新|effective\s+date|last\s+updated|last\s+revised|updated\s+on|version\s+date)[^0-9\r\n]{0,12}(?<y>\d{4})\s*(年|[-/.])\s*(?<m>\d{1,2})\s*(月|[-/.])\s*(?<d>\d{1,2})",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        private static readonly Regex s_yearVersion = new Regex(@"(?<y>20\d{2})\s*年?\s*版", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        public static Finding Check(RuleDefinition rule, PolicyFacts facts, int? reportYear, DateTime asOf, string subject = null, string period = null)
        {
            string section = rule.GetString("requiredSection");
            double maxAge = rule.GetDouble("maxAgeMonths");
            string who = subject ?? "PrivacyPolicy";
            if (facts == null || (!facts.Date.HasValue && !facts.HasSection.HasValue))
            {
                return rule.NewSkipped(FindingStatus.Skipped, who, period, Text.Get(nameof(Resources.Strings.PrivacyNoFacts)));
            }

            var evidence = new List<EvidenceItem>();
            bool undated = false;
            int problems = 0;
            if (!facts.Date.HasValue)
            {
                undated = true;
                evidence.Add(new EvidenceItem("Date", Text.Get(nameof(Resources.Strings.PrivacyUndated)), null, facts.Location));
            }
            else
            {
                DateTime date = facts.Date.Value;
                string shown = facts.YearOnly ? date.Year.ToString(CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (reportYear.HasValue && date.Year < reportYear.Value)
                {
                    problems++;
                    evidence.Add(new EvidenceItem("Date", Text.Format(nameof(Resources.Strings.PrivacyOlderThanYear), shown, reportYear.Value), date.Year, facts.Location));
                }
                else if (!reportYear.HasValue && MonthKey.MonthsBetween(date, asOf) > maxAge)
                {
                    problems++;
                    evidence.Add(new EvidenceItem("Date", Text.Format(nameof(Resources.Strings.PrivacyTooOld), shown, MonthKey.MonthsBetween(date, asOf), maxAge.ToString(CultureInfo.InvariantCulture), asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), MonthKey.MonthsBetween(date, asOf), facts.Location));
                }
            }

            if (facts.HasSection == false)
            {
                problems++;
                evidence.Add(new EvidenceItem("Section", Text.Format(nameof(Resources.Strings.PrivacySectionMissing), section), null, facts.Location));
            }
            else if (!facts.HasSection.HasValue)
            {
                undated = true;
                evidence.Add(new EvidenceItem("Section", Text.Format(nameof(Resources.Strings.PrivacySectionUnknown), section), null, facts.Location));
            }

            Severity severity = rule.Classify(problems);
            if (severity == Severity.Green && undated)
            {
                severity = Severity.Yellow;
            }

            string reason = evidence.Count == 0
                ? Text.Format(nameof(Resources.Strings.PrivacyPass), facts.YearOnly ? facts.Date.Value.Year.ToString(CultureInfo.InvariantCulture) : facts.Date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), section)
                : string.Join(" ", evidence.Select(e => e.Detail));
            return rule.NewFinding(severity, problems, who, period, reason, evidence);
        }

        /// <summary>Whether the text holds the section name, ignoring white space (PDF text often splits words).</summary>
        public static bool ContainsSection(string text, string section)
        {
            if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(section))
            {
                return false;
            }

            return Squeeze(text).IndexOf(Squeeze(section), StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>
        /// The policy's date: the latest date written after 更新日期/生效日期/发布日期/版本日期 (or Effective date,
        /// Last updated …); failing that, a year version such as "2022版" (year only). Null when neither is there.
        /// </summary>
        public static void FindDate(string text, out DateTime? date, out bool yearOnly)
        {
            date = null;
            yearOnly = false;
            if (string.IsNullOrEmpty(text))
            {
                return;
            }

            foreach (Match m in s_keywordDate.Matches(text))
            {
                int y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                int mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
                int d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
                if (y < 1990 || mo < 1 || mo > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
                {
                    continue;
                }

                var found = new DateTime(y, mo, d);
                if (!date.HasValue || found > date.Value)
                {
                    date = found;
                }
            }

            if (date.HasValue)
            {
                return;
            }

            foreach (Match m in s_yearVersion.Matches(text))
            {
                var found = new DateTime(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), 1, 1);
                if (!date.HasValue || found > date.Value)
                {
                    date = found;
                    yearOnly = true;
                }
            }
        }

        private static string Squeeze(string s)
        {
            var sb = new StringBuilder(s.Length);
            foreach (char c in s)
            {
                if (!char.IsWhiteSpace(c))
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }
    }
}
