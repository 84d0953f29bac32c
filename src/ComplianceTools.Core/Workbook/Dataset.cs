using System;
using System.Collections.Generic;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Workbook
{
    /// <summary>Every sheet of one input workbook. A sheet the workbook lacks is null (not empty), so checks can tell "no data" from "no rows".</summary>
    public sealed class ComplianceDataset
    {
        public string Path { get; set; }

        public CompanyProfile Company { get; set; }

        public Readiness Readiness { get; set; }

        public IReadOnlyList<SeatRow> Seats { get; set; }

        public IReadOnlyList<StaffRow> Staff { get; set; }

        public IReadOnlyList<SocialInsuranceRow> SocialInsurance { get; set; }

        public IReadOnlyList<PayrollRow> Payroll { get; set; }

        public IReadOnlyList<NumberResourceRow> Numbers { get; set; }

        public IReadOnlyList<TrafficRow> Traffic { get; set; }

        public IReadOnlyList<ComplaintRow> Complaints { get; set; }

        public IReadOnlyList<ScenarioRow> Scenarios { get; set; }

        public IReadOnlyList<ScriptRow> Scripts { get; set; }

        public IReadOnlyList<RevenueRow> Revenue { get; set; }

        public IReadOnlyList<PenaltyRow> Penalties { get; set; }

        public IReadOnlyList<TrainingRow> Training { get; set; }

        public IReadOnlyList<MaterialRow> Materials { get; set; }

        public IReadOnlyList<OwnerRow> Owners { get; set; }

        public IReadOnlyList<CallbackTestRow> CallbackTests { get; set; }

        /// <summary>Problems met while reading (bad cells, missing columns), already reported as errors.</summary>
        public IList<Common.ComplianceProblem> Problems { get; } = new List<Common.ComplianceProblem>();

        /// <summary>English names of the sheets the workbook had.</summary>
        public ISet<string> SheetsPresent { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public bool Has(string sheetName) => SheetsPresent.Contains(sheetName);
    }
}
