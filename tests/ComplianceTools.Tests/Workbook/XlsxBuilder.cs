using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security;
using System.Text;

namespace ComplianceTools.Tests.Workbook
{
    /// <summary>
    /// Writes small .xlsx fixtures the way users' files really look (text cells, numbers, date-formatted
    /// cells, raw date serials, blank rows), so each test shows the exact cells it exercises.
    /// </summary>
    internal sealed class XlsxBuilder
    {
        private readonly List<KeyValuePair<string, List<object[]>>> _sheets = new List<KeyValuePair<string, List<object[]>>>();
        private readonly Dictionary<int, string> _states = new Dictionary<int, string>();

        /// <summary>A sheet; each row is an array of cells (null = empty; a row that is null stays blank).</summary>
        public XlsxBuilder Sheet(string name, params object[][] rows)
        {
            _sheets.Add(new KeyValuePair<string, List<object[]>>(name, rows.ToList()));
            return this;
        }

        /// <summary>Marks the sheet added last as hidden ("hidden") or very hidden ("veryHidden"), as Excel's Hide and VBA do.</summary>
        public XlsxBuilder State(string state)
        {
            _states[_sheets.Count - 1] = state;
            return this;
        }

        /// <summary>A cell showing an Excel error (#DIV/0!, #N/A): a formula whose saved result is the error.</summary>
        public static object Error(string value) => new RawCell("<c r=\"{0}\" t=\"e\"><f>1/0</f><v>" + SecurityElement.Escape(value) + "</v></c>");

        /// <summary>A formula cell with no saved result, as written by programs that do not calculate.</summary>
        public static object FormulaWithoutValue(string formula) => new RawCell("<c r=\"{0}\"><f>" + SecurityElement.Escape(formula) + "</f></c>");

        /// <summary>A date-formatted cell (what Excel stores when someone types a date).</summary>
        public static object Date(int y, int m, int d) => new DateTime(y, m, d);

        public string Save(string path)
        {
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                var types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
                var sheets = new StringBuilder();
                var rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
                for (int i = 0; i < _sheets.Count; i++)
                {
                    int n = i + 1;
                    types.Append("<Override PartName=\"/xl/worksheets/sheet" + n + ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                    string state = _states.TryGetValue(i, out string s) ? " state=\"" + s + "\"" : string.Empty;
                    sheets.Append("<sheet name=\"" + SecurityElement.Escape(_sheets[i].Key) + "\" sheetId=\"" + n + "\"" + state + " r:id=\"rId" + n + "\"/>");
                    rels.Append("<Relationship Id=\"rId" + n + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>");
                    Write(zip, "xl/worksheets/sheet" + n + ".xml", SheetXml(_sheets[i].Value));
                }

                Write(zip, "[Content_Types].xml", types + "</Types>");
                Write(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
                Write(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" + sheets + "</sheets></workbook>");
                Write(zip, "xl/_rels/workbook.xml.rels", rels + "</Relationships>");
                Write(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
            }

            return path;
        }

        private static string SheetXml(List<object[]> rows)
        {
            var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (int r = 0; r < rows.Count; r++)
            {
                if (rows[r] == null)
                {
                    continue;
                }

                sb.Append("<row r=\"" + (r + 1) + "\">");
                for (int c = 0; c < rows[r].Length; c++)
                {
                    object v = rows[r][c];
                    if (v == null)
                    {
                        continue;
                    }

                    string reference = Letter(c) + (r + 1);
                    switch (v)
                    {
                        case RawCell raw:
                            sb.Append(string.Format(CultureInfo.InvariantCulture, raw.Xml, reference));
                            break;
                        case string s:
                            sb.Append("<c r=\"" + reference + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + SecurityElement.Escape(s) + "</t></is></c>");
                            break;
                        case DateTime dt:
                            sb.Append("<c r=\"" + reference + "\" s=\"1\"><v>" + dt.ToOADate().ToString(CultureInfo.InvariantCulture) + "</v></c>");
                            break;
                        case bool b:
                            sb.Append("<c r=\"" + reference + "\" t=\"b\"><v>" + (b ? "1" : "0") + "</v></c>");
                            break;
                        default:
                            sb.Append("<c r=\"" + reference + "\"><v>" + Convert.ToString(v, CultureInfo.InvariantCulture) + "</v></c>");
                            break;
                    }
                }

                sb.Append("</row>");
            }

            return sb + "</sheetData></worksheet>";
        }

        private sealed class RawCell
        {
            public RawCell(string xml)
            {
                Xml = xml;
            }

            public string Xml { get; }
        }

        private static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : ((char)('A' + (index / 26) - 1)).ToString() + (char)('A' + (index % 26));

        private static void Write(ZipArchive zip, string name, string content)
        {
            using (var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false)))
            {
                writer.Write(content);
            }
        }
    }
}
