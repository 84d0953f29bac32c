using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Materials
{
    /// <summary>Test-ReportPackage through a real runspace, on packages built on disk.</summary>
    public sealed class TestReportPackageTests : IDisposable
    {
        private const string Command = "ComplianceTools.Commands.Materials.TestReportPackageCommand";
        private readonly ModuleSession _ps = new ModuleSession();
        private readonly PackageFixture _package = new PackageFixture();

        public void Dispose()
        {
            _ps.Dispose();
            _package.Dispose();
        }

        [Fact]
        public void A_complete_package_piped_as_a_workbook_dataset_gives_four_green_findings()
        {
            // No -Path: the folder comes from Company.PackageFolder, relative to the workbook.
            var r = _ps.Run("$args[0] | Test-ReportPackage", _package.Dataset()).ThrowOnError();

            Assert.Equal(new[] { "MAT-001", "MAT-002", "MAT-003", "MAT-004" }, r.Output.Select(o => o.Text("RuleId")));
            Assert.All(r.Output, o => Assert.Equal("Green", o.Text("Severity")));
            Assert.All(r.Output, o => Assert.Equal("ComplianceTools.Core.Findings.Finding", o.TypeNames[0]));
        }

        [Fact]
        public void With_checklist_it_writes_one_green_row_per_required_document()
        {
            var r = _ps.Run("Test-ReportPackage -Path $args[0] -Dataset $args[1] -Checklist", _package.Folder, _package.Dataset()).ThrowOnError();

            Assert.Equal(13, r.Output.Count);
            Assert.All(r.Output, o => Assert.Equal("ComplianceTools.Core.Materials.PackageChecklistItem", o.TypeNames[0]));
            Assert.All(r.Output, o => Assert.Equal("Green", o.Text("Status")));
            var licence = r.Output.Single(o => o.Text("DocumentId") == "BusinessLicence");
            Assert.Equal("Business licence", licence.Text("Document"));
            Assert.Equal("MAT-001", licence.Text("RuleId"));
            Assert.Equal("通用材料/证照/营业执照（副本）.pdf", licence.Text("FilesText"));
        }

        [Fact]
        public void Filtering_non_green_findings_leaves_what_a_rectification_plan_needs()
        {
            _package.Delete("BusinessLicence");
            File.WriteAllBytes(_package.PathOf("EquityStructure"), TestPdf.Scan(100));
            var r = _ps.Run("Test-ReportPackage -Path $args[0] -Dataset $args[1] | Where-Object Status -ne Green", _package.Folder, _package.Dataset()).ThrowOnError();

            Assert.Equal(new[] { "MAT-001", "MAT-003" }, r.Output.Select(o => o.Text("RuleId")));
            Assert.All(r.Output, o => Assert.Equal("Red", o.Text("Status")));
            Assert.Equal("MAT-001|示例呼叫中心有限公司|2025", r.Output[0].Text("Key"));
            Assert.False(string.IsNullOrEmpty(r.Output[0].Text("Recommendation")));

            var rows = _ps.Run("Test-ReportPackage -Path $args[0] -Dataset $args[1] -Checklist | Where-Object Status -ne Green", _package.Folder, _package.Dataset()).ThrowOnError();
            Assert.Equal(new[] { "BusinessLicence", "EquityStructure" }, rows.Output.Select(o => o.Text("DocumentId")));
        }

        [Fact]
        public void Rows_built_in_the_runspace_are_piped_in_like_import_compliance_workbook_rows()
        {
            const string script = @"
$rows = @(
    [ComplianceTools.Core.Workbook.Sheets.MaterialRow]@{ Document = '审计报告'; AuditFirm = '某某会计师事务所'; SecuritiesQualified = 'Yes'; AuditOpinion = 'Qualified' }
    [ComplianceTools.Core.Workbook.Sheets.SocialInsuranceRow]@{ Name = '张三'; Month = '2025-12' }
    [ComplianceTools.Core.Workbook.Sheets.SeatRow]@{ SeatId = 'S1'; SeatType = 'Physical'; Activated = 'Yes' }
)
$rows | Test-ReportPackage -Path $args[0]";
            var r = _ps.Run(script, _package.Folder).ThrowOnError();

            Assert.Equal("Red", r.Output.Single(o => o.Text("RuleId") == "MAT-004").Text("Severity"));
            Assert.Contains("financial anomaly", r.Output.Single(o => o.Text("RuleId") == "MAT-004").Text("Reason"));
            var general = r.Output.Single(o => o.Text("RuleId") == "MAT-001");
            Assert.Equal("Red", general.Text("Severity"));
            var evidence = ((System.Collections.IEnumerable)general.Prop("Evidence")).Cast<object>().Select(e => e.ToString()).ToList();
            Assert.Contains("Social-insurance payment list: The SocialInsurance sheet covers 1 month(s) (2025-12); at least 3 are needed.", evidence);
            Assert.Equal("2025年检材料包", r.Output[0].Text("Subject"));
        }

        [Fact]
        public void A_folder_that_does_not_exist_is_an_error_with_its_id_and_the_four_rules_are_skipped_naming_it()
        {
            var r = _ps.Run("Test-ReportPackage -Path $args[0]", Path.Combine(_package.Folder, "没有"));
            Assert.Equal(new[] { "MAT-001", "MAT-002", "MAT-003", "MAT-004" }, r.Output.Select(o => o.Text("RuleId")));
            Assert.All(r.Output, o => Assert.Equal("Skipped", o.Text("Status")));
            Assert.All(r.Output, o => Assert.Contains("没有", o.Text("Reason")));
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Materials.FolderNotFound," + Command, error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        }

        [Fact]
        public void A_dataset_naming_no_folder_gives_skipped_findings_saying_so_as_the_audit_does_and_the_next_dataset_is_still_checked()
        {
            ComplianceDataset without = _package.Dataset();
            without.Company.PackageFolder = null;
            var r = _ps.Run("$args[0], $args[1] | Test-ReportPackage", without, _package.Dataset());

            Assert.Empty(r.Errors);
            Assert.Equal(8, r.Output.Count);
            Assert.All(r.Output.Take(4), o => Assert.Equal("Skipped", o.Text("Status")));
            Assert.All(r.Output.Take(4), o => Assert.Contains("names no package folder", o.Text("Reason")));
            Assert.All(r.Output.Skip(4), o => Assert.Equal("Green", o.Text("Status")));
        }

        [Fact]
        public void A_baseline_with_a_broken_document_list_stops_before_any_file_is_read()
        {
            string baseline = _package.Write("../bad.json", System.Text.Encoding.UTF8.GetBytes(
                "{ \"rules\": { \"MAT-001\": { \"parameters\": { \"documents\": [ { \"id\": \"X\", \"name\": { \"zh-CN\": \"某表\" }, \"patterns\": [ \"某表\" ], \"requiredWhen\": \"sometimes\" } ] } } } }"));
            var r = _ps.Run("Test-ReportPackage -Path $args[0] -Baseline $args[1]", _package.Folder, baseline);

            Assert.Empty(r.Output);
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Baseline.ParameterInvalid," + Command, error.FullyQualifiedErrorId);
            Assert.Contains("'MAT-001.parameters.documents[0].requiredWhen' must be one of: robotSeats", error.Exception.Message);
        }

        [Fact]
        public void A_baseline_disabling_a_rule_warns_and_says_it_was_not_checked()
        {
            string baseline = _package.Write("../off.json", System.Text.Encoding.UTF8.GetBytes("{ \"rules\": { \"MAT-004\": { \"enabled\": false } } }"));
            var r = _ps.Run("Test-ReportPackage -Path $args[0] -Dataset $args[1] -Baseline $args[2]", _package.Folder, _package.Dataset(), baseline).ThrowOnError();

            Assert.Equal(new[] { "MAT-001", "MAT-002", "MAT-003", "MAT-004" }, r.Output.Select(o => o.Text("RuleId")));
            Assert.Equal("NotApplicable", r.Output.Last().Text("Status"));
            Assert.Equal("switched off by the baseline off.json: this rule was not checked", r.Output.Last().Text("Reason"));
            Assert.Equal("Rule MAT-004 is disabled by the baseline.", Assert.Single(r.Warnings));
        }

        [Fact]
        public void Messages_follow_the_chinese_ui_culture()
        {
            _package.Delete("AiAlgorithmFilingForm");
            using (var zh = new ModuleSession("zh-CN"))
            {
                var r = zh.Run("Test-ReportPackage -Path $args[0] -Dataset $args[1] -Checklist", _package.Folder, _package.Dataset()).ThrowOnError();
                var ai = r.Output.Single(o => o.Text("DocumentId") == "AiAlgorithmFilingForm");
                Assert.Equal("AI外呼算法备案表", ai.Text("Document"));
                Assert.Equal("Red", ai.Text("Status"));
                Assert.StartsWith("MAT-002: 缺失:存在机器人坐席(坐席表中有1个AI坐席)", ai.Text("Reason"));

                var findings = zh.Run("Test-ReportPackage -Path $args[0] -Dataset $args[1]", _package.Folder, _package.Dataset()).ThrowOnError();
                Assert.Equal("专项材料", findings.Output.Single(o => o.Text("RuleId") == "MAT-002").Text("Title"));
            }
        }

        [Fact]
        public void The_checklist_has_a_table_view_and_the_cmdlet_is_exported_with_help_in_both_cultures()
        {
            XDocument format = XDocument.Load(Path.Combine(Paths.Root, "module", "ComplianceTools.format.ps1xml"));
            Assert.Contains(format.Descendants("View"), v => (string)v.Element("ViewSelectedBy")?.Element("TypeName") == "ComplianceTools.Core.Materials.PackageChecklistItem" && v.Element("TableControl") != null);

            var command = _ps.Run("Get-Command Test-ReportPackage -Module ComplianceTools").Single();
            Assert.Equal("Test-ReportPackage", command.Text("Name"));

            foreach (string culture in new[] { "en-US", "zh-CN" })
            {
                string help = File.ReadAllText(Path.Combine(Paths.Root, "module", "help", culture, "Test-ReportPackage.md"));
                foreach (string parameter in new[] { "Path", "Dataset", "InputObject", "Checklist", "Baseline" })
                {
                    Assert.Contains("### -" + parameter + "\n", help.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
                }

                Assert.Contains("New-RectificationPlan", help, StringComparison.Ordinal);
            }
        }
    }
}
