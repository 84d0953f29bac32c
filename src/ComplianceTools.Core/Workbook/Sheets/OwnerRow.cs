namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Owners", "责任人", Order = 16,
        Purpose = "Who owns each area (Seats, Complaints, Numbers, Staff, Systems, Data, Revenue, Scenarios, Filing, Credit, Penalties, Training, Materials): plan items are assigned from here.",
        PurposeZh = "各领域负责人(坐席、投诉、码号、人员、系统、数据、收入、场景、备案、信用、处罚、培训、材料):整改与排期事项据此分派。")]
    public sealed class OwnerRow : WorkbookRow
    {
        [Column("Area", "领域", Required = true, Aliases = new[] { "责任领域" })]
        public string Area { get; set; }

        [Column("Owner", "负责人", Required = true, Personal = true, Aliases = new[] { "责任人" })]
        public string Owner { get; set; }

        [Column("Mail", "邮箱", Aliases = new[] { "Email", "UPN" })]
        public string Mail { get; set; }
    }
}
