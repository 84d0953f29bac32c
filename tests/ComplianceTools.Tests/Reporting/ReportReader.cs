using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ComplianceTools.Core.Reporting;
using OfficeOpenXml;

namespace ComplianceTools.Tests.Reporting
{
    /// <summary>Reads a report back as a user's tools would: the dashboard sheet with EPPlus, the HTML with an HTML5 parser.</summary>
    internal static class ReportReader
    {
        /// <summary>Columns of the printed dashboard (A–M) and their width.</summary>
        internal const int PageColumns = 13;

        internal static IHtmlDocument ParseHtml(string path) => new HtmlParser().ParseDocument(File.ReadAllText(path, Encoding.UTF8));

        /// <summary>
        /// The dashboard fits one A4 landscape page whatever the input: print area A1:M…, landscape A4, fit to one page wide
        /// and tall; a page of bounded height (so the scale stays readable); every chart inside the print area; every text
        /// within the print area no wider than its (merged) cell.
        /// </summary>
        internal static void AssertDashboardFitsOnePage(ExcelWorksheet ws)
        {
            ExcelPrinterSettings print = ws.PrinterSettings;
            Assert.Equal(eOrientation.Landscape, print.Orientation);
            Assert.Equal(ePaperSize.A4, print.PaperSize);
            Assert.True(print.FitToPage);
            Assert.Equal(1, print.FitToWidth);
            Assert.Equal(1, print.FitToHeight);
            ExcelRangeBase area = print.PrintArea;
            Assert.NotNull(area);
            Assert.Equal((1, 1, PageColumns), (area.Start.Row, area.Start.Column, area.End.Column));
            Assert.InRange(area.End.Row, 30, 54);

            double height = Enumerable.Range(1, area.End.Row).Sum(r => ws.Row(r).Height);
            double width = Enumerable.Range(1, PageColumns).Sum(c => ws.Column(c).Width);
            Assert.InRange(height, 350, 820); // points; at most about 1.1 × the width's share of an A4 page
            Assert.InRange(width, 150, 170);  // Excel character units

            foreach (OfficeOpenXml.Drawing.ExcelDrawing drawing in ws.Drawings)
            {
                Assert.True(drawing.To.Column < PageColumns, drawing.Name + " ends in column " + (drawing.To.Column + 1));
                Assert.True(drawing.To.Row < area.End.Row, drawing.Name + " ends on row " + (drawing.To.Row + 1));
            }

            for (int r = 1; r <= area.End.Row; r++)
            {
                for (int c = 1; c <= PageColumns; c++)
                {
                    if (!(ws.Cells[r, c].Value is string text) || text.Length == 0)
                    {
                        continue;
                    }

                    int columns = MergedWidth(ws, r, c);
                    double size = ws.Cells[r, c].Style.Font.Size;
                    foreach (string line in text.Split('\n'))
                    {
                        double needed = ReportText.DisplayWidth(line) * size / 10.0;
                        Assert.True(needed <= columns * 12.7, ws.Cells[r, c].Address + " '" + line + "' needs " + needed + " of " + (columns * 12.7));
                    }

                    Assert.True(text.Split('\n').Length <= 2, ws.Cells[r, c].Address + " has more than two lines");
                }
            }
        }

        private static int MergedWidth(ExcelWorksheet ws, int row, int column)
        {
            foreach (string address in ws.MergedCells)
            {
                var merged = new ExcelAddress(address);
                if (row >= merged.Start.Row && row <= merged.End.Row && column >= merged.Start.Column && column <= merged.End.Column)
                {
                    return merged.End.Column - merged.Start.Column + 1;
                }
            }

            return 1;
        }

        /// <summary>The HTML stands alone: nothing fetched (no src, no link, no url(), no @import, links only within the page).</summary>
        internal static void AssertSelfContained(IHtmlDocument doc, string raw)
        {
            Assert.Empty(doc.QuerySelectorAll("link, img, iframe, object, embed, audio, video, source, base, form"));
            foreach (IElement e in doc.All)
            {
                foreach (IAttr a in e.Attributes)
                {
                    Assert.False(a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), e.LocalName + " has event handler " + a.Name);
                    Assert.NotEqual("style", a.Name); // the CSP allows no style attribute
                    Assert.NotEqual("src", a.Name);
                    Assert.NotEqual("srcset", a.Name);
                    if (a.Name == "href" || a.Name == "xlink:href" || a.Name == "action")
                    {
                        Assert.StartsWith("#", a.Value);
                    }
                }
            }

            string css = string.Concat(doc.QuerySelectorAll("style").Select(s => s.TextContent));
            Assert.DoesNotContain("url(", css, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", css, StringComparison.OrdinalIgnoreCase);
            // The only address in the file is the SVG namespace name, which is never fetched.
            foreach (Match m in Regex.Matches(raw, @"(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s""'<>]*"))
            {
                Assert.Equal("http://www.w3.org/2000/svg", m.Value);
            }
        }

        /// <summary>A strict Content-Security-Policy meta tag whose hashes are those of the page's one style and one script.</summary>
        internal static void AssertStrictCsp(IHtmlDocument doc)
        {
            IElement meta = Assert.Single(doc.QuerySelectorAll("meta[http-equiv]"), m => string.Equals(m.GetAttribute("http-equiv"), "Content-Security-Policy", StringComparison.OrdinalIgnoreCase));
            var directives = meta.GetAttribute("content").Split(';').Select(d => d.Trim()).Where(d => d.Length > 0)
                .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray(), StringComparer.Ordinal);
            Assert.Equal(new[] { "'none'" }, directives["default-src"]);
            IElement style = Assert.Single(doc.QuerySelectorAll("style"));
            IElement script = Assert.Single(doc.QuerySelectorAll("script"));
            Assert.Equal(new[] { Sha256(style.TextContent) }, directives["style-src"]);
            Assert.Equal(new[] { Sha256(script.TextContent) }, directives["script-src"]);
            Assert.DoesNotContain(directives.Values.SelectMany(v => v), v => v.Contains("unsafe", StringComparison.Ordinal) || v == "*" || v.StartsWith("http", StringComparison.Ordinal));
            Assert.True(doc.Head.Children.ToList().IndexOf(meta) < doc.Head.Children.ToList().IndexOf(style), "the policy comes before the style");
        }

        private static string Sha256(string text) => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text))) + "'";

        /// <summary>Texts of the cells of the rows of a table body.</summary>
        internal static List<string[]> Rows(IHtmlDocument doc, string tableId) =>
            doc.QuerySelectorAll("#" + tableId + " tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();

        internal static int Tile(IHtmlDocument doc, string name) => int.Parse(doc.QuerySelector("[data-tile=" + name + "] b").TextContent, System.Globalization.CultureInfo.InvariantCulture);
    }
}
