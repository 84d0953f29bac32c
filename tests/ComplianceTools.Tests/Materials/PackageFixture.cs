using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Tests.Infrastructure;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace ComplianceTools.Tests.Materials
{
    /// <summary>
    /// Real PDFs made in the test with PdfPig's writer: a "scan" is a PNG of 2·dpi × 2·dpi pixels placed in a
    /// 144 × 144 pt (2 × 2 inch) box on an A4 page, so its resolution is the dpi asked for, by hand:
    /// 600 px / (144 pt / 72) = 300 dpi; 300 px / 2 in = 150 dpi.
    /// </summary>
    internal static class TestPdf
    {
        private static readonly Dictionary<int, byte[]> s_scans = new Dictionary<int, byte[]>();

        public static byte[] Scan(int dpi)
        {
            lock (s_scans)
            {
                if (!s_scans.TryGetValue(dpi, out byte[] bytes))
                {
                    bytes = Build(2 * dpi, 2 * dpi, 144, 144);
                    s_scans[dpi] = bytes;
                }

                return bytes;
            }
        }

        /// <summary>One A4 page with a <paramref name="pixelsWide"/> × <paramref name="pixelsHigh"/> image placed in <paramref name="pointsWide"/> × <paramref name="pointsHigh"/> points.</summary>
        public static byte[] Build(int pixelsWide, int pixelsHigh, double pointsWide, double pointsHigh, int pages = 1)
        {
            byte[] image = Png(pixelsWide, pixelsHigh);
            using (var builder = new PdfDocumentBuilder())
            {
                for (int i = 0; i < pages; i++)
                {
                    PdfPageBuilder page = builder.AddPage(PageSize.A4);
                    page.AddPng(image, new PdfRectangle(72, 500, 72 + pointsWide, 500 + pointsHigh));
                }

                return builder.Build();
            }
        }

        /// <summary>A plain RGB PNG (signature, IHDR, one zlib IDAT, IEND) with red stripes, like a scanned seal.</summary>
        public static byte[] Png(int width, int height)
        {
            var raw = new byte[height * (1 + (3 * width))];
            for (int y = 0; y < height; y++)
            {
                int row = y * (1 + (3 * width));
                for (int x = 0; x < width; x++)
                {
                    bool ink = y % 7 == 0;
                    raw[row + 1 + (3 * x)] = ink ? (byte)200 : (byte)255;
                    raw[row + 2 + (3 * x)] = ink ? (byte)30 : (byte)255;
                    raw[row + 3 + (3 * x)] = ink ? (byte)30 : (byte)255;
                }
            }

            byte[] compressed;
            using (var buffer = new MemoryStream())
            {
                using (var zlib = new System.IO.Compression.ZLibStream(buffer, System.IO.Compression.CompressionLevel.Fastest, true))
                {
                    zlib.Write(raw, 0, raw.Length);
                }

                compressed = buffer.ToArray();
            }

            using (var png = new MemoryStream())
            {
                png.Write(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 });
                var header = new byte[13];
                System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
                System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
                header[8] = 8; // bit depth
                header[9] = 2; // RGB
                Chunk(png, "IHDR", header);
                Chunk(png, "IDAT", compressed);
                Chunk(png, "IEND", Array.Empty<byte>());
                return png.ToArray();
            }
        }

        private static void Chunk(Stream png, string type, byte[] data)
        {
            var length = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            png.Write(length);
            byte[] typeBytes = Encoding.ASCII.GetBytes(type);
            png.Write(typeBytes);
            png.Write(data);
            uint crc = 0xFFFFFFFF;
            foreach (byte b in typeBytes.Concat(data))
            {
                crc ^= b;
                for (int k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
                }
            }

            var crcBytes = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc ^ 0xFFFFFFFF);
            png.Write(crcBytes);
        }

        /// <summary>An A4 page with no image (a PDF exported from a text file: no scan, no visible seal).</summary>
        public static byte[] TextOnly()
        {
            using (var builder = new PdfDocumentBuilder())
            {
                builder.AddPage(PageSize.A4);
                return builder.Build();
            }
        }

        private static readonly byte[] s_passwordPadding =
        {
            0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
            0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
        };

        private static readonly byte[] s_fileId = Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF");

        /// <summary>A well-formed PDF whose standard security handler needs a user password the test does not know.</summary>
        public static byte[] Encrypted()
        {
            byte[] unknown = Enumerable.Range(0, 32).Select(i => (byte)((i * 37) + 11)).ToArray();
            return WithSecurityHandler(unknown, unknown);
        }

        /// <summary>
        /// A PDF protected by an owner password only (printing and copying restricted, as audit firms often
        /// issue them): anyone can read it with the empty user password. Standard security handler R2, 40-bit RC4
        /// (PDF 1.7, 7.6.3.3 algorithms 2, 3 and 4); the file has no strings or streams to encrypt.
        /// </summary>
        public static byte[] OwnerPasswordOnly()
        {
            byte[] ownerKey = MD5.HashData(Encoding.ASCII.GetBytes("owner").Concat(s_passwordPadding).Take(32).ToArray()).Take(5).ToArray();
            byte[] o = Rc4(ownerKey, s_passwordPadding);
            const int permissions = -44;
            byte[] fileKey = MD5.HashData(s_passwordPadding.Concat(o).Concat(BitConverter.GetBytes(permissions)).Concat(s_fileId).ToArray()).Take(5).ToArray();
            byte[] u = Rc4(fileKey, s_passwordPadding);
            return WithSecurityHandler(o, u);
        }

        private static byte[] Rc4(byte[] key, byte[] data)
        {
            byte[] state = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
            for (int i = 0, j = 0; i < 256; i++)
            {
                j = (j + state[i] + key[i % key.Length]) & 0xFF;
                (state[i], state[j]) = (state[j], state[i]);
            }

            var output = new byte[data.Length];
            for (int n = 0, i = 0, j = 0; n < data.Length; n++)
            {
                i = (i + 1) & 0xFF;
                j = (j + state[i]) & 0xFF;
                (state[i], state[j]) = (state[j], state[i]);
                output[n] = (byte)(data[n] ^ state[(state[i] + state[j]) & 0xFF]);
            }

            return output;
        }

        private static byte[] WithSecurityHandler(byte[] o, byte[] u)
        {
            var objects = new[]
            {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                "<< /Filter /Standard /V 1 /R 2 /O <" + Convert.ToHexString(o) + "> /U <" + Convert.ToHexString(u) + "> /P -44 >>",
            };
            var sb = new StringBuilder("%PDF-1.4\n");
            var offsets = new List<int>();
            for (int i = 0; i < objects.Length; i++)
            {
                offsets.Add(sb.Length);
                sb.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
            }

            int xref = sb.Length;
            sb.Append("xref\n0 ").Append(objects.Length + 1).Append('\n').Append("0000000000 65535 f \n");
            foreach (int offset in offsets)
            {
                sb.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
            }

            string id = Convert.ToHexString(s_fileId);
            sb.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R /Encrypt 4 0 R /ID [<").Append(id).Append("> <").Append(id).Append(">] >>\n");
            sb.Append("startxref\n").Append(xref).Append("\n%%EOF\n");
            return Encoding.ASCII.GetBytes(sb.ToString());
        }

        /// <summary>The first half of a good PDF, as a broken copy or download leaves it.</summary>
        public static byte[] Truncated() => Scan(300).Take(Scan(300).Length / 2).ToArray();
    }

    /// <summary>A package folder on disk, with Chinese names in nested folders, and the workbook rows that describe it.</summary>
    internal sealed class PackageFixture : IDisposable
    {
        /// <summary>Every required document of the catalog, where a complete package keeps it.</summary>
        public static readonly IReadOnlyDictionary<string, string> CompleteFiles = new Dictionary<string, string>
        {
            ["BusinessLicence"] = "通用材料/证照/营业执照（副本）.pdf",
            ["TelecomLicence"] = "通用材料/证照/增值电信业务经营许可证正副本.pdf",
            ["ArticlesOfAssociation"] = "通用材料/公司章程.pdf",
            ["EquityStructure"] = "通用材料/股权结构表.pdf",
            ["AuditReport"] = "通用材料/2025年度审计报告.pdf",
            ["LegalRepresentativeId"] = "通用材料/法人身份证.pdf",
            ["SocialInsuranceList"] = "通用材料/社保缴费清单（2025年10-12月）.pdf",
            ["NumberResourceLedger"] = "专项材料/码号资源使用台账.pdf",
            ["SeatDetailTable"] = "专项材料/坐席明细表.pdf",
            ["MonthlyTrafficReport"] = "专项材料/呼叫流量月报/2025年12月.pdf",
            ["ComplaintRecords"] = "专项材料/用户投诉处理记录.pdf",
            ["InformationSecurityReport"] = "专项材料/信息安全责任制报告.pdf",
            ["AiAlgorithmFilingForm"] = "专项材料/AI外呼算法备案表.pdf",
        };

        /// <summary>The Chinese names of the documents, as the materials sheet writes them.</summary>
        public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
        {
            ["BusinessLicence"] = "营业执照",
            ["TelecomLicence"] = "增值电信业务经营许可证正副本",
            ["ArticlesOfAssociation"] = "公司章程",
            ["EquityStructure"] = "股权结构表",
            ["AuditReport"] = "审计报告",
            ["LegalRepresentativeId"] = "法人身份证",
            ["SocialInsuranceList"] = "社保缴费清单",
            ["NumberResourceLedger"] = "码号资源使用台账",
            ["SeatDetailTable"] = "坐席明细表",
            ["MonthlyTrafficReport"] = "呼叫流量月报",
            ["ComplaintRecords"] = "用户投诉处理记录",
            ["InformationSecurityReport"] = "信息安全责任制报告",
            ["AiAlgorithmFilingForm"] = "AI外呼算法备案表",
        };

        private readonly TempFolder _temp = Paths.NewTempFolder();

        public PackageFixture(bool complete = true)
        {
            Folder = Path.Combine(_temp.FullName, "2025年检材料包");
            Directory.CreateDirectory(Folder);
            if (complete)
            {
                foreach (string relative in CompleteFiles.Values)
                {
                    Write(relative, TestPdf.Scan(300));
                }
            }
        }

        /// <summary>The package folder (inside a temp folder that also holds the workbook path).</summary>
        public string Folder { get; }

        /// <summary>Where a workbook beside the package would be.</summary>
        public string WorkbookPath => Path.Combine(_temp.FullName, "年检自查.xlsx");

        public string Write(string relative, byte[] bytes)
        {
            string path = Path.Combine(Folder, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public void Delete(string documentId) => File.Delete(Path.Combine(Folder, CompleteFiles[documentId].Replace('/', Path.DirectorySeparatorChar)));

        public string PathOf(string documentId) => Path.Combine(Folder, CompleteFiles[documentId].Replace('/', Path.DirectorySeparatorChar));

        /// <summary>
        /// A workbook for a complete package: every document attested on paper, the audit report from a
        /// qualified firm with a standard unqualified opinion, social insurance for 2025-10 to 2025-12, and
        /// one AI seat (so the AI algorithm filing form is required).
        /// </summary>
        public ComplianceDataset Dataset(bool robotSeats = true)
        {
            var materials = Names.Select((kv, i) => Attested(kv.Value, i + 2)).ToList();
            MaterialRow audit = materials.Single(m => m.Document == "审计报告");
            audit.AuditFirm = "某某会计师事务所（特殊普通合伙）";
            audit.SecuritiesQualified = YesNo.Yes;
            audit.AuditOpinion = AuditOpinion.Unqualified;
            return new ComplianceDataset
            {
                Path = WorkbookPath,
                Company = new CompanyProfile { CompanyName = "示例呼叫中心有限公司", ReportYear = 2025, PackageFolder = Path.GetFileName(Folder) },
                Materials = materials,
                SocialInsurance = Months("2025-10", "2025-11", "2025-12"),
                Seats = new[]
                {
                    new SeatRow { SeatId = "S001", SeatType = SeatType.Physical, Activated = YesNo.Yes },
                    new SeatRow { SeatId = "S002", SeatType = robotSeats ? SeatType.AI : SeatType.Cloud, Activated = YesNo.Yes },
                },
            };
        }

        public static MaterialRow Attested(string document, int row)
        {
            return new MaterialRow
            {
                Document = document,
                PaperBound = YesNo.Yes,
                A4 = YesNo.Yes,
                PerforationSeal = YesNo.Yes,
                FirstPageSeal = YesNo.Yes,
                CheckedBy = "王五",
                CheckedOn = new DateTime(2026, 3, 2),
                Origin = new SourceLocation("年检自查.xlsx", "材料清单", row),
            };
        }

        public static IReadOnlyList<SocialInsuranceRow> Months(params string[] months)
        {
            return months.SelectMany(m => new[]
            {
                new SocialInsuranceRow { EmployeeId = "E1", Name = "张三", Month = m, Amount = 1200 },
                new SocialInsuranceRow { EmployeeId = "E2", Name = "李四", Month = m, Amount = 1200 },
            }).ToList();
        }

        /// <summary>Every file and folder below the package: relative path, size, SHA-256 and last write time.</summary>
        public IReadOnlyList<string> Snapshot()
        {
            var entries = new List<string>();
            foreach (string dir in Directory.GetDirectories(Folder, "*", SearchOption.AllDirectories))
            {
                entries.Add("D " + Path.GetRelativePath(Folder, dir) + " " + Directory.GetLastWriteTimeUtc(dir).Ticks);
            }

            foreach (string file in Directory.GetFiles(Folder, "*", SearchOption.AllDirectories))
            {
                using (var sha = SHA256.Create())
                using (FileStream stream = File.OpenRead(file))
                {
                    entries.Add("F " + Path.GetRelativePath(Folder, file) + " " + stream.Length + " " + Convert.ToHexString(sha.ComputeHash(stream)) + " " + File.GetLastWriteTimeUtc(file).Ticks);
                }
            }

            entries.Sort(StringComparer.Ordinal);
            return entries;
        }

        public void Dispose() => _temp.Dispose();
    }
}
