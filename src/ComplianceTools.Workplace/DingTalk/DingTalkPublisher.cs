using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Privacy;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Resources;
using ComplianceTools.Workplace.Connection;
using ComplianceTools.Workplace.Http;
using ComplianceTools.Workplace.Owners;

namespace ComplianceTools.Workplace.DingTalk
{
    /// <summary>
    /// Plan items as DingTalk to-dos (待办), exactly once. The to-do API (api.dingtalk.com/v1.0/todo) works on
    /// behalf of a user — the operator, whose unionId is in every path and who appears as the creator — with the
    /// owners as executors. The item's key is the to-do's sourceId; source ids are not unique on DingTalk's side
    /// by default, so a re-run looks the to-do up by its source id (GetTodoTaskBySourceId) before creating one,
    /// and a "task exist" answer or a lost create is settled by looking it up again. A to-do its owner completed
    /// is reported Completed and never touched again (never reopened). Owners get a work notification (the
    /// app's agent id) when an item is created or its due time or owners change.
    /// </summary>
    public sealed class DingTalkPublisher : ITaskPublisher, INotifyingPublisher
    {
        internal const int MaxSubject = 1024;
        internal const int MaxDescription = 4096;
        internal const string TodoWrite = "Todo.Todo.Write";
        internal const string TodoRead = "Todo.Todo.Read";
        internal const string NotifyPermission = "qyapi_base";

        /// <summary>A due date without a time of day is due at 18:00 China time, the end of the working day (DingTalk shows a time).</summary>
        internal static readonly TimeSpan EndOfWorkingDay = TimeSpan.FromHours(18);

        private readonly DingTalkClient _client;
        private readonly WorkplaceUserResolver _owners;
        private readonly string _operator;
        private readonly Action<string> _log;
        private readonly Dictionary<string, Todo> _byKey = new Dictionary<string, Todo>(StringComparer.Ordinal);
        private readonly Notices _notices = new Notices();
        private string _operatorUnionId;

        public DingTalkPublisher(WorkplaceConnection connection, string operatorOwner, ContactBook contacts, Action<string> log, CancellationToken cancellation)
        {
            _client = connection.DingTalk(log, cancellation);
            _owners = new WorkplaceUserResolver(_client, contacts);
            _operator = operatorOwner;
            _log = log;
        }

        private WorkplaceConnection Connection => _client.Connection;

        private string TasksPath => "v1.0/todo/users/" + Uri.EscapeDataString(_operatorUnionId) + "/tasks";

        /// <summary>The moment written as the to-do's due time: the item's time, else 18:00 China time on its due date; null without a due date.</summary>
        internal static DateTimeOffset? DueTimeOf(PlanItem item) =>
            item.DueTime ?? (item.DueDate.HasValue ? DueDates.StartOfDay(item.DueDate.Value) + EndOfWorkingDay : (DateTimeOffset?)null);

        public PublishOutcome Publish(PlanItem item, Func<string, string, bool> shouldProcess)
        {
            string owners = TaskKey.Owners(item, masked: true);
            DateTimeOffset? due = DueTimeOf(item);
            try
            {
                PrepareOperator();
                List<WorkplaceUser> users = item.Owners.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => _owners.Resolve(o, item.Key)).ToList();
                Todo desired = Desire(item, users, due);
                string note = users.Count == 0 ? Text.Get(nameof(Strings.WorkplaceNoOwner)) : null;
                Todo existing = Find(item.Key);
                if (existing == null)
                {
                    if (!shouldProcess(item.Title, Text.Format(nameof(Strings.WorkplaceActionCreateTodo), Mask.Contact(_operator))))
                    {
                        return new PublishOutcome(null, null);
                    }

                    Todo created = Create(desired, out bool alreadyThere);
                    if (!alreadyThere)
                    {
                        note = Notices.Join(note, _notices.Tell(users, nameof(Strings.WorkplaceNoticeNew), item.Title, Moment(due)));
                        return Done(item, PublishAction.Created, created.Id, owners, due, note);
                    }

                    existing = created;
                    note = Notices.Join(Text.Format(nameof(Strings.WorkplaceTodoAlreadyThere), item.Key), note);
                }

                if (existing.Done)
                {
                    return Done(item, PublishAction.Completed, existing.Id, owners, due, Notices.Join(Text.Get(nameof(Strings.WorkplaceTodoCompleted)), note));
                }

                List<string> changes = Differences(existing, desired);
                if (changes.Count == 0)
                {
                    return Done(item, PublishAction.Unchanged, existing.Id, owners, due, note);
                }

                if (!shouldProcess(item.Title, Text.Format(nameof(Strings.WorkplaceActionUpdateTodo), existing.Id, string.Join(", ", changes))))
                {
                    return new PublishOutcome(null, null);
                }

                Update(existing, desired, changes);
                string message = string.Join(", ", changes);
                if (changes.Contains("dueTime") || changes.Contains("executorIds"))
                {
                    message = Notices.Join(message, _notices.Tell(users, nameof(Strings.WorkplaceNoticeChanged), item.Title, Moment(due)));
                }

                return Done(item, PublishAction.Updated, existing.Id, owners, due, Notices.Join(message, note));
            }
            catch (ComplianceException ex) when (!WorkplaceProblems.StopsRun(ex.Problem))
            {
                string id = _byKey.TryGetValue(item.Key ?? string.Empty, out Todo t) ? t.Id : null;
                var result = new TaskPublishResult(item.Key, item.Title, PublishAction.Failed, id, owners, due, PublishTarget.DingTalk, ex.Problem.Message);
                return new PublishOutcome(result, ex.Problem);
            }
        }

        private static PublishOutcome Done(PlanItem item, PublishAction action, string id, string owners, DateTimeOffset? due, string message) =>
            new PublishOutcome(new TaskPublishResult(item.Key, item.Title, action, id, owners, due, PublishTarget.DingTalk, message), null);

        private static string Moment(DateTimeOffset? due) => due.HasValue ? due.Value.ToOffset(DueDates.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";

        /// <summary>The operator's unionId, once per run; an operator that cannot be resolved stops the run (every to-do path needs it).</summary>
        private void PrepareOperator()
        {
            if (_operatorUnionId != null)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(_operator))
            {
                throw WorkplaceProblems.Fail("OperatorRequired", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.WorkplaceOperatorRequired)), "Operator");
            }

            try
            {
                _operatorUnionId = _owners.Resolve(_operator, "-Operator").UnionId;
            }
            catch (ComplianceException ex) when (!WorkplaceProblems.StopsRun(ex.Problem))
            {
                throw WorkplaceProblems.Fail("OperatorNotFound", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.WorkplaceOperatorNotFound), ex.Problem.Message), Mask.Contact(_operator));
            }
        }

        private static Todo Desire(PlanItem item, IReadOnlyList<WorkplaceUser> users, DateTimeOffset? due)
        {
            string body = TaskKey.Normalize(item.Description).TrimEnd();
            var checklist = item.Checklist.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => "□ " + c.Trim()).ToList();
            if (checklist.Count > 0)
            {
                body = (body.Length > 0 ? body + "\n\n" : string.Empty) + string.Join("\n", checklist);
            }

            return new Todo
            {
                Key = item.Key,
                Subject = Notice.Cut(item.Title ?? string.Empty, MaxSubject),
                Description = Notice.Cut(body, MaxDescription),
                DueTime = due?.ToUnixTimeMilliseconds(),
                Executors = new HashSet<string>(users.Select(u => u.UnionId), StringComparer.Ordinal),
            };
        }

        private static List<string> Differences(Todo have, Todo want)
        {
            var changes = new List<string>();
            if (!string.Equals(have.Subject, want.Subject, StringComparison.Ordinal))
            {
                changes.Add("subject");
            }

            if (!TaskKey.SameText(have.Description, want.Description))
            {
                changes.Add("description");
            }

            if (have.DueTime != want.DueTime)
            {
                changes.Add("dueTime");
            }

            if (!have.Executors.SetEquals(want.Executors))
            {
                changes.Add("executorIds");
            }

            return changes;
        }

        /// <summary>The to-do of a key: known in this run, else GET …/tasks/sources/{sourceId}; null when there is none.</summary>
        private Todo Find(string key)
        {
            if (_byKey.TryGetValue(key, out Todo known))
            {
                return known;
            }

            Todo found = Lookup(key);
            if (found != null)
            {
                _byKey[key] = found;
            }

            return found;
        }

        private Todo Lookup(string key)
        {
            try
            {
                JsonElement root = _client.CallNew(HttpMethod.Get, TasksPath + "/sources/" + Uri.EscapeDataString(key), null, CallKind.Read, "todo GetTodoTaskBySourceId", TodoRead);
                return string.IsNullOrEmpty(root.Str("id")) ? null : Todo.FromJson(root, key);
            }
            catch (ServiceError error) when (DingTalkClient.IsNotFound(error))
            {
                return null;
            }
            catch (ServiceError error)
            {
                throw WorkplaceProblems.CallFailed(WorkplacePlatform.DingTalk, "todo GetTodoTaskBySourceId", error.Code, error.Detail, key);
            }
        }

        /// <summary>
        /// POST …/tasks?operatorId=. A "task exist" answer (when the organisation keeps source ids unique) or a lock
        /// error means a to-do of this source id is there or being made: it is looked up, not made again. A lost
        /// answer is settled the same way before the create is sent again.
        /// </summary>
        private Todo Create(Todo desired, out bool alreadyThere)
        {
            alreadyThere = false;
            var body = new Dictionary<string, object>
            {
                ["sourceId"] = desired.Key,
                ["subject"] = desired.Subject,
                ["description"] = desired.Description,
                ["creatorId"] = _operatorUnionId,
                ["executorIds"] = desired.Executors.OrderBy(e => e, StringComparer.Ordinal).ToArray(),
                ["participantIds"] = Array.Empty<string>(),
                ["isOnlyShowExecutor"] = false,
            };
            if (desired.DueTime.HasValue)
            {
                body["dueTime"] = desired.DueTime.Value;
            }

            string path = TasksPath + "?operatorId=" + Uri.EscapeDataString(_operatorUnionId);
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    JsonElement root = _client.CallNew(HttpMethod.Post, path, body, CallKind.Create, "todo CreateTodoTask", TodoWrite);
                    desired.Id = root.Str("id");
                    _byKey[desired.Key] = desired;
                    return desired;
                }
                catch (ServiceError error) when (IsTaskExist(error))
                {
                    _log?.Invoke("DingTalk: a to-do of source id '" + desired.Key + "' exists already (" + error.Code + "): looking it up");
                    Todo there = Lookup(desired.Key);
                    if (there != null)
                    {
                        _byKey[desired.Key] = there;
                        alreadyThere = true;
                        return there;
                    }

                    throw WorkplaceProblems.CallFailed(WorkplacePlatform.DingTalk, "todo CreateTodoTask", error.Code, error.Detail, desired.Key);
                }
                catch (ServiceError error) when (error.Code != null && error.Code.IndexOf("lockError", StringComparison.OrdinalIgnoreCase) >= 0 && attempt < WorkplaceHttp.MaxAttempts)
                {
                    // 创建待办根据sourceId加锁失败: another create of this source id is under way.
                    _client.Http.Wait(WorkplaceHttp.Backoff(attempt), "DingTalk " + error.Code);
                    Todo there = Lookup(desired.Key);
                    if (there != null)
                    {
                        _byKey[desired.Key] = there;
                        alreadyThere = Differences(there, desired).Count > 0;
                        return there;
                    }
                }
                catch (ServiceError error)
                {
                    throw WorkplaceProblems.CallFailed(WorkplacePlatform.DingTalk, "todo CreateTodoTask", error.Code, error.Detail, desired.Key);
                }
                catch (OutcomeUnknownException ex)
                {
                    _log?.Invoke("create of '" + desired.Key + "' may or may not have happened (" + ex.Message + "): looking it up by its source id");
                    _client.Http.Wait(ex.RetryAfter ?? WorkplaceHttp.Backoff(attempt), "before looking it up");
                    Todo made = Lookup(desired.Key);
                    if (made != null)
                    {
                        _log?.Invoke("it had: to-do " + made.Id);
                        _byKey[desired.Key] = made;
                        alreadyThere = Differences(made, desired).Count > 0;
                        return made;
                    }

                    if (attempt >= WorkplaceHttp.MaxAttempts)
                    {
                        throw WorkplaceProblems.Unreachable(WorkplacePlatform.DingTalk, "todo CreateTodoTask", ex.Message);
                    }
                }
            }
        }

        private static bool IsTaskExist(ServiceError error)
        {
            string text = (error.Code + " " + error.Detail).ToLowerInvariant();
            return text.Contains("task exist") || text.Contains("已存在");
        }

        /// <summary>PUT …/tasks/{id}?operatorId= with the changed fields only; done is never sent (a to-do is never reopened).</summary>
        private void Update(Todo existing, Todo desired, IReadOnlyCollection<string> changes)
        {
            var body = new Dictionary<string, object>();
            if (changes.Contains("subject"))
            {
                body["subject"] = desired.Subject;
            }

            if (changes.Contains("description"))
            {
                body["description"] = desired.Description;
            }

            if (changes.Contains("dueTime") && desired.DueTime.HasValue)
            {
                body["dueTime"] = desired.DueTime.Value;
            }

            if (changes.Contains("executorIds"))
            {
                body["executorIds"] = desired.Executors.OrderBy(e => e, StringComparer.Ordinal).ToArray();
            }

            try
            {
                _client.CallNew(HttpMethod.Put, TasksPath + "/" + Uri.EscapeDataString(existing.Id) + "?operatorId=" + Uri.EscapeDataString(_operatorUnionId), body, CallKind.Update, "todo UpdateTodoTask", TodoWrite);
            }
            catch (ServiceError error)
            {
                throw WorkplaceProblems.CallFailed(WorkplacePlatform.DingTalk, "todo UpdateTodoTask", error.Code, error.Detail, desired.Key);
            }

            desired.Id = existing.Id;
            desired.Done = existing.Done;
            _byKey[desired.Key] = desired;
        }

        /// <summary>
        /// One work notification per owner (topapi/message/corpconversation/asyncsend_v2, as the app) listing what was
        /// created or changed for them in this run; a refusal is a line for the caller to warn about, never a failed item.
        /// </summary>
        public IReadOnlyList<string> SendNotices()
        {
            var failures = new List<string>();
            foreach ((WorkplaceUser user, string text) in _notices.Messages(WeCom.WeComPublisher.DefaultCalendarName, 1800))
            {
                var body = new Dictionary<string, object>
                {
                    ["agent_id"] = Connection.AgentId,
                    ["userid_list"] = user.UserId,
                    ["msg"] = new Dictionary<string, object> { ["msgtype"] = "text", ["text"] = new Dictionary<string, object> { ["content"] = text } },
                };
                Notice.Send(failures, user, text, () =>
                {
                    _client.CallOld("topapi/message/corpconversation/asyncsend_v2", body, CallKind.Message, "asyncsend_v2", NotifyPermission);
                    return null;
                });
            }

            return failures;
        }

        /// <summary>What the module knows of a to-do.</summary>
        private sealed class Todo
        {
            internal string Id { get; set; }

            internal string Key { get; set; }

            internal string Subject { get; set; }

            internal string Description { get; set; }

            internal long? DueTime { get; set; }

            internal bool Done { get; set; }

            internal HashSet<string> Executors { get; set; }

            internal static Todo FromJson(JsonElement t, string key) => new Todo
            {
                Id = t.Str("id"),
                Key = key,
                Subject = t.Str("subject") ?? string.Empty,
                Description = t.Str("description") ?? string.Empty,
                DueTime = t.Long("dueTime"),
                Done = t.Bool("done") ?? false,
                Executors = new HashSet<string>(t.Arr("executorIds").Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()), StringComparer.Ordinal),
            };
        }
    }
}
