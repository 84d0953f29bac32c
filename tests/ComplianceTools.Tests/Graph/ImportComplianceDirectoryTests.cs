using System;
using System.Linq;
using ComplianceTools.Tests.Graph.Fake;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Graph
{
    /// <summary>Import-ComplianceDirectory against the fake Graph: every page, $select, group and department filters.</summary>
    public sealed class ImportComplianceDirectoryTests : GraphTestBase
    {
        private readonly string _zhang;
        private readonly string _li;

        public ImportComplianceDirectoryTests()
        {
            _zhang = Fake.AddUser("张三", "zhangsan@contoso.cn", "客服部", "E001", mobile: "13812341234", hired: "2023-03-01T00:00:00Z", jobTitle: "坐席");
            _li = Fake.AddUser("李四", "lisi@contoso.cn", "客服部", "E002", upn: "li.si@contoso.partner.onmschina.cn", enabled: false);
            Fake.AddUser("王五", "wangwu@contoso.cn", "质检部", "E003");
            Fake.AddUser("赵六", "zhaoliu@contoso.cn", "客服部", "E004");
            Fake.AddUser("钱七", "qianqi@contoso.cn", "人事部", "E005");
            Fake.AddUser("孙八", "sunba@contoso.cn", "客服部", "E006");
            Fake.AddUser("周九", "zhoujiu@contoso.cn", "质检部", "E007");
            Connect();
        }

        [Fact]
        public void Seven_users_on_pages_of_three_are_all_read_in_three_requests()
        {
            var r = Ps.Run("Import-ComplianceDirectory");
            r.ThrowOnError();
            Assert.Equal(7, r.Output.Count);
            Assert.Equal(new[] { "E001", "E002", "E003", "E004", "E005", "E006", "E007" }, r.Output.Select(o => o.Text("EmployeeId")));
            var pages = Fake.Calls.Where(c => c.PathAndQuery.StartsWith("/v1.0/users", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, pages.Count);
            Assert.Contains("%24select=", pages[0].PathAndQuery.Replace("$select=", "%24select=", StringComparison.Ordinal));
        }

        [Fact]
        public void A_user_becomes_a_staff_row_with_the_selected_fields_and_the_mobile_masked()
        {
            var row = Ps.Run("Import-ComplianceDirectory").Output.First();
            Assert.Equal("ComplianceTools.Core.Workbook.Sheets.StaffRow", row.BaseObject.GetType().FullName);
            Assert.Equal("张三", row.Text("Name"));
            Assert.Equal("客服部", row.Text("Department"));
            Assert.Equal("坐席", row.Text("JobTitle"));
            Assert.Equal("zhangsan@contoso.cn", row.Text("Mail"));
            Assert.Equal("Yes", row.Text("Enabled"));
            Assert.Equal(new DateTime(2023, 3, 1), (DateTime)row.Prop("HireDate"));
            Assert.Equal("138****1234", row.Text("Mobile"));
            var li = Ps.Run("Import-ComplianceDirectory").Output[1];
            Assert.Equal("No", li.Text("Enabled"));
        }

        [Fact]
        public void A_department_filter_keeps_only_that_department_and_is_asked_of_graph()
        {
            var r = Ps.Run("Import-ComplianceDirectory -Department 质检部, 人事部");
            r.ThrowOnError();
            Assert.Equal(new[] { "E003", "E005", "E007" }, r.Output.Select(o => o.Text("EmployeeId")));
            Assert.Contains(Fake.Calls, c => Uri.UnescapeDataString(c.PathAndQuery).Contains("department eq '质检部' or department eq '人事部'", StringComparison.Ordinal));
        }

        [Fact]
        public void A_group_gives_its_user_members_only_not_nested_groups_or_devices()
        {
            string group = Fake.AddGroup(_zhang, _li);
            var r = Ps.Run("Import-ComplianceDirectory -GroupId $args[0]", group);
            r.ThrowOnError();
            Assert.Equal(new[] { "张三", "李四" }, r.Output.Select(o => o.Text("Name")));
            Assert.Equal(2, Fake.Calls.Count(c => c.PathAndQuery.Contains("/members", StringComparison.Ordinal)));
        }

        [Fact]
        public void A_group_and_a_department_together_keep_the_members_of_that_department()
        {
            string group = Fake.AddGroup(_zhang, _li);
            var r = Ps.Run("Import-ComplianceDirectory -GroupId $args[0] -Department 客服部", group);
            Assert.Equal(2, r.Output.Count);
            var none = Ps.Run("Import-ComplianceDirectory -GroupId $args[0] -Department 质检部", group);
            none.ThrowOnError();
            Assert.Empty(none.Output);
        }

        [Fact]
        public void A_group_read_with_groupmember_read_all_only_is_one_error_naming_user_read_all_not_rows_of_nulls()
        {
            string group = Fake.AddGroup(_zhang, _li);
            Fake.Token = FakeGraph.MakeToken("11111111-2222-3333-4444-555555555555", "GroupMember.Read.All");
            Connect(Fake.Token);
            var r = Ps.Run("Import-ComplianceDirectory -GroupId $args[0]", group);
            Assert.Empty(r.Output);
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Graph.UserDetailsHidden,ComplianceTools.Commands.Graph.ImportComplianceDirectoryCommand", error.FullyQualifiedErrorId);
            Assert.Contains("User.Read.All", error.Exception.Message);
            Assert.Contains(group, error.Exception.Message);
        }

        [Fact]
        public void An_unknown_group_is_a_clear_error_naming_it()
        {
            var error = Assert.Single(Ps.Run("Import-ComplianceDirectory -GroupId no-such-group").AllErrors);
            Assert.Equal("ComplianceTools.Graph.RequestFailed,ComplianceTools.Commands.Graph.ImportComplianceDirectoryCommand", error.FullyQualifiedErrorId);
            Assert.Contains("no-such-group", error.Exception.Message);
        }
    }
}
