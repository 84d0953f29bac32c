using System.IO;
using ComplianceTools.Core.Materials;
using ComplianceTools.Engine.Materials;
using ComplianceTools.Tests.Infrastructure;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace ComplianceTools.Tests.Materials
{
    /// <summary>The scan resolution: pixels / (placed points / 72), by hand.</summary>
    public sealed class PdfInspectorTests
    {
        [Fact]
        public void Six_hundred_pixels_placed_in_two_inches_is_300_dpi()
        {
            Assert.Equal(300d, PdfInspector.Dpi(600, 600, new PdfRectangle(0, 0, 144, 144)), 6);
        }

        [Fact]
        public void The_lower_axis_counts_an_image_squeezed_in_width_is_not_sharper()
        {
            // 600 px across 4 in = 150 dpi; 600 px down 2 in = 300 dpi: the page is only as sharp as 150.
            Assert.Equal(150d, PdfInspector.Dpi(600, 600, new PdfRectangle(0, 0, 288, 144)), 6);
        }

        [Fact]
        public void A_page_scanned_sideways_and_turned_into_place_keeps_its_resolution()
        {
            // 600 × 300 px placed in a box 1 in wide and 2 in high: turned, 600 px over 2 in and 300 px over 1 in = 300 dpi.
            Assert.Equal(300d, PdfInspector.Dpi(600, 300, new PdfRectangle(0, 0, 72, 144)), 6);
        }

        [Fact]
        public void The_lowest_page_is_reported_with_its_number()
        {
            byte[] sharp = TestPdf.Png(600, 600);
            byte[] blurred = TestPdf.Png(300, 300);
            using (var tmp = Paths.NewTempFolder())
            using (var builder = new PdfDocumentBuilder())
            {
                builder.AddPage(PageSize.A4).AddPng(sharp, new PdfRectangle(72, 500, 216, 644));
                builder.AddPage(PageSize.A4).AddPng(blurred, new PdfRectangle(72, 500, 216, 644));
                builder.AddPage(PageSize.A4);
                string path = tmp.File("三页.pdf");
                File.WriteAllBytes(path, builder.Build());

                PdfFacts facts = PdfInspector.Inspect(path);
                Assert.Equal(PdfState.Readable, facts.State);
                Assert.Equal(3, facts.Pages);
                Assert.Equal(2, facts.PagesWithImages);
                Assert.Equal(150d, facts.LowestDpi.Value, 6);
                Assert.Equal(2, facts.LowestDpiPage);
            }
        }

        [Fact]
        public void The_scan_is_the_largest_image_of_a_page_not_a_small_logo()
        {
            byte[] scan = TestPdf.Png(600, 600);
            byte[] logo = TestPdf.Png(36, 36);
            using (var tmp = Paths.NewTempFolder())
            using (var builder = new PdfDocumentBuilder())
            {
                PdfPageBuilder page = builder.AddPage(PageSize.A4);
                page.AddPng(scan, new PdfRectangle(72, 300, 216, 444));
                page.AddPng(logo, new PdfRectangle(400, 700, 436, 736));
                string path = tmp.File("带徽标.pdf");
                File.WriteAllBytes(path, builder.Build());

                Assert.Equal(300d, PdfInspector.Inspect(path).LowestDpi.Value, 6);
            }
        }

        [Fact]
        public void A_pdf_with_an_owner_password_only_is_readable_and_one_needing_a_user_password_is_encrypted()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                File.WriteAllBytes(tmp.File("限制打印.pdf"), TestPdf.OwnerPasswordOnly());
                File.WriteAllBytes(tmp.File("加密.pdf"), TestPdf.Encrypted());

                PdfFacts restricted = PdfInspector.Inspect(tmp.File("限制打印.pdf"));
                Assert.Equal(PdfState.Readable, restricted.State);
                Assert.Equal(1, restricted.Pages);
                Assert.Equal(PdfState.Encrypted, PdfInspector.Inspect(tmp.File("加密.pdf")).State);
            }
        }

        [Fact]
        public void A_zero_byte_file_is_empty_and_a_missing_end_marker_is_damaged()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                File.WriteAllBytes(tmp.File("空.pdf"), System.Array.Empty<byte>());
                File.WriteAllBytes(tmp.File("半截.pdf"), TestPdf.Truncated());
                Assert.Equal(PdfState.Empty, PdfInspector.Inspect(tmp.File("空.pdf")).State);
                Assert.Equal(PdfState.Damaged, PdfInspector.Inspect(tmp.File("半截.pdf")).State);
            }
        }
    }
}
