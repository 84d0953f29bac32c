using System;

namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Staff", "员工花名册", Order = 4,
        Purpose = "The staff roster (from HR or Entra ID via Import-ComplianceDirectory): who is employed, who works as an agent.",
        PurposeZh = "员工花名册(来自人事系统,或用 Import-ComplianceDirectory 从 Entra ID 读取):在职人员与坐席人员。")]
    public sealed class StaffRow : WorkbookRow
    {
        [Column("EmployeeId", "工号", Required = true, Aliases = new[] { "员工编号", "员工工号", "Id" })]
        public string EmployeeId { get; set; }

        [Column("Name", "姓名", Required = true, Personal = true, Aliases = new[] { "员工姓名", "DisplayName" })]
        public string Name { get; set; }

        [Column("IdNumber", "身份证号", Personal = true, Aliases = new[] { "身份证号码", "证件号码" })]
        public string IdNumber { get; set; }

        [Column("Mobile", "手机号", Personal = true, Aliases = new[] { "手机", "联系电话", "MobilePhone" })]
        public string Mobile { get; set; }

        [Column("Department", "部门")]
        public string Department { get; set; }

        [Column("JobTitle", "岗位", Aliases = new[] { "职务", "职位" })]
        public string JobTitle { get; set; }

        [Column("IsAgent", "坐席人员", Aliases = new[] { "是否坐席" })]
        public YesNo? IsAgent { get; set; }

        [Column("Enabled", "在职", Aliases = new[] { "是否在职", "AccountEnabled" })]
        public YesNo? Enabled { get; set; }

        [Column("HireDate", "入职日期", Format = "yyyy-mm-dd", Aliases = new[] { "EmployeeHireDate" })]
        public DateTime? HireDate { get; set; }

        [Column("Mail", "邮箱", Aliases = new[] { "电子邮箱", "Email" })]
        public string Mail { get; set; }
    }
}
