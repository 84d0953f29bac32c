using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Resources;
using ComplianceTools.Graph.Connection;
using ComplianceTools.Graph.Directory;
using ComplianceTools.Graph.Http;

namespace ComplianceTools.Graph.Planner
{
    /// <summary>
    /// Plan items as Planner tasks, exactly once. The plan is read once (tasks, and the details of those that
    /// have a description, where the key lives); then each item is created, patched with If-Match, or left
    /// alone when nothing differs (no write at all). A 412 or 409 on a PATCH reads the task again and retries.
    /// A create whose answer is lost is checked against the plan (after the Retry-After the answer asked for)
    /// before it is sent again. Planner's limits (20 checklist items, 20 assignees, 9,000 tasks per plan) fail
    /// the item that exceeds them, with the limit named; a 403 whose code names a limit does the same.
    /// </summary>
    public sealed partial class PlannerPublisher : ITaskPublisher
    {
        internal const int MaxChecklistItems = 20;
        internal const int MaxAssignees = 20;
        internal const int MaxTasksPerPlan = 9000;
        private const int MaxConflicts = 3;

        private readonly GraphRest _rest;
        private readonly GraphUserResolver _owners;
        private readonly string _planId;
        private readonly string _bucketName;
        private readonly Action<string> _log;
        private readonly Dictionary<string, TaskState> _byKey = new Dictionary<string, TaskState>(StringComparer.Ordinal);
        private readonly List<TaskState> _keyless = new List<TaskState>();
        private readonly HashSet<string> _knownIds = new HashSet<string>(StringComparer.Ordinal);
        private bool _prepared;
        private string _bucketId;
        private int _taskCount;

        public PlannerPublisher(GraphConnection connection, string planId, string bucketName, Action<string> log, CancellationToken cancellation)
        {
            if (connection.Info.Environment == GraphEnvironment.China)
            {
                throw GraphProblems.Fail("PlannerNotInChina", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.GraphPlannerNotInChina)), planId);
            }

            _rest = connection.Rest(log, cancellation);
            _owners = new GraphUserResolver(_rest);
            _planId = planId;
            _bucketName = string.IsNullOrWhiteSpace(bucketName) ? null : bucketName.Trim();
            _log = log;
        }

        private string PlanTarget => "planner/plans/" + _planId;

        public PublishOutcome Publish(PlanItem item, Func<string, string, bool> shouldProcess)
        {
            Prepare();
            string owners = TaskKey.Owners(item);
            try
            {
                Desired desired = Desire(item);
                TaskState existing = Find(item);
                if (existing == null)
                {
                    if (_taskCount >= MaxTasksPerPlan)
                    {
                        throw GraphProblems.Fail("PlannerLimit", ProblemKind.LimitsExceeded, Text.Format(nameof(Core.Resources.Strings.GraphPlannerTaskLimit), item.Key, MaxTasksPerPlan), item.Key);
                    }

                    if (!shouldProcess(item.Title, Text.Format(nameof(Core.Resources.Strings.GraphActionCreateTask), _planId)))
                    {
                        return new PublishOutcome(null, null);
                    }

                    TaskState created = Create(desired);
                    UpdateDetails(created, desired);
                    return Done(item, PublishAction.Created, created.Id, owners, null);
                }

                string changes = Differences(existing, desired);
                if (changes.Length == 0)
                {
                    return Done(item, PublishAction.Unchanged, existing.Id, owners, null);
                }

                if (!shouldProcess(item.Title, Text.Format(nameof(Core.Resources.Strings.GraphActionUpdateTask), existing.Id, changes)))
                {
                    return new PublishOutcome(null, null);
                }

                UpdateTask(existing, desired);
                UpdateDetails(existing, desired);
                return Done(item, PublishAction.Updated, existing.Id, owners, changes);
            }
            catch (ComplianceException ex) when (ex.Problem.Kind != ProblemKind.AuthenticationError)
            {
                var result = new TaskPublishResult(item.Key, item.Title, PublishAction.Failed, _byKey.TryGetValue(item.Key ?? string.Empty, out TaskState t) ? t.Id : null, owners, item.DueMoment(), PublishTarget.Planner, ex.Problem.Message);
                return new PublishOutcome(result, ex.Problem);
            }
        }

        private static PublishOutcome Done(PlanItem item, PublishAction action, string id, string owners, string message) =>
            new PublishOutcome(new TaskPublishResult(item.Key, item.Title, action, id, owners, item.DueMoment(), PublishTarget.Planner, message), null);

        /// <summary>Reads the plan once: it exists, the bucket, the tasks, and the keys in their details.</summary>
        private void Prepare()
        {
            if (_prepared)
            {
                return;
            }

            using (GraphResponse plan = _rest.Get(PlanTarget))
            {
                if (plan.Status == 404)
                {
                    throw GraphProblems.Fail("PlanNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Core.Resources.Strings.GraphPlanNotFound), _planId), _planId);
                }

                plan.EnsureSuccess(PlanTarget, GraphPermissions.TasksWrite);
            }

            if (_bucketName != null)
            {
                _bucketId = FindBucket();
            }

            foreach (TaskState task in ReadTasks())
            {
                _knownIds.Add(task.Id);
                _taskCount++;
                if (task.HasDescription)
                {
                    ReadDetails(task);
                }

                string key = TaskKey.Read(task.Description);
                if (key != null && !_byKey.ContainsKey(key))
                {
                    _byKey[key] = task;
                }
                else if (key == null)
                {
                    _keyless.Add(task);
                }
            }

            _prepared = true;
        }

        private string FindBucket()
        {
            return _rest.GetAll(PlanTarget + "/buckets", b => new { Id = b.Str("id"), Name = b.Str("name") }, null, PlanTarget, GraphPermissions.TasksWrite)
                .Where(b => string.Equals(b.Name, _bucketName, StringComparison.OrdinalIgnoreCase))
                .Select(b => b.Id)
                .FirstOrDefault();
        }

        private IEnumerable<TaskState> ReadTasks() =>
            _rest.GetAll(PlanTarget + "/tasks", TaskState.FromJson, null, PlanTarget, GraphPermissions.TasksWrite).ToList();

        private void ReadDetails(TaskState task)
        {
            using (GraphResponse details = _rest.Get("planner/tasks/" + task.Id + "/details"))
            {
                details.EnsureSuccess("planner/tasks/" + task.Id + "/details", GraphPermissions.TasksWrite);
                task.SetDetails(details.Root, details.ETag);
            }
        }

        /// <summary>The task of an item: by key; else a keyless task in the target bucket with the item's exact title.</summary>
        private TaskState Find(PlanItem item)
        {
            if (_byKey.TryGetValue(item.Key, out TaskState task))
            {
                return task;
            }

            bool bucketKnown = _bucketName == null || _bucketId != null;
            TaskState orphan = !bucketKnown ? null : _keyless.FirstOrDefault(t => string.Equals(t.Title, item.Title, StringComparison.Ordinal) && t.BucketId == _bucketId);
            if (orphan != null)
            {
                _log?.Invoke(string.Format(CultureInfo.InvariantCulture, "adopting task {0} (same title, no key) for {1}", orphan.Id, item.Key));
                _keyless.Remove(orphan);
                if (orphan.DetailsETag == null)
                {
                    ReadDetails(orphan);
                }

                _byKey[item.Key] = orphan;
            }

            return orphan;
        }

        private Desired Desire(PlanItem item)
        {
            List<string> checklist = item.Checklist.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList();
            if (checklist.Count > MaxChecklistItems)
            {
                throw GraphProblems.Fail("PlannerLimit", ProblemKind.LimitsExceeded, Text.Format(nameof(Core.Resources.Strings.GraphPlannerChecklistLimit), item.Key, checklist.Count, MaxChecklistItems), item.Key);
            }

            List<string> owners = item.Owners.Where(o => !string.IsNullOrWhiteSpace(o)).ToList();
            if (owners.Count > MaxAssignees)
            {
                throw GraphProblems.Fail("PlannerLimit", ProblemKind.LimitsExceeded, Text.Format(nameof(Core.Resources.Strings.GraphPlannerAssigneeLimit), item.Key, owners.Count, MaxAssignees), item.Key);
            }

            return new Desired
            {
                Key = item.Key,
                Title = item.Title,
                Due = item.DueMoment(),
                Assignees = new HashSet<string>(owners.Select(o => _owners.Resolve(o, item.Key).Id), StringComparer.Ordinal),
                Description = TaskKey.Compose(item.Description, item.Key),
                Checklist = checklist,
            };
        }

        private string Differences(TaskState task, Desired desired)
        {
            var changes = new List<string>();
            if (!string.Equals(task.Title, desired.Title, StringComparison.Ordinal))
            {
                changes.Add("title");
            }

            if (task.Due?.UtcDateTime != desired.Due?.UtcDateTime)
            {
                changes.Add("dueDateTime");
            }

            if (!task.Assignees.SetEquals(desired.Assignees))
            {
                changes.Add("assignments");
            }

            if (!TaskKey.SameText(task.Description, desired.Description))
            {
                changes.Add("description");
            }

            if (!task.Checklist.Values.Select(c => c.Title).OrderBy(t => t, StringComparer.Ordinal).SequenceEqual(desired.Checklist.OrderBy(t => t, StringComparer.Ordinal), StringComparer.Ordinal))
            {
                changes.Add("checklist");
            }

            return string.Join(", ", changes);
        }

        /// <summary>POST with the SDK's retries off; when the answer is lost, the plan is read before sending again.</summary>
        private TaskState Create(Desired desired)
        {
            EnsureBucket();
            var body = new Dictionary<string, object>
            {
                ["planId"] = _planId,
                ["title"] = desired.Title,
                ["assignments"] = desired.Assignees.ToDictionary(id => id, id => (object)Assignment()),
            };
            if (_bucketId != null)
            {
                body["bucketId"] = _bucketId;
            }

            if (desired.Due.HasValue)
            {
                body["dueDateTime"] = Iso(desired.Due.Value);
            }

            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    using (GraphResponse response = _rest.Send(HttpMethod.Post, "planner/tasks", body, null, idempotent: false))
                    {
                        response.EnsureSuccess(PlanTarget, GraphPermissions.TasksWrite);
                        TaskState task = TaskState.FromJson(response.Root);
                        Register(task, desired.Key);
                        return task;
                    }
                }
                catch (OutcomeUnknownException ex)
                {
                    _log?.Invoke("create of '" + desired.Key + "' may or may not have happened (" + ex.Message + "): reading the plan");
                    _rest.WaitBeforeReadBack(ex, attempt, PlanTarget);
                    TaskState made = ReadTasks().FirstOrDefault(t => !_knownIds.Contains(t.Id) && string.Equals(t.Title, desired.Title, StringComparison.Ordinal) && t.BucketId == _bucketId);
                    if (made != null)
                    {
                        _log?.Invoke("it had: task " + made.Id);
                        Register(made, desired.Key);
                        return made;
                    }

                    if (attempt >= GraphRest.MaxAttempts)
                    {
                        throw GraphProblems.Unreachable(PlanTarget, ex.Message);
                    }
                }
            }
        }

        private void Register(TaskState task, string key)
        {
            _knownIds.Add(task.Id);
            _taskCount++;
            _byKey[key] = task;
        }

        /// <summary>Creates the named bucket when the plan has none of that name; a lost answer is checked the same way.</summary>
        private void EnsureBucket()
        {
            if (_bucketName == null || _bucketId != null)
            {
                return;
            }

            var body = new Dictionary<string, object> { ["name"] = _bucketName, ["planId"] = _planId, ["orderHint"] = " !" };
            for (int attempt = 1; _bucketId == null; attempt++)
            {
                try
                {
                    using (GraphResponse response = _rest.Send(HttpMethod.Post, "planner/buckets", body, null, idempotent: false))
                    {
                        response.EnsureSuccess(PlanTarget, GraphPermissions.TasksWrite);
                        _bucketId = response.Root.Str("id");
                    }
                }
                catch (OutcomeUnknownException ex)
                {
                    _rest.WaitBeforeReadBack(ex, attempt, PlanTarget);
                    _bucketId = FindBucket();
                    if (_bucketId == null && attempt >= GraphRest.MaxAttempts)
                    {
                        throw GraphProblems.Unreachable(PlanTarget, ex.Message);
                    }
                }
            }
        }

        private void UpdateTask(TaskState task, Desired desired)
        {
            if (task.ETag == null)
            {
                // Patched earlier in this run (a PATCH answers 204 without the new ETag): read it first.
                Reload(task);
            }

            for (int conflict = 0; ; conflict++)
            {
                var body = new Dictionary<string, object>();
                if (!string.Equals(task.Title, desired.Title, StringComparison.Ordinal))
                {
                    body["title"] = desired.Title;
                }

                if (task.Due?.UtcDateTime != desired.Due?.UtcDateTime)
                {
                    body["dueDateTime"] = desired.Due.HasValue ? Iso(desired.Due.Value) : null;
                }

                if (!task.Assignees.SetEquals(desired.Assignees))
                {
                    var assignments = new Dictionary<string, object>();
                    foreach (string id in desired.Assignees.Except(task.Assignees))
                    {
                        assignments[id] = Assignment();
                    }

                    foreach (string id in task.Assignees.Except(desired.Assignees))
                    {
                        assignments[id] = null;
                    }

                    body["assignments"] = assignments;
                }

                if (body.Count == 0)
                {
                    return;
                }

                string target = "planner/tasks/" + task.Id;
                using (GraphResponse response = _rest.Send(new HttpMethod("PATCH"), target, body, IfMatch(task.ETag, target), idempotent: true))
                {
                    if (IsVersionConflict(response.Status) && conflict < MaxConflicts)
                    {
                        _log?.Invoke(response.Status + " on " + target + ": reading it again");
                        Reload(task);
                        continue;
                    }

                    response.EnsureSuccess(target, GraphPermissions.TasksWrite);
                    task.Title = desired.Title;
                    task.Due = desired.Due;
                    task.Assignees = new HashSet<string>(desired.Assignees, StringComparer.Ordinal);
                    task.ETag = null;
                    return;
                }
            }
        }

        private void UpdateDetails(TaskState task, Desired desired)
        {
            if (task.DetailsETag == null)
            {
                ReadDetails(task);
            }

            for (int conflict = 0; ; conflict++)
            {
                var body = new Dictionary<string, object>();
                if (!TaskKey.SameText(task.Description, desired.Description))
                {
                    body["description"] = desired.Description;
                }

                var wanted = new HashSet<string>(desired.Checklist, StringComparer.Ordinal);
                var have = new HashSet<string>(task.Checklist.Values.Select(c => c.Title), StringComparer.Ordinal);
                if (!wanted.SetEquals(have))
                {
                    var checklist = new Dictionary<string, object>();
                    foreach (KeyValuePair<string, ChecklistItem> item in task.Checklist.Where(c => !wanted.Contains(c.Value.Title)))
                    {
                        checklist[item.Key] = null;
                    }

                    foreach (string title in desired.Checklist.Where(t => !have.Contains(t)).Distinct(StringComparer.Ordinal))
                    {
                        checklist[Guid.NewGuid().ToString()] = new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.plannerChecklistItem", ["title"] = title, ["isChecked"] = false };
                    }

                    body["checklist"] = checklist;
                }

                if (body.Count == 0)
                {
                    return;
                }

                string target = "planner/tasks/" + task.Id + "/details";
                using (GraphResponse response = _rest.Send(new HttpMethod("PATCH"), target, body, IfMatch(task.DetailsETag, target), idempotent: true))
                {
                    if (IsVersionConflict(response.Status) && conflict < MaxConflicts)
                    {
                        _log?.Invoke(response.Status + " on " + target + ": reading it again");
                        ReadDetails(task);
                        continue;
                    }

                    response.EnsureSuccess(target, GraphPermissions.TasksWrite);
                    ReadDetails(task);
                    return;
                }
            }
        }

        private void Reload(TaskState task)
        {
            using (GraphResponse response = _rest.Get("planner/tasks/" + task.Id))
            {
                response.EnsureSuccess("planner/tasks/" + task.Id, GraphPermissions.TasksWrite);
                task.CopyFrom(TaskState.FromJson(response.Root));
            }
        }

        /// <summary>
        /// The task's last known ETag. Planner wants exactly that ("Last known ETag value … Required"); "*" is not
        /// documented and reported to fail, so an unknown ETag is an error, never a wildcard.
        /// </summary>
        private static Dictionary<string, string> IfMatch(string etag, string target)
        {
            if (string.IsNullOrEmpty(etag) || etag == "*")
            {
                throw GraphProblems.Fail("ETagMissing", ProblemKind.InvalidData, Text.Format(nameof(Strings.GraphETagMissing), target), target);
            }

            return new Dictionary<string, string> { ["If-Match"] = etag };
        }

        /// <summary>Planner's versioning answers: 412 (the ETag is stale) and 409 (a conflicting change); both mean "read it again, then retry".</summary>
        private static bool IsVersionConflict(int status) => status == 412 || status == 409;

        private static Dictionary<string, object> Assignment() =>
            new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.plannerAssignment", ["orderHint"] = " !" };

        private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
