using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ComplianceTools.Tests.Workplace.Fake
{
    /// <summary>
    /// A fake WeCom server API (qyapi.weixin.qq.com/cgi-bin) on 127.0.0.1, speaking the documented request and
    /// answer shapes and modelling its traps (see /work/notes/workplace-api.md, part C):
    /// errors as HTTP 200 with errcode; the token in the query, expiring by time or early (42001/40014);
    /// rate limits (45009), concurrency (45033), system busy (-1), untrusted IP (60020); calendars the app made
    /// and no call that lists them; whole-day schedules with reminder validation (the range -604800..86399, or in
    /// strict mode WeCom's fixed list); schedule/update as an overwrite (attendees replaced unless
    /// skip_attendees); cancelled schedules still listed with status 1; pages that end with an empty list;
    /// user lookups by mobile and e-mail limited to the app's visible range; app messages with invaliduser,
    /// 81013 and the silent drop past 30 a minute per member; the group robot webhook (key, 4096 bytes, 20 a minute).
    /// </summary>
    public sealed class FakeWeCom : FakeService
    {
        public const string CorpId = "ww7c2e4d0b5a1f3e9d";
        public const long AgentId = 1000002;
        private static readonly int[] s_fixedReminders = { -604800, -172800, -86400, -3600, -900, -300, 0, 32400 };
        private readonly Dictionary<string, DateTimeOffset> _tokens = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private readonly List<User> _users = new List<User>();
        private readonly Dictionary<string, JsonObject> _calendars = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        private readonly List<JsonObject> _schedules = new List<JsonObject>();
        private readonly List<Message> _messages = new List<Message>();
        private readonly List<string> _robot = new List<string>();
        private int _ids;
        private int _tokenRequests;

        /// <summary>The app's secret (the fake refuses any other with 40001).</summary>
        public string Secret { get; private set; } = "Wc-secret-" + Guid.NewGuid().ToString("N");

        /// <summary>What an admin does in the console: resets the app's secret; every token of the old one stops working.</summary>
        public void RotateSecret()
        {
            lock (Gate)
            {
                Secret = "Wc-secret-" + Guid.NewGuid().ToString("N");
                foreach (string token in _tokens.Keys.ToList())
                {
                    _tokens[token] = DateTimeOffset.MinValue;
                }
            }
        }

        /// <summary>Every access token the fake has handed out.</summary>
        public IReadOnlyList<string> IssuedTokens()
        {
            lock (Gate)
            {
                return _tokens.Keys.ToList();
            }
        }

        /// <summary>The group robot's key (in the webhook address).</summary>
        public string RobotKey { get; } = "robot-key-" + Guid.NewGuid().ToString("N");

        /// <summary>Seconds a token lives (expires_in).</summary>
        public int TokenLifetime { get; set; } = 7200;

        /// <summary>What an early-expired token is answered with: 42001, or 40014 (both happen).</summary>
        public long ExpiredCode { get; set; } = 42001;

        /// <summary>What a user lookup of an unknown mobile or mail answers: 46004 or 60111 (not documented which).</summary>
        public long UnknownUserCode { get; set; } = 46004;

        /// <summary>Accept only WeCom's fixed reminder list (-604800, -172800, -86400, -3600, -900, -300, 0, 32400), not the whole documented range.</summary>
        public bool StrictReminders { get; set; }

        /// <summary>Members disabled after they were looked up: a message to them is refused as to no member.</summary>
        public ISet<string> Disabled { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The most schedules a page of get_by_calendar holds, whatever limit is asked.</summary>
        public int PageLimit { get; set; } = 1000;

        public int TokenRequests => _tokenRequests;

        public Uri Webhook => new Uri(Endpoint, "cgi-bin/webhook/send?key=" + RobotKey);

        public override IEnumerable<Call> Writes => Calls.Where(c => c.Path.EndsWith("/add", StringComparison.Ordinal) || c.Path.EndsWith("/update", StringComparison.Ordinal) || c.Path.EndsWith("/del", StringComparison.Ordinal) || c.Path.EndsWith("message/send", StringComparison.Ordinal) || c.Path.EndsWith("webhook/send", StringComparison.Ordinal));

        /// <summary>A member: userid, mobile, company mail, personal mail; outside the app's visible range when <paramref name="visible"/> is false.</summary>
        public string AddUser(string userId, string mobile = null, string mail = null, string personalMail = null, bool visible = true)
        {
            lock (Gate)
            {
                _users.Add(new User { UserId = userId, Mobile = mobile, Mail = mail, PersonalMail = personalMail, Visible = visible });
            }

            return userId;
        }

        /// <summary>A calendar the app made earlier (by hand in a test).</summary>
        public string AddCalendar(string summary)
        {
            lock (Gate)
            {
                string id = "wcjgewCwAA" + NewId();
                _calendars[id] = new JsonObject { ["cal_id"] = id, ["summary"] = summary, ["color"] = "#FF3030", ["description"] = string.Empty, ["admins"] = new JsonArray(), ["shares"] = new JsonArray() };
                return id;
            }
        }

        public IReadOnlyList<JsonObject> Calendars()
        {
            lock (Gate)
            {
                return _calendars.Values.Select(c => (JsonObject)c.DeepClone()).ToList();
            }
        }

        public void DeleteCalendar(string calId)
        {
            lock (Gate)
            {
                _calendars.Remove(calId);
                foreach (JsonObject s in _schedules.Where(s => s["cal_id"]!.GetValue<string>() == calId))
                {
                    s["status"] = 1;
                }
            }
        }

        /// <summary>The schedules of a calendar that are not cancelled.</summary>
        public IReadOnlyList<JsonObject> Schedules(string calId)
        {
            lock (Gate)
            {
                return _schedules.Where(s => s["cal_id"]!.GetValue<string>() == calId && s["status"]!.GetValue<int>() == 0).Select(s => (JsonObject)s.DeepClone()).ToList();
            }
        }

        /// <summary>What an admin does in the WeCom client: cancels a schedule (it stays readable with status 1).</summary>
        public void CancelSchedule(string scheduleId)
        {
            lock (Gate)
            {
                _schedules.First(s => s["schedule_id"]!.GetValue<string>() == scheduleId)["status"] = 1;
            }
        }

        /// <summary>App messages as delivered (or silently dropped).</summary>
        public IReadOnlyList<Message> Messages()
        {
            lock (Gate)
            {
                return _messages.ToList();
            }
        }

        /// <summary>Markdown texts the group robot posted.</summary>
        public IReadOnlyList<string> RobotMessages()
        {
            lock (Gate)
            {
                return _robot.ToList();
            }
        }

        protected override Reply Route(HttpContext ctx, string method, string path, string body, FaultKind? fault)
        {
            if (!path.StartsWith("/cgi-bin/", StringComparison.Ordinal))
            {
                return Reply.Html(404, "not found");
            }

            string api = path.Substring("/cgi-bin/".Length);
            if (api == "gettoken" && method == "GET")
            {
                return GetToken(ctx, fault);
            }

            if (api == "webhook/send" && method == "POST")
            {
                return Robot(ctx, body, fault);
            }

            string token = ctx.Request.Query["access_token"];
            if (string.IsNullOrEmpty(token))
            {
                return Error(41001, "access_token missing");
            }

            if (!_tokens.TryGetValue(token, out DateTimeOffset expires))
            {
                return Error(40014, "invalid access_token");
            }

            if (fault == FaultKind.ExpireToken || DateTimeOffset.UtcNow >= expires)
            {
                _tokens[token] = DateTimeOffset.MinValue;
                return Error(ExpiredCode, ExpiredCode == 42001 ? "access_token expired" : "invalid access_token");
            }

            switch (fault)
            {
                case FaultKind.RateLimit:
                    return Error(45009, "api freq out of limit");
                case FaultKind.Concurrency:
                    return Error(45033, "api concurrent out of limit");
                case FaultKind.SystemBusy:
                    return Error(-1, "system busy");
                case FaultKind.IpNotAllowed:
                    return Error(60020, "not allow to access from your ip");
            }

            if (method != "POST")
            {
                return Reply.Html(404, "not found");
            }

            JsonObject input;
            try
            {
                input = string.IsNullOrEmpty(body) ? new JsonObject() : JsonNode.Parse(body)!.AsObject();
            }
            catch (System.Text.Json.JsonException)
            {
                return Error(47001, "data format error. Warning: wrong json format.");
            }

            switch (api)
            {
                case "user/getuserid":
                    return Lookup(_users.FirstOrDefault(u => u.Mobile != null && u.Mobile == Str(input, "mobile")));
                case "user/get_userid_by_email":
                    int type = Int(input, "email_type") ?? 1;
                    string mail = Str(input, "email");
                    return Lookup(_users.FirstOrDefault(u => string.Equals(type == 2 ? u.PersonalMail : u.Mail, mail, StringComparison.OrdinalIgnoreCase) && mail != null));
                case "oa/calendar/add":
                    return AddCalendar(input);
                case "oa/calendar/get":
                    var list = new JsonArray();
                    foreach (JsonNode id in input["cal_id_list"]?.AsArray() ?? new JsonArray())
                    {
                        if (_calendars.TryGetValue(id!.GetValue<string>(), out JsonObject cal))
                        {
                            list.Add(cal.DeepClone());
                        }
                    }

                    return Ok(new JsonObject { ["calendar_list"] = list });
                case "oa/schedule/add":
                    return AddSchedule(input);
                case "oa/schedule/update":
                    return UpdateSchedule(input);
                case "oa/schedule/get_by_calendar":
                    return ByCalendar(input);
                case "oa/schedule/get":
                    var found = new JsonArray();
                    foreach (JsonNode id in input["schedule_id_list"]?.AsArray() ?? new JsonArray())
                    {
                        JsonObject s = _schedules.FirstOrDefault(x => x["schedule_id"]!.GetValue<string>() == id!.GetValue<string>());
                        if (s != null)
                        {
                            found.Add(s.DeepClone());
                        }
                    }

                    return Ok(new JsonObject { ["schedule_list"] = found });
                case "message/send":
                    return Send(input);
                default:
                    // No oa/calendar/list (WeCom cannot list an app's calendars) nor to-do create/list: not found.
                    return Reply.Html(404, "<html><body>404 Not Found</body></html>");
            }
        }

        private Reply GetToken(HttpContext ctx, FaultKind? fault)
        {
            _tokenRequests++;
            if (fault == FaultKind.IpNotAllowed)
            {
                return Error(60020, "not allow to access from your ip");
            }

            if (fault == FaultKind.RateLimit)
            {
                return Error(45009, "api freq out of limit");
            }

            if (ctx.Request.Query["corpid"] != CorpId)
            {
                return Error(40013, "invalid corpid");
            }

            if (ctx.Request.Query["corpsecret"] != Secret)
            {
                return Error(40001, "invalid credential");
            }

            string token = "wecom-token-" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
            _tokens[token] = DateTimeOffset.UtcNow.AddSeconds(TokenLifetime);
            return Ok(new JsonObject { ["access_token"] = token, ["expires_in"] = TokenLifetime });
        }

        private Reply Lookup(User user)
        {
            if (user == null)
            {
                return Error(UnknownUserCode, UnknownUserCode == 46004 ? "user no exist" : "invalid userid");
            }

            return user.Visible ? Ok(new JsonObject { ["userid"] = user.UserId }) : Error(60011, "no privilege to access/modify contact/party/agent");
        }

        private Reply AddCalendar(JsonObject input)
        {
            JsonObject calendar = input["calendar"] as JsonObject;
            string summary = calendar == null ? null : Str(calendar, "summary");
            string color = calendar == null ? null : Str(calendar, "color");
            if (string.IsNullOrEmpty(summary) || summary.Length > 128 || color == null || !System.Text.RegularExpressions.Regex.IsMatch(color, "^#[0-9A-Fa-f]{6}$"))
            {
                return Error(40058, "invalid Request Parameter");
            }

            string id = "wcjgewCwAA" + NewId();
            var stored = new JsonObject { ["cal_id"] = id, ["summary"] = summary, ["color"] = color, ["description"] = Str(calendar, "description") ?? string.Empty, ["admins"] = new JsonArray(), ["shares"] = new JsonArray() };
            _calendars[id] = stored;
            var failed = new JsonArray();
            foreach (JsonNode share in calendar["shares"]?.AsArray() ?? new JsonArray())
            {
                string user = share!["userid"]?.GetValue<string>();
                if (!_users.Any(u => u.UserId == user && u.Visible))
                {
                    // Partial success: the calendar is made, the unknown member is reported.
                    failed.Add(new JsonObject { ["errcode"] = 40001, ["errmsg"] = "not found", ["userid"] = user });
                }
            }

            return Ok(new JsonObject { ["cal_id"] = id, ["fail_result"] = new JsonObject { ["shares"] = failed } });
        }

        private string Check(JsonObject schedule)
        {
            long? start = Long(schedule, "start_time");
            long? end = Long(schedule, "end_time");
            if (start == null || end == null || end - start < 10)
            {
                return "missing paramters start_time";
            }

            int wholeDay = Int(schedule, "is_whole_day") ?? 0;
            if (wholeDay != 0 && wholeDay != 1)
            {
                return "invalid is_whole_day";
            }

            if ((Str(schedule, "summary") ?? string.Empty).Length > 128 || (Str(schedule, "description") ?? string.Empty).Length > 1000)
            {
                return "summary or description too long";
            }

            if (schedule["reminders"] is JsonObject reminders)
            {
                foreach (JsonNode diff in reminders["remind_time_diffs"]?.AsArray() ?? new JsonArray())
                {
                    int d = diff!.GetValue<int>();
                    if (d < -604800 || d > 86399 || (StrictReminders && !s_fixedReminders.Contains(d)))
                    {
                        return "invalid remind_time_diffs";
                    }
                }

                int? before = Int(reminders, "remind_before_event_secs");
                if (before != null && !new[] { 0, 300, 900, 3600, 86400 }.Contains(before.Value))
                {
                    return "invalid remind_before_event_secs";
                }
            }

            return null;
        }

        private string Attendees(JsonObject schedule)
        {
            foreach (JsonNode a in schedule["attendees"]?.AsArray() ?? new JsonArray())
            {
                string user = a!["userid"]?.GetValue<string>();
                if (!_users.Any(u => string.Equals(u.UserId, user, StringComparison.OrdinalIgnoreCase) && u.Visible))
                {
                    return user;
                }
            }

            return null;
        }

        private Reply AddSchedule(JsonObject input)
        {
            if (input["schedule"] is not JsonObject schedule)
            {
                return Error(40058, "missing schedule");
            }

            string calId = Str(schedule, "cal_id");
            if (calId == null || !_calendars.ContainsKey(calId))
            {
                return Error(40058, "invalid cal_id");
            }

            string problem = Check(schedule);
            if (problem != null)
            {
                return Error(40058, problem);
            }

            string bad = Attendees(schedule);
            if (bad != null)
            {
                return Error(40003, "invalid userid " + bad);
            }

            string id = "17c7d2bd" + NewId();
            var stored = (JsonObject)schedule.DeepClone();
            stored["schedule_id"] = id;
            stored["status"] = 0;
            stored["sequence"] = 1;
            stored["attendees"] = new JsonArray((schedule["attendees"]?.AsArray() ?? new JsonArray()).Select(a => (JsonNode)new JsonObject { ["userid"] = a!["userid"]!.GetValue<string>(), ["response_status"] = 0 }).ToArray());
            _schedules.Add(stored);
            return Ok(new JsonObject { ["schedule_id"] = id });
        }

        private Reply UpdateSchedule(JsonObject input)
        {
            if (input["schedule"] is not JsonObject schedule)
            {
                return Error(40058, "missing schedule");
            }

            JsonObject stored = _schedules.FirstOrDefault(s => s["schedule_id"]!.GetValue<string>() == Str(schedule, "schedule_id") && s["status"]!.GetValue<int>() == 0);
            if (stored == null)
            {
                return Error(40058, "invalid schedule_id");
            }

            if (Str(schedule, "cal_id") is string cal && cal != stored["cal_id"]!.GetValue<string>())
            {
                return Error(40058, "cal_id can not be updated");
            }

            string problem = Check(schedule);
            if (problem != null)
            {
                return Error(40058, problem);
            }

            bool skipAttendees = (Int(input, "skip_attendees") ?? 0) == 1;
            if (!skipAttendees)
            {
                string bad = Attendees(schedule);
                if (bad != null)
                {
                    return Error(40003, "invalid userid " + bad);
                }
            }

            // An overwrite, not a merge: what is not sent is gone (attendees too, unless skip_attendees).
            var replaced = new JsonObject
            {
                ["schedule_id"] = stored["schedule_id"]!.GetValue<string>(),
                ["cal_id"] = stored["cal_id"]!.GetValue<string>(),
                ["status"] = 0,
                ["sequence"] = stored["sequence"]!.GetValue<int>() + 1,
            };
            foreach (string field in new[] { "start_time", "end_time", "is_whole_day", "summary", "description", "reminders", "location", "admins" })
            {
                if (schedule[field] != null)
                {
                    replaced[field] = schedule[field]!.DeepClone();
                }
            }

            replaced["attendees"] = skipAttendees
                ? stored["attendees"]!.DeepClone()
                : new JsonArray((schedule["attendees"]?.AsArray() ?? new JsonArray()).Select(a => (JsonNode)new JsonObject { ["userid"] = a!["userid"]!.GetValue<string>(), ["response_status"] = 0 }).ToArray());
            _schedules[_schedules.IndexOf(stored)] = replaced;
            return Ok(new JsonObject { ["schedule_id"] = replaced["schedule_id"]!.GetValue<string>() });
        }

        private Reply ByCalendar(JsonObject input)
        {
            string calId = Str(input, "cal_id");
            int offset = Int(input, "offset") ?? 0;
            int limit = Int(input, "limit") ?? 500;
            if (calId == null || !_calendars.ContainsKey(calId))
            {
                return Error(40058, "invalid cal_id");
            }

            if (limit < 1 || limit > 1000)
            {
                return Error(40058, "invalid limit");
            }

            // Cancelled schedules are listed too (status 1); an offset past the end gives an empty list, no total.
            var page = _schedules.Where(s => s["cal_id"]!.GetValue<string>() == calId).Skip(offset).Take(Math.Min(limit, PageLimit)).Select(s => (JsonNode)s.DeepClone()).ToArray();
            return Ok(new JsonObject { ["schedule_list"] = new JsonArray(page) });
        }

        private Reply Send(JsonObject input)
        {
            if (Long(input, "agentid") != AgentId)
            {
                return Error(40056, "invalid agentid");
            }

            string type = Str(input, "msgtype");
            string content = input[type ?? string.Empty]?["content"]?.GetValue<string>();
            if (string.IsNullOrEmpty(content))
            {
                return Error(44004, "empty content");
            }

            if (Encoding.UTF8.GetByteCount(content) > 2048)
            {
                return Error(45002, "content size out of limit");
            }

            bool dedupe = (Int(input, "enable_duplicate_check") ?? 0) == 1;
            int interval = Int(input, "duplicate_check_interval") ?? 1800;
            var invalid = new List<string>();
            int delivered = 0;
            foreach (string to in (Str(input, "touser") ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                User user = _users.FirstOrDefault(u => string.Equals(u.UserId, to, StringComparison.OrdinalIgnoreCase));
                if (user == null || !user.Visible || Disabled.Contains(user.UserId))
                {
                    invalid.Add(to.ToLowerInvariant());
                    continue;
                }

                DateTimeOffset now = DateTimeOffset.UtcNow;
                var message = new Message(user.UserId, type, content, now);
                if (dedupe && _messages.Any(m => m.ToUser == user.UserId && m.Content == content && m.Delivered && now - m.At < TimeSpan.FromSeconds(interval)))
                {
                    message.Reason = "duplicate";
                }
                else if (_messages.Count(m => m.ToUser == user.UserId && m.Delivered && now - m.At < TimeSpan.FromMinutes(1)) >= 30)
                {
                    // 超过部分会被丢弃不下发: answered as success, never delivered.
                    message.Reason = "dropped: over 30 a minute";
                }
                else
                {
                    message.Delivered = true;
                    delivered++;
                }

                _messages.Add(message);
            }

            if (delivered == 0 && invalid.Count > 0 && invalid.Count == (Str(input, "touser") ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries).Length)
            {
                return Error(81013, "user & party & tag all invalid");
            }

            return Ok(new JsonObject { ["invaliduser"] = string.Join("|", invalid), ["invalidparty"] = string.Empty, ["invalidtag"] = string.Empty, ["unlicenseduser"] = string.Empty, ["msgid"] = "msg" + NewId(), ["response_code"] = "code" + NewId() });
        }

        private Reply Robot(HttpContext ctx, string body, FaultKind? fault)
        {
            if (ctx.Request.Query["key"] != RobotKey)
            {
                return Error(93000, "invalid webhook url");
            }

            if (fault == FaultKind.RateLimit || _robotTimes.Count(t => DateTimeOffset.UtcNow - t < TimeSpan.FromMinutes(1)) >= 20)
            {
                return Error(45009, "api freq out of limit");
            }

            JsonObject input = JsonNode.Parse(body)!.AsObject();
            string content = input["markdown"]?["content"]?.GetValue<string>() ?? input["text"]?["content"]?.GetValue<string>();
            if (content == null)
            {
                return Error(40008, "invalid message type");
            }

            if (Encoding.UTF8.GetByteCount(content) > 4096)
            {
                return Error(40058, "markdown.content exceed max length 4096. invalid Request Parameter");
            }

            _robotTimes.Add(DateTimeOffset.UtcNow);
            _robot.Add(content);
            return Ok(new JsonObject());
        }

        private readonly List<DateTimeOffset> _robotTimes = new List<DateTimeOffset>();

        private string NewId() => (++_ids).ToString("D6", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N").Substring(0, 6);

        private static Reply Ok(JsonObject json)
        {
            var answer = new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" };
            foreach (KeyValuePair<string, JsonNode> p in json.ToList())
            {
                json.Remove(p.Key);
                answer[p.Key] = p.Value;
            }

            return Reply.Ok(answer);
        }

        /// <summary>An error as WeCom answers every error: HTTP 200, a non-zero errcode, an errmsg with a hint and the source address.</summary>
        private static Reply Error(long errcode, string message) =>
            Reply.Ok(new JsonObject { ["errcode"] = errcode, ["errmsg"] = message + ", hint: [" + DateTimeOffset.UtcNow.ToUnixTimeSeconds() + "_12_" + Guid.NewGuid().ToString("N").Substring(0, 12) + "], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=" + errcode });

        private static string Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue(out string s) ? s : null;

        private static long? Long(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue(out long n) ? n : (long?)null;

        private static int? Int(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue(out int n) ? n : (int?)null;

        private sealed class User
        {
            public string UserId { get; set; }

            public string Mobile { get; set; }

            public string Mail { get; set; }

            public string PersonalMail { get; set; }

            public bool Visible { get; set; }
        }

        public sealed class Message
        {
            public Message(string toUser, string type, string content, DateTimeOffset at)
            {
                ToUser = toUser;
                Type = type;
                Content = content;
                At = at;
            }

            public string ToUser { get; }

            public string Type { get; }

            public string Content { get; }

            public DateTimeOffset At { get; }

            public bool Delivered { get; set; }

            public string Reason { get; set; }
        }
    }
}
