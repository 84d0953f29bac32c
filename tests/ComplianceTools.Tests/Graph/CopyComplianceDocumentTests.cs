using System;
using System.IO;
using System.Linq;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Graph
{
    /// <summary>Copy-ComplianceDocument against the fake Graph: byte-identical copies, re-runs that download only what changed.</summary>
    public sealed class CopyComplianceDocumentTests : GraphTestBase
    {
        private static readonly Uri s_site = new Uri("https://contoso.sharepoint.cn/sites/compliance");
        private readonly string _siteId;
        private readonly TempFolder _tmp = Paths.NewTempFolder();
        private readonly byte[] _licence = Bytes(70_000, 1);
        private readonly byte[] _ledger = Bytes(12_345, 2);

        public CopyComplianceDocumentTests()
        {
            _siteId = Fake.AddSite(s_site);
            Fake.PutFile(_siteId, "年检材料/2025/营业执照.pdf", _licence);
            Fake.PutFile(_siteId, "年检材料/2025/坐席/坐席台账.xlsx", _ledger);
            Fake.PutFile(_siteId, "年检材料/2025/说明.txt", Bytes(10, 3));
            Fake.PutFile(_siteId, "年检材料/2025/承诺书.pdf", Bytes(2048, 4));
            Fake.PutFile(_siteId, "年检材料/2025/投诉台账.xlsx", Bytes(4096, 5));
            Fake.PutFile(_siteId, "年检材料/2024/旧的.pdf", Bytes(100, 6));
            Connect();
        }

        public override void Dispose()
        {
            _tmp.Dispose();
            base.Dispose();
        }

        private static byte[] Bytes(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        private ModuleSession.Result Copy(string extra = "") =>
            Ps.Run("Copy-ComplianceDocument -SiteUrl $args[0] -FolderPath 年检材料/2025 -Destination $args[1]" + extra, s_site, _tmp.FullName);

        private string Local(string path) => Path.Combine(_tmp.FullName, path.Replace('/', Path.DirectorySeparatorChar));

        [Fact]
        public void The_folder_and_its_subfolders_land_under_the_destination_byte_identical()
        {
            var r = Copy();
            r.ThrowOnError();
            Assert.Equal(5, r.Output.Count);
            Assert.All(r.Output, o => Assert.Equal("Downloaded", o.Text("Action")));
            Assert.Contains(r.Output, o => o.Text("Path") == "坐席/坐席台账.xlsx" && (long)o.Prop("Size") == 12_345);
            Assert.Equal(_licence, File.ReadAllBytes(Local("营业执照.pdf")));
            Assert.Equal(_ledger, File.ReadAllBytes(Local("坐席/坐席台账.xlsx")));
            Assert.False(File.Exists(Local("旧的.pdf")));
            Assert.Empty(Directory.EnumerateFiles(_tmp.FullName, "*.partial", SearchOption.AllDirectories));
        }

        [Fact]
        public void A_rerun_downloads_nothing()
        {
            Copy().ThrowOnError();
            int downloads = Fake.Downloads;
            var r = Copy();
            r.ThrowOnError();
            Assert.All(r.Output, o => Assert.Equal("Unchanged", o.Text("Action")));
            Assert.Equal(downloads, Fake.Downloads);
        }

        [Fact]
        public void A_file_changed_on_sharepoint_is_downloaded_again_and_one_deleted_locally_is_restored()
        {
            Copy().ThrowOnError();
            byte[] newLedger = Bytes(13_000, 9);
            Fake.PutFile(_siteId, "年检材料/2025/坐席/坐席台账.xlsx", newLedger);
            File.Delete(Local("营业执照.pdf"));
            int downloads = Fake.Downloads;

            var r = Copy();
            r.ThrowOnError();
            Assert.Equal("Updated", r.Output.Single(o => o.Text("Path") == "坐席/坐席台账.xlsx").Text("Action"));
            Assert.Equal("Restored", r.Output.Single(o => o.Text("Path") == "营业执照.pdf").Text("Action"));
            Assert.Equal(3, r.Output.Count(o => o.Text("Action") == "Unchanged"));
            Assert.Equal(downloads + 2, Fake.Downloads);
            Assert.Equal(newLedger, File.ReadAllBytes(Local("坐席/坐席台账.xlsx")));
            Assert.Equal(_licence, File.ReadAllBytes(Local("营业执照.pdf")));
        }

        [Fact]
        public void A_metadata_only_edit_on_sharepoint_changes_the_etag_but_not_the_ctag_and_downloads_nothing()
        {
            Copy().ThrowOnError();
            Fake.EditFileMetadata(_siteId, "年检材料/2025/营业执照.pdf");
            int downloads = Fake.Downloads;
            var r = Copy();
            r.ThrowOnError();
            Assert.Equal("Unchanged", r.Output.Single(o => o.Text("Path") == "营业执照.pdf").Text("Action"));
            Assert.Equal(downloads, Fake.Downloads);
            Assert.Contains(Fake.Calls, c => Uri.UnescapeDataString(c.PathAndQuery).Contains("cTag", StringComparison.Ordinal));
        }

        [Fact]
        public void A_local_edit_is_kept_unless_force()
        {
            Copy().ThrowOnError();
            File.WriteAllText(Local("说明.txt"), "本地修改");
            var kept = Copy();
            Assert.Equal("KeptLocalEdit", kept.Output.Single(o => o.Text("Path") == "说明.txt").Text("Action"));
            Assert.Equal("本地修改", File.ReadAllText(Local("说明.txt")));

            var forced = Copy(" -Force");
            Assert.Equal("Updated", forced.Output.Single(o => o.Text("Path") == "说明.txt").Text("Action"));
            Assert.Equal(Bytes(10, 3), File.ReadAllBytes(Local("说明.txt")));
        }

        [Fact]
        public void A_missing_folder_is_a_clear_error_naming_it()
        {
            var r = Ps.Run("Copy-ComplianceDocument -SiteUrl $args[0] -FolderPath 年检材料/2030 -Destination $args[1]", s_site, _tmp.FullName);
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Graph.FolderNotFound,ComplianceTools.Commands.Graph.CopyComplianceDocumentCommand", error.FullyQualifiedErrorId);
            Assert.Contains("年检材料/2030", error.Exception.Message);
            Assert.Empty(Directory.EnumerateFileSystemEntries(_tmp.FullName));
        }

        [Fact]
        public void No_token_text_reaches_any_stream_or_any_file_written()
        {
            var texts = AllStreams("Copy-ComplianceDocument -SiteUrl $a[0] -FolderPath 年检材料/2025 -Destination $a[1] -Verbose -Debug", s_site, _tmp.FullName);
            Assert.Contains(texts, t => t.Contains("营业执照.pdf", StringComparison.Ordinal));
            string signature = Fake.Token.Split('.')[2];
            Assert.DoesNotContain(texts, t => t.Contains(signature, StringComparison.Ordinal));
            foreach (string file in Directory.EnumerateFiles(_tmp.FullName, "*", SearchOption.AllDirectories))
            {
                Assert.DoesNotContain(signature, File.ReadAllText(file), StringComparison.Ordinal);
            }
        }
    }
}
