using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml;
using ComplianceTools.Core.Common;

namespace ComplianceTools.Engine.Workbook
{
    /// <summary>
    /// Looks inside an .xlsx/.xlsm package before the spreadsheet reader does, from the zip directory and a few bytes
    /// of each part: refuses a workbook whose parts would expand past the limits below (a 1 MB file must never cost
    /// gigabytes), one with a DTD in any part, and a damaged package, each with a located error; gives each tab's
    /// visibility; and finds the cells that hold an Excel error value or a formula without a saved result, which the
    /// reader would otherwise give as empty.
    /// </summary>
    internal sealed partial class WorkbookPackage
    {
        /// <summary>The shared-string table is held in memory whole: at most 512 MiB of XML (a 1,000,000-row sheet needs about 90 MiB).</summary>
        public const long MaxSharedStringsBytes = 512L << 20;

        /// <summary>Any one part, uncompressed (sheets are streamed, but a bigger one is not a real workbook: Excel's limit of 1,048,576 rows is about 1 GiB).</summary>
        public const long MaxPartBytes = 2L << 30;

        /// <summary>All parts together, uncompressed.</summary>
        public const long MaxTotalBytes = 4L << 30;

        /// <summary>Uncompressed over compressed size of one part; real sheets stay below 20, a zip bomb is near 1,000.</summary>
        public const int MaxRatio = 100;

        /// <summary>Parts smaller than this may compress as well as they like.</summary>
        public const long RatioFloor = 1L << 20;

        public const int MaxParts = 10000;

        private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

        private readonly string _path;
        private readonly Dictionary<string, string> _parts = new Dictionary<string, string>(StringComparer.Ordinal);

        private WorkbookPackage(string path)
        {
            _path = path;
        }

        /// <summary>The tabs in workbook order, with their visibility.</summary>
        public IReadOnlyList<Tab> Tabs { get; private set; } = Array.Empty<Tab>();

        /// <summary>
        /// The package of an .xlsx/.xlsm file after the checks, or null when the file is not a zip package (an .xls
        /// workbook, or not a workbook at all: the reader says so).
        /// </summary>
        public static WorkbookPackage Inspect(string path)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096))
            {
                var head = new byte[4];
                if (stream.Read(head, 0, 4) < 4 || head[0] != 0x50 || head[1] != 0x4B || head[2] != 0x03 || head[3] != 0x04)
                {
                    return null;
                }

                stream.Position = 0;
                var package = new WorkbookPackage(path);
                ZipArchive zip;
                try
                {
                    zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
                }
                catch (InvalidDataException ex)
                {
                    throw package.Damaged(null, ex);
                }

                using (zip)
                {
                    package.CheckSizes(zip);
                    package.CheckDtds(zip);
                    package.ReadTabs(zip);
                }

                return package;
            }
        }

        /// <summary>
        /// The cells of a tab that hold an Excel error value (#DIV/0!, #N/A) or a formula with no saved result, by
        /// <see cref="CellKey"/>: the error text, or null for a formula without a result. Empty for most sheets, at
        /// the cost of one pass over the sheet's bytes.
        /// </summary>
        public IReadOnlyDictionary<long, string> FormulaCells(string tab)
        {
            Tab t = Tabs.FirstOrDefault(x => x.Name == tab);
            if (t == null || t.Part == null)
            {
                return null;
            }

            try
            {
                using (var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16))
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Read))
                {
                    ZipArchiveEntry entry = zip.GetEntry(t.Part);
                    if (entry == null)
                    {
                        return null;
                    }

                    using (Stream part = entry.Open())
                    {
                        if (!HasFormulaOrError(part))
                        {
                            return null;
                        }
                    }

                    using (Stream part = entry.Open())
                    {
                        return ReadFormulaCells(part);
                    }
                }
            }
            catch (Exception ex) when (ex is XmlException || ex is InvalidDataException || ex is IOException)
            {
                throw Damaged(t.Part, ex);
            }
        }

        /// <summary>
        /// Starts the scans of <see cref="FormulaCells"/> for these tabs, one after another on a background thread, so
        /// they run while the spreadsheet reader parses the same sheets; <see cref="FormulaScan.Get"/> waits for one.
        /// </summary>
        public FormulaScan StartScan(IEnumerable<string> tabs) => new FormulaScan(this, tabs);

        /// <summary>The key of a cell: row from 1, column from 0.</summary>
        public static long CellKey(int row, int column) => ((long)row << 16) | (uint)column;

        private void CheckSizes(ZipArchive zip)
        {
            IReadOnlyCollection<ZipArchiveEntry> entries;
            try
            {
                entries = zip.Entries;
            }
            catch (InvalidDataException ex)
            {
                throw Damaged(null, ex);
            }

            if (entries.Count > MaxParts)
            {
                throw TooLarge(null, Text.Format(nameof(Core.Resources.Strings.WorkbookTooManyParts), entries.Count, MaxParts));
            }

            long total = 0;
            foreach (ZipArchiveEntry e in entries)
            {
                long size = e.Length;
                total += size;
                bool strings = e.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
                long limit = strings ? MaxSharedStringsBytes : MaxPartBytes;
                if (size > limit)
                {
                    throw TooLarge(e.FullName, Text.Format(nameof(Core.Resources.Strings.WorkbookPartTooLarge), e.FullName, Mib(size), Mib(limit)));
                }

                if (size > RatioFloor && size > (long)MaxRatio * Math.Max(1, e.CompressedLength))
                {
                    throw TooLarge(e.FullName, Text.Format(nameof(Core.Resources.Strings.WorkbookPartRatio), e.FullName, Mib(e.CompressedLength), Mib(size), MaxRatio));
                }
            }

            if (total > MaxTotalBytes)
            {
                throw TooLarge(null, Text.Format(nameof(Core.Resources.Strings.WorkbookTotalTooLarge), Mib(total), Mib(MaxTotalBytes)));
            }
        }

        private void CheckDtds(ZipArchive zip)
        {
            var buffer = new byte[4096];
            foreach (ZipArchiveEntry e in zip.Entries)
            {
                if (!(e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".vml", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                int n = 0;
                try
                {
                    using (Stream s = e.Open())
                    {
                        int read;
                        while (n < buffer.Length && (read = s.Read(buffer, n, buffer.Length - n)) > 0)
                        {
                            n += read;
                        }
                    }
                }
                catch (InvalidDataException ex)
                {
                    throw Damaged(e.FullName, ex);
                }

                // The prolog, where a DTD must sit, in any of the encodings an XML part may use.
                string head = Encoding.UTF8.GetString(buffer, 0, n) + Encoding.Unicode.GetString(buffer, 0, n & ~1);
                if (head.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) >= 0 || head.IndexOf("<!ENTITY", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    throw new ComplianceException(new ComplianceProblem(
                        WorkbookReader.ErrorPrefix + "DtdNotAllowed", ProblemKind.InvalidData, Text.Format(nameof(Core.Resources.Strings.WorkbookDtd), Path.GetFileName(_path), e.FullName), new SourceLocation(_path, e.FullName)));
                }
            }
        }

        private void ReadTabs(ZipArchive zip)
        {
            ZipArchiveEntry workbook = zip.GetEntry("xl/workbook.xml") ?? zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("/workbook.xml", StringComparison.OrdinalIgnoreCase));
            if (workbook == null)
            {
                return;
            }

            string dir = workbook.FullName.Substring(0, workbook.FullName.LastIndexOf('/') + 1);
            var targets = new Dictionary<string, string>(StringComparer.Ordinal);
            ZipArchiveEntry rels = zip.GetEntry(dir + "_rels/" + workbook.Name + ".rels");
            var tabs = new List<Tab>();
            try
            {
                if (rels != null)
                {
                    using (XmlReader x = XmlReader.Create(rels.Open(), Settings()))
                    {
                        while (x.Read())
                        {
                            if (x.NodeType == XmlNodeType.Element && x.LocalName == "Relationship" && x.NamespaceURI == PackageRelNs)
                            {
                                string id = x.GetAttribute("Id");
                                string target = x.GetAttribute("Target");
                                if (id != null && target != null)
                                {
                                    targets[id] = target.StartsWith("/", StringComparison.Ordinal) ? target.Substring(1) : dir + target;
                                }
                            }
                        }
                    }
                }

                using (XmlReader x = XmlReader.Create(workbook.Open(), Settings()))
                {
                    while (x.Read())
                    {
                        if (x.NodeType == XmlNodeType.Element && x.LocalName == "sheet" && x.NamespaceURI == MainNs)
                        {
                            string id = x.GetAttribute("id", RelNs);
                            tabs.Add(new Tab(x.GetAttribute("name") ?? string.Empty, x.GetAttribute("state") ?? "visible", id != null && targets.TryGetValue(id, out string part) ? Normalize(part) : null));
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is XmlException || ex is InvalidDataException)
            {
                throw Damaged(workbook.FullName, ex);
            }

            Tabs = tabs;
        }

        private static string Normalize(string part)
        {
            var stack = new List<string>();
            foreach (string piece in part.Split('/'))
            {
                if (piece == "..")
                {
                    if (stack.Count > 0)
                    {
                        stack.RemoveAt(stack.Count - 1);
                    }
                }
                else if (piece.Length > 0 && piece != ".")
                {
                    stack.Add(piece);
                }
            }

            return string.Join("/", stack);
        }

        /// <summary>True when the part's bytes hold a formula element (&lt;f) or an error-typed cell (t="e"): a fast scan for the rare bytes f and e.</summary>
        private static bool HasFormulaOrError(Stream part)
        {
            const int Keep = 4;
            var buffer = new byte[(1 << 16) + Keep];
            int carried = 0;
            int read;
            while ((read = part.Read(buffer, carried, buffer.Length - carried)) > 0)
            {
                int length = carried + read;
                for (int i = Array.IndexOf(buffer, (byte)'f', 0, length); i >= 0 && i < length; i = i + 1 < length ? Array.IndexOf(buffer, (byte)'f', i + 1, length - i - 1) : -1)
                {
                    if (i > 0 && buffer[i - 1] == '<' && i + 1 < length && (buffer[i + 1] == '>' || buffer[i + 1] == ' ' || buffer[i + 1] == '/'))
                    {
                        return true;
                    }
                }

                for (int i = Array.IndexOf(buffer, (byte)'e', 0, length); i >= 0 && i < length; i = i + 1 < length ? Array.IndexOf(buffer, (byte)'e', i + 1, length - i - 1) : -1)
                {
                    if (i >= 3 && buffer[i - 1] == '"' && buffer[i - 2] == '=' && buffer[i - 3] == 't' && i + 1 < length && buffer[i + 1] == '"')
                    {
                        return true;
                    }
                }

                carried = Math.Min(Keep, length);
                Buffer.BlockCopy(buffer, length - carried, buffer, 0, carried);
            }

            return false;
        }

        private static Dictionary<long, string> ReadFormulaCells(Stream part)
        {
            var cells = new Dictionary<long, string>();
            using (XmlReader x = XmlReader.Create(part, Settings()))
            {
                int row = 0;
                int column = -1;
                while (x.Read())
                {
                    if (x.NodeType != XmlNodeType.Element || x.NamespaceURI != MainNs)
                    {
                        continue;
                    }

                    if (x.LocalName == "row")
                    {
                        row = int.TryParse(x.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out int r) ? r : row + 1;
                        column = -1;
                    }
                    else if (x.LocalName == "c")
                    {
                        column = ParseReference(x.GetAttribute("r"), ref row, column + 1);
                        string type = x.GetAttribute("t");
                        bool formula = false;
                        string value = null;
                        if (!x.IsEmptyElement)
                        {
                            int depth = x.Depth;
                            while (x.Read() && x.Depth > depth)
                            {
                                if (x.NodeType == XmlNodeType.Element && x.LocalName == "f")
                                {
                                    formula = true;
                                }
                                else if (x.NodeType == XmlNodeType.Element && x.LocalName == "v")
                                {
                                    value = x.ReadElementContentAsString();
                                    if (x.Depth <= depth)
                                    {
                                        break;
                                    }
                                }
                            }
                        }

                        if (type == "e")
                        {
                            cells[CellKey(row, column)] = string.IsNullOrEmpty(value) ? "#N/A" : value;
                        }
                        else if (formula && string.IsNullOrEmpty(value) && type != "inlineStr")
                        {
                            cells[CellKey(row, column)] = null;
                        }
                    }
                }
            }

            return cells;
        }

        /// <summary>The column (from 0) of a reference such as C5 (and its row into <paramref name="row"/>); the next column when there is none.</summary>
        private static int ParseReference(string reference, ref int row, int next)
        {
            if (string.IsNullOrEmpty(reference))
            {
                return next;
            }

            int column = 0;
            int i = 0;
            while (i < reference.Length && reference[i] >= 'A' && reference[i] <= 'Z')
            {
                column = (column * 26) + (reference[i] - 'A' + 1);
                i++;
            }

            if (i < reference.Length && int.TryParse(reference.Substring(i), NumberStyles.None, CultureInfo.InvariantCulture, out int r))
            {
                row = r;
            }

            return column > 0 ? column - 1 : next;
        }

        private static XmlReaderSettings Settings() => new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true, CloseInput = true };

        private static string Mib(long bytes) => (bytes / 1048576.0).ToString("#,0.0", CultureInfo.InvariantCulture);

        private ComplianceException TooLarge(string part, string detail)
        {
            return new ComplianceException(new ComplianceProblem(
                WorkbookReader.ErrorPrefix + "TooLarge", ProblemKind.LimitsExceeded, Text.Format(nameof(Core.Resources.Strings.WorkbookTooLarge), Path.GetFileName(_path), detail), new SourceLocation(_path, part)));
        }

        internal ComplianceException Damaged(string part, Exception ex)
        {
            return new ComplianceException(
                new ComplianceProblem(WorkbookReader.ErrorPrefix + "Damaged", ProblemKind.InvalidData, Text.Format(nameof(Core.Resources.Strings.WorkbookDamagedPart), Path.GetFileName(_path), part ?? "-", ex.Message), new SourceLocation(_path, part)),
                ex);
        }
    }
}
