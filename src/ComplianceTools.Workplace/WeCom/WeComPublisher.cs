using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Resources;
using ComplianceTools.Workplace.Connection;
using ComplianceTools.Workplace.Http;
using ComplianceTools.Workplace.Owners;

namespace ComplianceTools.Workplace.WeCom
{
    /// <summary>
    /// Plan items as WeCom schedules (日程), exactly once. WeCom's server API can read and update to-dos (待办)
    /// but not create or list them, so each item becomes a whole-day schedule on its due date, in a calendar the
    /// module creates once (its id kept in <see cref="CalendarState"/>, since WeCom cannot list an app's
    /// calendars), with its owners as attendees, reminders the day before at 09:00 and on the morning at 09:00
    /// (China time), and the key in the last line of the description. The calendar's schedules are read once
    /// per run (oa/schedule/get_by_calendar, cancelled ones set aside); an item whose key is there is left alone
    /// when nothing differs, else updated in place (schedule/update overwrites, so the whole schedule is sent).
    /// A create whose answer was lost is checked by reading the calendar again before it is sent again. Owners
    /// get an app message when an item is created or its due date or owners change.
    /// </summary>
    public sealed partial class WeComPublisher : ITaskPublisher, INotifyingPublisher
    {
        internal const string DefaultCalendarName = "年检整改";
        internal const int MaxSummary = 128;
        internal const int MaxDescription = 1000;
        internal const string CalendarPermission = "「协作」→「日程」→「可调用接口的应用」 includes the app";
        internal const string MessagePermission = "owners inside the app's visible range (可见范围)";

        /// <summary>Reminders of a whole-day schedule, as offsets from its start (00:00): the day before at 09:00, the day itself at 09:00.</summary>
        internal static readonly int[] Reminders = { -54000, 32400 };

        /// <summary>The fallback when WeCom accepts only its fixed reminder list (1 day before, the day at 09:00).</summary>
        internal static readonly int[] FixedListReminders = { -86400, 32400 };

        private readonly WeComClient _client;
        private readonly WorkplaceUserResolver _owners;
        private readonly string _calendarName;
        private readonly Action<string> _log;
        private readonly Action<string> _warn;
        private readonly Dictionary<string, Schedule> _byKey = new Dictionary<string, Schedule>(StringComparer.Ordinal);
        private readonly Notices _notices = new Notices();
        private string _calendarId;
        private bool _prepared;
        private bool _declined;
        private int[] _reminders = Reminders;

        public WeComPublisher(WorkplaceConnection connection, string calendarName, string calendarId, ContactBook contacts, Action<string> log, Action<string> warn, CancellationToken cancellation)
        {
            _client = connection.WeCom(log, cancellation);
            _owners = new WorkplaceUserResolver(_client, contacts);
            _calendarName = string.IsNullOrWhiteSpace(calendarName) ? DefaultCalendarName : calendarName.Trim();
            _calendarId = string.IsNullOrWhiteSpace(calendarId) ? null : calendarId.Trim();
            _log = log;
            _warn = warn;
            GivenCalendarId = _calendarId != null;
        }

        /// <summary>The calendar the schedules go in (known after the first item).</summary>
        public string CalendarId => _calendarId;

        private bool GivenCalendarId { get; }

        private WorkplaceConnection Connection => _client.Connection;

        public PublishOutcome Publish(PlanItem item, Func<string, string, bool> shouldProcess)
        {
            string owners = TaskKey.Owners(item, masked: true);
            try
            {
                if (!Prepare(shouldProcess))
                {
                    return new PublishOutcome(null, null);
                }

                if (!item.DueDate.HasValue)
                {
                    throw WorkplaceProblems.Fail("DueDateRequired", ProblemKind.InvalidData, Text.Format(nameof(Strings.WorkplaceDueDateRequired), item.Key), item.Key);
                }

                List<WorkplaceUser> users = item.Owners.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => _owners.Resolve(o, item.Key)).ToList();
                Schedule desired = Desire(item, users);
                string note = users.Count == 0 ? Text.Get(nameof(Strings.WorkplaceNoOwner)) : null;
                if (!_byKey.TryGetValue(item.Key, out Schedule existing))
                {
                    if (!shouldProcess(item.Title, Text.Format(nameof(Strings.WorkplaceActionCreateSchedule), Day(desired), _calendarName)))
                    {
                        return new PublishOutcome(null, null);
                    }

                    Schedule created = Create(desired);
                    note = Notices.Join(note, _notices.Tell(users, nameof(Strings.WorkplaceNoticeNew), item.Title, Day(desired)));
                    return Done(item, PublishAction.Created, created.Id, owners, note);
                }

                List<string> changes = Differences(existing, desired);
                if (changes.Count == 0)
                {
                    return Done(item, PublishAction.Unchanged, existing.Id, owners, note);
                }

                if (!shouldProcess(item.Title, Text.Format(nameof(Strings.WorkplaceActionUpdateSchedule), existing.Id, string.Join(", ", changes))))
                {
                    return new PublishOutcome(null, null);
                }

                bool attendeesChanged = changes.Contains("attendees");
                Update(existing, desired, attendeesChanged);
                string message = string.Join(", ", changes);
                if (changes.Contains("date") || attendeesChanged)
                {
                    message = Notices.Join(message, _notices.Tell(users, nameof(Strings.WorkplaceNoticeChanged), item.Title, Day(desired)));
                }

                return Done(item, PublishAction.Updated, existing.Id, owners, Notices.Join(message, note));
            }
            catch (ComplianceException ex) when (!WorkplaceProblems.StopsRun(ex.Problem))
            {
                string id = _byKey.TryGetValue(item.Key ?? string.Empty, out Schedule s) ? s.Id : null;
                var result = new TaskPublishResult(item.Key, item.Title, PublishAction.Failed, id, owners, item.DueMoment(), PublishTarget.WeCom, ex.Problem.Message);
                return new PublishOutcome(result, ex.Problem);
            }
        }

        private static PublishOutcome Done(PlanItem item, PublishAction action, string id, string owners, string message) =>
            new PublishOutcome(new TaskPublishResult(item.Key, item.Title, action, id, owners, item.DueMoment(), PublishTarget.WeCom, message), null);

        private static string Day(Schedule s) => DueDates.ChinaDay(DateTimeOffset.FromUnixTimeSeconds(s.StartTime)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>The calendar (given, kept, or created once) and its schedules. False under -WhatIf when the calendar would have to be created.</summary>
        private bool Prepare(Func<string, string, bool> shouldProcess)
        {
            if (_prepared || _declined)
            {
                return _prepared;
            }

            if (_calendarId != null)
            {
                if (!CalendarExists(_calendarId))
                {
                    throw WorkplaceProblems.Fail("CalendarNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.WorkplaceCalendarNotFound), _calendarId), _calendarId);
                }
            }
            else
            {
                string kept = CalendarState.Find(Connection.StateFile, Connection.CorpId, Connection.AgentId, _calendarName);
                if (kept != null && CalendarExists(kept))
                {
                    _calendarId = kept;
                }
                else
                {
                    if (kept != null)
                    {
                        _warn?.Invoke(Text.Format(nameof(Strings.WorkplaceCalendarGone), _calendarName, kept, Connection.StateFile));
                    }

                    if (!shouldProcess(_calendarName, Text.Format(nameof(Strings.WorkplaceActionCreateCalendar))))
                    {
                        _declined = true;
                        return false;
                    }

                    _calendarId = CreateCalendar();
                    CalendarState.Save(Connection.StateFile, Connection.CorpId, Connection.AgentId, _calendarName, _calendarId);
                }
            }

            foreach (Schedule schedule in ReadSchedules())
            {
                if (schedule.Key != null && !_byKey.ContainsKey(schedule.Key))
                {
                    _byKey[schedule.Key] = schedule;
                }
            }

            _prepared = true;
            return true;
        }

        /// <summary>
        /// oa/calendar/get: true when the calendar is listed. An empty list is "gone"; an errcode is not taken as
        /// gone (that would make a second calendar and every schedule again) but stops the run naming the calendar.
        /// </summary>
        private bool CalendarExists(string calendarId)
        {
            try
            {
                JsonElement root = _client.Post("oa/calendar/get", new Dictionary<string, object> { ["cal_id_list"] = new[] { calendarId } }, CallKind.Read, "oa/calendar/get", CalendarPermission);
                return root.Arr("calendar_list").Any(c => c.Str("cal_id") == calendarId);
            }
            catch (ServiceError error)
            {
                throw WorkplaceProblems.Fail("CalendarNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.WorkplaceCalendarUnreadable), calendarId, "errcode " + error.Code, error.Detail, Connection.StateFile), calendarId);
            }
        }

        /// <summary>oa/calendar/add. No call lists calendars, so a lost answer cannot be checked: it is sent once more and the user warned that an empty calendar may be left.</summary>
        private string CreateCalendar()
        {
            var body = new Dictionary<string, object>
            {
                ["calendar"] = new Dictionary<string, object>
                {
                    ["summary"] = Notice.Cut(_calendarName, MaxSummary),
                    ["color"] = "#D32F2F",
                    ["description"] = Notice.Format(Notice.Chinese, nameof(Strings.WeComCalendarDescription)),
                },
            };
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    JsonElement root = _client.Post("oa/calendar/add", body, CallKind.Create, "oa/calendar/add", CalendarPermission);
                    string id = root.Str("cal_id");
                    _log?.Invoke("created WeCom calendar " + id);
                    return id;
                }
                catch (OutcomeUnknownException ex) when (attempt < 2)
                {
                    _warn?.Invoke(Text.Format(nameof(Strings.WorkplaceCalendarMaybeTwice), _calendarName, ex.Message));
                    _client.Http.Wait(ex.RetryAfter ?? WorkplaceHttp.Backoff(attempt), "before creating the calendar again");
                }
                catch (OutcomeUnknownException ex)
                {
                    throw WorkplaceProblems.Unreachable(WorkplacePlatform.WeCom, "oa/calendar/add", ex.Message);
                }
                catch (ServiceError error)
                {
                    throw WorkplaceProblems.CallFailed(WorkplacePlatform.WeCom, "oa/calendar/add", "errcode " + error.Code, error.Detail, _calendarName);
                }
            }
        }

        /// <summary>
        /// Every schedule of the calendar, page by page (up to 1000 a page; the next offset is past what came, and
        /// an empty page ends it: WeCom gives no total). Cancelled schedules (status 1) are set aside.
        /// </summary>
        private List<Schedule> ReadSchedules()
        {
            var all = new List<Schedule>();
            for (int offset = 0; ; )
            {
                JsonElement root;
                try
                {
                    root = _client.Post("oa/schedule/get_by_calendar", new Dictionary<string, object> { ["cal_id"] = _calendarId, ["offset"] = offset, ["limit"] = 1000 }, CallKind.Read, "oa/schedule/get_by_calendar", CalendarPermission);
                }
                catch (ServiceError error)
                {
                    throw WorkplaceProblems.CallFailed(WorkplacePlatform.WeCom, "oa/schedule/get_by_calendar", "errcode " + error.Code, error.Detail, _calendarId);
                }

                List<JsonElement> page = root.Arr("schedule_list").ToList();
                if (page.Count == 0)
                {
                    return all;
                }

                offset += page.Count;
                all.AddRange(page.Where(s => (s.Long("status") ?? 0) != 1).Select(Schedule.FromJson));
            }
        }

        private Schedule Desire(PlanItem item, IReadOnlyList<WorkplaceUser> users)
        {
            string body = TaskKey.Normalize(item.Description).TrimEnd();
            var checklist = item.Checklist.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => "□ " + c.Trim()).ToList();
            if (checklist.Count > 0)
            {
                body = (body.Length > 0 ? body + "\n\n" : string.Empty) + string.Join("\n", checklist);
            }

            long start = DueDates.StartOfDay(item.DueDate.Value).ToUnixTimeSeconds();
            return new Schedule
            {
                Key = item.Key,
                Summary = Notice.Cut(item.Title ?? string.Empty, MaxSummary),
                Description = TaskKey.Compose(body, item.Key, MaxDescription),
                StartTime = start,
                EndTime = start + 86399,
                WholeDay = true,
                Attendees = new HashSet<string>(users.Select(u => u.UserId), StringComparer.OrdinalIgnoreCase),
            };
        }

        private static List<string> Differences(Schedule have, Schedule want)
        {
            var changes = new List<string>();
            if (!string.Equals(have.Summary, want.Summary, StringComparison.Ordinal))
            {
                changes.Add("summary");
            }

            if (!TaskKey.SameText(have.Description, want.Description))
            {
                changes.Add("description");
            }

            if (DueDates.ChinaDay(DateTimeOffset.FromUnixTimeSeconds(have.StartTime)) != DueDates.ChinaDay(DateTimeOffset.FromUnixTimeSeconds(want.StartTime)) || !have.WholeDay)
            {
                changes.Add("date");
            }

            if (!have.Attendees.SetEquals(want.Attendees))
            {
                changes.Add("attendees");
            }

            return changes;
        }

        private Dictionary<string, object> Body(Schedule s, bool withCalendar, bool withAttendees)
        {
            var schedule = new Dictionary<string, object>
            {
                ["start_time"] = s.StartTime,
                ["end_time"] = s.EndTime,
                ["is_whole_day"] = 1,
                ["summary"] = s.Summary,
                ["description"] = s.Description,
                ["reminders"] = new Dictionary<string, object> { ["is_remind"] = 1, ["remind_time_diffs"] = _reminders, ["timezone"] = 8 },
            };
            if (withAttendees)
            {
                schedule["attendees"] = s.Attendees.OrderBy(a => a, StringComparer.Ordinal).Select(a => new Dictionary<string, object> { ["userid"] = a }).ToArray();
            }

            if (withCalendar)
            {
                schedule["cal_id"] = _calendarId;
            }
            else
            {
                schedule["schedule_id"] = s.Id;
            }

            return new Dictionary<string, object> { ["schedule"] = schedule };
        }

        /// <summary>oa/schedule/add; after a lost answer the calendar is read again and the key looked for before the schedule is sent again.</summary>
        private Schedule Create(Schedule desired)
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    JsonElement root = WithReminderFallback(() => _client.Post("oa/schedule/add", Body(desired, withCalendar: true, withAttendees: true), CallKind.Create, "oa/schedule/add", CalendarPermission));
                    desired.Id = root.Str("schedule_id");
                    _byKey[desired.Key] = desired;
                    return desired;
                }
                catch (OutcomeUnknownException ex)
                {
                    _log?.Invoke("create of '" + desired.Key + "' may or may not have happened (" + ex.Message + "): reading the calendar");
                    _client.Http.Wait(ex.RetryAfter ?? WorkplaceHttp.Backoff(attempt), "before reading the calendar back");
                    Schedule made = ReadSchedules().FirstOrDefault(s => s.Key == desired.Key);
                    if (made != null)
                    {
                        _log?.Invoke("it had: schedule " + made.Id);
                        _byKey[desired.Key] = made;
                        return made;
                    }

                    if (attempt >= WorkplaceHttp.MaxAttempts)
                    {
                        throw WorkplaceProblems.Unreachable(WorkplacePlatform.WeCom, "oa/schedule/add", ex.Message);
                    }
                }
                catch (ServiceError error)
                {
                    throw WorkplaceProblems.CallFailed(WorkplacePlatform.WeCom, "oa/schedule/add", "errcode " + error.Code, error.Detail, desired.Key);
                }
            }
        }

        /// <summary>oa/schedule/update: an overwrite, so the whole schedule is sent; attendees only when they changed (skip_attendees otherwise).</summary>
        private void Update(Schedule existing, Schedule desired, bool attendeesChanged)
        {
            desired.Id = existing.Id;
            try
            {
                WithReminderFallback(() =>
                {
                    Dictionary<string, object> body = Body(desired, withCalendar: false, withAttendees: attendeesChanged);
                    body["skip_attendees"] = attendeesChanged ? 0 : 1;
                    return _client.Post("oa/schedule/update", body, CallKind.Update, "oa/schedule/update", CalendarPermission);
                });
            }
            catch (ServiceError error)
            {
                throw WorkplaceProblems.CallFailed(WorkplacePlatform.WeCom, "oa/schedule/update", "errcode " + error.Code, error.Detail, desired.Key);
            }

            desired.Attendees = attendeesChanged ? desired.Attendees : existing.Attendees;
            _byKey[desired.Key] = desired;
        }

        /// <summary>
        /// Sends with the preferred reminders (the day before at 09:00: -54000 s); when WeCom refuses them with
        /// 40058 (it may accept only its fixed list), sends again with one day before (-86400 s) and keeps that
        /// for the rest of the run. A 40058 means nothing was written, so sending again is safe.
        /// </summary>
        private JsonElement WithReminderFallback(Func<JsonElement> send)
        {
            try
            {
                return send();
            }
            catch (ServiceError error) when (error.Is("40058") && _reminders == Reminders)
            {
                _log?.Invoke("WeCom refused the reminder the day before at 09:00 (errcode 40058): using one day before");
                _reminders = FixedListReminders;
                return send();
            }
        }

        /// <summary>
        /// One app message per owner (message/send, text, duplicate check on) listing what was created or changed for
        /// them in this run. A refusal is a line for the caller to warn about, never a failed item (the schedules are there).
        /// </summary>
        public IReadOnlyList<string> SendNotices()
        {
            var failures = new List<string>();
            foreach ((WorkplaceUser user, string text) in _notices.Messages(_calendarName, 2000))
            {
                var body = new Dictionary<string, object>
                {
                    ["touser"] = user.UserId,
                    ["msgtype"] = "text",
                    ["agentid"] = Connection.AgentId,
                    ["text"] = new Dictionary<string, object> { ["content"] = text },
                    ["enable_duplicate_check"] = 1,
                    ["duplicate_check_interval"] = 1800,
                };
                Notice.Send(failures, user, text, () =>
                {
                    // WeCom answers errcode 0 and lists the people it could not reach: that is a refusal too.
                    JsonElement root = _client.Post("message/send", body, CallKind.Message, "message/send", MessagePermission);
                    return string.IsNullOrEmpty(root.Str("invaliduser")) ? null : "invaliduser";
                });
            }

            return failures;
        }
    }
}
