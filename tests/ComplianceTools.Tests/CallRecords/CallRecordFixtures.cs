using System.IO;
using System.IO.Compression;
using System.Text;

namespace ComplianceTools.Tests.CallRecords
{
    /// <summary>Writes the worked example and other small exports into a test's temp folder.</summary>
    internal static class CallRecordFixtures
    {
        public static readonly string[] PlatformRows =
        {
            "138 0013 8000,2025-03-01 10:00:00",
            "13800138000,2025-03-01 10:00:00",
            "021-60717894,2025-03-01 23:30:00",
            "95599,2025-02-30 10:00:00",
        };

        /// <summary>The worked example: platform (China time), carrier (Chinese headers, CRLF, BOM), privacy numbers (real caller, UTC).</summary>
        public static (string Platform, string Carrier, string Privacy) WorkedExample(string folder)
        {
            string platform = Path.Combine(folder, "platform.csv");
            string carrier = Path.Combine(folder, "carrier.csv");
            string privacy = Path.Combine(folder, "privacy.csv");
            File.WriteAllText(platform, "caller,start_time\n" + string.Join("\n", PlatformRows) + "\n", new UTF8Encoding(false));
            File.WriteAllText(carrier, "主叫号码,开始时间\r\n8613800138000,2025/3/1 10:00:02\r\n02160717894,2025/3/1 23:30:03\r\n", new UTF8Encoding(true));
            File.WriteAllText(privacy, "x_number,real_caller,start_time\n17100000001,+8613800138000,2025-03-01T02:00:01Z\n17100000002,+862160717894,2025-03-01T15:30:00Z\n", new UTF8Encoding(false));
            return (platform, carrier, privacy);
        }

        public static string Write(string folder, string name, string text, Encoding encoding = null)
        {
            string path = Path.Combine(folder, name);
            File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
            return path;
        }

        public static string WriteGzip(string folder, string name, string text)
        {
            string path = Path.Combine(folder, name);
            using (var file = File.Create(path))
            using (var gz = new GZipStream(file, CompressionLevel.Fastest))
            {
                byte[] bytes = Encoding.UTF8.GetBytes(text);
                gz.Write(bytes, 0, bytes.Length);
            }

            return path;
        }

        /// <summary>A minimal .xlsx: inline-string headers and callers, the start as an Excel date serial; a null row is left blank.</summary>
        public static string WriteXlsx(string folder, string name, string[] headers, object[][] rows)
        {
            string path = Path.Combine(folder, name);
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                Entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
                Entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
                Entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"话单\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
                Entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
                var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                AppendRow(sheet, 1, headers);
                for (int r = 0; r < rows.Length; r++)
                {
                    // A null row stays blank, as a row left empty in Excel.
                    if (rows[r] != null)
                    {
                        AppendRow(sheet, r + 2, rows[r]);
                    }
                }

                sheet.Append("</sheetData></worksheet>");
                Entry(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
            }

            return path;
        }

        private static void AppendRow(StringBuilder sb, int index, object[] cells)
        {
            sb.Append("<row r=\"").Append(index).Append("\">");
            for (int c = 0; c < cells.Length; c++)
            {
                string reference = ((char)('A' + c)).ToString() + index;
                if (cells[c] is double d)
                {
                    sb.Append("<c r=\"").Append(reference).Append("\"><v>").Append(d.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("</v></c>");
                }
                else
                {
                    sb.Append("<c r=\"").Append(reference).Append("\" t=\"inlineStr\"><is><t>").Append(System.Security.SecurityElement.Escape(cells[c].ToString())).Append("</t></is></c>");
                }
            }

            sb.Append("</row>");
        }

        private static void Entry(ZipArchive zip, string name, string text)
        {
            using (var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false)))
            {
                writer.Write(text);
            }
        }
    }
}
