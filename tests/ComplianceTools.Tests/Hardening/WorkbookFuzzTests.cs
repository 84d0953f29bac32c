using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Engine.Workbook;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Hardening
{
    /// <summary>
    /// Issue 13, family 2: the sample workbook's XML mutated the ways files get damaged or doctored (a part truncated,
    /// a DTD inserted, a header duplicated, a sheet hidden, a cached value blanked, bytes flipped) and imported: only
    /// ComplianceTools.* errors come back, never a .NET exception.
    /// </summary>
    public sealed class WorkbookFuzzTests : IDisposable
    {
        private static readonly Lazy<byte[]> s_sample = new Lazy<byte[]>(BuildSample);
        private readonly ModuleSession _ps = new ModuleSession();
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public void Dispose()
        {
            _ps.Dispose();
            _tmp.Dispose();
        }

        [Fact]
        public void Every_mutation_of_the_sample_gives_only_compliance_tools_errors()
        {
            var mutations = Mutations().ToList();
            Assert.True(mutations.Count >= 30, mutations.Count.ToString());
            var paths = new List<string>();
            for (int i = 0; i < mutations.Count; i++)
            {
                string path = _tmp.File(i.ToString("000") + "-" + mutations[i].Name + ".xlsx");
                File.WriteAllBytes(path, s_sample.Value);
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
                {
                    mutations[i].Apply(zip);
                }

                paths.Add(path);
            }

            // One pipeline over every mutated file: one bad workbook never stops the next.
            var r = _ps.Run("$args | Import-ComplianceWorkbook", paths.Cast<object>().ToArray());
            Assert.Null(r.Terminating);
            var strangers = r.AllErrors.Where(e => !e.FullyQualifiedErrorId.StartsWith("ComplianceTools.", StringComparison.Ordinal)).ToList();
            Assert.True(strangers.Count == 0, string.Join("\n", strangers.Select(e => e.FullyQualifiedErrorId + ": " + e.Exception)));
            Assert.All(r.AllErrors, e => Assert.IsType<Core.Common.ComplianceException>(e.Exception));

            // Every file was reported on: a dataset, or an error naming it.
            foreach (string path in paths)
            {
                string name = Path.GetFileName(path);
                bool read = r.Output.Any(o => o.Text("Path") == path);
                bool named = r.AllErrors.Any(e => e.Exception.Message.Contains(name));
                Assert.True(read || named, name + " was neither read nor named in an error");
            }

            // The mutations with a known answer give it.
            Assert.Contains(r.AllErrors, e => e.FullyQualifiedErrorId.StartsWith("ComplianceTools.Workbook.DtdNotAllowed,", StringComparison.Ordinal));
            Assert.Contains(r.AllErrors, e => e.FullyQualifiedErrorId.StartsWith("ComplianceTools.Workbook.DuplicateColumn,", StringComparison.Ordinal));
            Assert.Contains(r.AllErrors, e => e.FullyQualifiedErrorId.StartsWith("ComplianceTools.Workbook.FormulaError,", StringComparison.Ordinal));
            Assert.Contains(r.Warnings, w => w.Contains("is hidden in Excel"));
        }

        private static byte[] BuildSample()
        {
            ComplianceDataset data = SampleData.Create(2025);

            // Every sheet, a few rows each: the mutations, not the volume, are under test.
            data.Complaints = data.Complaints.Take(50).ToList();
            data.Seats = data.Seats.Take(50).ToList();
            data.Staff = data.Staff.Take(50).ToList();
            data.SocialInsurance = data.SocialInsurance.Take(50).ToList();
            data.Payroll = data.Payroll.Take(50).ToList();
            data.Traffic = data.Traffic.Take(50).ToList();
            string path = Path.Combine(Path.GetTempPath(), "ct-fuzz-sample-" + Guid.NewGuid().ToString("N") + ".xlsx");
            try
            {
                WorkbookWriter.Write(path, data);
                return File.ReadAllBytes(path);
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static IEnumerable<Mutation> Mutations()
        {
            List<string> parts;
            using (var zip = new ZipArchive(new MemoryStream(s_sample.Value), ZipArchiveMode.Read))
            {
                parts = zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)).Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
            }

            // The sheets of the instructions, Company, Readiness, Seats and Staff tabs stand for all: every sheet part is
            // read by the same code, and each mutated file costs a read.
            List<string> sheets = parts.Where(p => p.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).Take(5).ToList();
            foreach (string part in parts.Where(p => !p.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal) || sheets.Contains(p)))
            {
                string tag = part.Replace('/', '_').Replace('[', '_').Replace(']', '_');
                yield return new Mutation("truncate-" + tag, zip => Edit(zip, part, x => x.Substring(0, x.Length / 3)));
                yield return new Mutation("dtd-" + tag, zip => Edit(zip, part, x => InsertDtd(x)));
            }

            foreach (string sheet in sheets)
            {
                string tag = Path.GetFileNameWithoutExtension(sheet);
                yield return new Mutation("duplicate-header-" + tag, zip => Edit(zip, sheet, DuplicateFirstHeader));
                yield return new Mutation("formula-without-value-" + tag, zip => Edit(zip, sheet, x => BlankCachedValue(x, false)));
                yield return new Mutation("error-value-" + tag, zip => Edit(zip, sheet, x => BlankCachedValue(x, true)));
                yield return new Mutation("flip-" + tag, zip => Edit(zip, sheet, x => Flip(x, sheet.Sum(c => c))));
            }

            yield return new Mutation("hide-first-sheets", zip => Edit(zip, "xl/workbook.xml", x => Regex.Replace(x, "<sheet ", "<sheet state=\"hidden\" ")));
            yield return new Mutation("all-very-hidden", zip => Edit(zip, "xl/workbook.xml", x => Regex.Replace(x, "<sheet name=\"([^\"]*)\"", m => "<sheet state=\"veryHidden\" name=\"" + m.Groups[1].Value + "\"", RegexOptions.None, TimeSpan.FromSeconds(5))));
            yield return new Mutation("no-workbook-part", zip => zip.GetEntry("xl/workbook.xml").Delete());
            yield return new Mutation("no-shared-strings", zip => zip.GetEntry("xl/sharedStrings.xml")?.Delete());
        }

        private static string InsertDtd(string xml)
        {
            int root = xml.IndexOf("?>", StringComparison.Ordinal);
            string dtd = "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>";
            return root < 0 ? dtd + xml : xml.Substring(0, root + 2) + dtd + xml.Substring(root + 2);
        }

        private static string DuplicateFirstHeader(string xml)
        {
            Match row = Regex.Match(xml, "<row [^>]*r=\"1\"[^>]*>(.*?)</row>", RegexOptions.Singleline);
            Match cell = row.Success ? Regex.Match(row.Groups[1].Value, "<c r=\"A1\"[^>]*?(?:/>|>.*?</c>)", RegexOptions.Singleline) : Match.Empty;
            if (!cell.Success)
            {
                return xml;
            }

            string copy = cell.Value.Replace("r=\"A1\"", "r=\"AZ1\"");
            int end = row.Index + row.Length - "</row>".Length;
            return xml.Substring(0, end) + copy + xml.Substring(end);
        }

        /// <summary>The first numeric or shared-string cell below the header turned into a formula without a result, or with an error result.</summary>
        private static string BlankCachedValue(string xml, bool error)
        {
            Match cell = Regex.Match(xml, "<c r=\"([A-Z]+)([2-9])\"([^>]*)><v>[^<]*</v></c>");
            if (!cell.Success)
            {
                return xml;
            }

            string attributes = Regex.Replace(cell.Groups[3].Value, " t=\"[^\"]*\"", string.Empty);
            string replacement = error
                ? "<c r=\"" + cell.Groups[1].Value + cell.Groups[2].Value + "\"" + attributes + " t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                : "<c r=\"" + cell.Groups[1].Value + cell.Groups[2].Value + "\"" + attributes + "><f>SUM(Z1:Z2)</f></c>";
            return xml.Substring(0, cell.Index) + replacement + xml.Substring(cell.Index + cell.Length);
        }

        private static string Flip(string xml, int seed)
        {
            var rng = new Random(seed);
            char[] chars = xml.ToCharArray();
            for (int i = 0; i < 8; i++)
            {
                int at = rng.Next(chars.Length);
                chars[at] = "<>&\"'/=x\u0000"[rng.Next(9)];
            }

            return new string(chars);
        }

        private static void Edit(ZipArchive zip, string part, Func<string, string> change)
        {
            ZipArchiveEntry entry = zip.GetEntry(part);
            if (entry == null)
            {
                return;
            }

            string text;
            using (var r = new StreamReader(entry.Open()))
            {
                text = r.ReadToEnd();
            }

            entry.Delete();
            using (var w = new StreamWriter(zip.CreateEntry(part).Open(), new UTF8Encoding(false)))
            {
                w.Write(change(text));
            }
        }

        private sealed class Mutation
        {
            public Mutation(string name, Action<ZipArchive> apply)
            {
                Name = name;
                Apply = apply;
            }

            public string Name { get; }

            public Action<ZipArchive> Apply { get; }
        }
    }
}
