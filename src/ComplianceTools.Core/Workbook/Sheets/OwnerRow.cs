namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Owners", "责任人", Order = 16,
        Purpose = "Who owns each area (Seats, Complaints, Numbers, Staff, Systems, Data, Revenue, Scenarios, Filing, Credit, Penalties, Training, Materials): plan items are assigned from here; the mail and mobile find the owner in Microsoft 365, WeCom and DingTalk.",
        PurposeZh = "各领域负责人(坐席、投诉、码号、人员、系统、数据、收入、场景、备案、信用、处罚、培训、材料):整改与排期事项据此分派;邮箱和手机号用于在 Microsoft 365、企业微信和钉钉中找到负责人。")]
    public sealed class OwnerRow : WorkbookRow
    {
        [Column("Area", "领域", Required = true, Aliases = new[] { "责任领域" })]
        public string Area { get; set; }

        [Column("Owner", "负责人", Required = true, Personal = true, Aliases = new[] { "责任人" })]
        public string Owner { get; set; }

        [Column("Mail", "邮箱", Aliases = new[] { "Email", "UPN" })]
        public string Mail { get; set; }

        /// <summary>The owner's mobile: how WeCom and DingTalk find the owner (DingTalk finds people by mobile only).</summary>
        [Column("Mobile", "手机号", Personal = true, Aliases = new[] { "手机", "联系电话", "MobilePhone" })]
        public string Mobile { get; set; }
    }
}
