using System;
using System.Collections.Generic;
using System.IO;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Filing;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Engine.Filing
{
    /// <summary>PRIV-001 with the policy file read: the file's date and text win over what the Company form declares.</summary>
    public static class PrivacyPolicyCheck
    {
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

    /// <summary>PRIV-001 in Invoke-ComplianceAudit: the Company form, and the policy file it names (relative to the workbook).</summary>
    public sealed class PrivacyPolicyAuditCheck : IAuditCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = new[] { PrivacyPolicy.RuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = new[] { "Company" };

        public IEnumerable<Finding> Run(AuditContext context)
        {
            RuleDefinition rule = context.Catalog.Get(PrivacyPolicy.RuleId);
            if (rule.Enabled)
            {
                yield return PrivacyPolicyCheck.Check(rule, context.Dataset.Company, null, context.BaseDirectory, context.Dataset.Company?.ReportYear, context.AsOf, context.CompanySubject, context.YearPeriod);
            }
        }
    }
}
