using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Security;
using System.Text;
using ComplianceTools.Core.Filing;
using ComplianceTools.Core.Findings;
using ComplianceTools.Engine.Filing;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ComplianceTools.Tests.Filing
{
    /// <summary>PRIV-001: the policy is this year's and has the 敏感个人信息处理清单, read from the form or a .txt/.docx/.pdf file.</summary>
    public sealed class PrivacyPolicyTests : IDisposable
    {
        private const string Current = "隐私政策\n更新日期:2025年3月1日\n第五章 敏感个人信息处理清单\n1. 身份证号:用于实名核验。";
        private const string OldTemplate = "隐私政策(2022版)\n生效日期:2022-01-01\n我们如何收集和使用您的个人信息。";
        private readonly ModuleSession _ps = new ModuleSession();
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public PrivacyPolicyTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose()
        {
            _ps.Dispose();
            _tmp.Dispose();
        }

        [Fact]
        public void The_latest_update_or_effective_date_is_the_policys_date()
        {
            PrivacyPolicy.FindDate("发布日期:2021年5月1日\n更新日期:2024年12月30日", out DateTime? date, out bool yearOnly);
            Assert.Equal(new DateTime(2024, 12, 30), date);
            Assert.False(yearOnly);
            PrivacyPolicy.FindDate("Privacy Policy. Last updated: 2025-02-03", out date, out _);
            Assert.Equal(new DateTime(2025, 2, 3), date);
            PrivacyPolicy.FindDate("某某公司隐私政策(2022年版)", out date, out yearOnly);
            Assert.Equal(2022, date.Value.Year);
            Assert.True(yearOnly);
            PrivacyPolicy.FindDate("没有日期", out date, out _);
            Assert.Null(date);
        }

        [Fact]
        public void A_policy_of_the_report_year_with_the_list_is_green_and_an_older_template_red()
        {
            var rule = CatalogLoader.Default.Get(PrivacyPolicy.RuleId);
            Finding green = PrivacyPolicy.Check(rule, PolicyFacts.FromText(Current, "敏感个人信息处理清单", "p.txt"), 2025, new DateTime(2026, 1, 10));
            Assert.Equal(Severity.Green, green.Severity);
            Finding red = PrivacyPolicy.Check(rule, PolicyFacts.FromText(OldTemplate, "敏感个人信息处理清单", "p.txt"), 2024, new DateTime(2025, 1, 10));
            Assert.Equal(Severity.Red, red.Severity);
            Assert.Equal(2, red.Value);
        }

        [Fact]
        public void Without_a_report_year_the_age_line_is_max_age_months()
        {
            var rule = CatalogLoader.Default.Get(PrivacyPolicy.RuleId);
            var facts = new PolicyFacts { Date = new DateTime(2024, 1, 1), HasSection = true };
            Assert.Equal(Severity.Green, PrivacyPolicy.Check(rule, facts, null, new DateTime(2025, 1, 1)).Severity);
            Assert.Equal(Severity.Red, PrivacyPolicy.Check(rule, facts, null, new DateTime(2025, 2, 1)).Severity);
        }

        [Fact]
        public void An_undated_policy_needs_review()
        {
            var rule = CatalogLoader.Default.Get(PrivacyPolicy.RuleId);
            Finding f = PrivacyPolicy.Check(rule, new PolicyFacts { HasSection = true }, 2025, new DateTime(2026, 1, 1));
            Assert.Equal(Severity.Yellow, f.Severity);
        }

        [Fact]
        public void Text_in_gb18030_and_word_documents_is_read()
        {
            string txt = _tmp.File("policy-gbk.txt");
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            File.WriteAllBytes(txt, Encoding.GetEncoding("GB18030").GetBytes(Current));
            Assert.Contains("敏感个人信息处理清单", PolicyDocumentReader.ReadText(txt));
            string docx = WriteDocx("policy.docx", Current);
            string text = PolicyDocumentReader.ReadText(docx);
            Assert.Contains("更新日期:2025年3月1日", text);
            Assert.Contains("敏感个人信息处理清单", text);
        }

        [Fact]
        public void Runspace_a_current_docx_is_green_and_the_2022_template_red()
        {
            string good = WriteDocx("good.docx", Current);
            string old = WriteDocx("old.docx", OldTemplate);
            var green = _ps.Run("Test-PrivacyPolicy -Path $args[0] -ReportYear 2025", good).Single();
            Assert.Equal("Green", green.Text("Severity"));
            var red = _ps.Run("Test-PrivacyPolicy -Path $args[0] -ReportYear 2024", old).Single();
            Assert.Equal("Red", red.Text("Severity"));
            Assert.Contains("2022-01-01", red.Text("Reason"));
            Assert.Contains("敏感个人信息处理清单", red.Text("Reason"));
        }

        [Fact]
        public void Runspace_a_pdf_is_read_with_an_english_section_name_from_a_baseline()
        {
            // PdfPig writes text with the 14 standard fonts only, which have no Chinese glyphs: the PDF path is
            // exercised with English text; the Chinese section name is covered by the .txt and .docx tests.
            string pdf = _tmp.File("policy.pdf");
            var builder = new PdfDocumentBuilder();
            PdfPageBuilder page = builder.AddPage(PageSize.A4);
            PdfDocumentBuilder.AddedFont font = builder.AddStandard14Font(Standard14Font.Helvetica);
            page.AddText("Privacy Policy", 14, new PdfPoint(50, 780), font);
            page.AddText("Last updated: 2025-04-01", 11, new PdfPoint(50, 760), font);
            page.AddText("Chapter 5 Sensitive Personal Information List", 11, new PdfPoint(50, 740), font);
            File.WriteAllBytes(pdf, builder.Build());
            string baseline = _tmp.File("english.json");
            File.WriteAllText(baseline, "{ \"rules\": { \"PRIV-001\": { \"parameters\": { \"requiredSection\": \"Sensitive Personal Information List\" } } } }");
            var f = _ps.Run("Test-PrivacyPolicy $args[0] -ReportYear 2025 -Baseline $args[1]", pdf, baseline).Single();
            Assert.Equal("Green", f.Text("Severity"));
            Assert.Contains("2025-04-01", f.Text("Reason"));
            Assert.Equal("Red", _ps.Run("Test-PrivacyPolicy $args[0] -ReportYear 2025", pdf).Single().Text("Severity"));
        }

        [Fact]
        public void Runspace_the_company_form_names_the_file_relative_to_the_workbook()
        {
            WriteDocx("policy.docx", Current);
            var f = _ps.Run(@"
                $c = [ComplianceTools.Core.Workbook.Sheets.CompanyProfile]@{ CompanyName = 'Acme'; ReportYear = 2025; PrivacyPolicyFile = 'policy.docx' }
                $d = [ComplianceTools.Core.Workbook.ComplianceDataset]@{ Path = [System.IO.Path]::Combine($args[0], 'annual.xlsx'); Company = $c }
                $d | Test-PrivacyPolicy", _tmp.FullName).Single();
            Assert.Equal("Green", f.Text("Severity"));
            Assert.Equal("Acme", f.Text("Subject"));
        }

        [Fact]
        public void Runspace_the_form_alone_is_enough_and_a_missing_file_is_a_clear_error()
        {
            var f = _ps.Run(@"[ComplianceTools.Core.Workbook.Sheets.CompanyProfile]@{ CompanyName = 'Acme'; ReportYear = 2025; PrivacyPolicyDate = [datetime]'2022-06-01'; PrivacyPolicyHasSensitiveList = 'Yes' } | Test-PrivacyPolicy").Single();
            Assert.Equal("Red", f.Text("Severity"));
            var error = Assert.Single(_ps.Run("Test-PrivacyPolicy -Path $args[0]", _tmp.File("none.pdf")).AllErrors);
            Assert.Equal("ComplianceTools.PrivacyPolicy.FileNotFound,ComplianceTools.Commands.Filing.TestPrivacyPolicyCommand", error.FullyQualifiedErrorId);
        }

        private string WriteDocx(string name, string text)
        {
            string path = _tmp.File(name);
            var body = new StringBuilder();
            foreach (string line in text.Split('\n'))
            {
                body.Append("<w:p><w:r><w:t xml:space=\"preserve\">").Append(SecurityElement.Escape(line)).Append("</w:t></w:r></w:p>");
            }

            using (ZipArchive zip = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                Write(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
                Write(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
                Write(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body + "</w:body></w:document>");
            }

            return path;
        }

        private static void Write(ZipArchive zip, string name, string content)
        {
            using (var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false)))
            {
                writer.Write(content);
            }
        }
    }
}
