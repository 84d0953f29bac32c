using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Hardening
{
    /// <summary>
    /// Text typed by a user (a company name, an owner) that holds a mobile or ID number never reaches a finding, a plan
    /// item, the Excel report, the HTML report, the calendar or the CSV in clear.
    /// </summary>
    public sealed class WriterPrivacyTests : System.IDisposable
    {
        private static readonly Regex s_clear = new Regex(@"13800138000|13912345678|110101199003071234");
        private readonly ModuleSession _ps = new ModuleSession();
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public void Dispose()
        {
            _ps.Dispose();
            _tmp.Dispose();
        }

        /// <summary>Every text part of an xlsx (cells, shared strings, sheet names) as one string.</summary>
        private static string XlsxText(string path)
        {
            using var zip = ZipFile.OpenRead(path);
            return string.Join("\n", zip.Entries.Where(e => e.FullName.EndsWith(".xml", System.StringComparison.Ordinal)).Select(e =>
            {
                using var reader = new StreamReader(e.Open());
                return reader.ReadToEnd();
            }));
        }

        [Fact]
        public void A_phone_in_a_company_name_and_an_owner_typed_with_a_phone_are_masked_in_every_writer()
        {
            const string script = @"
$company = [ComplianceTools.Core.Workbook.Sheets.CompanyProfile]@{ CompanyName = '示例公司 13912345678'; ReportYear = 2025; AiCapabilityDeclared = 'Yes'; AlgorithmFilingNumber = '京ICP备12345678号' }
$findings = @($company | Test-AlgorithmFiling)
$findings += [ComplianceTools.Core.Findings.Finding]@{ RuleId = 'SEAT-001'; Title = '坐席空置率'; Area = 'Seats'; Status = 'Red'; Subject = '身份证 110101199003071234'; Period = '2025'; Reason = 'call 13800138000' }
$plan = @($findings | New-RectificationPlan -Owner @{ '*' = '张三 13800138000' } -NoticeDate 2026-03-02)
$findings + $plan | Export-ComplianceReport -Path $args[0] | Out-Null
$findings + $plan | Export-ComplianceReport -Path $args[1] | Out-Null
$plan | Export-ComplianceTask -Path $args[2] | Out-Null
$plan | Export-ComplianceTask -Path $args[3] | Out-Null
$findings[0]; $plan";
            string xlsx = _tmp.File("r.xlsx"), html = _tmp.File("r.html"), ics = _tmp.File("t.ics"), csv = _tmp.File("t.csv");
            var r = _ps.Run(script, xlsx, html, ics, csv);
            Assert.Empty(r.AllErrors);
            Assert.Equal("ALG-001", r.Output[0].Text("RuleId"));
            Assert.Equal("示例公司 139****5678", r.Output[0].Text("Subject"));
            Assert.DoesNotMatch(s_clear, r.AllStreamsText());
            Assert.DoesNotMatch(s_clear, XlsxText(xlsx));
            Assert.DoesNotMatch(s_clear, File.ReadAllText(html));
            Assert.DoesNotMatch(s_clear, File.ReadAllText(ics).Replace("\r\n ", string.Empty));
            Assert.DoesNotMatch(s_clear, File.ReadAllText(csv));
            Assert.Contains("138****8000", XlsxText(xlsx));
        }
    }
}
