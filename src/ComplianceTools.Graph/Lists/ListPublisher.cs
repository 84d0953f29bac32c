using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Resources;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Graph.Connection;
using ComplianceTools.Graph.Directory;
using ComplianceTools.Graph.Http;

namespace ComplianceTools.Graph.Lists
{
    /// <summary>
    /// Plan items as items of a SharePoint list in the compliance site — the target that works in every
    /// cloud, including Microsoft 365 operated by 21Vianet, which has no Planner. The list is created when
    /// missing, with a key column that SharePoint keeps unique (indexed, enforceUniqueValues), so even a
    /// create sent twice cannot make two items. The same exactly-once rules as Planner: unchanged items get
    /// no write, changed ones a PATCH of their fields with If-Match, lost creates are checked by reading.
    /// Owners go in a person column, which takes the site's own user id (from the site's User Information
    /// List, since Graph has no ensureUser): an owner who never visited the site keeps the person column
    /// empty, the mail column filled, and the result says so.
    /// </summary>
    public sealed class ListPublisher : ITaskPublisher
    {
        internal const string KeyColumn = "ComplianceKey";
        private const int MaxConflicts = 3;
        private static readonly string s_fields = "Title,ComplianceKey,OwnerLookupId,OwnerMail,DueDate,TaskDescription,Checklist";

        private readonly GraphRest _rest;
        private readonly GraphUserResolver _owners;
        private readonly Uri _siteUrl;
        private readonly string _listName;
        private readonly Action<string> _log;
        private readonly Dictionary<string, ListItem> _byKey = new Dictionary<string, ListItem>(StringComparer.Ordinal);
        private Dictionary<string, string> _siteUsers;
        private string _siteId;
        private string _listId;
        private bool _prepared;
        private bool _declined;

        public ListPublisher(GraphConnection connection, Uri siteUrl, string listName, Action<string> log, CancellationToken cancellation)
        {
            _rest = connection.Rest(log, cancellation);
            _owners = new GraphUserResolver(_rest);
            _siteUrl = siteUrl;
            _listName = listName.Trim();
            _log = log;
        }

        private string ItemsUrl => "sites/" + Uri.EscapeDataString(_siteId) + "/lists/" + Uri.EscapeDataString(_listId) + "/items";

        public PublishOutcome Publish(PlanItem item, Func<string, string, bool> shouldProcess)
        {
            string owners = TaskKey.Owners(item);
            try
            {
                if (!Prepare(shouldProcess))
                {
                    return new PublishOutcome(null, null);
                }

                string note;
                Dictionary<string, object> desired = Desire(item, out note);
                if (!_byKey.TryGetValue(item.Key, out ListItem existing))
                {
                    if (!shouldProcess(item.Title, Text.Format(nameof(Core.Resources.Strings.GraphActionCreateTask), _listName)))
                    {
                        return new PublishOutcome(null, null);
                    }

                    var fields = new Dictionary<string, object>(desired) { ["Status"] = "Open" };
                    ListItem created = Create(item.Key, fields, out bool alreadyThere);
                    if (!alreadyThere)
                    {
                        return Done(item, PublishAction.Created, created.Id, owners, note);
                    }

                    // Another run (or a person) made the item between our read and our create: it is the
                    // item of this key now, updated below like any other.
                    existing = created;
                    note = Join(Text.Format(nameof(Strings.GraphListItemAlreadyThere), item.Key), note);
                }

                List<string> changes = Differences(existing, desired);
                if (changes.Count == 0)
                {
                    return Done(item, PublishAction.Unchanged, existing.Id, owners, note);
                }

                if (!shouldProcess(item.Title, Text.Format(nameof(Core.Resources.Strings.GraphActionUpdateTask), existing.Id, string.Join(", ", changes))))
                {
                    return new PublishOutcome(null, null);
                }

                Update(existing, desired);
                return Done(item, PublishAction.Updated, existing.Id, owners, Join(string.Join(", ", changes), note));
            }
            catch (ComplianceException ex) when (ex.Problem.Kind != ProblemKind.AuthenticationError && ex.Problem.ErrorId != "ComplianceTools.Graph.SiteNotFound")
            {
                var result = new TaskPublishResult(item.Key, item.Title, PublishAction.Failed, null, owners, item.DueMoment(), PublishTarget.SharePointList, ex.Problem.Message);
                return new PublishOutcome(result, ex.Problem);
            }
        }

        private static string Join(string a, string b) => string.IsNullOrEmpty(b) ? a : (string.IsNullOrEmpty(a) ? b : a + "; " + b);

        private static PublishOutcome Done(PlanItem item, PublishAction action, string id, string owners, string message) =>
            new PublishOutcome(new TaskPublishResult(item.Key, item.Title, action, id, owners, item.DueMoment(), PublishTarget.SharePointList, message), null);

        /// <summary>The site, the list (created with its columns when missing), and the items already there. False under -WhatIf when the list is missing.</summary>
        private bool Prepare(Func<string, string, bool> shouldProcess)
        {
            if (_prepared || _declined)
            {
                return _prepared;
            }

            _siteId = _siteId ?? SiteResolver.Resolve(_rest, _siteUrl, GraphPermissions.SitesWrite);
            _listId = _listId ?? FindList();
            if (_listId == null)
            {
                if (!shouldProcess(_siteUrl + " " + _listName, Text.Format(nameof(Core.Resources.Strings.GraphActionCreateList))))
                {
                    _declined = true;
                    return false;
                }

                CreateList();
            }

            foreach (ListItem existing in ReadItems())
            {
                if (existing.Key != null && !_byKey.ContainsKey(existing.Key))
                {
                    _byKey[existing.Key] = existing;
                }
            }

            _prepared = true;
            return true;
        }

        private string FindList()
        {
            return _rest.GetAll("sites/" + Uri.EscapeDataString(_siteId) + "/lists?$select=id,displayName", l => new { Id = l.Str("id"), Name = l.Str("displayName") }, null, _siteUrl.ToString(), GraphPermissions.SitesWrite)
                .Where(l => string.Equals(l.Name, _listName, StringComparison.OrdinalIgnoreCase))
                .Select(l => l.Id)
                .FirstOrDefault();
        }

        private void CreateList()
        {
            var columns = new object[]
            {
                new Dictionary<string, object> { ["name"] = KeyColumn, ["indexed"] = true, ["enforceUniqueValues"] = true, ["text"] = new Dictionary<string, object>() },
                new Dictionary<string, object> { ["name"] = "Owner", ["personOrGroup"] = new Dictionary<string, object> { ["allowMultipleSelection"] = false, ["chooseFromType"] = "peopleOnly" } },
                new Dictionary<string, object> { ["name"] = "OwnerMail", ["text"] = new Dictionary<string, object>() },
                new Dictionary<string, object> { ["name"] = "DueDate", ["dateTime"] = new Dictionary<string, object> { ["format"] = "dateTime" } },
                new Dictionary<string, object> { ["name"] = "Status", ["choice"] = new Dictionary<string, object> { ["choices"] = new[] { "Open", "In progress", "Done" } } },
                new Dictionary<string, object> { ["name"] = "TaskDescription", ["text"] = new Dictionary<string, object> { ["allowMultipleLines"] = true } },
                new Dictionary<string, object> { ["name"] = "Checklist", ["text"] = new Dictionary<string, object> { ["allowMultipleLines"] = true } },
            };
            var body = new Dictionary<string, object>
            {
                ["displayName"] = _listName,
                ["columns"] = columns,
                ["list"] = new Dictionary<string, object> { ["template"] = "genericList" },
            };
            for (int attempt = 1; _listId == null; attempt++)
            {
                try
                {
                    using (GraphResponse response = _rest.Send(HttpMethod.Post, "sites/" + Uri.EscapeDataString(_siteId) + "/lists", body, null, idempotent: false))
                    {
                        response.EnsureSuccess(_siteUrl + " " + _listName, GraphPermissions.SitesWrite);
                        _listId = response.Root.Str("id");
                    }
                }
                catch (OutcomeUnknownException ex)
                {
                    _rest.WaitBeforeReadBack(ex, attempt, _siteUrl.ToString());
                    _listId = FindList();
                    if (_listId == null && attempt >= GraphRest.MaxAttempts)
                    {
                        throw GraphProblems.Unreachable(_siteUrl.ToString(), ex.Message);
                    }
                }
            }
        }

        private List<ListItem> ReadItems() =>
            _rest.GetAll(ItemsUrl + "?$expand=fields($select=" + s_fields + ")", ListItem.FromJson, null, _siteUrl + " " + _listName, GraphPermissions.SitesWrite).ToList();

        private Dictionary<string, object> Desire(PlanItem item, out string note)
        {
            note = null;
            var owners = item.Owners.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => _owners.Resolve(o, item.Key)).ToList();
            var fields = new Dictionary<string, object>
            {
                ["Title"] = item.Title,
                [KeyColumn] = item.Key,
                ["OwnerMail"] = string.Join("; ", owners.Select(o => (o.Mail ?? o.UserPrincipalName ?? string.Empty).ToLowerInvariant())),
                ["DueDate"] = item.DueMoment().HasValue ? item.DueMoment().Value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null,
                ["TaskDescription"] = TaskKey.Normalize(item.Description).Trim(),
                ["Checklist"] = string.Join("\n", item.Checklist.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim())),
            };
            if (owners.Count > 0)
            {
                string lookup = SiteUserId(owners[0]);
                if (lookup != null)
                {
                    fields["OwnerLookupId"] = lookup;
                }
                else
                {
                    note = Text.Format(nameof(Core.Resources.Strings.GraphOwnerNotInSite), owners[0].Given, _siteUrl);
                }
            }

            return fields;
        }

        /// <summary>The owner's id in this site's User Information List (by mail or login name), read once per run.</summary>
        private string SiteUserId(GraphUser owner)
        {
            if (_siteUsers == null)
            {
                _siteUsers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                string listId = UserInformationListId();
                if (listId == null)
                {
                    _log?.Invoke("the site lists no User Information List (a system list at /_catalogs/users): person columns stay empty");
                    return null;
                }

                string url = "sites/" + Uri.EscapeDataString(_siteId) + "/lists/" + Uri.EscapeDataString(listId) + "/items?$expand=fields($select=EMail,UserName)";
                foreach (var user in _rest.GetAll(url, u => new { Id = u.Str("id"), Mail = u.Obj("fields").Str("EMail"), Login = u.Obj("fields").Str("UserName") }, null, _siteUrl.ToString(), GraphPermissions.SitesWrite))
                {
                    foreach (string name in new[] { user.Mail, user.Login })
                    {
                        if (!string.IsNullOrEmpty(name) && !_siteUsers.ContainsKey(name))
                        {
                            _siteUsers[name] = user.Id;
                        }
                    }
                }
            }

            foreach (string name in new[] { owner.Mail, owner.UserPrincipalName, owner.Given })
            {
                if (!string.IsNullOrEmpty(name) && _siteUsers.TryGetValue(name, out string id))
                {
                    return id;
                }
            }

            return null;
        }

        /// <summary>
        /// The site's User Information List, found by what it is: a system list (hidden unless $select names
        /// system) whose address ends in /_catalogs/users. Its title is translated (用户信息列表 on a Chinese
        /// site, Benutzerinformationsliste on a German one), so lists/User Information List works on English
        /// sites only.
        /// </summary>
        private string UserInformationListId()
        {
            string url = "sites/" + Uri.EscapeDataString(_siteId) + "/lists?$select=id,name,displayName,webUrl,system,list";
            return _rest.GetAll(url, l => new { Id = l.Str("id"), WebUrl = l.Str("webUrl") }, null, _siteUrl.ToString(), GraphPermissions.SitesWrite)
                .Where(l => l.WebUrl != null && l.WebUrl.TrimEnd('/').EndsWith("/_catalogs/users", StringComparison.OrdinalIgnoreCase))
                .Select(l => l.Id)
                .FirstOrDefault();
        }

        private static List<string> Differences(ListItem existing, Dictionary<string, object> desired)
        {
            var changes = new List<string>();
            foreach (KeyValuePair<string, object> field in desired)
            {
                if (field.Key == KeyColumn)
                {
                    continue;
                }

                existing.Fields.TryGetValue(field.Key, out string have);
                string want = field.Value as string;
                bool same = field.Key == "DueDate"
                    ? Instant(have) == Instant(want)
                    : string.Equals(TaskKey.Normalize(have ?? string.Empty).Trim(), TaskKey.Normalize(want ?? string.Empty).Trim(), StringComparison.Ordinal);
                if (!same)
                {
                    changes.Add(field.Key);
                }
            }

            return changes;
        }

        private static DateTimeOffset? Instant(string value) =>
            DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset d) ? d.ToUniversalTime() : (DateTimeOffset?)null;

        /// <summary>
        /// Creates the item. The key column is unique, so SharePoint refuses a second item of a key; what it
        /// answers then through Graph is not documented (409 is assumed by many, SharePoint's own REST answers
        /// 500 "duplicate values were found", 400 is possible), so any refusal other than authentication,
        /// permission or throttling is checked by reading the list: an item of the key there is "already there"
        /// (<paramref name="alreadyThere"/>), not a failure.
        /// </summary>
        private ListItem Create(string key, Dictionary<string, object> fields, out bool alreadyThere)
        {
            alreadyThere = false;
            var body = new Dictionary<string, object> { ["fields"] = fields };
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    using (GraphResponse response = _rest.Send(HttpMethod.Post, ItemsUrl, body, null, idempotent: false))
                    {
                        if (!response.Ok && response.Status != 401 && response.Status != 403 && response.Status != 429)
                        {
                            _log?.Invoke("create of '" + key + "' refused (" + response.Status + " " + response.ErrorCode + "): looking for an item of that key");
                            ListItem there = ReadItems().FirstOrDefault(i => i.Key == key);
                            if (there != null)
                            {
                                _byKey[key] = there;
                                alreadyThere = true;
                                return there;
                            }
                        }

                        response.EnsureSuccess(_siteUrl + " " + _listName, GraphPermissions.SitesWrite);
                        ListItem created = ListItem.FromJson(response.Root);
                        _byKey[key] = created;
                        return created;
                    }
                }
                catch (OutcomeUnknownException ex)
                {
                    _log?.Invoke("create of '" + key + "' may or may not have happened (" + ex.Message + "): reading the list");
                    _rest.WaitBeforeReadBack(ex, attempt, _siteUrl.ToString());
                    ListItem made = ReadItems().FirstOrDefault(i => i.Key == key);
                    if (made != null)
                    {
                        // Ours, or one made meanwhile by someone else (then its fields differ and it is updated).
                        _byKey[key] = made;
                        alreadyThere = Differences(made, fields).Count > 0;
                        return made;
                    }

                    if (attempt >= GraphRest.MaxAttempts)
                    {
                        throw GraphProblems.Unreachable(_siteUrl.ToString(), ex.Message);
                    }
                }
            }
        }

        private void Update(ListItem existing, Dictionary<string, object> desired)
        {
            if (existing.ETag == null)
            {
                Reload(existing);
            }

            for (int conflict = 0; ; conflict++)
            {
                var body = Differences(existing, desired).ToDictionary(name => name, name => desired[name]);
                if (body.Count == 0)
                {
                    return;
                }

                // If-Match is optional for list items and "*" is not documented: the last known ETag, or none.
                string target = ItemsUrl + "/" + Uri.EscapeDataString(existing.Id) + "/fields";
                Dictionary<string, string> headers = string.IsNullOrEmpty(existing.ETag) || existing.ETag == "*" ? null : new Dictionary<string, string> { ["If-Match"] = existing.ETag };
                using (GraphResponse response = _rest.Send(new HttpMethod("PATCH"), target, body, headers, idempotent: true))
                {
                    if (response.Status == 412 && conflict < MaxConflicts)
                    {
                        _log?.Invoke("412 on list item " + existing.Id + ": reading it again");
                        Reload(existing);
                        continue;
                    }

                    response.EnsureSuccess(_siteUrl + " " + _listName, GraphPermissions.SitesWrite);
                    existing.Patched(body);
                    return;
                }
            }
        }

        private void Reload(ListItem existing)
        {
            using (GraphResponse again = _rest.Get(ItemsUrl + "/" + Uri.EscapeDataString(existing.Id) + "?$expand=fields($select=" + s_fields + ")"))
            {
                again.EnsureSuccess(_siteUrl + " " + _listName, GraphPermissions.SitesWrite);
                existing.CopyFrom(ListItem.FromJson(again.Root));
            }
        }

        /// <summary>A list item as read: id, ETag, and the fields the module owns, as text.</summary>
        private sealed class ListItem
        {
            internal string Id { get; private set; }

            internal string ETag { get; private set; }

            internal Dictionary<string, string> Fields { get; private set; }

            internal string Key => Fields.TryGetValue(KeyColumn, out string key) ? key : null;

            internal static ListItem FromJson(JsonElement item)
            {
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (JsonProperty p in item.Obj("fields").Props())
                {
                    fields[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetRawText() : null;
                }

                return new ListItem { Id = item.Str("id"), ETag = item.Str("@odata.etag"), Fields = fields };
            }

            /// <summary>After a PATCH: the fields as written; the ETag is unknown until read again.</summary>
            internal void Patched(Dictionary<string, object> fields)
            {
                foreach (KeyValuePair<string, object> field in fields)
                {
                    Fields[field.Key] = field.Value as string;
                }

                ETag = null;
            }

            internal void CopyFrom(ListItem other)
            {
                ETag = other.ETag;
                Fields = other.Fields;
            }
        }
    }
}
