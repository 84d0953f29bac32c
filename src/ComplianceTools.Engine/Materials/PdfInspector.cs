using System;
using System.IO;
using System.Linq;
using System.Text;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Materials;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Engine.Materials
{
    /// <summary>
    /// Reads a PDF with PdfPig, read-only: does it open, is it encrypted against reading, how many pages,
    /// and how sharp is the scan. A page's resolution is that of its largest placed image:
    /// pixels / (placed size in points / 72), the lower of width and height.
    /// </summary>
    public static class PdfInspector
    {
        /// <summary>The last bytes searched for %%EOF (the spec allows trailing bytes after it; readers look back about 1 KiB).</summary>
        private const int EofWindow = 1024;

        public static PdfFacts Inspect(string path)
        {
            try
            {
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
                {
                    if (stream.Length == 0)
                    {
                        return new PdfFacts { State = PdfState.Empty };
                    }

                    if (!EndsWithEof(stream))
                    {
                        return new PdfFacts { State = PdfState.Damaged, Detail = Text.Get(nameof(Strings.MaterialsPdfTruncated)) };
                    }

                    stream.Position = 0;
                    using (PdfDocument document = PdfDocument.Open(stream))
                    {
                        return Read(document);
                    }
                }
            }
            catch (PdfDocumentEncryptedException ex)
            {
                return new PdfFacts { State = PdfState.Encrypted, Detail = ex.Message };
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException) && !(ex is OperationCanceledException))
            {
                // PdfPig reports a broken file through several exception types (format, I/O, index, cast …);
                // each one means the upload portal will not read it either. The walk goes on with the next file.
                return new PdfFacts { State = PdfState.Damaged, Detail = ex.Message };
            }
        }

        private static PdfFacts Read(PdfDocument document)
        {
            if (document.IsEncrypted && !CanReadPages(document))
            {
                return new PdfFacts { State = PdfState.Encrypted };
            }

            int pages = document.NumberOfPages;
            if (pages == 0)
            {
                return new PdfFacts { State = PdfState.NoPages };
            }

            var facts = new PdfFacts { State = PdfState.Readable, Pages = pages };
            for (int number = 1; number <= pages; number++)
            {
                Page page = document.GetPage(number);
                double? dpi = PageDpi(page);
                if (!dpi.HasValue)
                {
                    continue;
                }

                facts.PagesWithImages++;
                if (!facts.LowestDpi.HasValue || dpi.Value < facts.LowestDpi.Value)
                {
                    facts.LowestDpi = dpi;
                    facts.LowestDpiPage = number;
                }
            }

            return facts;
        }

        /// <summary>The resolution of the page's largest placed image (the scan), or null when it has none.</summary>
        internal static double? PageDpi(Page page)
        {
            IPdfImage scan = page.GetImages()
                .Where(i => i.WidthInSamples > 0 && i.HeightInSamples > 0 && Math.Abs(i.BoundingBox.Width) > 0.01 && Math.Abs(i.BoundingBox.Height) > 0.01)
                .OrderByDescending(i => Math.Abs(i.BoundingBox.Width * i.BoundingBox.Height))
                .FirstOrDefault();
            return scan == null ? (double?)null : Dpi(scan.WidthInSamples, scan.HeightInSamples, scan.BoundingBox);
        }

        /// <summary>
        /// Dots per inch of an image of <paramref name="pixelsWide"/> × <paramref name="pixelsHigh"/> placed in
        /// <paramref name="bounds"/> (points, 72 to the inch): the lower of the two axes. A page scanned sideways
        /// and rotated into place has its axes swapped; the orientation whose proportions match is used.
        /// </summary>
        internal static double Dpi(int pixelsWide, int pixelsHigh, PdfRectangle bounds)
        {
            double width = Math.Abs(bounds.Width);
            double height = Math.Abs(bounds.Height);
            double straight = Math.Min(pixelsWide / (width / 72.0), pixelsHigh / (height / 72.0));
            double turned = Math.Min(pixelsWide / (height / 72.0), pixelsHigh / (width / 72.0));
            double imageRatio = (double)pixelsWide / pixelsHigh;
            double straightMismatch = Math.Abs(Math.Log(imageRatio / (width / height)));
            double turnedMismatch = Math.Abs(Math.Log(imageRatio / (height / width)));
            return turnedMismatch + 1e-9 < straightMismatch ? turned : straight;
        }

        private static bool CanReadPages(PdfDocument document)
        {
            try
            {
                return document.NumberOfPages >= 0 && (document.NumberOfPages == 0 || document.GetPage(1) != null);
            }
            catch (PdfDocumentEncryptedException)
            {
                return false;
            }
        }

        private static bool EndsWithEof(Stream stream)
        {
            int length = (int)Math.Min(EofWindow, stream.Length);
            stream.Position = stream.Length - length;
            var tail = new byte[length];
            int read = 0;
            while (read < length)
            {
                int n = stream.Read(tail, read, length - read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return Encoding.ASCII.GetString(tail, 0, read).Contains("%%EOF");
        }
    }
}
