using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ComplianceTools.Tests.Graph.Fake
{
    /// <summary>Users and groups: GET /users ($select, $filter on mail/userPrincipalName/department, paging) and GET /groups/{id}/members.</summary>
    public sealed partial class FakeGraph
    {
        private readonly List<JsonObject> _users = new List<JsonObject>();
        private readonly Dictionary<string, List<JsonObject>> _members = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);

        public string AddUser(string name, string mail, string department = null, string employeeId = null, string upn = null, bool enabled = true, string mobile = null, string hired = null, string jobTitle = null)
        {
            string id = Guid.NewGuid().ToString();
            lock (_gate)
            {
                _users.Add(new JsonObject
                {
                    ["@odata.type"] = "#microsoft.graph.user",
                    ["id"] = id,
                    ["displayName"] = name,
                    ["mail"] = mail,
                    ["userPrincipalName"] = upn ?? mail,
                    ["department"] = department,
                    ["employeeId"] = employeeId,
                    ["jobTitle"] = jobTitle,
                    ["accountEnabled"] = enabled,
                    ["mobilePhone"] = mobile,
                    ["employeeHireDate"] = hired,
                    ["businessPhones"] = new JsonArray(),
                });
            }

            return id;
        }

        /// <summary>A group whose members are these users, plus a nested group and a device (which a roster must skip).</summary>
        public string AddGroup(params string[] userIds)
        {
            string id = Guid.NewGuid().ToString();
            lock (_gate)
            {
                var members = _users.Where(u => userIds.Contains(u["id"]!.GetValue<string>())).Select(u => (JsonObject)u.DeepClone()).ToList();
                members.Insert(1, new JsonObject { ["@odata.type"] = "#microsoft.graph.group", ["id"] = Guid.NewGuid().ToString(), ["displayName"] = "Nested team", ["mail"] = "nested@contoso.cn" });
                members.Add(new JsonObject { ["@odata.type"] = "#microsoft.graph.device", ["id"] = Guid.NewGuid().ToString(), ["displayName"] = "SEAT-PC-01" });
                _members[id] = members;
            }

            return id;
        }

        private Reply RouteDirectory(HttpRequest request, string method, string[] seg)
        {
            if (method == "GET" && seg.Length == 1 && seg[0] == "users")
            {
                string filter = request.Query["$filter"];
                IEnumerable<JsonObject> users = _users;
                if (!string.IsNullOrEmpty(filter))
                {
                    var clauses = Clauses(filter);
                    if (clauses == null)
                    {
                        return Reply.Error(400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause specified.");
                    }

                    if (clauses.Any(c => c.Field == "department") && (request.Headers["ConsistencyLevel"] != "eventual" || request.Query["$count"] != "true"))
                    {
                        return Reply.Error(400, "Request_UnsupportedQuery", "Unsupported Query: department filter needs ConsistencyLevel: eventual and $count=true.");
                    }

                    users = users.Where(u => clauses.Any(c => string.Equals(u[c.Field]?.GetValue<string>(), c.Value, StringComparison.OrdinalIgnoreCase)));
                }

                return Page(request, users.ToList(), Select(request));
            }

            if (method == "GET" && seg.Length == 2 && seg[0] == "users")
            {
                // /users/{id | userPrincipalName}: a mail that differs from the UPN is not found, as in Graph.
                JsonObject user = _users.FirstOrDefault(u => u["id"]!.GetValue<string>() == seg[1] || string.Equals(u["userPrincipalName"]?.GetValue<string>(), seg[1], StringComparison.OrdinalIgnoreCase));
                return user == null ? Reply.Error(404, "Request_ResourceNotFound", "Resource '" + seg[1] + "' does not exist.") : Reply.Ok(Project(user, Select(request)));
            }

            if (method == "GET" && seg.Length == 3 && seg[0] == "groups" && seg[2] == "members")
            {
                // Without permission to read users (User.Read.All, Directory.Read.All), Graph still lists the
                // members "with limited information": @odata.type and id, every other property null.
                bool canReadUsers = Roles.Any(r => r is "User.Read.All" or "User.ReadWrite.All" or "Directory.Read.All" or "Directory.ReadWrite.All");
                return _members.TryGetValue(seg[1], out List<JsonObject> members)
                    ? Page(request, canReadUsers ? members : members.Select(Limited).ToList(), Select(request))
                    : Reply.Error(404, "Request_ResourceNotFound", "Resource '" + seg[1] + "' does not exist or one of its queried reference-property objects are not present.");
            }

            return null;
        }

        private static JsonObject Limited(JsonObject member)
        {
            var limited = new JsonObject();
            foreach (KeyValuePair<string, JsonNode> p in member)
            {
                limited[p.Key] = p.Key == "@odata.type" || p.Key == "id" ? p.Value?.DeepClone() : null;
            }

            return limited;
        }

        private static string[] Select(HttpRequest request)
        {
            string select = request.Query["$select"];
            return string.IsNullOrEmpty(select) ? new[] { "displayName", "mail", "userPrincipalName", "jobTitle", "mobilePhone", "businessPhones" } : select.Split(',');
        }

        /// <summary>field eq 'value' [or field eq 'value']…; null when anything else.</summary>
        private static List<(string Field, string Value)> Clauses(string filter)
        {
            var result = new List<(string, string)>();
            foreach (string part in Regex.Split(filter, @"\s+or\s+", RegexOptions.IgnoreCase))
            {
                Match m = Regex.Match(part.Trim(), @"^(mail|userPrincipalName|department)\s+eq\s+'((?:[^']|'')*)'$", RegexOptions.IgnoreCase);
                if (!m.Success)
                {
                    return null;
                }

                string field = m.Groups[1].Value;
                field = field.Equals("userprincipalname", StringComparison.OrdinalIgnoreCase) ? "userPrincipalName" : field.ToLowerInvariant();
                result.Add((field, m.Groups[2].Value.Replace("''", "'")));
            }

            return result;
        }
    }
}
