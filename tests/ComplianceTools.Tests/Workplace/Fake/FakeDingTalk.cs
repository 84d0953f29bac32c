using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ComplianceTools.Tests.Workplace.Fake
{
    /// <summary>
    /// A fake DingTalk on 127.0.0.1 serving both hosts' paths (api.dingtalk.com/v1.0 and oapi.dingtalk.com/topapi),
    /// with their two error dialects and traps (/work/notes/workplace-api.md, part C): the new API takes the raw
    /// token in x-acs-dingtalk-access-token (a query token is ignored, a JSON-quoted one refused) and answers errors
    /// as 4xx/5xx {code, message}; the old one takes it in the query and answers errors as HTTP 200 errcode,
    /// sometimes wrapped as 88 + sub_code; tokens expire early (400 InvalidAuthentication / 88 40014); throttling
    /// as 403 QpsLimitForApi, 90018, 400 flowControlError, or an HTML page for an IP ban; users found by mobile
    /// (active ones only, 60121 otherwise) and their unionId; to-dos per creator with sourceId, unique or not
    /// (duplicate → "task exist" or a second to-do), lookups by source id whose not-found answer is either 404 or
    /// 400 "task not exist", executors that must be unionIds, completion by the owner; work notifications with
    /// the silent drop of same content to the same user on a day; the custom robot with HMAC-SHA256 signing.
    /// </summary>
    public sealed class FakeDingTalk : FakeService
    {
        public const long AgentId = 3020100001;
        private readonly Dictionary<string, DateTimeOffset> _tokens = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private readonly List<User> _users = new List<User>();
        private readonly List<JsonObject> _tasks = new List<JsonObject>();
        private readonly List<Notification> _notifications = new List<Notification>();
        private readonly List<string> _robot = new List<string>();
        private int _ids;
        private int _tokenRequests;

        public string AppKey { get; } = "ding" + Guid.NewGuid().ToString("N").Substring(0, 16);

        public string AppSecret { get; private set; } = "Dt-secret-" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

        /// <summary>The app's secret reset in the developer console: every token of the old one stops working.</summary>
        public void RotateSecret()
        {
            lock (Gate)
            {
                AppSecret = "Dt-secret-" + Guid.NewGuid().ToString("N");
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

        /// <summary>The robot's access_token (in its webhook address) and its signing secret (SEC…).</summary>
        public string RobotToken { get; } = "robot" + Guid.NewGuid().ToString("N");

        public string RobotSecret { get; } = "SEC" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

        /// <summary>Whether the robot has 加签 on (it then refuses unsigned messages with 310000).</summary>
        public bool RobotSigned { get; set; } = true;

        public int TokenLifetime { get; set; } = 7200;

        /// <summary>Source ids kept unique (a duplicate create answers 400 "task exist"), or not (a second to-do is made).</summary>
        public bool UniqueSourceIds { get; set; }

        /// <summary>How a lookup by a source id nobody has is answered: 404, or 400 "task not exist" (not documented which).</summary>
        public int SourceNotFoundStatus { get; set; } = 404;

        /// <summary>Old-API errors wrapped as errcode 88 with sub_code (true), or bare (false): both happen.</summary>
        public bool WrapOldErrors { get; set; } = true;

        public int TokenRequests => _tokenRequests;

        public Uri RobotWebhook => new Uri(Endpoint, "robot/send?access_token=" + RobotToken);

        public override IEnumerable<Call> Writes => Calls.Where(c => (c.Method == "POST" && c.Path.EndsWith("/tasks", StringComparison.Ordinal)) || c.Method == "PUT" || c.Path.Contains("asyncsend_v2", StringComparison.Ordinal) || c.Path.Contains("robot/send", StringComparison.Ordinal));

        /// <summary>A member: userid, unionId, mobile; <paramref name="active"/> false for one who left (not found by mobile).</summary>
        public (string UserId, string UnionId) AddUser(string userId, string mobile, bool active = true)
        {
            string union = "union" + Guid.NewGuid().ToString("N").Substring(0, 18);
            lock (Gate)
            {
                _users.Add(new User { UserId = userId, UnionId = union, Mobile = mobile, Active = active });
            }

            return (userId, union);
        }

        /// <summary>The to-dos, as stored (every creator).</summary>
        public IReadOnlyList<JsonObject> Tasks()
        {
            lock (Gate)
            {
                return _tasks.Select(t => (JsonObject)t.DeepClone()).ToList();
            }
        }

        /// <summary>What an owner does in DingTalk: ticks the to-do done.</summary>
        public void Complete(string taskId)
        {
            lock (Gate)
            {
                JsonObject task = _tasks.First(t => t["id"]!.GetValue<string>() == taskId);
                task["done"] = true;
                task["finishTime"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            }
        }

        public IReadOnlyList<Notification> Notifications()
        {
            lock (Gate)
            {
                return _notifications.ToList();
            }
        }

        public IReadOnlyList<string> RobotMessages()
        {
            lock (Gate)
            {
                return _robot.ToList();
            }
        }

        protected override Reply Route(HttpContext ctx, string method, string path, string body, FaultKind? fault)
        {
            if (path == "/v1.0/oauth2/accessToken" && method == "POST")
            {
                return GetToken(body, fault);
            }

            if (path.StartsWith("/v1.0/", StringComparison.Ordinal))
            {
                return NewApi(ctx, method, path, body, fault);
            }

            if (path == "/robot/send" && method == "POST")
            {
                return Robot(ctx, body, fault);
            }

            if (path.StartsWith("/topapi/", StringComparison.Ordinal) && method == "POST")
            {
                return OldApi(ctx, path, body, fault);
            }

            // A path typo on oapi gives errcode 22 (不合法ApiName), not 404.
            return path.StartsWith("/topapi", StringComparison.Ordinal) ? Reply.Ok(new JsonObject { ["errcode"] = 22, ["errmsg"] = "不合法的ApiName" }) : NewError(404, "resource.notFound", "Not Found");
        }

        private Reply GetToken(string body, FaultKind? fault)
        {
            _tokenRequests++;
            if (fault == FaultKind.IpNotAllowed)
            {
                return NewError(403, "Forbidden.AccessDenied.IpNotInWhiteList", "ip不在白名单中");
            }

            JsonObject input = JsonNode.Parse(body)!.AsObject();
            if (input["appKey"]?.GetValue<string>() != AppKey || input["appSecret"]?.GetValue<string>() != AppSecret)
            {
                return NewError(400, "invalidClientIdOrSecret", "无效的clientId或者clientSecret");
            }

            string token = "dt" + Guid.NewGuid().ToString("N");
            _tokens[token] = DateTimeOffset.UtcNow.AddSeconds(TokenLifetime);
            return Reply.Ok(new JsonObject { ["accessToken"] = token, ["expireIn"] = TokenLifetime });
        }

        private Reply NewApi(HttpContext ctx, string method, string path, string body, FaultKind? fault)
        {
            string header = ctx.Request.Headers["x-acs-dingtalk-access-token"];
            if (string.IsNullOrEmpty(header))
            {
                // A token in the query is ignored here.
                return NewError(400, "AuthenticationFailed.MissingParameter", "缺少参数：x-acs-dingtalk-access-token");
            }

            if (!_tokens.TryGetValue(header, out DateTimeOffset expires) || fault == FaultKind.ExpireToken || DateTimeOffset.UtcNow >= expires)
            {
                if (_tokens.ContainsKey(header))
                {
                    _tokens[header] = DateTimeOffset.MinValue;
                }

                return NewError(400, "InvalidAuthentication", "不合法的access_token");
            }

            switch (fault)
            {
                case FaultKind.RateLimit:
                    return NewError(403, "Forbidden.AccessDenied.QpsLimitForApi", "请求过于频繁，限制将在 " + DateTimeOffset.Now.AddSeconds(1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " 结束");
                case FaultKind.FlowControl:
                    return NewError(400, "todo.taskCreate.flowControlError", "flowControl because of executorId or orgId");
                case FaultKind.IpNotAllowed:
                    return NewError(403, "Forbidden.AccessDenied.IpNotInWhiteList", "ip不在白名单中");
                case FaultKind.IpBan:
                    return Reply.Html(403, "<html><body>访问被拒绝</body></html>");
                case FaultKind.LockError:
                    return NewError(400, "todo.taskCreate.lockError", "创建待办根据sourceId加锁失败");
            }

            string[] seg = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
            if (seg.Length < 5 || seg[1] != "todo" || seg[2] != "users" || seg[4] != "tasks")
            {
                return NewError(404, "resource.notFound", "Not Found");
            }

            string union = seg[3];
            if (!_users.Any(u => u.UnionId == union))
            {
                return NewError(400, "todo.paramError", "unionId is invalid");
            }

            if (method == "POST" && seg.Length == 5)
            {
                if (fault == FaultKind.ForeignCreate)
                {
                    JsonObject foreign = JsonNode.Parse(body)!.AsObject();
                    foreign["subject"] = foreign["subject"]!.GetValue<string>() + "（另一次运行）";
                    Create(union, foreign);
                }

                return CreateTask(ctx, union, body);
            }

            if (method == "GET" && seg.Length == 7 && seg[5] == "sources")
            {
                JsonObject task = _tasks.FirstOrDefault(t => t["creatorId"]!.GetValue<string>() == union && t["sourceId"]?.GetValue<string>() == seg[6]);
                if (task == null)
                {
                    return SourceNotFoundStatus == 404 ? NewError(404, "todo.taskNotExist", "task not exist") : NewError(400, "todo.paramError", "task not exist");
                }

                return Reply.Ok(task.DeepClone());
            }

            if (method == "GET" && seg.Length == 6)
            {
                JsonObject task = _tasks.FirstOrDefault(t => t["id"]!.GetValue<string>() == seg[5]);
                return task == null ? NewError(400, "todo.paramError", "task not exist") : Reply.Ok(task.DeepClone());
            }

            if (method == "PUT" && seg.Length == 6)
            {
                return UpdateTask(ctx, union, seg[5], body);
            }

            return NewError(404, "resource.notFound", "Not Found");
        }

        private Reply CreateTask(HttpContext ctx, string union, string body)
        {
            JsonObject input = JsonNode.Parse(body)!.AsObject();
            string subject = input["subject"]?.GetValue<string>();
            if (string.IsNullOrEmpty(subject))
            {
                return NewError(400, "todo.taskCreate.paramError", "subject is empty");
            }

            if (subject.Length > 1024)
            {
                return NewError(400, "todo.taskCreate.paramError", "subject is oversize");
            }

            if ((input["description"]?.GetValue<string>() ?? string.Empty).Length > 4096)
            {
                return NewError(400, "todo.taskCreate.paramError", "description is oversize");
            }

            string bad = BadExecutor(input);
            if (bad != null)
            {
                return NewError(400, "todo.taskCreate.paramError", "executorIds is invalid: " + bad);
            }

            string sourceId = input["sourceId"]?.GetValue<string>();
            if (UniqueSourceIds && sourceId != null && _tasks.Any(t => t["creatorId"]!.GetValue<string>() == union && t["sourceId"]?.GetValue<string>() == sourceId))
            {
                return NewError(400, "todo.taskCreate.paramError", "task exist");
            }

            return Reply.Ok(Create(union, input).DeepClone());
        }

        private JsonObject Create(string union, JsonObject input)
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var task = new JsonObject
            {
                ["id"] = "task" + (++_ids).ToString("D6", CultureInfo.InvariantCulture),
                ["subject"] = input["subject"]?.GetValue<string>(),
                ["description"] = input["description"]?.GetValue<string>() ?? string.Empty,
                ["startTime"] = now,
                ["dueTime"] = input["dueTime"]?.GetValue<long>(),
                ["finishTime"] = null,
                ["done"] = false,
                ["executorIds"] = input["executorIds"]?.DeepClone() ?? new JsonArray(),
                ["participantIds"] = input["participantIds"]?.DeepClone() ?? new JsonArray(),
                ["source"] = "isv_dingtalkTodo",
                ["sourceId"] = input["sourceId"]?.GetValue<string>(),
                ["createdTime"] = now,
                ["modifiedTime"] = now,
                ["creatorId"] = union,
                ["modifierId"] = union,
                ["bizTag"] = AppKey,
                ["requestId"] = Guid.NewGuid().ToString("N"),
                ["isOnlyShowExecutor"] = input["isOnlyShowExecutor"]?.GetValue<bool>() ?? false,
                ["priority"] = input["priority"]?.GetValue<int>() ?? 20,
            };
            _tasks.Add(task);
            return task;
        }

        private Reply UpdateTask(HttpContext ctx, string union, string id, string body)
        {
            JsonObject task = _tasks.FirstOrDefault(t => t["id"]!.GetValue<string>() == id);
            if (task == null)
            {
                return NewError(400, "todo.taskUpdate.paramError", "task not exist");
            }

            if (task["bizTag"]!.GetValue<string>() != AppKey)
            {
                return NewError(400, "todo.taskUpdate.paramError", "task not belong to bizTag");
            }

            JsonObject input = JsonNode.Parse(body)!.AsObject();
            string bad = BadExecutor(input);
            if (bad != null)
            {
                return NewError(400, "todo.taskUpdate.paramError", "executorIds is invalid: " + bad);
            }

            foreach (string field in new[] { "subject", "description", "dueTime", "done", "executorIds", "participantIds" })
            {
                if (input[field] != null)
                {
                    task[field] = input[field]!.DeepClone();
                }
            }

            task["modifiedTime"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            task["modifierId"] = union;
            return Reply.Ok(new JsonObject { ["result"] = true });
        }

        /// <summary>The to-do API takes unionIds; a userid (or anyone unknown) among the executors is refused.</summary>
        private string BadExecutor(JsonObject input)
        {
            foreach (JsonNode e in input["executorIds"]?.AsArray() ?? new JsonArray())
            {
                string id = e!.GetValue<string>();
                if (!_users.Any(u => u.UnionId == id))
                {
                    return id;
                }
            }

            return null;
        }

        private Reply OldApi(HttpContext ctx, string path, string body, FaultKind? fault)
        {
            string token = ctx.Request.Query["access_token"];
            if (string.IsNullOrEmpty(token))
            {
                // A header token is ignored here.
                return OldError(88, "40000", "access_token is blank");
            }

            if (!_tokens.TryGetValue(token, out DateTimeOffset expires) || fault == FaultKind.ExpireToken || DateTimeOffset.UtcNow >= expires)
            {
                if (_tokens.ContainsKey(token))
                {
                    _tokens[token] = DateTimeOffset.MinValue;
                }

                return WrapOldErrors ? OldError(88, "40014", "不合法的access_token") : Reply.Ok(new JsonObject { ["errcode"] = 40014, ["errmsg"] = "不合法的access_token" });
            }

            switch (fault)
            {
                case FaultKind.RateLimit:
                    return Reply.Ok(new JsonObject { ["errcode"] = 90018, ["errmsg"] = "您的服务器调用钉钉开放平台当前接口的所有请求都被暂时禁用了" });
                case FaultKind.IpBan:
                    return Reply.Ok(new JsonObject { ["status"] = 1111, ["wait"] = 5, ["source"] = "x5", ["punish"] = "deny", ["uuid"] = Guid.NewGuid().ToString("N") });
                case FaultKind.IpNotAllowed:
                    return Reply.Ok(new JsonObject { ["errcode"] = 60020, ["errmsg"] = "访问ip不在白名单之中" });
            }

            JsonObject input = JsonNode.Parse(body)!.AsObject();
            switch (path)
            {
                case "/topapi/v2/user/getbymobile":
                    if (input["support_exclusive_account_search"] == null)
                    {
                        return OldError(40035, null, "缺少参数 support_exclusive_account_search");
                    }

                    User user = _users.FirstOrDefault(u => u.Mobile == input["mobile"]?.GetValue<string>() && u.Active);
                    return user == null ? OldError(60121, null, "找不到该用户") : Ok(new JsonObject { ["result"] = new JsonObject { ["userid"] = user.UserId, ["exclusive_account_userid_list"] = new JsonArray() } });
                case "/topapi/v2/user/get":
                    User byId = _users.FirstOrDefault(u => u.UserId == input["userid"]?.GetValue<string>());
                    return byId == null ? OldError(60121, null, "找不到该用户") : Ok(new JsonObject { ["result"] = new JsonObject { ["userid"] = byId.UserId, ["unionid"] = byId.UnionId, ["name"] = "员工" } });
                case "/topapi/message/corpconversation/asyncsend_v2":
                    return Notify(input);
                default:
                    return Reply.Ok(new JsonObject { ["errcode"] = 22, ["errmsg"] = "不合法的ApiName" });
            }
        }

        private Reply Notify(JsonObject input)
        {
            if (input["agent_id"]?.GetValue<long>() != AgentId)
            {
                return OldError(40056, null, "不合法的agentid");
            }

            string[] users = (input["userid_list"]?.GetValue<string>() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (users.Length > 100)
            {
                return OldError(40035, null, "userid_list 最大长度 100");
            }

            JsonNode msg = input["msg"];
            if (Encoding.UTF8.GetByteCount(msg?.ToJsonString() ?? string.Empty) > 2048)
            {
                return OldError(40035, null, "msg 超长");
            }

            string content = msg?["text"]?["content"]?.GetValue<string>() ?? msg?["markdown"]?["text"]?.GetValue<string>() ?? string.Empty;
            foreach (string to in users)
            {
                // The same content to the same user on one day is accepted and never delivered.
                bool duplicate = _notifications.Any(n => n.ToUser == to && n.Msg == content && n.Delivered && n.At.Date == DateTime.UtcNow.Date);
                _notifications.Add(new Notification(to, content, DateTime.UtcNow) { Delivered = !duplicate && _users.Any(u => u.UserId == to) });
            }

            return Ok(new JsonObject { ["task_id"] = ++_ids, ["request_id"] = Guid.NewGuid().ToString("N") });
        }

        private Reply Robot(HttpContext ctx, string body, FaultKind? fault)
        {
            if (ctx.Request.Query["access_token"] != RobotToken)
            {
                return Reply.Ok(new JsonObject { ["errcode"] = 300005, ["errmsg"] = "token is not exist" });
            }

            if (RobotSigned)
            {
                string timestamp = ctx.Request.Query["timestamp"];
                string sign = ctx.Request.Query["sign"];
                if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(sign) || !long.TryParse(timestamp, out long ms) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - ms) > 3_600_000)
                {
                    return Reply.Ok(new JsonObject { ["errcode"] = 310000, ["errmsg"] = "description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中" });
                }

                using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(RobotSecret));
                string expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "\n" + RobotSecret)));
                if (sign != expected)
                {
                    // ASP.NET has decoded the query once: the client must have encoded it exactly once.
                    return Reply.Ok(new JsonObject { ["errcode"] = 310000, ["errmsg"] = "sign not match" });
                }
            }

            if (fault == FaultKind.RateLimit)
            {
                return Reply.Ok(new JsonObject { ["errcode"] = 660026, ["errmsg"] = "sending too many messages per minute" });
            }

            JsonObject input = JsonNode.Parse(body)!.AsObject();
            string text = input["markdown"]?["text"]?.GetValue<string>();
            if (text == null || input["markdown"]?["title"] == null)
            {
                return Reply.Ok(new JsonObject { ["errcode"] = 300001, ["errmsg"] = "param error" });
            }

            _robot.Add(text);
            return Reply.Ok(new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" });
        }

        private static Reply Ok(JsonObject json)
        {
            var answer = new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" };
            foreach (KeyValuePair<string, JsonNode> p in json.ToList())
            {
                json.Remove(p.Key);
                answer[p.Key] = p.Value;
            }

            answer["request_id"] = Guid.NewGuid().ToString("N");
            return Reply.Ok(answer);
        }

        /// <summary>An old-API error: HTTP 200; wrapped as 88 with the real code in sub_code (a string), or bare.</summary>
        private Reply OldError(int errcode, string subCode, string message)
        {
            if (subCode == null && WrapOldErrors && errcode != 88)
            {
                return Reply.Ok(new JsonObject { ["errcode"] = 88, ["sub_code"] = errcode.ToString(CultureInfo.InvariantCulture), ["sub_msg"] = message, ["errmsg"] = "ding talk error[subcode=" + errcode + ",submsg=" + message + "]", ["request_id"] = Guid.NewGuid().ToString("N") });
            }

            var json = new JsonObject { ["errcode"] = errcode, ["errmsg"] = message, ["request_id"] = Guid.NewGuid().ToString("N") };
            if (subCode != null)
            {
                json["sub_code"] = subCode;
                json["sub_msg"] = message;
            }

            return Reply.Ok(json);
        }

        private static Reply NewError(int status, string code, string message) =>
            Reply.Ok(new JsonObject { ["code"] = code, ["message"] = message, ["requestid"] = Guid.NewGuid().ToString("N").ToUpperInvariant() }, status);

        private sealed class User
        {
            public string UserId { get; set; }

            public string UnionId { get; set; }

            public string Mobile { get; set; }

            public bool Active { get; set; }
        }

        public sealed class Notification
        {
            public Notification(string toUser, string msg, DateTime at)
            {
                ToUser = toUser;
                Msg = msg;
                At = at;
            }

            public string ToUser { get; }

            /// <summary>The message's text (text.content, or markdown.text).</summary>
            public string Msg { get; }

            public DateTime At { get; }

            public bool Delivered { get; set; }
        }
    }
}
