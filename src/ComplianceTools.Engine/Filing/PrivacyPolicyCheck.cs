using System;
using System.Collections.Generic;
using System.IO;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Filing;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Engine.Filing
{
    /// <summary>
    /// PRIV-001: the privacy policy is current and carries the 敏感个人信息处理清单 (guide A, 高频雷区). Reads the policy
    /// file (-Path, else the Company form's PrivacyPolicyFile relative to the workbook) when there is one: the file's
    /// date and text win over what the Company form declares. Lives in the engine because it reads .docx and .pdf.
    /// </summary>
    public sealed class PrivacyPolicyCheck : RuleCheck
    {
        public override string RuleId => PrivacyPolicy.RuleId;

        /// <summary>Path: the policy file; ReportYear: the year the policy must be current for, when the workbook does not say.</summary>
        public override IReadOnlyList<string> Inputs { get; } = new[] { "Path", "ReportYear" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            string file = context.Input("Path") as string;
            CompanyProfile company = context.Dataset.Company;
            if (company == null && file == null)
            {
                yield return context.Skipped(SheetNames.MissingReason(context.Dataset, new[] { "Company" }));
                yield break;
            }

            int? year = context.Input("ReportYear") as int?;
            string subject = context.CompanySubject ?? (file == null ? null : Path.GetFileName(file));
            yield return Check(context.Rule, company, file, context.BaseDirectory, year, context.AsOf, subject, year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? context.YearPeriod);
        }

        /// <summary>Checks the policy: the file at <paramref name="policyFile"/> when given (relative paths against <paramref name="baseDirectory"/>), filled in from the Company form.</summary>
        public static Finding Check(RuleDefinition rule, CompanyProfile company, string policyFile, string baseDirectory, int? reportYear, DateTime asOf, string subject = null, string period = null)
        {
            PolicyFacts facts = PolicyFacts.FromCompany(company);
            string file = string.IsNullOrWhiteSpace(policyFile) ? company?.PrivacyPolicyFile : policyFile;
            if (!string.IsNullOrWhiteSpace(file))
            {
                string full = Path.IsPathRooted(file) ? file : Path.GetFullPath(Path.Combine(baseDirectory ?? Environment.CurrentDirectory, file.Trim()));
                string text = PolicyDocumentReader.ReadText(full);
                facts = PolicyFacts.FromText(text, rule.GetString("requiredSection"), full).Over(facts);
            }

            return PrivacyPolicy.Check(rule, facts, reportYear ?? company?.ReportYear, asOf, subject ?? company?.CompanyName, period ?? (reportYear ?? company?.ReportYear)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
