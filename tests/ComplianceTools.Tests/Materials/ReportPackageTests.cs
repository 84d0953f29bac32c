using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Materials;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Materials;
using ComplianceTools.Engine.Rules;

namespace ComplianceTools.Tests.Materials
{
    /// <summary>MAT-001 to MAT-004 on small packages built on disk, with real PDFs.</summary>
    public sealed class ReportPackageTests : IDisposable
    {
        private readonly PackageFixture _package = new PackageFixture();
        private readonly List<ComplianceProblem> _problems = new List<ComplianceProblem>();

        public ReportPackageTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose() => _package.Dispose();

        private PackageResult Check(ComplianceDataset dataset, RuleCatalog catalog = null)
        {
            return PackageChecker.Check(_package.Folder, dataset, catalog ?? CatalogLoader.Default, _problems.Add);
        }

        private static PackageChecklistItem Row(PackageResult result, string id) => result.Checklist.Single(c => c.DocumentId == id);

        private static Finding Rule(PackageResult result, string id) => result.Findings.Single(f => f.RuleId == id);

        [Fact]
        public void A_complete_package_with_its_workbook_is_all_green()
        {
            PackageResult result = Check(_package.Dataset());

            Assert.Equal(13, result.Checklist.Count);
            Assert.All(result.Checklist, c => Assert.True(c.Status == Severity.Green, c.DocumentId + ": " + c.Reason));
            Assert.Equal(new[] { "MAT-001", "MAT-002", "MAT-003", "MAT-004" }, result.Findings.Select(f => f.RuleId));
            Assert.All(result.Findings, f => Assert.True(f.Severity == Severity.Green && f.Outcome == Outcome.Pass, f.RuleId + ": " + f.Reason));
            Assert.Equal("All 7 required documents present.", Rule(result, "MAT-001").Reason);
            Assert.Equal(0d, Rule(result, "MAT-001").Value);
            Assert.Equal("示例呼叫中心有限公司", Rule(result, "MAT-001").Subject);
            Assert.Equal("2025", Rule(result, "MAT-001").Period);
            Assert.Equal(new[] { "通用材料/证照/营业执照（副本）.pdf" }, Row(result, "BusinessLicence").Files);
            Assert.Equal(new[] { "专项材料/呼叫流量月报/2025年12月.pdf" }, Row(result, "MonthlyTrafficReport").Files);
            Assert.Equal(300d, Row(result, "BusinessLicence").Dpi);
            Assert.Empty(_problems);
        }

        [Fact]
        public void A_missing_business_licence_is_red_under_mat_001_and_named()
        {
            _package.Delete("BusinessLicence");
            PackageResult result = Check(_package.Dataset());

            PackageChecklistItem row = Row(result, "BusinessLicence");
            Assert.Equal(Severity.Red, row.Status);
            Assert.Empty(row.Files);
            Assert.StartsWith("MAT-001: Missing: no file in the package matches (营业执照 / business licence", row.Reason);
            Finding general = Rule(result, "MAT-001");
            Assert.Equal(Severity.Red, general.Severity);
            Assert.Equal(1d, general.Value);
            Assert.Equal("1 of 7 required document(s) missing or incomplete: Business licence.", general.Reason);
            Assert.Equal("Business licence", Assert.Single(general.Evidence).Subject);
            Assert.Equal(Severity.Green, Rule(result, "MAT-002").Severity);
        }

        [Fact]
        public void English_file_names_match_through_the_patterns_whatever_the_separators()
        {
            _package.Delete("BusinessLicence");
            _package.Write("General/Business_Licence-2025.PDF", TestPdf.Scan(300));
            PackageResult result = Check(_package.Dataset());

            PackageChecklistItem row = Row(result, "BusinessLicence");
            Assert.Equal(Severity.Green, row.Status);
            Assert.Equal(new[] { "General/Business_Licence-2025.PDF" }, row.Files);
        }

        [Fact]
        public void The_ai_form_is_red_when_missing_and_there_are_robot_seats()
        {
            _package.Delete("AiAlgorithmFilingForm");
            PackageResult result = Check(_package.Dataset(robotSeats: true));

            PackageChecklistItem row = Row(result, "AiAlgorithmFilingForm");
            Assert.Equal(Severity.Red, row.Status);
            Assert.True(row.Required);
            Assert.Contains("required because there are robot seats (1 AI seat(s) in the Seats sheet)", row.Reason);
            Assert.Equal(Severity.Red, Rule(result, "MAT-002").Severity);
            Assert.Equal(1d, Rule(result, "MAT-002").Value);
        }

        [Fact]
        public void The_ai_form_is_required_by_ai_calls_in_the_traffic_sheet_too()
        {
            _package.Delete("AiAlgorithmFilingForm");
            ComplianceDataset dataset = _package.Dataset(robotSeats: false);
            dataset.Traffic = new[] { new TrafficRow { Month = "2025-12", DisplayNumber = "95512", OutboundCalls = 20000, AiOutboundCalls = 12000 } };
            PackageResult result = Check(dataset);

            Assert.Equal(Severity.Red, Row(result, "AiAlgorithmFilingForm").Status);
            Assert.Contains("12,000 AI outbound calls in the Traffic sheet", Row(result, "AiAlgorithmFilingForm").Reason);
        }

        [Fact]
        public void The_ai_form_absent_without_robot_seats_is_green_and_not_required_never_missing()
        {
            _package.Delete("AiAlgorithmFilingForm");
            PackageResult result = Check(_package.Dataset(robotSeats: false));

            PackageChecklistItem row = Row(result, "AiAlgorithmFilingForm");
            Assert.Equal(Severity.Green, row.Status);
            Assert.False(row.Required);
            Assert.DoesNotContain("Missing", row.Reason);
            Assert.StartsWith("The AI outbound algorithm filing form is not required", row.Reason);
            Finding special = Rule(result, "MAT-002");
            Assert.Equal(Severity.Green, special.Severity);
            Assert.StartsWith("All 5 required documents present.", special.Reason);
        }

        [Fact]
        public void The_ai_form_present_without_robot_seats_is_green()
        {
            PackageResult result = Check(_package.Dataset(robotSeats: false));

            Assert.Equal(Severity.Green, Row(result, "AiAlgorithmFilingForm").Status);
            Assert.False(Row(result, "AiAlgorithmFilingForm").Required);
        }

        [Fact]
        public void Without_seats_or_traffic_an_absent_ai_form_is_yellow_because_nobody_can_tell()
        {
            _package.Delete("AiAlgorithmFilingForm");
            ComplianceDataset dataset = _package.Dataset();
            dataset.Seats = null;
            PackageResult result = Check(dataset);

            Assert.Equal(Severity.Yellow, Row(result, "AiAlgorithmFilingForm").Status);
            Assert.Equal(Severity.Yellow, Rule(result, "MAT-002").Severity);
            Assert.Equal(0d, Rule(result, "MAT-002").Value);
        }

        [Fact]
        public void A_scan_at_100_dpi_is_red_below_our_150_dpi_line_and_one_at_300_is_green()
        {
            File.WriteAllBytes(_package.PathOf("EquityStructure"), TestPdf.Scan(100));
            PackageResult result = Check(_package.Dataset());

            PackageChecklistItem low = Row(result, "EquityStructure");
            Assert.Equal(Severity.Red, low.Status);
            Assert.Equal(100d, low.Dpi);
            Assert.Equal("MAT-003: 通用材料/股权结构表.pdf: the scan on page 1 is 100 dpi, below 150 dpi.", low.Reason);
            Assert.Equal(Severity.Green, Row(result, "ArticlesOfAssociation").Status);
            Assert.Equal(300d, Row(result, "ArticlesOfAssociation").Dpi);
            Finding versions = Rule(result, "MAT-003");
            Assert.Equal(Severity.Red, versions.Severity);
            Assert.Equal(1d, versions.Value);
            Assert.Equal("通用材料/股权结构表.pdf", Assert.Single(versions.Evidence).Location);
            Assert.Equal("1 of 13 document(s) found fall short: Equity structure table.", versions.Reason);
            Assert.Equal(Severity.Green, Rule(result, "MAT-001").Severity);
        }

        [Fact]
        public void A_scan_at_200_dpi_is_yellow_below_our_300_dpi_line_since_the_guide_says_only_high_definition()
        {
            File.WriteAllBytes(_package.PathOf("EquityStructure"), TestPdf.Scan(200));
            PackageResult result = Check(_package.Dataset());

            PackageChecklistItem low = Row(result, "EquityStructure");
            Assert.Equal(Severity.Yellow, low.Status);
            Assert.Equal("MAT-003: 通用材料/股权结构表.pdf: the scan on page 1 is 200 dpi, below 300 dpi.", low.Reason);
            Finding versions = Rule(result, "MAT-003");
            Assert.Equal(FindingStatus.Yellow, versions.Status);
            Assert.Equal(0d, versions.Value);
        }

        [Fact]
        public void A_baseline_with_red_dpi_above_min_dpi_is_refused_naming_the_rule()
        {
            string baseline = _package.Write("../inverted.json", System.Text.Encoding.UTF8.GetBytes("{ \"rules\": { \"MAT-003\": { \"parameters\": { \"minDpi\": 200, \"redDpi\": 250 } } } }"));
            var ex = Assert.Throws<BaselineException>(() => CatalogLoader.Load(new[] { baseline }));
            var problem = Assert.Single(ex.Problems);
            Assert.Equal("ComplianceTools.Baseline.ParameterInvalid", problem.ErrorId);
            Assert.Contains("inverted.json' line 1: 'MAT-003.parameters.redDpi' must be at most 200, the value of minDpi", problem.Message);
        }

        [Fact]
        public void A_baseline_lowering_min_dpi_to_150_accepts_the_150_dpi_scan()
        {
            File.WriteAllBytes(_package.PathOf("EquityStructure"), TestPdf.Scan(150));
            string baseline = _package.Write("../province.json", System.Text.Encoding.UTF8.GetBytes("{ \"rules\": { \"MAT-003\": { \"parameters\": { \"minDpi\": 150 } } } }"));
            PackageResult result = Check(_package.Dataset(), CatalogLoader.Load(new[] { baseline }));

            Assert.Equal(Severity.Green, Row(result, "EquityStructure").Status);
            Assert.Equal(Severity.Green, Rule(result, "MAT-003").Severity);
            Assert.Equal("province.json", Rule(result, "MAT-003").Baseline);
        }

        [Fact]
        public void A_truncated_and_a_zero_byte_pdf_are_red_with_the_reason_and_the_walk_goes_on()
        {
            File.WriteAllBytes(_package.PathOf("ArticlesOfAssociation"), TestPdf.Truncated());
            File.WriteAllBytes(_package.PathOf("LegalRepresentativeId"), Array.Empty<byte>());
            PackageResult result = Check(_package.Dataset());

            Assert.Equal(Severity.Red, Row(result, "ArticlesOfAssociation").Status);
            Assert.Equal("MAT-003: 通用材料/公司章程.pdf cannot be read as a PDF: it ends without the %%EOF marker, so it is truncated.", Row(result, "ArticlesOfAssociation").Reason);
            Assert.Equal(Severity.Red, Row(result, "LegalRepresentativeId").Status);
            Assert.Equal("MAT-003: 通用材料/法人身份证.pdf is empty (0 bytes).", Row(result, "LegalRepresentativeId").Reason);
            Assert.Equal(11, result.Checklist.Count(c => c.Status == Severity.Green));
            Assert.Equal(2d, Rule(result, "MAT-003").Value);
            Assert.Equal(Severity.Red, Rule(result, "MAT-003").Severity);
            Assert.Empty(_problems);
        }

        [Fact]
        public void A_file_that_is_not_a_pdf_inside_is_red_as_damaged()
        {
            File.WriteAllBytes(_package.PathOf("ComplaintRecords"), System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\nthis is a renamed text file\n%%EOF\n"));
            PackageResult result = Check(_package.Dataset());

            PackageChecklistItem row = Row(result, "ComplaintRecords");
            Assert.Equal(Severity.Red, row.Status);
            Assert.StartsWith("MAT-003: 专项材料/用户投诉处理记录.pdf cannot be read as a PDF: ", row.Reason);
        }

        [Fact]
        public void A_pdf_that_needs_a_password_is_red_as_encrypted()
        {
            File.WriteAllBytes(_package.PathOf("InformationSecurityReport"), TestPdf.Encrypted());
            PackageResult result = Check(_package.Dataset());

            PackageChecklistItem row = Row(result, "InformationSecurityReport");
            Assert.Equal(Severity.Red, row.Status);
            Assert.Equal("MAT-003: 专项材料/信息安全责任制报告.pdf is encrypted: it cannot be read without a password.", row.Reason);
        }

        [Fact]
        public void A_pdf_without_any_scanned_image_is_yellow_because_no_seal_can_be_seen()
        {
            File.WriteAllBytes(_package.PathOf("SeatDetailTable"), TestPdf.TextOnly());
            PackageResult result = Check(_package.Dataset());

            PackageChecklistItem row = Row(result, "SeatDetailTable");
            Assert.Equal(Severity.Yellow, row.Status);
            Assert.Null(row.Dpi);
            Assert.Contains("none of its 1 page(s) carries a scanned image", row.Reason);
            Assert.Equal(Severity.Yellow, Rule(result, "MAT-003").Severity);
            Assert.Equal(0d, Rule(result, "MAT-003").Value);
        }

        [Fact]
        public void A_document_found_only_as_a_word_file_has_no_pdf_version_and_is_red()
        {
            _package.Delete("ComplaintRecords");
            _package.Write("专项材料/用户投诉处理记录.docx", new byte[] { 80, 75, 3, 4 });
            PackageResult result = Check(_package.Dataset());

            PackageChecklistItem row = Row(result, "ComplaintRecords");
            Assert.Equal(Severity.Red, row.Status);
            Assert.Equal("MAT-003: No PDF version for upload: only 专项材料/用户投诉处理记录.docx.", row.Reason);
            Assert.Equal(Severity.Green, Rule(result, "MAT-002").Severity);
        }

        [Fact]
        public void Missing_paper_attestations_are_yellow_and_an_attested_no_is_red()
        {
            ComplianceDataset dataset = _package.Dataset();
            MaterialRow licence = dataset.Materials.Single(m => m.Document == "营业执照");
            licence.PerforationSeal = null;
            licence.CheckedBy = null;
            MaterialRow articles = dataset.Materials.Single(m => m.Document == "公司章程");
            articles.FirstPageSeal = YesNo.No;
            PackageResult result = Check(dataset);

            PackageChecklistItem yellow = Row(result, "BusinessLicence");
            Assert.Equal(Severity.Yellow, yellow.Status);
            Assert.Equal("MAT-003: Paper set (年检自查.xlsx!材料清单 row 2): perforation seal not attested. MAT-003: Paper set (年检自查.xlsx!材料清单 row 2): who checked it and when is not recorded.", yellow.Reason);
            PackageChecklistItem red = Row(result, "ArticlesOfAssociation");
            Assert.Equal(Severity.Red, red.Status);
            Assert.Equal("MAT-003: Paper set (年检自查.xlsx!材料清单 row 4): first-page seal answered No.", red.Reason);
            Finding versions = Rule(result, "MAT-003");
            Assert.Equal(Severity.Red, versions.Severity);
            Assert.Equal(1d, versions.Value);
            Assert.Equal(3, versions.Evidence.Count);
            Assert.Equal("1 of 13 document(s) found fall short: Articles of association. 1 to review: Business licence.", versions.Reason);
            Assert.DoesNotContain(versions.Evidence, e => e.Detail.Contains("王五", StringComparison.Ordinal));
        }

        [Fact]
        public void In_chinese_lists_use_the_enumeration_comma_and_the_red_check_leads_the_reason()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            ComplianceDataset dataset = _package.Dataset();
            MaterialRow licence = dataset.Materials.Single(m => m.Document == "营业执照");
            licence.PerforationSeal = null;
            licence.FirstPageSeal = null;
            licence.File = "旧版/营业执照.pdf";
            File.WriteAllBytes(_package.PathOf("BusinessLicence"), TestPdf.Scan(100));
            PackageChecklistItem row = Row(Check(dataset), "BusinessLicence");

            Assert.Equal(Severity.Red, row.Status);
            Assert.Equal("营业执照", row.Document);
            Assert.Equal(
                "MAT-003: 通用材料/证照/营业执照（副本）.pdf:第1页扫描分辨率为100 dpi,低于150 dpi。 " +
                "MAT-001: 材料清单(年检自查.xlsx!材料清单 row 2)填写的文件'旧版/营业执照.pdf'不在材料包目录中。 " +
                "MAT-003: 纸质版(年检自查.xlsx!材料清单 row 2):骑缝章、首页公章未核对填写。",
                row.Reason);
        }

        [Fact]
        public void Without_a_materials_sheet_the_paper_set_and_the_audit_report_are_yellow_not_green()
        {
            ComplianceDataset dataset = _package.Dataset();
            dataset.Materials = null;
            PackageResult result = Check(dataset);

            Assert.All(result.Checklist.Where(c => c.DocumentId != "AuditReport"), c => Assert.Equal(Severity.Yellow, c.Status));
            Assert.Equal(Severity.Yellow, Rule(result, "MAT-003").Severity);
            Assert.Equal(Severity.Yellow, Rule(result, "MAT-004").Severity);
            Assert.Equal(Severity.Green, Rule(result, "MAT-001").Severity);
        }

        [Theory]
        [InlineData(AuditOpinion.Qualified, "Qualified (保留意见)")]
        [InlineData(AuditOpinion.UnqualifiedWithEmphasis, "UnqualifiedWithEmphasis (带强调事项段的无保留意见)")]
        [InlineData(AuditOpinion.Adverse, "Adverse (否定意见)")]
        [InlineData(AuditOpinion.Disclaimer, "Disclaimer (无法表示意见)")]
        public void Any_audit_opinion_but_standard_unqualified_is_red_as_a_financial_anomaly(AuditOpinion opinion, string shown)
        {
            ComplianceDataset dataset = _package.Dataset();
            dataset.Materials.Single(m => m.Document == "审计报告").AuditOpinion = opinion;
            PackageResult result = Check(dataset);

            Finding audit = Rule(result, "MAT-004");
            Assert.Equal(Severity.Red, audit.Severity);
            Assert.Equal(1d, audit.Value);
            Assert.Equal("Audit opinion " + shown + ", not Unqualified (标准无保留意见): reads as a financial anomaly and is rejected.", audit.Reason);
            Assert.Equal(Severity.Red, Row(result, "AuditReport").Status);
        }

        [Fact]
        public void An_audit_firm_without_the_securities_qualification_is_red_and_a_blank_one_yellow()
        {
            ComplianceDataset dataset = _package.Dataset();
            dataset.Materials.Single(m => m.Document == "审计报告").SecuritiesQualified = YesNo.No;
            Finding red = Rule(Check(dataset), "MAT-004");
            Assert.Equal(Severity.Red, red.Severity);
            Assert.Contains("某某会计师事务所（特殊普通合伙） is not qualified for securities and futures work", red.Reason);

            dataset.Materials.Single(m => m.Document == "审计报告").SecuritiesQualified = null;
            Finding yellow = Rule(Check(dataset), "MAT-004");
            Assert.Equal(Severity.Yellow, yellow.Severity);
            Assert.Equal(0d, yellow.Value);
        }

        [Fact]
        public void A_standard_unqualified_opinion_from_a_qualified_firm_is_green()
        {
            Finding audit = Rule(Check(_package.Dataset()), "MAT-004");
            Assert.Equal(Severity.Green, audit.Severity);
            Assert.Equal("Audit firm 某某会计师事务所（特殊普通合伙） is qualified for securities and futures work; opinion Unqualified (标准无保留意见).", audit.Reason);
        }

        [Fact]
        public void Social_insurance_for_two_months_is_red_even_with_the_file_present_and_three_are_green()
        {
            ComplianceDataset dataset = _package.Dataset();
            dataset.SocialInsurance = PackageFixture.Months("2025-11", "2025-12");
            PackageResult result = Check(dataset);

            PackageChecklistItem row = Row(result, "SocialInsuranceList");
            Assert.Equal(Severity.Red, row.Status);
            Assert.Single(row.Files);
            Assert.Equal("MAT-001: The SocialInsurance sheet covers 2 month(s) (2025-11, 2025-12); at least 3 are needed.", row.Reason);
            Assert.Equal(1d, Rule(result, "MAT-001").Value);

            dataset.SocialInsurance = PackageFixture.Months("2025-10", "2025-11", "2025-12");
            Assert.Equal(Severity.Green, Row(Check(dataset), "SocialInsuranceList").Status);
        }

        [Fact]
        public void Social_insurance_months_cannot_be_judged_without_the_sheet_so_yellow()
        {
            ComplianceDataset dataset = _package.Dataset();
            dataset.SocialInsurance = null;
            PackageResult result = Check(dataset);

            Assert.Equal(Severity.Yellow, Row(result, "SocialInsuranceList").Status);
            Assert.Equal(Severity.Yellow, Rule(result, "MAT-001").Severity);
        }

        [Fact]
        public void The_materials_sheet_maps_a_document_to_a_file_whose_name_says_nothing()
        {
            _package.Delete("EquityStructure");
            _package.Write("扫描件/scan_0007.pdf", TestPdf.Scan(300));
            ComplianceDataset dataset = _package.Dataset();
            dataset.Materials.Single(m => m.Document == "股权结构表").File = "扫描件/scan_0007.pdf";
            PackageResult result = Check(dataset);

            PackageChecklistItem row = Row(result, "EquityStructure");
            Assert.Equal(Severity.Green, row.Status);
            Assert.Equal(new[] { "扫描件/scan_0007.pdf" }, row.Files);
        }

        [Fact]
        public void A_materials_sheet_path_relative_to_the_workbook_is_found_too_and_a_wrong_one_is_yellow()
        {
            _package.Delete("EquityStructure");
            _package.Write("扫描件/scan_0007.pdf", TestPdf.Scan(300));
            ComplianceDataset dataset = _package.Dataset();
            dataset.Materials.Single(m => m.Document == "股权结构表").File = "2025年检材料包/扫描件/scan_0007.pdf";
            Assert.Equal(Severity.Green, Row(Check(dataset), "EquityStructure").Status);

            dataset.Materials.Single(m => m.Document == "公司章程").File = "通用材料/章程-旧.pdf";
            PackageChecklistItem row = Row(Check(dataset), "ArticlesOfAssociation");
            Assert.Equal(Severity.Yellow, row.Status);
            Assert.Equal("MAT-001: The materials sheet (年检自查.xlsx!材料清单 row 4) names '通用材料/章程-旧.pdf', which is not in the package folder.", row.Reason);
        }

        [Fact]
        public void A_file_named_after_an_id_number_is_shown_masked()
        {
            _package.Delete("LegalRepresentativeId");
            _package.Write("通用材料/法人身份证_110101199003071234.pdf", TestPdf.Scan(300));
            PackageResult result = Check(_package.Dataset());

            Assert.Equal(new[] { "通用材料/法人身份证_110101********1234.pdf" }, Row(result, "LegalRepresentativeId").Files);
            Assert.DoesNotContain(result.Checklist.SelectMany(c => c.Checks), c => c.Reason.Contains("199003071234", StringComparison.Ordinal));
        }

        [Fact]
        public void The_folder_is_only_read_nothing_created_renamed_moved_or_changed()
        {
            File.WriteAllBytes(_package.PathOf("ArticlesOfAssociation"), TestPdf.Truncated());
            File.WriteAllBytes(_package.PathOf("LegalRepresentativeId"), Array.Empty<byte>());
            File.WriteAllBytes(_package.PathOf("InformationSecurityReport"), TestPdf.Encrypted());
            IReadOnlyList<string> before = _package.Snapshot();

            Check(_package.Dataset());

            Assert.Equal(before, _package.Snapshot());
        }

        [Fact]
        public void Without_any_workbook_data_presence_and_pdfs_are_checked_and_the_rest_is_yellow()
        {
            PackageResult result = Check(null);

            Assert.Equal(Severity.Yellow, Rule(result, "MAT-001").Severity);
            Assert.Equal(0d, Rule(result, "MAT-001").Value);
            Assert.Equal(Severity.Yellow, Row(result, "SocialInsuranceList").Status);
            Assert.Equal(Severity.Yellow, Row(result, "BusinessLicence").Status);
            Assert.Equal(Severity.Yellow, Rule(result, "MAT-004").Severity);
            Assert.Equal("2025年检材料包", Rule(result, "MAT-001").Subject);
            Assert.Null(Rule(result, "MAT-001").Period);
        }

        [Fact]
        public void A_missing_folder_is_a_clear_error()
        {
            var ex = Assert.Throws<ComplianceException>(() => PackageChecker.Check(Path.Combine(_package.Folder, "没有这个目录"), null, CatalogLoader.Default, _problems.Add));
            Assert.Equal("ComplianceTools.Materials.FolderNotFound", ex.ErrorId);
            Assert.Contains("没有这个目录", ex.Message);
        }

        [Fact]
        public void A_baseline_can_rename_documents_and_patterns()
        {
            _package.Delete("BusinessLicence");
            _package.Write("证照/统一社会信用代码证书.pdf", TestPdf.Scan(300));
            string baseline = _package.Write("../client.json", System.Text.Encoding.UTF8.GetBytes(
                "{ \"rules\": { \"MAT-001\": { \"parameters\": { \"documents\": [ " +
                "{ \"id\": \"BusinessLicence\", \"name\": { \"zh-CN\": \"营业执照\", \"en-US\": \"Business licence\" }, \"patterns\": [ \"营业执照\", \"信用代码证\" ] } ] } } } }"));
            PackageResult result = Check(_package.Dataset(), CatalogLoader.Load(new[] { baseline }));

            Assert.Equal(new[] { "BusinessLicence" }, result.Checklist.Where(c => c.RuleId == "MAT-001").Select(c => c.DocumentId));
            Assert.Equal(Severity.Green, Row(result, "BusinessLicence").Status);
            Assert.Equal(new[] { "证照/统一社会信用代码证书.pdf" }, Row(result, "BusinessLicence").Files);
            Assert.Equal(Outcome.NotApplicable, Rule(result, "MAT-004").Outcome);
        }

        [Fact]
        public void A_baseline_document_without_patterns_is_an_error_naming_rule_and_entry()
        {
            string baseline = _package.Write("../bad.json", System.Text.Encoding.UTF8.GetBytes(
                "{ \"rules\": { \"MAT-002\": { \"parameters\": { \"documents\": [ { \"id\": \"X\", \"name\": { \"zh-CN\": \"某表\" }, \"patterns\": [] } ] } } } }"));
            var ex = Assert.Throws<BaselineException>(() => CatalogLoader.Load(new[] { baseline }));
            var problem = Assert.Single(ex.Problems);
            Assert.Equal("ComplianceTools.Baseline.ParameterInvalid", problem.ErrorId);
            Assert.EndsWith("'MAT-002.parameters.documents[0].patterns' must be a list of at least 1 item(s), each a text.", problem.Message);
        }

        [Fact]
        public void Disabled_rules_are_left_out()
        {
            string baseline = _package.Write("../off.json", System.Text.Encoding.UTF8.GetBytes("{ \"rules\": { \"MAT-003\": { \"enabled\": false } } }"));
            File.WriteAllBytes(_package.PathOf("EquityStructure"), TestPdf.Scan(150));
            PackageResult result = Check(_package.Dataset(), CatalogLoader.Load(new[] { baseline }));

            Assert.Equal(new[] { "MAT-001", "MAT-002", "MAT-004" }, result.Findings.Select(f => f.RuleId));
            Assert.Equal(Severity.Green, Row(result, "EquityStructure").Status);
        }
    }
}
