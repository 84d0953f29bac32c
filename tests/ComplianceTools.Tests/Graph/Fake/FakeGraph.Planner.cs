using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ComplianceTools.Tests.Graph.Fake
{
    /// <summary>
    /// Planner: plans, buckets, tasks and task details with @odata.etag. PATCH needs If-Match with the current
    /// ETag (missing or stale: 412). Open-type properties (assignments, checklist) merge key by key; null removes.
    /// </summary>
    public sealed partial class FakeGraph
    {
        private readonly Dictionary<string, JsonObject> _plans = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        private readonly List<JsonObject> _buckets = new List<JsonObject>();
        private readonly Dictionary<string, JsonObject> _tasks = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        private readonly Dictionary<string, JsonObject> _details = new Dictionary<string, JsonObject>(StringComparer.Ordinal);

        public string AddPlan(string title)
        {
            string id = NewId("plan-");
            lock (_gate)
            {
                _plans[id] = new JsonObject { ["@odata.etag"] = NewETag(), ["id"] = id, ["title"] = title, ["owner"] = Guid.NewGuid().ToString() };
            }

            return id;
        }

        /// <summary>Fills a plan with tasks made by hand (no description, no bucket), as a long-lived plan has.</summary>
        public void AddHandMadeTasks(string planId, int count)
        {
            lock (_gate)
            {
                for (int i = 0; i < count; i++)
                {
                    string id = NewId("task-");
                    _tasks[id] = new JsonObject { ["@odata.etag"] = NewETag(), ["planId"] = planId, ["bucketId"] = null, ["title"] = "手工任务 " + i, ["hasDescription"] = false, ["id"] = id, ["assignments"] = new JsonObject() };
                    _details[id] = new JsonObject { ["@odata.etag"] = NewETag(), ["description"] = null, ["id"] = id, ["references"] = new JsonObject(), ["checklist"] = new JsonObject() };
                }
            }
        }

        public IReadOnlyList<JsonObject> Tasks(string planId)
        {
            lock (_gate)
            {
                return _tasks.Values.Where(t => t["planId"]!.GetValue<string>() == planId).Select(t => (JsonObject)t.DeepClone()).ToList();
            }
        }

        public JsonObject Details(string taskId)
        {
            lock (_gate)
            {
                return (JsonObject)_details[taskId].DeepClone();
            }
        }

        public IReadOnlyList<JsonObject> Buckets(string planId)
        {
            lock (_gate)
            {
                return _buckets.Where(b => b["planId"]!.GetValue<string>() == planId).Select(b => (JsonObject)b.DeepClone()).ToList();
            }
        }

        /// <summary>What a user does in the Planner app: renames a task (a new ETag).</summary>
        public void RenameTask(string taskId, string title)
        {
            lock (_gate)
            {
                _tasks[taskId]["title"] = title;
                _tasks[taskId]["@odata.etag"] = NewETag();
            }
        }

        private void ConcurrentEdit(string path)
        {
            string[] seg = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (seg.Length >= 4 && seg[1] == "planner" && seg[2] == "tasks")
            {
                Dictionary<string, JsonObject> store = seg.Length == 5 ? _details : _tasks;
                if (store.TryGetValue(seg[3], out JsonObject item))
                {
                    item["@odata.etag"] = NewETag();
                }
            }
        }

        private Reply RoutePlanner(HttpRequest request, string method, string[] seg, string body)
        {
            if (seg.Length < 2 || seg[0] != "planner")
            {
                return null;
            }

            if (seg[1] == "plans" && seg.Length >= 3)
            {
                if (!_plans.TryGetValue(seg[2], out JsonObject plan))
                {
                    return Reply.Error(404, "", "The requested item is not found.");
                }

                if (method == "GET" && seg.Length == 3)
                {
                    return Reply.Ok((JsonObject)plan.DeepClone());
                }

                if (method == "GET" && seg.Length == 4 && seg[3] == "buckets")
                {
                    return Page(request, _buckets.Where(b => b["planId"]!.GetValue<string>() == seg[2]).ToList());
                }

                if (method == "GET" && seg.Length == 4 && seg[3] == "tasks")
                {
                    return Page(request, _tasks.Values.Where(t => t["planId"]!.GetValue<string>() == seg[2]).ToList());
                }

                return null;
            }

            if (method == "POST" && seg.Length == 2 && seg[1] == "buckets")
            {
                JsonObject input = JsonNode.Parse(body)!.AsObject();
                string planId = input["planId"]?.GetValue<string>();
                if (planId == null || !_plans.ContainsKey(planId))
                {
                    return Reply.Error(400, "", "Invalid planId.");
                }

                var bucket = new JsonObject { ["@odata.etag"] = NewETag(), ["id"] = NewId("bucket-"), ["name"] = input["name"]?.GetValue<string>(), ["planId"] = planId, ["orderHint"] = input["orderHint"]?.GetValue<string>() ?? "8585" };
                _buckets.Add(bucket);
                return Reply.Ok((JsonObject)bucket.DeepClone(), 201);
            }

            if (method == "POST" && seg.Length == 2 && seg[1] == "tasks")
            {
                JsonObject input = JsonNode.Parse(body)!.AsObject();
                string planId = input["planId"]?.GetValue<string>();
                if (planId == null || !_plans.ContainsKey(planId))
                {
                    return Reply.Error(400, "", "Invalid planId.");
                }

                string bucketId = input["bucketId"]?.GetValue<string>();
                if (bucketId != null && !_buckets.Any(b => b["id"]!.GetValue<string>() == bucketId && b["planId"]!.GetValue<string>() == planId))
                {
                    return Reply.Error(400, "", "The bucket is not in the plan.");
                }

                string id = NewId("task-");
                var task = new JsonObject
                {
                    ["@odata.etag"] = NewETag(),
                    ["planId"] = planId,
                    ["bucketId"] = bucketId,
                    ["title"] = input["title"]?.GetValue<string>(),
                    ["orderHint"] = "8585269235419181545",
                    ["percentComplete"] = 0,
                    ["createdDateTime"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
                    ["dueDateTime"] = Utc(input["dueDateTime"]),
                    ["hasDescription"] = false,
                    ["previewType"] = "automatic",
                    ["checklistItemCount"] = 0,
                    ["activeChecklistItemCount"] = 0,
                    ["id"] = id,
                    ["appliedCategories"] = new JsonObject(),
                    ["assignments"] = new JsonObject(),
                };
                string error = MergeAssignments(task, input["assignments"] as JsonObject);
                if (error != null)
                {
                    return Reply.Error(400, "", error);
                }

                _tasks[id] = task;
                _details[id] = new JsonObject { ["@odata.etag"] = NewETag(), ["description"] = null, ["previewType"] = "automatic", ["id"] = id, ["references"] = new JsonObject(), ["checklist"] = new JsonObject() };
                return Reply.Ok((JsonObject)task.DeepClone(), 201);
            }

            if (seg[1] == "tasks" && seg.Length >= 3)
            {
                bool details = seg.Length == 4 && seg[3] == "details";
                Dictionary<string, JsonObject> store = details ? _details : _tasks;
                if (!store.TryGetValue(seg[2], out JsonObject item) || (seg.Length == 4 && !details) || seg.Length > 4)
                {
                    return Reply.Error(404, "", "The requested item is not found.");
                }

                if (method == "GET")
                {
                    return Reply.Ok((JsonObject)item.DeepClone());
                }

                if (method == "PATCH")
                {
                    string ifMatch = request.Headers["If-Match"];
                    if (string.IsNullOrEmpty(ifMatch) || ifMatch != item["@odata.etag"]!.GetValue<string>())
                    {
                        return Reply.Error(412, "", "The If-Match header must be specified and match the current ETag.");
                    }

                    JsonObject input = JsonNode.Parse(body)!.AsObject();
                    string error = details ? PatchDetails(item, input) : PatchTask(item, input);
                    if (error != null)
                    {
                        return Reply.Error(400, "", error);
                    }

                    item["@odata.etag"] = NewETag();
                    if (details)
                    {
                        JsonObject task = _tasks[seg[2]];
                        task["hasDescription"] = !string.IsNullOrEmpty(item["description"]?.GetValue<string>());
                        task["checklistItemCount"] = item["checklist"]!.AsObject().Count;
                        task["@odata.etag"] = NewETag();
                    }

                    return Reply.NoContent();
                }
            }

            return null;
        }

        private string PatchTask(JsonObject task, JsonObject input)
        {
            foreach (KeyValuePair<string, JsonNode> p in input.ToList())
            {
                switch (p.Key)
                {
                    case "title":
                    case "bucketId":
                    case "percentComplete":
                        task[p.Key] = p.Value?.DeepClone();
                        break;
                    case "dueDateTime":
                        task[p.Key] = Utc(p.Value);
                        break;
                    case "assignments":
                        string error = MergeAssignments(task, p.Value as JsonObject);
                        if (error != null)
                        {
                            return error;
                        }

                        break;
                    default:
                        return "Property '" + p.Key + "' cannot be updated by the fake.";
                }
            }

            return null;
        }

        private string MergeAssignments(JsonObject task, JsonObject assignments)
        {
            if (assignments == null)
            {
                return null;
            }

            JsonObject current = task["assignments"]!.AsObject();
            foreach (KeyValuePair<string, JsonNode> a in assignments.ToList())
            {
                if (a.Value == null)
                {
                    current.Remove(a.Key);
                    continue;
                }

                if (!_users.Any(u => u["id"]!.GetValue<string>() == a.Key))
                {
                    return "Assignee '" + a.Key + "' is not a user.";
                }

                if (a.Value["@odata.type"]?.GetValue<string>() != "#microsoft.graph.plannerAssignment")
                {
                    return "An assignment needs @odata.type #microsoft.graph.plannerAssignment.";
                }

                current[a.Key] = new JsonObject { ["@odata.type"] = "#microsoft.graph.plannerAssignment", ["assignedDateTime"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture), ["orderHint"] = a.Value["orderHint"]?.GetValue<string>() ?? "8585" };
            }

            return current.Count > 20 ? "A task can have at most 20 assignees." : null;
        }

        private static string PatchDetails(JsonObject details, JsonObject input)
        {
            foreach (KeyValuePair<string, JsonNode> p in input.ToList())
            {
                switch (p.Key)
                {
                    case "description":
                    case "previewType":
                        details[p.Key] = p.Value?.DeepClone();
                        break;
                    case "checklist":
                        JsonObject current = details["checklist"]!.AsObject();
                        foreach (KeyValuePair<string, JsonNode> c in p.Value!.AsObject().ToList())
                        {
                            if (c.Value == null)
                            {
                                current.Remove(c.Key);
                            }
                            else if (c.Value["@odata.type"]?.GetValue<string>() != "#microsoft.graph.plannerChecklistItem")
                            {
                                return "A checklist item needs @odata.type #microsoft.graph.plannerChecklistItem.";
                            }
                            else
                            {
                                var item = current[c.Key] as JsonObject ?? new JsonObject { ["@odata.type"] = "#microsoft.graph.plannerChecklistItem", ["isChecked"] = false, ["orderHint"] = "8585" };
                                foreach (KeyValuePair<string, JsonNode> f in c.Value.AsObject().ToList())
                                {
                                    item[f.Key] = f.Value?.DeepClone();
                                }

                                current[c.Key] = item;
                            }
                        }

                        if (current.Count > 20)
                        {
                            return "A task can have at most 20 checklist items.";
                        }

                        break;
                    default:
                        return "Property '" + p.Key + "' cannot be updated by the fake.";
                }
            }

            return null;
        }

        private static JsonNode Utc(JsonNode value)
        {
            string s = value?.GetValue<string>();
            return s == null ? null : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }
    }
}
