using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Graph.Connection;
using ComplianceTools.Graph.Http;
using ComplianceTools.Graph.Lists;

namespace ComplianceTools.Graph.Documents
{
    /// <summary>
    /// Copies a folder of a SharePoint document library (and its subfolders) into a local folder, so
    /// Test-ReportPackage can check it. A small state file (.compliancetools-sync.json) in the destination
    /// remembers each file's content tag (cTag), size and local write time: a re-run downloads only what
    /// changed on SharePoint — a metadata-only edit (a renamed column value, a new version label) changes the
    /// eTag but not the cTag and downloads nothing —, restores what was deleted locally, and keeps a local edit unless -Force. Each file is
    /// written to a temporary file beside it and moved into place: whole or not at all.
    /// </summary>
    public static class DocumentCopier
    {
        public const string StateFileName = ".compliancetools-sync.json";

        public static IEnumerable<DocumentCopyResult> Copy(GraphConnection connection, Uri siteUrl, string folderPath, string destination, bool force, Action<string> log, CancellationToken cancellation)
        {
            GraphRest rest = connection.Rest(log, cancellation);
            string siteId = SiteResolver.Resolve(rest, siteUrl, GraphPermissions.SitesRead);
            string drive = "sites/" + Uri.EscapeDataString(siteId) + "/drive";
            string folder = (folderPath ?? string.Empty).Replace('\\', '/').Trim('/');
            string target = siteUrl.ToString().TrimEnd('/') + "/" + folder;
            string rootId;
            using (GraphResponse root = rest.Get(drive + "/root" + (folder.Length > 0 ? ":/" + SiteResolver.EscapePath(folder) : string.Empty)))
            {
                if (root.Status == 404 || (root.Ok && root.Root.Obj("folder").ValueKind != JsonValueKind.Object))
                {
                    throw GraphProblems.Fail("FolderNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Core.Resources.Strings.GraphFolderNotFound), folder, siteUrl), target);
                }

                root.EnsureSuccess(target, GraphPermissions.SitesRead);
                rootId = root.Root.Str("id");
            }

            System.IO.Directory.CreateDirectory(destination);
            var state = SyncState.Load(Path.Combine(destination, StateFileName));
            foreach (RemoteFile file in Walk(rest, drive, rootId, string.Empty, target))
            {
                yield return CopyOne(rest, drive, file, destination, state, force);
            }
        }

        private static IEnumerable<RemoteFile> Walk(GraphRest rest, string drive, string folderId, string prefix, string target)
        {
            var subfolders = new List<(string Id, string Path)>();
            string url = drive + "/items/" + Uri.EscapeDataString(folderId) + "/children?$select=id,name,size,eTag,cTag,file,folder&$top=200";
            foreach (RemoteFile child in rest.GetAll(url, c => new RemoteFile { Id = c.Str("id"), Name = c.Str("name"), Size = c.Long("size") ?? 0, ETag = c.Str("eTag"), CTag = c.Str("cTag"), IsFolder = c.Obj("folder").ValueKind == JsonValueKind.Object }, null, target, GraphPermissions.SitesRead))
            {
                if (child.Name == null || child.Name == "." || child.Name == ".." || child.Name.IndexOfAny(new[] { '/', '\\' }) >= 0)
                {
                    continue;
                }

                child.RelativePath = prefix + child.Name;
                if (child.IsFolder)
                {
                    subfolders.Add((child.Id, child.RelativePath + "/"));
                }
                else
                {
                    yield return child;
                }
            }

            foreach (var sub in subfolders)
            {
                foreach (RemoteFile file in Walk(rest, drive, sub.Id, sub.Path, target))
                {
                    yield return file;
                }
            }
        }

        private static DocumentCopyResult CopyOne(GraphRest rest, string drive, RemoteFile file, string destination, SyncState state, bool force)
        {
            string local = Path.Combine(destination, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));
            state.Files.TryGetValue(file.RelativePath, out SyncEntry known);
            var info = new FileInfo(local);
            DocumentAction action;
            if (!info.Exists)
            {
                action = known == null ? DocumentAction.Downloaded : DocumentAction.Restored;
            }
            else
            {
                bool editedLocally = known == null || known.Size != info.Length || known.LastWriteUtcTicks != info.LastWriteTimeUtc.Ticks;
                // Content by cTag (eTag changes with metadata too); a state written before cTags were kept, or an
                // answer without one, falls back to the eTag.
                bool sameContent = file.CTag != null && known?.CTag != null ? known.CTag == file.CTag : known?.ETag == file.ETag;
                bool changedRemotely = known == null || !sameContent || known.Size != file.Size;
                if (editedLocally && !force)
                {
                    return new DocumentCopyResult(file.RelativePath, local, info.Length, DocumentAction.KeptLocalEdit);
                }

                if (!editedLocally && !changedRemotely)
                {
                    return new DocumentCopyResult(file.RelativePath, local, info.Length, DocumentAction.Unchanged);
                }

                action = DocumentAction.Updated;
            }

            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(local));
            string temp = Path.Combine(Path.GetDirectoryName(local), "." + Path.GetFileName(local) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                {
                    rest.Download(drive + "/items/" + Uri.EscapeDataString(file.Id) + "/content", stream, file.RelativePath, GraphPermissions.SitesRead);
                }

                if (File.Exists(local))
                {
                    File.Replace(temp, local, null);
                }
                else
                {
                    File.Move(temp, local);
                }
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }

            info.Refresh();
            state.Files[file.RelativePath] = new SyncEntry { ETag = file.ETag, CTag = file.CTag, Size = info.Length, LastWriteUtcTicks = info.LastWriteTimeUtc.Ticks };
            state.Save();
            return new DocumentCopyResult(file.RelativePath, local, info.Length, action);
        }

        private sealed class RemoteFile
        {
            internal string Id { get; set; }

            internal string Name { get; set; }

            internal long Size { get; set; }

            internal string ETag { get; set; }

            internal string CTag { get; set; }

            internal bool IsFolder { get; set; }

            internal string RelativePath { get; set; }
        }

        private sealed class SyncEntry
        {
            public string ETag { get; set; }

            public string CTag { get; set; }

            public long Size { get; set; }

            public long LastWriteUtcTicks { get; set; }
        }

        /// <summary>What was downloaded, per relative path; written whole (temp file, then moved).</summary>
        private sealed class SyncState
        {
            private string _path;

            public Dictionary<string, SyncEntry> Files { get; set; } = new Dictionary<string, SyncEntry>(StringComparer.Ordinal);

            internal static SyncState Load(string path)
            {
                SyncState state = null;
                if (File.Exists(path))
                {
                    try
                    {
                        state = JsonSerializer.Deserialize<SyncState>(File.ReadAllText(path));
                    }
                    catch (JsonException)
                    {
                        state = null;
                    }
                }

                state = state ?? new SyncState();
                state.Files = new Dictionary<string, SyncEntry>(state.Files ?? new Dictionary<string, SyncEntry>(), StringComparer.Ordinal);
                state._path = path;
                return state;
            }

            internal void Save()
            {
                string temp = _path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial";
                File.WriteAllText(temp, JsonSerializer.Serialize(this));
                if (File.Exists(_path))
                {
                    File.Replace(temp, _path, null);
                }
                else
                {
                    File.Move(temp, _path);
                }
            }
        }
    }
}
