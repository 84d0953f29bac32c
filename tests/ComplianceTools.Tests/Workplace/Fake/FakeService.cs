using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ComplianceTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace ComplianceTools.Tests.Workplace.Fake
{
    /// <summary>What a fake does to the next matching request.</summary>
    public enum FaultKind
    {
        /// <summary>The token presented was invalidated early (WeCom 42001/40014; DingTalk 400 InvalidAuthentication or 88/40014).</summary>
        ExpireToken,

        /// <summary>The rate limit (WeCom 45009; DingTalk 403 QpsLimitForApi or errcode 90018): refused, nothing done.</summary>
        RateLimit,

        /// <summary>WeCom 45033 (too many concurrent calls): refused.</summary>
        Concurrency,

        /// <summary>WeCom errcode -1 (system busy): refused.</summary>
        SystemBusy,

        /// <summary>A gateway's 502 page before the service saw the request: nothing done.</summary>
        ServerError,

        /// <summary>The request is applied, then the connection drops: the answer is lost.</summary>
        CommitThenDrop,

        /// <summary>The request is applied, then a 503 with Retry-After comes back.</summary>
        CommitThenServerError,

        /// <summary>The server's IP is not trusted (WeCom 60020; DingTalk 403 IpNotInWhiteList).</summary>
        IpNotAllowed,

        /// <summary>DingTalk's IP-level limit: an HTML page instead of JSON.</summary>
        IpBan,

        /// <summary>DingTalk to-do flow control: 400 todo.taskCreate.flowControlError.</summary>
        FlowControl,

        /// <summary>DingTalk: 400 todo.taskCreate.lockError (another create of the source id is under way).</summary>
        LockError,

        /// <summary>Another run creates the same entry (same source id) just before this request.</summary>
        ForeignCreate,
    }

    /// <summary>
    /// What the WeCom and DingTalk fakes share: the Kestrel host on 127.0.0.1, the request log, a request
    /// budget, injected faults, and "commit then lose the answer" (applied, then the connection dropped or a 503).
    /// </summary>
    public abstract class FakeService : IDisposable
    {
        public const int RequestBudget = 3000;
        private readonly FakeHttpServer _server;
        private readonly List<Fault> _faults = new List<Fault>();
        private int _requests;

        protected FakeService()
        {
            _server = new FakeHttpServer(HandleAsync);
            Endpoint = _server.Endpoint;
        }

        /// <summary>http://127.0.0.1:port/ — the root standing for the platform's host(s).</summary>
        public Uri Endpoint { get; }

        protected object Gate { get; } = new object();

        /// <summary>Every request: method, path, query, body, the token header.</summary>
        public ConcurrentQueue<Call> Calls { get; } = new ConcurrentQueue<Call>();

        /// <summary>The requests that change something (creates, updates, messages).</summary>
        public abstract IEnumerable<Call> Writes { get; }

        public void ClearCalls() => Calls.Clear();

        /// <summary>Makes the next <paramref name="times"/> requests whose path contains <paramref name="path"/> meet <paramref name="kind"/>.</summary>
        public void Inject(string path, FaultKind kind, int times = 1, string method = null)
        {
            lock (Gate)
            {
                _faults.Add(new Fault { Path = path, Kind = kind, Remaining = times, Method = method });
            }
        }

        public void Dispose() => _server.Dispose();

        /// <summary>The platform's answer; <paramref name="fault"/> is the fault this request meets (platform faults are answered here).</summary>
        protected abstract Reply Route(HttpContext ctx, string method, string path, string body, FaultKind? fault);

        private async Task HandleAsync(HttpContext ctx)
        {
            string path = ctx.Request.Path.Value ?? string.Empty;
            string method = ctx.Request.Method;
            string body = await new StreamReader(ctx.Request.Body, Encoding.UTF8).ReadToEndAsync();
            Calls.Enqueue(new Call(method, path, ctx.Request.QueryString.Value ?? string.Empty, body, ctx.Request.Headers["x-acs-dingtalk-access-token"].ToString()));
            FaultKind? fault = Take(method, path);
            Reply reply;
            if (Interlocked.Increment(ref _requests) > RequestBudget)
            {
                reply = Reply.Html(500, "budget exhausted");
            }
            else if (fault == FaultKind.ServerError)
            {
                reply = Reply.Html(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
            }
            else
            {
                lock (Gate)
                {
                    reply = Route(ctx, method, path, body, fault);
                }

                if (fault == FaultKind.CommitThenDrop)
                {
                    ctx.Abort();
                    return;
                }

                if (fault == FaultKind.CommitThenServerError)
                {
                    reply = Reply.Html(503, "<html><body>Service Unavailable</body></html>").WithHeader("Retry-After", "1");
                }
            }

            ctx.Response.StatusCode = reply.Status;
            foreach (KeyValuePair<string, string> header in reply.Headers)
            {
                ctx.Response.Headers[header.Key] = header.Value;
            }

            if (reply.Json != null)
            {
                ctx.Response.ContentType = "application/json; charset=utf-8";
                await ctx.Response.WriteAsync(reply.Json.ToJsonString());
            }
            else if (reply.Text != null)
            {
                ctx.Response.ContentType = "text/html";
                await ctx.Response.WriteAsync(reply.Text);
            }
        }

        private FaultKind? Take(string method, string path)
        {
            lock (Gate)
            {
                Fault fault = _faults.FirstOrDefault(f => f.Remaining > 0 && path.Contains(f.Path, StringComparison.Ordinal) && (f.Method == null || f.Method == method));
                if (fault == null)
                {
                    return null;
                }

                fault.Remaining--;
                return fault.Kind;
            }
        }

        public sealed record Call(string Method, string Path, string Query, string Body, string TokenHeader)
        {
            public JsonNode Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
        }

        private sealed class Fault
        {
            public string Path { get; set; }

            public string Method { get; set; }

            public FaultKind Kind { get; set; }

            public int Remaining { get; set; }
        }
    }

    public sealed class Reply
    {
        public int Status { get; private set; }

        public JsonNode Json { get; private set; }

        public string Text { get; private set; }

        public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>();

        public static Reply Ok(JsonNode json, int status = 200) => new Reply { Status = status, Json = json };

        public static Reply Html(int status, string text) => new Reply { Status = status, Text = text };

        public Reply WithHeader(string name, string value)
        {
            Headers[name] = value;
            return this;
        }
    }
}
