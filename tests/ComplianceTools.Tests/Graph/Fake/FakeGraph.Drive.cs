using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ComplianceTools.Tests.Graph.Fake
{
    /// <summary>
    /// A site's default document library: GET drive/root:/{path}, drive/items/{id}/children (paged), and
    /// drive/items/{id}/content answered with 302 to a pre-authenticated download address, as Graph does.
    /// </summary>
    public sealed partial class FakeGraph
    {
        private readonly List<DriveNode> _nodes = new List<DriveNode>();

        /// <summary>Content downloads served (the 302 targets).</summary>
        public int Downloads;

        /// <summary>Puts a file (and its folders) in the site's library, or replaces its content (a new eTag).</summary>
        public void PutFile(string siteId, string path, byte[] content)
        {
            lock (_gate)
            {
                DriveNode parent = Root(siteId);
                string[] parts = path.Split('/');
                foreach (string folder in parts.Take(parts.Length - 1))
                {
                    parent = _nodes.FirstOrDefault(n => n.ParentId == parent.Id && n.Name == folder) ?? Add(new DriveNode { SiteId = siteId, ParentId = parent.Id, Name = folder, IsFolder = true });
                }

                DriveNode file = _nodes.FirstOrDefault(n => n.ParentId == parent.Id && n.Name == parts[^1]) ?? Add(new DriveNode { SiteId = siteId, ParentId = parent.Id, Name = parts[^1] });
                file.Content = content;
                file.ETag = "\"{" + Guid.NewGuid().ToString().ToUpperInvariant() + "},1\"";
                file.CTag = "\"c:{" + Guid.NewGuid().ToString().ToUpperInvariant() + "},1\"";
            }
        }

        /// <summary>What a user does in the library's columns (a new title, a tag): the eTag changes, the content and its cTag do not.</summary>
        public void EditFileMetadata(string siteId, string path)
        {
            lock (_gate)
            {
                DriveNode node = Root(siteId);
                foreach (string part in path.Split('/'))
                {
                    node = _nodes.First(n => n.ParentId == node.Id && n.Name == part);
                }

                node.ETag = "\"{" + Guid.NewGuid().ToString().ToUpperInvariant() + "},2\"";
            }
        }

        private DriveNode Add(DriveNode node)
        {
            node.Id = NewId("01DRIVEITEM");
            node.ETag = "\"{" + Guid.NewGuid().ToString().ToUpperInvariant() + "},1\"";
            _nodes.Add(node);
            return node;
        }

        private DriveNode Root(string siteId) =>
            _nodes.FirstOrDefault(n => n.SiteId == siteId && n.ParentId == null) ?? Add(new DriveNode { SiteId = siteId, Name = "root", IsFolder = true });

        private Reply RouteDrive(HttpRequest request, string method, string siteId, string[] rest)
        {
            if (method != "GET")
            {
                return null;
            }

            if (rest.Length >= 1 && rest[0].StartsWith("root", StringComparison.Ordinal))
            {
                DriveNode node = Root(siteId);
                foreach (string part in rest.Skip(1).Select(p => p.TrimEnd(':')).Where(p => p.Length > 0))
                {
                    node = _nodes.FirstOrDefault(n => n.ParentId == node.Id && string.Equals(n.Name, part, StringComparison.OrdinalIgnoreCase));
                    if (node == null)
                    {
                        return Reply.Error(404, "itemNotFound", "The resource could not be found.");
                    }
                }

                return Reply.Ok(Json(node));
            }

            if (rest.Length >= 2 && rest[0] == "items")
            {
                DriveNode node = _nodes.FirstOrDefault(n => n.Id == rest[1] && n.SiteId == siteId);
                if (node == null)
                {
                    return Reply.Error(404, "itemNotFound", "The resource could not be found.");
                }

                if (rest.Length == 3 && rest[2] == "children")
                {
                    return Page(request, _nodes.Where(n => n.ParentId == node.Id).Select(Json).ToList());
                }

                if (rest.Length == 3 && rest[2] == "content" && !node.IsFolder)
                {
                    return Reply.Redirect(new Uri(Endpoint, "content/" + node.Id + "?tempauth=" + Guid.NewGuid().ToString("N")).ToString());
                }
            }

            return null;
        }

        private Reply RouteContent(string method, string[] seg)
        {
            if (method != "GET" || seg.Length != 2 || seg[0] != "content")
            {
                return null;
            }

            DriveNode node = _nodes.FirstOrDefault(n => n.Id == seg[1]);
            if (node == null)
            {
                return Reply.Error(404, "itemNotFound", "The resource could not be found.");
            }

            System.Threading.Interlocked.Increment(ref Downloads);
            return Reply.Content(node.Content);
        }

        private static JsonObject Json(DriveNode n)
        {
            // SharePoint gives no cTag for a folder.
            var json = new JsonObject { ["id"] = n.Id, ["name"] = n.Name, ["eTag"] = n.ETag, ["size"] = n.IsFolder ? 0 : n.Content.Length };
            if (!n.IsFolder)
            {
                json["cTag"] = n.CTag;
            }

            if (n.IsFolder)
            {
                json["folder"] = new JsonObject { ["childCount"] = 0 };
            }
            else
            {
                json["file"] = new JsonObject { ["mimeType"] = "application/octet-stream" };
            }

            return json;
        }

        private sealed class DriveNode
        {
            public string Id { get; set; }

            public string SiteId { get; set; }

            public string ParentId { get; set; }

            public string Name { get; set; }

            public bool IsFolder { get; set; }

            public byte[] Content { get; set; }

            public string ETag { get; set; }

            public string CTag { get; set; }
        }
    }
}
