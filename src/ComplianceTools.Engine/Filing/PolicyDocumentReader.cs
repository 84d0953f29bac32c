using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml;
using ComplianceTools.Core.Common;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Engine.Filing
{
    /// <summary>
    /// The text of a privacy policy file: .txt (UTF-8, UTF-16 with BOM, or GB18030), .docx (word/document.xml,
    /// paragraphs as lines) or .pdf (PdfPig, pages in order). The file is only read.
    /// </summary>
    public static class PolicyDocumentReader
    {
        private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

        public static string ReadText(string path)
        {
            if (!File.Exists(path))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.PrivacyPolicy.FileNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.PrivacyFileNotFound), path), path));
            }

            string extension = Path.GetExtension(path).ToLowerInvariant();
            try
            {
                switch (extension)
                {
                    case ".txt":
                    case ".md":
                        return ReadPlain(path);
                    case ".docx":
                        return ReadDocx(path);
                    case ".pdf":
                        return ReadPdf(path);
                    default:
                        throw new ComplianceException(new ComplianceProblem(
                            "ComplianceTools.PrivacyPolicy.FileUnsupported", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.PrivacyFileUnsupported), path), path));
                }
            }
            catch (Exception ex) when (ex is IOException || ex is InvalidDataException || ex is XmlException || ex is UnauthorizedAccessException || IsPdfError(ex))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.PrivacyPolicy.FileUnreadable", ProblemKind.ReadError, Text.Format(nameof(Strings.PrivacyFileUnreadable), path, ex.Message), path), ex);
            }
        }

        private static string ReadPlain(string path)
        {
            byte[] bytes = File.ReadAllBytes(path);
            if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            {
                return new StreamReader(new MemoryStream(bytes), true).ReadToEnd();
            }

            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            try
            {
                return new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start);
            }
            catch (DecoderFallbackException)
            {
                // Not UTF-8: Chinese Windows tools write GB18030 (GBK) by default.
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return Encoding.GetEncoding("GB18030").GetString(bytes);
            }
        }

        private static string ReadDocx(string path)
        {
            using (ZipArchive zip = ZipFile.OpenRead(path))
            {
                ZipArchiveEntry entry = zip.GetEntry("word/document.xml")
                    ?? throw new InvalidDataException("word/document.xml is missing: not a Word document.");
                var text = new StringBuilder();
                using (Stream stream = entry.Open())
                using (XmlReader xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
                {
                    bool positioned = false;
                    while (positioned ? !xml.EOF : xml.Read())
                    {
                        positioned = false;
                        if (xml.NamespaceURI != WordNamespace)
                        {
                            continue;
                        }

                        if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
                        {
                            // Leaves the reader on the node after </w:t>, which the loop must not skip.
                            text.Append(xml.ReadElementContentAsString());
                            positioned = true;
                        }
                        else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "tab")
                        {
                            text.Append('\t');
                        }
                        else if ((xml.NodeType == XmlNodeType.Element && (xml.LocalName == "br" || xml.LocalName == "cr"))
                            || (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "p"))
                        {
                            text.AppendLine();
                        }
                    }
                }

                return text.ToString();
            }
        }

        private static string ReadPdf(string path)
        {
            using (PdfDocument document = PdfDocument.Open(path))
            {
                return string.Join(Environment.NewLine, document.GetPages().Select(PageText));
            }
        }

        private static string PageText(Page page)
        {
            // Words keep their reading order and spacing better than the raw letter stream.
            return string.Join(" ", page.GetWords().Select(w => w.Text));
        }

        private static bool IsPdfError(Exception ex) => ex.GetType().Namespace?.StartsWith("UglyToad.PdfPig", StringComparison.Ordinal) == true;
    }
}
