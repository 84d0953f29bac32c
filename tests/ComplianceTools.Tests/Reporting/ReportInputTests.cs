using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using AngleSharp.Html.Dom;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Engine.Reporting;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;
using OfficeOpenXml;

namespace ComplianceTools.Tests.Reporting
{
    /// <summary>
    /// Awkward input gives a dashboard that still fits its page and an HTML file that opens: no plan, a plan without
    /// findings, one finding, 5,000 findings, titles of 500 characters, Chinese, English and mixed text, hostile text.
    /// </summary>
    public sealed class ReportInputTests : IDisposable
    {
        private static readonly DateTime AsOf = new DateTime(2026, 3, 2);
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public void Dispose() => _tmp.Dispose();

        private static ReportOptions Options(string culture = "zh-CN", bool allowEmpty = false) => new ReportOptions
        {
            Culture = new CultureInfo(culture), AsOf = AsOf, Catalog = CatalogLoader.Default, Phrases = ReportPhrases.Shipped, AllowEmpty = allowEmpty,
        };

        private static Finding F(int i, string text, string area = null, FindingStatus? status = null)
        {
            FindingStatus s = status ?? (FindingStatus)(i % 5);
            bool ratio = i % 3 != 0;
            return new Finding
            {
                RuleId = "R-" + (i % 40).ToString("000", CultureInfo.InvariantCulture), Title = text + " " + i.ToString(CultureInfo.InvariantCulture), Area = area ?? DashboardModelTests.Findings()[i % 11].Area,
                Status = s, Value = s <= FindingStatus.Red ? (ratio ? 0.01 * (i % 150) : i % 7) : (double?)null, Threshold = 0.5, Comparison = i % 2 == 0 ? Comparison.GreaterThan : Comparison.LessThan,
                Unit = ratio ? "ratio" : "count", Subject = text, Period = i % 4 == 0 ? "2025-" + ((i % 12) + 1).ToString("00", CultureInfo.InvariantCulture) : "2025",
                Reason = text, Recommendation = text, Evidence = new[] { new EvidenceItem(text, text, i, "sheet row " + i.ToString(CultureInfo.InvariantCulture)) },
            };
        }

        private static PlanItem Item(int i, string text) => new PlanItem
        {
            Key = "K|" + i.ToString(CultureInfo.InvariantCulture), Kind = i % 3 == 0 ? PlanItemKind.Schedule : PlanItemKind.Rectification, Title = text + " " + i.ToString(CultureInfo.InvariantCulture),
            Owner = i % 7 == 0 ? null : text + (i % 9).ToString(CultureInfo.InvariantCulture), OwnerMissing = i % 7 == 0, Area = "Seats", RuleId = i % 3 == 0 ? null : "R-" + (i % 40).ToString("000", CultureInfo.InvariantCulture),
            StartDate = AsOf.AddDays((i % 90) - 40), DueDate = AsOf.AddDays((i % 90) - 30), Status = i % 11 == 0 ? PlanStatus.Completed : PlanStatus.NotStarted, Steps = new[] { text },
        };

        private static readonly string Chinese = "坐席空置率超过百分之三十需提供外包协议或扩容计划";
        private static readonly string English = "Seat vacancy above thirty percent needs an outsourcing agreement or an expansion plan";
        private static readonly string Mixed = "SEAT-001 坐席空置率 vacancy 32% · 示例 call centre 有限公司";
        private static readonly string Long = string.Concat(Enumerable.Repeat("超长标题Long title 混合", 40)).Substring(0, 500);

        public static IEnumerable<object[]> Cases()
        {
            yield return new object[] { "no plan", 30, 0, Chinese };
            yield return new object[] { "a plan, no findings", 0, 40, Chinese };
            yield return new object[] { "one finding", 1, 0, English };
            yield return new object[] { "500-character titles", 60, 60, Long };
            yield return new object[] { "chinese", 80, 50, Chinese };
            yield return new object[] { "english", 80, 50, English };
            yield return new object[] { "mixed", 80, 50, Mixed };
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Awkward_input_gives_a_dashboard_on_one_page_and_an_html_file_that_opens(string name, int findings, int items, string text)
        {
            var f = Enumerable.Range(0, findings).Select(i => F(i, text)).ToList();
            var p = Enumerable.Range(0, items).Select(i => Item(i, text)).ToList();
            WriteAndCheck(name, f, p);
        }

        [Fact]
        public void Five_thousand_findings_with_many_areas_and_owners_still_give_one_page_and_a_whole_html_file()
        {
            // 5,000 findings over 40 areas (more lights than the page holds) and 5,000 items over 1,000 owners.
            var f = Enumerable.Range(0, 5000).Select(i => F(i, Mixed, area: "Area " + (i % 40).ToString("00", CultureInfo.InvariantCulture))).ToList();
            var p = Enumerable.Range(0, 5000).Select(i => Item(i, Mixed + (i % 1000).ToString(CultureInfo.InvariantCulture))).ToList();
            (ExcelWorksheet _, IHtmlDocument doc) = WriteAndCheck("5000", f, p);
            Assert.Equal(26, doc.QuerySelectorAll("ul.areas a").Length); // two rows of 13; the last one stands for the rest
            Assert.Equal("+15", doc.QuerySelectorAll("ul.areas a b").Last().TextContent);
            Assert.Contains("共", doc.QuerySelector("figure[data-chart=owners] figcaption").TextContent, StringComparison.Ordinal); // "the 8 highest of N"
        }

        private (ExcelWorksheet Sheet, IHtmlDocument Doc) WriteAndCheck(string name, List<Finding> findings, List<PlanItem> items)
        {
            string xlsx = _tmp.File(name + ".xlsx");
            string html = _tmp.File(name + ".html");
            ComplianceReportWriter.Write(xlsx, findings, items, Options(), force: false);
            HtmlReportWriter.Write(html, findings, items, Options(), force: false);

            var package = new ExcelPackage(new FileInfo(xlsx));
            ExcelWorksheet ws = package.Workbook.Worksheets.First();
            ReportReader.AssertDashboardFitsOnePage(ws);
            Assert.Equal(findings.Count(x => x.Status == FindingStatus.Red), Convert.ToInt32(ws.Cells["A4"].Value, CultureInfo.InvariantCulture));
            if (findings.Count > 0)
            {
                Assert.Equal(findings.Count + 1, package.Workbook.Worksheets.Skip(1).First().Dimension.End.Row);
            }

            IHtmlDocument doc = ReportReader.ParseHtml(html);
            ReportReader.AssertSelfContained(doc, File.ReadAllText(html));
            ReportReader.AssertStrictCsp(doc);
            Assert.Equal(findings.Count, doc.QuerySelectorAll("#findings-table tbody tr").Length);
            Assert.Equal(items.Count, doc.QuerySelectorAll("#schedule-table tbody tr").Length);
            Assert.Equal(findings.Count(x => x.Status == FindingStatus.Red), ReportReader.Tile(doc, "Red"));
            Assert.InRange(doc.QuerySelectorAll("table.urgent tbody tr").Length, 1, 10);
            Assert.All(doc.QuerySelectorAll("table.urgent tbody td"), td => Assert.True(ReportText.DisplayWidth(td.TextContent) <= 120, td.TextContent));
            Assert.True(ReportText.DisplayWidth(doc.QuerySelector("h1").TextContent) <= 90);
            if (findings.Count > 0)
            {
                // The whole text stays in the findings table; only the dashboard cuts it.
                Assert.Equal(findings.OrderBy(x => Finding.Rank(x.Status)).ThenBy(x => x.RuleId, StringComparer.Ordinal).ThenBy(x => x.Subject, StringComparer.Ordinal).ThenBy(x => x.Period, StringComparer.Ordinal).First().Title,
                    doc.QuerySelector("#findings-table tbody tr td:nth-child(2)").TextContent);
            }

            package.Dispose();
            return (ws, doc);
        }

        [Fact]
        public void Text_from_the_input_stays_text_in_the_html()
        {
            var hostile = new Finding
            {
                RuleId = "SEAT-001", Title = "<img src=x onerror=alert(1)>", Area = "\"><script>alert(2)</script>", Status = FindingStatus.Red, Value = 0.4, Threshold = 0.3, Comparison = Finding.ParseComparison("gt"), Unit = "ratio",
                Subject = "<script>alert(3)</script>", Period = "2025", Reason = "</td></tr></table><style>body{display:none}</style>", Recommendation = "' onmouseover='alert(4)",
                Evidence = new[] { new EvidenceItem("<b>bold</b>", "caller 13812345678 & ID 110101199003071234", 1, "<a href=\"https://evil.example\">x</a>") },
            };
            var item = new PlanItem
            {
                Key = "SEAT-001|<script>|2025", Kind = PlanItemKind.Rectification, Title = "<svg onload=alert(5)>", Owner = "<i>owner</i>", RuleId = "SEAT-001", Area = "Seats",
                StartDate = AsOf, DueDate = AsOf.AddDays(3), Steps = new[] { "<iframe src=//evil.example>" },
            };
            string html = _tmp.File("hostile.html");
            HtmlReportWriter.Write(html, new[] { hostile }, new[] { item }, Options("en-US"), force: false);
            string raw = File.ReadAllText(html);
            IHtmlDocument doc = ReportReader.ParseHtml(html);

            Assert.Single(doc.QuerySelectorAll("script"));
            Assert.Single(doc.QuerySelectorAll("style"));
            Assert.Empty(doc.QuerySelectorAll("img, iframe, a[href^=http], [onload], [onerror], [onmouseover]"));
            ReportReader.AssertSelfContained(doc, raw.Replace("https://evil.example", string.Empty).Replace("//evil.example", string.Empty));
            ReportReader.AssertStrictCsp(doc);
            var row = doc.QuerySelector("#findings-table tbody tr");
            Assert.Equal("<img src=x onerror=alert(1)>", row.QuerySelectorAll("td")[1].TextContent);
            Assert.Equal("<script>alert(3)</script>", row.QuerySelectorAll("td")[4].TextContent);
            Assert.Equal("\"><script>alert(2)</script>", row.GetAttribute("data-area"));
            Assert.Equal("</td></tr></table><style>body{display:none}</style>", row.QuerySelectorAll("td")[9].TextContent);
            Assert.Equal("' onmouseover='alert(4)", row.QuerySelectorAll("td")[10].TextContent);
            var evidence = doc.QuerySelector("#evidence-table tbody tr").QuerySelectorAll("td");
            Assert.Equal("<b>bold</b>", evidence[2].TextContent);
            Assert.Equal("caller 138****5678 & ID 110101********1234", evidence[3].TextContent);
            Assert.Equal("<a href=\"https://evil.example\">x</a>", evidence[5].TextContent);
            Assert.Equal("<iframe src=//evil.example>", doc.QuerySelector("#plan-table tbody tr ol li").TextContent);
            Assert.Equal("<svg onload=alert(5)>", doc.QuerySelector("table.urgent tbody td:nth-child(2)").TextContent);
            Assert.DoesNotContain("13812345678", raw, StringComparison.Ordinal);
        }

        [Fact]
        public void The_encoder_encodes_markup_and_quotes_and_drops_characters_html_forbids()
        {
            Assert.Equal("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;", Html.Encode("<a href=\"x\" title='y'>&</a>"));
            Assert.Equal("ab", Html.Encode("a\u0000\u0007b"));
            Assert.Equal("a\tb\nc", Html.Encode("a\tb\nc"));
            Assert.Equal("x\uFFFDy", Html.Encode("x\uD800y"));
            Assert.Equal("坐席 😀", Html.Encode("坐席 😀"));
        }

        [Fact]
        public void The_report_is_in_english_with_culture_en_us_and_the_ui_culture_is_restored()
        {
            CultureInfo before = CultureInfo.CurrentUICulture;
            var findings = DashboardModelTests.Findings();
            string html = _tmp.File("en.html");
            string xlsx = _tmp.File("en.xlsx");
            HtmlReportWriter.Write(html, findings, DashboardModelTests.Items(), Options("en-US"), force: false);
            ComplianceReportWriter.Write(xlsx, findings, DashboardModelTests.Items(), Options("en-US"), force: false);
            Assert.Equal(before, CultureInfo.CurrentUICulture);

            IHtmlDocument doc = ReportReader.ParseHtml(html);
            Assert.Equal("en-US", doc.DocumentElement.GetAttribute("lang"));
            Assert.StartsWith("Compliance report", doc.QuerySelector("h1").TextContent, StringComparison.Ordinal);
            Assert.Equal("Red · findings", doc.QuerySelector("[data-tile=Red] span").TextContent);
            using var package = new ExcelPackage(new FileInfo(xlsx));
            Assert.Equal("Dashboard", package.Workbook.Worksheets.First().Name);
            Assert.Equal("Red · findings", package.Workbook.Worksheets.First().Cells["A5"].Text);
        }

        [Fact]
        public void Nothing_to_report_is_refused_and_written_only_when_allowed()
        {
            string xlsx = _tmp.File("empty.xlsx");
            string html = _tmp.File("empty.html");
            File.WriteAllText(html, "keep me");
            var ex = Assert.Throws<ComplianceException>(() => ComplianceReportWriter.Write(xlsx, Array.Empty<Finding>(), Array.Empty<PlanItem>(), Options(), force: true));
            Assert.Equal("ComplianceTools.Report.Empty", ex.ErrorId);
            Assert.Contains(xlsx, ex.Message, StringComparison.Ordinal);
            Assert.Equal("ComplianceTools.Report.Empty", Assert.Throws<ComplianceException>(() => HtmlReportWriter.Write(html, Array.Empty<Finding>(), null, Options(), force: true)).ErrorId);
            Assert.False(File.Exists(xlsx));
            Assert.Equal("keep me", File.ReadAllText(html));

            ComplianceReportWriter.Write(xlsx, Array.Empty<Finding>(), Array.Empty<PlanItem>(), Options(allowEmpty: true), force: false);
            HtmlReportWriter.Write(html, Array.Empty<Finding>(), Array.Empty<PlanItem>(), Options(allowEmpty: true), force: true);
            using var package = new ExcelPackage(new FileInfo(xlsx));
            ReportReader.AssertDashboardFitsOnePage(package.Workbook.Worksheets.First());
            Assert.Equal("没有未完成的事项", package.Workbook.Worksheets.First().Cells[Enumerable.Range(1, 60).First(r => package.Workbook.Worksheets.First().Cells[r, 1].Text == "规则") + 1, 1].Text);
            IHtmlDocument doc = ReportReader.ParseHtml(html);
            Assert.Empty(doc.QuerySelectorAll("#findings-table tbody tr"));
            Assert.Equal(0, ReportReader.Tile(doc, "Red"));
            Assert.Equal(4, doc.QuerySelectorAll("figure svg text.none").Length); // each chart says it has no data
        }
    }
}
