using System;
using System.Collections.Generic;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Core.Audit
{
    /// <summary>
    /// One check that Invoke-ComplianceAudit runs over a whole workbook. Implementations are found by
    /// reflection in this assembly, so a new rule joins the audit without the audit changing.
    /// </summary>
    public interface IAuditCheck
    {
        /// <summary>The rules this check produces findings for.</summary>
        IReadOnlyList<string> RuleIds { get; }

        /// <summary>English names of the sheets it needs (Seats, Complaints …); when one is missing the audit skips it and says so.</summary>
        IReadOnlyList<string> RequiredSheets { get; }

        /// <summary>Runs the check. Findings only for enabled rules; problems go to <see cref="AuditContext.Report"/>.</summary>
        IEnumerable<Finding> Run(AuditContext context);
    }

    /// <summary>What a check may use: the dataset, the catalog after baselines, the date of the check, and a sink for problems.</summary>
    public sealed class AuditContext
    {
        public AuditContext(ComplianceDataset dataset, RuleCatalog catalog, DateTime asOf, Action<ComplianceProblem> report)
        {
            Dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
            Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
            AsOf = asOf;
            Report = report ?? (_ => { });
        }

        public ComplianceDataset Dataset { get; }

        public RuleCatalog Catalog { get; }

        /// <summary>The check date: the Company sheet's CheckDate, else today.</summary>
        public DateTime AsOf { get; }

        /// <summary>Reports a problem (a bad row, an unreadable file) without stopping the audit.</summary>
        public Action<ComplianceProblem> Report { get; }

        /// <summary>Folder of the workbook, for paths the workbook gives relative to itself.</summary>
        public string BaseDirectory => string.IsNullOrEmpty(Dataset.Path) ? Environment.CurrentDirectory : System.IO.Path.GetDirectoryName(Dataset.Path);

        /// <summary>Extra inputs given to the audit by name (for example CallRecords → file lists per source).</summary>
        public IDictionary<string, object> Inputs { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Subject for company-wide findings: the company name from the workbook.</summary>
        public string CompanySubject => Dataset.Company?.CompanyName ?? System.IO.Path.GetFileNameWithoutExtension(Dataset.Path ?? "workbook");

        /// <summary>Period for year-wide findings: the report year from the workbook.</summary>
        public string YearPeriod => Dataset.Company?.ReportYear?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
