using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Staff;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Staff
{
    /// <summary>
    /// STAFF-001 (agents on the seat list, the social-insurance list and the payroll) and STAFF-002 (insured staff
    /// against seats on file), from a workbook, from the three lists, or from two figures.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "StaffingConsistency", DefaultParameterSetName = DatasetSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestStaffingConsistencyCommand : RuleCmdlet
    {
        private const string RowsSet = "Rows";
        private const string FiguresSet = "Figures";

        /// <summary>A whole workbook, as Import-ComplianceWorkbook writes it without -Sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>The staff roster (Staff sheet): agents are the rows with IsAgent = Yes still employed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RowsSet)]
        [AllowEmptyCollection]
        [TextRowTransformation(typeof(StaffRow))]
        public StaffRow[] Staff { get; set; }

        /// <summary>The social-insurance payment list; its latest month is compared.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RowsSet)]
        [AllowEmptyCollection]
        [TextRowTransformation(typeof(SocialInsuranceRow))]
        public SocialInsuranceRow[] SocialInsurance { get; set; }

        /// <summary>The payroll; its latest month is compared.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RowsSet)]
        [AllowEmptyCollection]
        [TextRowTransformation(typeof(PayrollRow))]
        public PayrollRow[] Payroll { get; set; }

        /// <summary>Seat rows: agents on activated seats must be on the other lists; their count is the seats on file unless -SeatsOnFile is given.</summary>
        [Parameter(ParameterSetName = RowsSet)]
        [TextRowTransformation(typeof(SeatRow))]
        public SeatRow[] Seat { get; set; }

        /// <summary>Seats on file (备案坐席数).</summary>
        [Parameter(ParameterSetName = RowsSet)]
        [Parameter(Mandatory = true, ParameterSetName = FiguresSet)]
        [ValidateRange(0, int.MaxValue)]
        public int SeatsOnFile { get; set; }

        /// <summary>Social-insured staff (社保参保人数), for a what-if check.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FiguresSet)]
        [ValidateRange(0, int.MaxValue)]
        public int InsuredStaff { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { StaffMatch.Id, Core.Staff.InsuredStaff.Id };
    }
}
