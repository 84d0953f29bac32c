using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ComplianceTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace ComplianceTools.Tests.Graph.Fake
{
    /// <summary>
    /// A fake Microsoft Graph v1.0 on 127.0.0.1 (Kestrel, a random port) speaking the REST shapes of the calls
    /// the module makes: users ($select, $filter, paging), group members, Planner (ETags, If-Match, 412),
    /// sites, drive items and content (302), SharePoint lists. Faults can be injected: 429 with Retry-After,
    /// 503/504, and "commit, then fail" (the write is applied, then a 503 or a dropped connection).
    /// It answers at most <see cref="RequestBudget"/> requests and stops by itself after five minutes.
    /// </summary>
    public sealed partial class FakeGraph : IDisposable
    {
        public const int RequestBudget = 5000;
        private readonly FakeHttpServer _server;
        private readonly object _gate = new object();
        private readonly List<Fault> _faults = new List<Fault>();
        private int _requests;
        private int _ids;

        public FakeGraph(int pageSize = 3)
        {
            PageSize = pageSize;
            Token = MakeToken("11111111-2222-3333-4444-555555555555", "User.Read.All", "GroupMember.Read.All", "Sites.Read.All", "Sites.Manage.All", "Tasks.ReadWrite.All");
            _server = new FakeHttpServer(HandleAsync);
            Endpoint = _server.Endpoint;
        }

        /// <summary>http://127.0.0.1:port, the service root (without /v1.0).</summary>
        public Uri Endpoint { get; }

        /// <summary>The bearer token the fake accepts: a JWT-shaped token with the module's permissions.</summary>
        public string Token { get; set; }

        public int PageSize { get; }

        /// <summary>Every request, in order: method, path and query, If-Match header.</summary>
        public ConcurrentQueue<Call> Calls { get; } = new ConcurrentQueue<Call>();

        /// <summary>Requests that carried no Authorization header at all.</summary>
        public int Unauthenticated;

        public IEnumerable<Call> Writes => Calls.Where(c => c.Method != "GET");

        public void ClearCalls() => Calls.Clear();

        /// <summary>
        /// Makes the next <paramref name="times"/> requests matching method and path part fail as <paramref name="kind"/>;
        /// <paramref name="code"/> is the error code of a <see cref="FaultKind.PlannerLimit"/> answer.
        /// </summary>
        public void Inject(string method, string pathContains, FaultKind kind, int times = 1, string code = null)
        {
            lock (_gate)
            {
                _faults.Add(new Fault { Method = method, Path = pathContains, Kind = kind, Remaining = times, Code = code });
            }
        }

        /// <summary>The permissions (roles) of the token the fake accepts.</summary>
        public IReadOnlyCollection<string> Roles
        {
            get
            {
                string payload = Token.Split('.')[1].Replace('-', '+').Replace('_', '/');
                payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
                JsonNode roles = JsonNode.Parse(Convert.FromBase64String(payload))!["roles"];
                return roles == null ? Array.Empty<string>() : roles.AsArray().Select(r => r!.GetValue<string>()).ToList();
            }
        }

        public static string MakeToken(string tenant, params string[] roles)
        {
            static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var payload = new JsonObject
            {
                ["aud"] = "https://graph.microsoft.com",
                ["tid"] = tenant,
                ["appid"] = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
                ["app_displayname"] = "ComplianceTools scheduled run",
                ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
                ["roles"] = new JsonArray(roles.Select(r => (JsonNode)r).ToArray()),
            };
            return B64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + B64(payload.ToJsonString()) + "." + B64("secret-signature-" + Guid.NewGuid().ToString("N"));
        }

        /// <summary>A delegated token (a signed-in user): scopes in scp, no roles.</summary>
        public static string MakeDelegatedToken(string tenant, params string[] scopes)
        {
            static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var payload = new JsonObject
            {
                ["aud"] = "https://graph.microsoft.com",
                ["tid"] = tenant,
                ["appid"] = "14d82eec-204b-4c2f-b7e8-296a70dab67e",
                ["upn"] = "zhangsan@contoso.cn",
                ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
                ["scp"] = string.Join(" ", scopes),
            };
            return B64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + B64(payload.ToJsonString()) + "." + B64("secret-signature-" + Guid.NewGuid().ToString("N"));
        }

        public void Dispose() => _server.Dispose();

        private string NewId(string prefix) => prefix + Interlocked.Increment(ref _ids).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        private async Task HandleAsync(HttpContext ctx)
        {
            string path = ctx.Request.Path.Value ?? string.Empty;
            string method = ctx.Request.Method;
            string body = await new StreamReader(ctx.Request.Body, Encoding.UTF8).ReadToEndAsync();
            Calls.Enqueue(new Call(method, path + ctx.Request.QueryString.Value, ctx.Request.Headers["If-Match"].ToString(), body));

            Reply reply;
            if (Interlocked.Increment(ref _requests) > RequestBudget)
            {
                reply = Reply.Error(500, "fakeBudgetExhausted", "The fake Graph answered its request budget.");
            }
            else if (!path.StartsWith("/content/", StringComparison.Ordinal) && !Authorized(ctx))
            {
                reply = Reply.Error(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
            }
            else
            {
                Fault fault = TakeFault(method, path);
                if (fault != null && (fault.Kind == FaultKind.Throttle || fault.Kind == FaultKind.Unavailable || fault.Kind == FaultKind.GatewayTimeout))
                {
                    reply = fault.Kind == FaultKind.Throttle
                        ? Reply.Error(429, "TooManyRequests", "Too many requests.").WithHeader("Retry-After", "1")
                        : Reply.Error(fault.Kind == FaultKind.Unavailable ? 503 : 504, "serviceNotAvailable", "The service is not available.");
                }
                else if (fault != null && fault.Kind == FaultKind.PlannerLimit)
                {
                    // As Planner answers a service limit: 403, the limit in error.code, the general Graph error shape.
                    reply = Reply.Error(403, fault.Code, "The request was refused: the limit " + fault.Code + " is reached.");
                    reply.Json!["error"]!["innerError"] = new JsonObject { ["request-id"] = Guid.NewGuid().ToString(), ["date"] = DateTimeOffset.UtcNow.ToString("s", System.Globalization.CultureInfo.InvariantCulture) };
                }
                else if (fault != null && fault.Kind == FaultKind.VersionConflict)
                {
                    // Someone changed the item in a way that conflicts: Planner answers 409 and the item has a new ETag.
                    lock (_gate)
                    {
                        ConcurrentEdit(path);
                    }

                    reply = Reply.Error(409, "Conflict", "The change conflicts with the current state of the resource.");
                }
                else
                {
                    lock (_gate)
                    {
                        if (fault != null && fault.Kind == FaultKind.ConcurrentEdit)
                        {
                            ConcurrentEdit(path);
                        }

                        if (fault != null && fault.Kind == FaultKind.ForeignCreate)
                        {
                            ForeignCreate(path, body);
                        }

                        try
                        {
                            reply = Route(ctx.Request, method, path.StartsWith("/v1.0/", StringComparison.Ordinal) ? path.Substring(6) : path, body);
                        }
                        catch (JsonException ex)
                        {
                            reply = Reply.Error(400, "BadRequest", ex.Message);
                        }
                    }

                    if (fault != null && fault.Kind == FaultKind.CommitThenUnavailable)
                    {
                        // SharePoint and Planner under load: "Server Too Busy" with the wait in Retry-After.
                        reply = Reply.Error(503, "serviceNotAvailable", "The service is not available.").WithHeader("Retry-After", "1");
                    }
                    else if (fault != null && fault.Kind == FaultKind.CommitThenDrop)
                    {
                        ctx.Abort();
                        return;
                    }
                }
            }

            ctx.Response.StatusCode = reply.Status;
            foreach (KeyValuePair<string, string> header in reply.Headers)
            {
                ctx.Response.Headers[header.Key] = header.Value;
            }

            if (reply.Bytes != null)
            {
                ctx.Response.ContentType = "application/octet-stream";
                await ctx.Response.Body.WriteAsync(reply.Bytes);
            }
            else if (reply.Json != null)
            {
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync(reply.Json.ToJsonString());
            }
        }

        private bool Authorized(HttpContext ctx)
        {
            string header = ctx.Request.Headers.Authorization.ToString();
            if (string.IsNullOrEmpty(header))
            {
                Interlocked.Increment(ref Unauthenticated);
                return false;
            }

            return header == "Bearer " + Token;
        }

        private Fault TakeFault(string method, string path)
        {
            lock (_gate)
            {
                Fault fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.Method == method && path.Contains(f.Path, StringComparison.Ordinal));
                if (fault != null)
                {
                    fault.Remaining--;
                }

                return fault;
            }
        }

        private Reply Route(HttpRequest request, string method, string path, string body)
        {
            string[] seg = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
            return RouteDirectory(request, method, seg)
                ?? RoutePlanner(request, method, seg, body)
                ?? RouteSites(request, method, seg, body)
                ?? RouteContent(method, seg)
                ?? Reply.Error(404, "itemNotFound", "No fake route for " + method + " " + path);
        }

        /// <summary>A page of a collection, with @odata.nextLink to the next one ($skiptoken is an offset here).</summary>
        private Reply Page(HttpRequest request, IReadOnlyList<JsonObject> all, string[] select = null)
        {
            int skip = int.TryParse(request.Query["$skiptoken"], out int s) ? s : 0;
            int top = int.TryParse(request.Query["$top"], out int t) ? Math.Min(t, PageSize) : PageSize;
            var value = new JsonArray(all.Skip(skip).Take(top).Select(o => (JsonNode)Project(o, select)).ToArray());
            var json = new JsonObject { ["@odata.context"] = Endpoint + "v1.0/$metadata", ["value"] = value };
            if (skip + top < all.Count)
            {
                var query = request.Query.Where(q => q.Key != "$skiptoken").Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value.ToString())).ToList();
                query.Add("$skiptoken=" + (skip + top));
                json["@odata.nextLink"] = new Uri(Endpoint, request.Path.Value) + "?" + string.Join("&", query);
            }

            return Reply.Ok(json);
        }

        private static JsonObject Project(JsonObject item, string[] select)
        {
            var copy = (JsonObject)item.DeepClone();
            if (select == null)
            {
                return copy;
            }

            foreach (string name in copy.Select(p => p.Key).ToList())
            {
                if (!name.StartsWith("@odata", StringComparison.Ordinal) && name != "id" && !select.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    copy.Remove(name);
                }
            }

            return copy;
        }

        private static string NewETag() => "W/\"" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + "\"";

        public sealed record Call(string Method, string PathAndQuery, string IfMatch, string Body);

        public enum FaultKind
        {
            Throttle,
            Unavailable,
            GatewayTimeout,
            CommitThenUnavailable,
            CommitThenDrop,

            /// <summary>Someone edits the item just before this request arrives: its ETag changes.</summary>
            ConcurrentEdit,

            /// <summary>Planner's 409: a conflicting change was made; the item has a new ETag and nothing is applied.</summary>
            VersionConflict,

            /// <summary>Planner's 403 for a service limit, the limit's name in error.code (Inject's code).</summary>
            PlannerLimit,

            /// <summary>Another run creates a list item of the same key just before this create arrives.</summary>
            ForeignCreate,
        }

        private sealed class Fault
        {
            public string Method { get; set; }

            public string Path { get; set; }

            public FaultKind Kind { get; set; }

            public int Remaining { get; set; }

            public string Code { get; set; }
        }

        private sealed class Reply
        {
            public int Status { get; private set; }

            public JsonObject Json { get; private set; }

            public byte[] Bytes { get; private set; }

            public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>();

            public static Reply Ok(JsonObject json, int status = 200) => new Reply { Status = status, Json = json };

            public static Reply NoContent() => new Reply { Status = 204 };

            public static Reply Content(byte[] bytes) => new Reply { Status = 200, Bytes = bytes };

            public static Reply Redirect(string location) => new Reply { Status = 302 }.WithHeader("Location", location);

            public static Reply Error(int status, string code, string message) =>
                new Reply { Status = status, Json = new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } } };

            public Reply WithHeader(string name, string value)
            {
                Headers[name] = value;
                return this;
            }
        }
    }
}
