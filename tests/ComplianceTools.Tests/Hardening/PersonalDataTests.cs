using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Privacy;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Tests.Infrastructure;
using ComplianceTools.Tests.Workbook;

namespace ComplianceTools.Tests.Hardening
{
    /// <summary>
    /// Issue 13, family 1: personal data never leaves in clear, from any stream. Each input is built in the test with
    /// mobiles, landlines and ID numbers where a hostile or careless user would put them; every stream of every writer
    /// is scanned for them.
    /// </summary>
    public sealed class PersonalDataTests : IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public void Dispose()
        {
            _ps.Dispose();
            _tmp.Dispose();
        }

        [Theory]
        [InlineData("联系人张三13800138000", "联系人张三138****8000")]
        [InlineData("tel:13800138000x", "tel:138****8000x")]
        [InlineData("+86 138 0013 8000", "86138****8000")]
        [InlineData("0086-13800138000", "0086****8000")]
        [InlineData("(+86)13800138000", "86138****8000")]
        [InlineData("138-0013-8000 或 139 1234 5678", "138****8000 或 139****5678")]
        [InlineData("013800138000", "013****8000")]
        [InlineData("１３８００１３８０００", "138****8000")]
        [InlineData("电话021-60717894转", "电话021****7894转")]
        [InlineData("（021）60717894", "021****7894")]
        [InlineData("+86 21 6071 7894", "86216****7894")]
        [InlineData("身份证110101199003071234号", "身份证110101********1234号")]
        [InlineData("ID:11010119900307123X.", "ID:110101********123X.")]
        [InlineData("旧证110101900307123", "旧证110101*****7123")]
        [InlineData("zhang.san@example.com 13800138000", "zhang.san@example.com 138****8000")]
        [InlineData("group 3fa85f64-5717-4562-b3fc-2c963f66afa6 owner 13800138000", "group 3fa85f64-5717-4562-b3fc-2c963f66afa6 owner 138****8000")]
        [InlineData("3fa85f64-13800138000", "3fa85f64-138****8000")]
        public void Numbers_are_masked_wherever_they_sit_in_a_text(string text, string masked)
        {
            Assert.Equal(masked, Mask.Text(text));
            LeakScan.AssertNone(Mask.Text(text), text);
        }

        [Theory]
        [InlineData("95599")]
        [InlineData("12321")]
        [InlineData("工单 T2025000001,2025-03-01 08:00:00,金额 1,380,013.80")]
        [InlineData("sheet 'Complaints', row 13800")]
        [InlineData("group 3fa85f64-5717-4562-b3fc-2c963f66afa6")]
        [InlineData("/tmp/ct-abcde138-1234-5678-9abc-def012345678/book.xlsx")]
        [InlineData("tenant a0101234-5678-4abc-8def-0755860133ab")]
        public void Service_numbers_dates_amounts_row_numbers_and_guids_stay_readable(string text)
        {
            Assert.Equal(text, Mask.Text(text));
        }

        [Theory]
        [InlineData("张三 13800138000", "张* 138****8000")]
        [InlineData("zhang.san@example.com", "z********@example.com")]
        [InlineData("110101199003071234", "110101********1234")]
        [InlineData("欧阳娜娜", "欧***")]
        public void A_personal_column_is_masked_whatever_it_holds(string value, string masked)
        {
            Assert.Equal(masked, Mask.Value(value));
        }

        [Fact]
        public void A_bad_cell_message_never_quotes_the_number_in_it()
        {
            // An ID number in a date cell, a mobile in a count cell, an ID number in a month cell.
            string path = new XlsxBuilder()
                .Sheet("投诉", new object[] { "工单号", "来源渠道", "受理时间" }, new object[] { "T1", "12321", "110101199003071234" })
                .Sheet("呼叫流量", new object[] { "月份", "外显号码", "外呼量" }, new object[] { "11010119900307123X", "95000001", "呼叫13800138000" })
                .Save(_tmp.File("bad-cells-with-numbers.xlsx"));

            var r = _ps.Run("Import-ComplianceWorkbook -Path $args[0]", path);
            Assert.Equal(new[] { "ComplianceTools.Workbook.InvalidCell", "ComplianceTools.Workbook.InvalidCell", "ComplianceTools.Workbook.InvalidCell" }, r.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Contains("the cell holds an ID number", r.Errors[0].Exception.Message);
            LeakScan.AssertNone(ErrorsAndMessages(r), "Import-ComplianceWorkbook errors");
        }

        [Fact]
        public void A_missing_header_message_does_not_quote_the_first_data_row()
        {
            // The header row was deleted: the first row is a person.
            string path = new XlsxBuilder()
                .Sheet("员工花名册", new object[] { "E001", "张三", "110101199003071234", "13800138000" })
                .Save(_tmp.File("staff-without-header.xlsx"));

            var r = _ps.Run("Import-ComplianceWorkbook -Path $args[0] -Sheet Staff", path);
            ErrorRecord error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Workbook.ColumnMissing", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("no header row found in rows 1 to 10", error.Exception.Message);
            Assert.DoesNotContain("张三", ErrorsAndMessages(r));
            LeakScan.AssertNone(ErrorsAndMessages(r), "the missing-header error");
        }

        [Fact]
        public void Rejected_call_records_keep_no_number_inside_free_text_or_next_to_letters()
        {
            string platform = CallRecords.CallRecordFixtures.Write(_tmp.FullName, "platform.csv",
                "caller,start_time,note\n" +
                "13800138000,2025-03-01 10:00:00,ok\n" +
                "13912345678,2025-02-30 10:00:00,回拨客户13800138000请核实\n" +
                "NULL,2025-03-01 10:00:00,tel13912345678/身份证110101199003071234\n" +
                "13912345678,2025-03-01 10:00:00,备注,多一列021-60717894\n");
            string carrier = CallRecords.CallRecordFixtures.Write(_tmp.FullName, "carrier.csv", "主叫号码,开始时间\n13800138000,2025-03-01 10:00:00\n");
            string output = Path.Combine(_tmp.FullName, "out");

            var r = _ps.Run("Compare-CallRecord -Platform $args[0] -Carrier $args[1] -OutputDirectory $args[2]", platform, carrier, output);
            r.ThrowOnError();
            var rejections = ((System.Collections.IEnumerable)r.Output[0].Prop("Rejections")).Cast<object>().Select(PSObject.AsPSObject).ToList();
            Assert.Equal(3, rejections.Count);
            Assert.Contains("回拨客户138****8000请核实", rejections[0].Text("Row"));
            LeakScan.AssertNone(r.AllStreamsText() + "\n" + string.Join("\n", rejections.Select(x => x.Text("Row"))), "Compare-CallRecord streams");
            LeakScan.AssertNone(File.ReadAllText(Path.Combine(output, "rejected-rows.csv")), "rejected-rows.csv");
            LeakScan.AssertNone(File.ReadAllText(Path.Combine(output, "only-in-Platform.csv")), "only-in-Platform.csv");
        }

        [Fact]
        public void An_owner_given_with_a_mobile_is_masked_in_plan_items_ics_and_csv()
        {
            string ics = _tmp.File("tasks.ics");
            string csv = _tmp.File("tasks.csv");
            var r = _ps.Run(@"
$s = New-ComplianceSchedule -Year 2026 -Kind Inspection -Owner @{ '*' = '张三 13800138000' } -AsOf '2026-01-01'
$s
$s | Export-ComplianceTask -Path $args[0]
$s | Export-ComplianceTask -Path $args[1] -Format Csv", ics, csv);
            r.ThrowOnError();
            Assert.Contains(r.Output, o => o.Text("Owner") == "张三 138****8000");
            LeakScan.AssertNone(r.AllStreamsText(), "New-ComplianceSchedule and Export-ComplianceTask streams");
            string icsText = File.ReadAllText(ics);
            Assert.Contains("X-COMPLIANCETOOLS-OWNER:张* 138****8000", icsText); // the name masked too: a file leaves the company
            LeakScan.AssertNone(icsText, "the .ics file");
            LeakScan.AssertNone(File.ReadAllText(csv), "the CSV file");
        }

        [Fact]
        public void Every_stream_of_a_workbook_import_is_clean_when_every_sheet_holds_hostile_cells()
        {
            string path = new XlsxBuilder()
                .Sheet("公司信息", new object[] { "字段", "值" }, new object[] { "公司名称", "示例" }, new object[] { "许可证编号", "B2-20190001" }, new object[] { "报告年度", "13800138000" }, new object[] { "码号信用分", "110101199003071234" })
                .Sheet("员工花名册", new object[] { "工号", "姓名", "身份证号", "手机号", "入职日期" }, new object[] { "E1", "张三", "110101199003071234", "13800138000", "13912345678" })
                .Sheet("社保缴费", new object[] { "姓名", "缴费月份", "缴费金额" }, new object[] { "张三", "110101199003071234", "-13800138000" })
                .Sheet("检查准备", new object[] { "字段", "值" }, new object[] { "呼叫日志最早日期", "11010119900307123X" })
                .Save(_tmp.File("hostile-everywhere.xlsx"));

            var r = _ps.Run("Import-ComplianceWorkbook -Path $args[0] -Verbose | Invoke-ComplianceAudit -AsOf '2026-03-01' -Verbose", path);
            Assert.True(r.Errors.Count >= 6, string.Join("\n", r.Errors.Select(e => e.ToString())));
            Assert.All(r.Errors, e => Assert.StartsWith("ComplianceTools.", e.FullyQualifiedErrorId));
            LeakScan.AssertNone(r.AllStreamsText(), "Import-ComplianceWorkbook | Invoke-ComplianceAudit, every stream");
        }

        [Fact]
        public void A_text_row_with_a_bad_value_names_the_column_not_the_number()
        {
            var ex = Assert.Throws<ComplianceException>(() => TextRows.Build(typeof(StaffRow), new Dictionary<string, object> { ["入职日期"] = "13800138000", ["手机号"] = "13912345678" }));
            Assert.Contains("HireDate (入职日期)", ex.Message);
            LeakScan.AssertNone(ex.Message, "the text-row error");
        }

        private static string ErrorsAndMessages(ModuleSession.Result r)
        {
            return string.Join("\n", r.AllErrors.SelectMany(e => new[] { e.ToString(), e.Exception?.Message, Convert.ToString(e.TargetObject), e.CategoryInfo.TargetName })
                .Concat(r.Warnings).Concat(r.Verbose).Concat(r.Progress));
        }
    }
}
