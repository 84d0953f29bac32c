using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ComplianceTools.Tests.Graph.Fake
{
    /// <summary>
    /// SharePoint through Graph: sites by path (GET /sites/{host}:/{path}), lists (created with columns;
    /// enforceUniqueValues honoured), list items with fields and @odata.etag (PATCH .../fields needs If-Match),
    /// and the site's User Information List, where person columns take their ids from. As in SharePoint, the
    /// User Information List is a system list: GET /lists shows it only when $select names system, its title is
    /// in the site's language (用户信息列表 on a Chinese site), and its address ends in /_catalogs/users; a list
    /// can be addressed by id or by its (translated) title.
    /// </summary>
    public sealed partial class FakeGraph
    {
        private readonly Dictionary<string, JsonObject> _sites = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, SiteList> _lists = new Dictionary<string, SiteList>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<JsonObject>> _siteUsers = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        private readonly Dictionary<string, SiteList> _userLists = new Dictionary<string, SiteList>(StringComparer.Ordinal);

        /// <summary>
        /// How a create that breaks a unique column is refused. Graph does not document it: 409 nameAlreadyExists
        /// is the common assumption, SharePoint's own REST answers 500 (SPDuplicateValuesFoundException), 400 is possible.
        /// </summary>
        public int DuplicateValueStatus { get; set; } = 409;

        /// <summary>A site in Chinese (the default: a 21Vianet tenant) or English; the language names its User Information List.</summary>
        public string AddSite(Uri url, bool chinese = true)
        {
            string id = url.Host + "," + Guid.NewGuid() + "," + Guid.NewGuid();
            lock (_gate)
            {
                string web = url.ToString().TrimEnd('/');
                _sites[url.Host + ":" + url.AbsolutePath.TrimEnd('/')] = new JsonObject { ["id"] = id, ["displayName"] = "Compliance", ["name"] = "compliance", ["webUrl"] = web };
                _siteUsers[id] = new List<JsonObject>();
                _userLists[id] = new SiteList { Id = Guid.NewGuid().ToString(), SiteId = id, Name = chinese ? "用户信息列表" : "User Information List", WebUrl = web + "/_catalogs/users", System = true };
            }

            return id;
        }

        /// <summary>A user who has visited the site: an entry of its User Information List, with the site's own user id.</summary>
        public string AddSiteUser(string siteId, string mail, string login)
        {
            lock (_gate)
            {
                string id = (_siteUsers[siteId].Count + 7).ToString(CultureInfo.InvariantCulture);
                _siteUsers[siteId].Add(new JsonObject { ["@odata.etag"] = "\"" + Guid.NewGuid() + ",1\"", ["id"] = id, ["fields"] = new JsonObject { ["EMail"] = mail, ["UserName"] = login, ["Title"] = mail } });
                return id;
            }
        }

        public IReadOnlyList<JsonObject> ListItems(string siteId, string listName)
        {
            lock (_gate)
            {
                SiteList list = _lists.Values.FirstOrDefault(l => l.SiteId == siteId && l.Name == listName);
                return list == null ? new List<JsonObject>() : list.Items.Select(i => (JsonObject)i.DeepClone()).ToList();
            }
        }

        public IReadOnlyList<string> ListColumns(string siteId, string listName)
        {
            lock (_gate)
            {
                return _lists.Values.First(l => l.SiteId == siteId && l.Name == listName).Columns.Select(c => c["name"]!.GetValue<string>()).ToList();
            }
        }

        /// <summary>What a user does in SharePoint: sets a field of an item (a new ETag).</summary>
        public void EditListItem(string siteId, string listName, string itemId, string field, string value)
        {
            lock (_gate)
            {
                JsonObject item = _lists.Values.First(l => l.SiteId == siteId && l.Name == listName).Items.First(i => i["id"]!.GetValue<string>() == itemId);
                item["fields"]![field] = value;
                item["@odata.etag"] = "\"" + Guid.NewGuid() + ",2\"";
            }
        }

        private Reply RouteSites(HttpRequest request, string method, string[] seg, string body)
        {
            if (seg.Length < 2 || seg[0] != "sites")
            {
                return null;
            }

            string path = string.Join("/", seg.Skip(1));
            Match m;
            if (method == "GET" && (m = Regex.Match(path, @"^([^/:,]+):(/.*)$")).Success)
            {
                return _sites.TryGetValue(m.Groups[1].Value + ":" + m.Groups[2].Value.TrimEnd('/'), out JsonObject site)
                    ? Reply.Ok((JsonObject)site.DeepClone())
                    : Reply.Error(404, "itemNotFound", "Requested site could not be found");
            }

            string siteId = seg[1];
            if (!_siteUsers.ContainsKey(siteId))
            {
                return Reply.Error(404, "itemNotFound", "Requested site could not be found");
            }

            if (seg.Length >= 3 && seg[2] == "drive")
            {
                return RouteDrive(request, method, siteId, seg.Skip(3).ToArray());
            }

            if (seg.Length == 3 && seg[2] == "lists")
            {
                if (method == "GET")
                {
                    // Lists with the system facet are hidden unless $select names system (Graph's list-list page).
                    string[] select = string.IsNullOrEmpty(request.Query["$select"]) ? null : request.Query["$select"].ToString().Split(',');
                    bool system = select != null && select.Contains("system", StringComparer.OrdinalIgnoreCase);
                    var lists = _lists.Values.Where(l => l.SiteId == siteId).ToList();
                    if (system)
                    {
                        lists.Insert(0, _userLists[siteId]);
                    }

                    return Page(request, lists.Select(l => l.Json()).ToList(), select);
                }

                if (method == "POST")
                {
                    JsonObject input = JsonNode.Parse(body)!.AsObject();
                    string name = input["displayName"]!.GetValue<string>();
                    if (_lists.Values.Any(l => l.SiteId == siteId && string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)))
                    {
                        return Reply.Error(409, "nameAlreadyExists", "The list name is already used.");
                    }

                    string web = _sites.Values.First(x => x["id"]!.GetValue<string>() == siteId)["webUrl"]!.GetValue<string>();
                    var list = new SiteList { Id = Guid.NewGuid().ToString(), SiteId = siteId, Name = name, WebUrl = web + "/Lists/" + Uri.EscapeDataString(name), Columns = input["columns"]!.AsArray().Select(c => (JsonObject)c!.DeepClone()).ToList() };
                    _lists[list.Id] = list;
                    return Reply.Ok(new JsonObject { ["id"] = list.Id, ["displayName"] = name, ["list"] = new JsonObject { ["template"] = "genericList" } }, 201);
                }
            }

            if (seg.Length >= 5 && seg[2] == "lists" && seg[4] == "items")
            {
                // A list by id or by its title (the title as the site's language has it).
                SiteList users = _userLists[siteId];
                if ((seg[3] == users.Id || seg[3] == users.Name) && method == "GET" && seg.Length == 5)
                {
                    return Page(request, _siteUsers[siteId]);
                }

                SiteList list = _lists.Values.FirstOrDefault(l => l.SiteId == siteId && (l.Id == seg[3] || string.Equals(l.Name, seg[3], StringComparison.OrdinalIgnoreCase)));
                if (list == null)
                {
                    return Reply.Error(404, "itemNotFound", "The list does not exist.");
                }

                if (seg.Length == 5 && method == "GET")
                {
                    return Page(request, list.Items);
                }

                if (seg.Length == 5 && method == "POST")
                {
                    JsonObject fields = JsonNode.Parse(body)!["fields"]!.AsObject();
                    string error = CheckFields(list, fields, null);
                    if (error != null && error.StartsWith("unique", StringComparison.Ordinal))
                    {
                        string code = DuplicateValueStatus == 409 ? "nameAlreadyExists" : DuplicateValueStatus == 500 ? "generalException" : "invalidRequest";
                        return Reply.Error(DuplicateValueStatus, code, "One or more fields with unique constraints already has the provided value.");
                    }

                    if (error != null)
                    {
                        return Reply.Error(400, "invalidRequest", error);
                    }

                    string id = (list.Items.Count + 1).ToString(CultureInfo.InvariantCulture);
                    var item = new JsonObject { ["@odata.etag"] = "\"" + Guid.NewGuid() + ",1\"", ["id"] = id, ["createdDateTime"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture), ["fields"] = Normalize(fields) };
                    item["fields"]!["id"] = id;
                    list.Items.Add(item);
                    return Reply.Ok((JsonObject)item.DeepClone(), 201);
                }

                JsonObject existing = seg.Length >= 6 ? list.Items.FirstOrDefault(i => i["id"]!.GetValue<string>() == seg[5]) : null;
                if (existing == null)
                {
                    return Reply.Error(404, "itemNotFound", "The item does not exist.");
                }

                if (seg.Length == 6 && method == "GET")
                {
                    return Reply.Ok((JsonObject)existing.DeepClone());
                }

                if (seg.Length == 7 && seg[6] == "fields" && method == "PATCH")
                {
                    string ifMatch = request.Headers["If-Match"];
                    if (string.IsNullOrEmpty(ifMatch) || ifMatch != existing["@odata.etag"]!.GetValue<string>())
                    {
                        return Reply.Error(412, "resourceModified", "The resource has been modified since it was read (If-Match).");
                    }

                    JsonObject fields = JsonNode.Parse(body)!.AsObject();
                    string error = CheckFields(list, fields, existing);
                    if (error != null)
                    {
                        return Reply.Error(400, "invalidRequest", error);
                    }

                    foreach (KeyValuePair<string, JsonNode> f in Normalize(fields).ToList())
                    {
                        existing["fields"]![f.Key] = f.Value?.DeepClone();
                    }

                    existing["@odata.etag"] = "\"" + Guid.NewGuid() + ",2\"";
                    return Reply.Ok((JsonObject)existing["fields"]!.DeepClone());
                }
            }

            return null;
        }

        /// <summary>Another run's create of the same item, applied just before the request (same key, other fields).</summary>
        private void ForeignCreate(string path, string body)
        {
            string[] seg = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
            SiteList list = seg.Length >= 6 ? _lists.Values.FirstOrDefault(l => l.Id == seg[4]) : null;
            if (list == null)
            {
                return;
            }

            JsonObject fields = (JsonObject)JsonNode.Parse(body)!["fields"]!.DeepClone();
            fields["Title"] = fields["Title"]!.GetValue<string>() + "（另一次运行）";
            string id = (list.Items.Count + 1).ToString(CultureInfo.InvariantCulture);
            fields["id"] = id;
            list.Items.Add(new JsonObject { ["@odata.etag"] = "\"" + Guid.NewGuid() + ",1\"", ["id"] = id, ["fields"] = Normalize(fields) });
        }

        private string CheckFields(SiteList list, JsonObject fields, JsonObject existing)
        {
            foreach (KeyValuePair<string, JsonNode> f in fields)
            {
                string column = f.Key.EndsWith("LookupId", StringComparison.Ordinal) ? f.Key.Substring(0, f.Key.Length - "LookupId".Length) : f.Key;
                if (column != "Title" && !list.Columns.Any(c => c["name"]!.GetValue<string>() == column))
                {
                    return "Field '" + f.Key + "' is not recognized";
                }

                if (f.Key.EndsWith("LookupId", StringComparison.Ordinal) && !_siteUsers[list.SiteId].Any(u => u["id"]!.GetValue<string>() == f.Value?.GetValue<string>()))
                {
                    return "The person id '" + f.Value + "' is not a user of the site";
                }

                JsonObject unique = list.Columns.FirstOrDefault(c => c["name"]!.GetValue<string>() == column && c["enforceUniqueValues"]?.GetValue<bool>() == true);
                if (unique != null && list.Items.Any(i => i != existing && i["fields"]![column]?.GetValue<string>() == f.Value?.GetValue<string>()))
                {
                    return "unique: the column " + column + " must hold unique values";
                }
            }

            return null;
        }

        private static JsonObject Normalize(JsonObject fields)
        {
            var copy = (JsonObject)fields.DeepClone();
            if (copy["DueDate"] is JsonNode due && due.GetValue<string>() is string s)
            {
                copy["DueDate"] = DateTimeOffset.Parse(s, CultureInfo.InvariantCulture).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            }

            return copy;
        }

        private sealed class SiteList
        {
            public string Id { get; set; }

            public string SiteId { get; set; }

            public string Name { get; set; }

            public string WebUrl { get; set; }

            public bool System { get; set; }

            public List<JsonObject> Columns { get; set; }

            public List<JsonObject> Items { get; } = new List<JsonObject>();

            /// <summary>The list as GET /lists gives it; name is the last segment of the address, as SharePoint sets it.</summary>
            public JsonObject Json()
            {
                var json = new JsonObject { ["id"] = Id, ["name"] = WebUrl?.Split('/').Last() ?? Name, ["displayName"] = Name, ["webUrl"] = WebUrl, ["list"] = new JsonObject { ["template"] = System ? "userInformation" : "genericList", ["hidden"] = System } };
                if (System)
                {
                    json["system"] = new JsonObject();
                }

                return json;
            }
        }
    }
}
