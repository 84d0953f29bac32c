using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Workplace.Connection;
using ComplianceTools.Workplace.Http;

namespace ComplianceTools.Workplace.DingTalk
{
    /// <summary>
    /// DingTalk's two API generations, told apart by how they answer:
    /// <list type="bullet">
    /// <item>api.dingtalk.com (v1.0: tokens, to-dos): the token in the x-acs-dingtalk-access-token header (the raw
    /// token, not JSON-quoted); errors as HTTP 4xx/5xx with {code, message}: 400 InvalidAuthentication (token
    /// invalid or expired: fetched again once), 403 Forbidden.AccessDenied.QpsLimit… / 400 flowControl… (throttled:
    /// back-off), 403 AccessTokenPermissionDenied (a permission point missing: the run stops), 403 IpNotInWhiteList;</item>
    /// <item>oapi.dingtalk.com (topapi: users, work notifications): the token in the query; errors as HTTP 200 with
    /// errcode, sometimes wrapped as errcode 88 with the real one in sub_code (so the reason is sub_code ?? errcode):
    /// 40014/42001 token, 90002/90018 throttled, an HTML page or {"status":1111,"punish":"deny"} for an IP ban.</item>
    /// </list>
    /// 5xx, timeouts and dropped connections: reads and overwrites are retried, creates raise <see cref="OutcomeUnknownException"/>.
    /// </summary>
    internal sealed class DingTalkClient
    {
        internal const string TokenHeader = "x-acs-dingtalk-access-token";
        private static readonly HashSet<string> s_oldTokenInvalid = new HashSet<string>(StringComparer.Ordinal) { "40014", "42001", "40000", "41001" };
        private static readonly HashSet<string> s_oldThrottled = new HashSet<string>(StringComparer.Ordinal) { "90002", "90018", "90001", "90005", "90006", "90008", "-1" };
        private readonly WorkplaceConnection _connection;

        internal DingTalkClient(WorkplaceConnection connection, WorkplaceHttp http)
        {
            _connection = connection;
            Http = http;
        }

        internal WorkplaceHttp Http { get; }

        internal WorkplaceConnection Connection => _connection;

        /// <summary>POST /v1.0/oauth2/accessToken {appKey, appSecret}: a refused key or secret is one AuthenticationFailed error.</summary>
        internal static (string Token, TimeSpan Lifetime) FetchToken(WorkplaceConnection connection, WorkplaceHttp http)
        {
            var uri = new Uri(connection.Root, "v1.0/oauth2/accessToken");
            for (int attempt = 1; ; attempt++)
            {
                Answer answer;
                try
                {
                    answer = http.Send(HttpMethod.Post, uri, new Dictionary<string, object> { ["appKey"] = connection.AppKey, ["appSecret"] = Secrets.Reveal(connection.Secret) }, null);
                }
                catch (TransportException ex)
                {
                    if (attempt >= WorkplaceHttp.MaxAttempts)
                    {
                        throw WorkplaceProblems.Unreachable(WorkplacePlatform.DingTalk, "oauth2/accessToken", ex.Message);
                    }

                    http.Wait(WorkplaceHttp.Backoff(attempt), "back-off");
                    continue;
                }

                string code = answer.Root.Str("code");
                if (answer.Status >= 500 || answer.Status == 429 || !answer.IsJson || IsThrottled(answer.Status, code))
                {
                    if (attempt >= WorkplaceHttp.MaxAttempts)
                    {
                        throw WorkplaceProblems.Unreachable(WorkplacePlatform.DingTalk, "oauth2/accessToken", answer.Status.ToString(CultureInfo.InvariantCulture));
                    }

                    http.Wait(answer.RetryAfter ?? WorkplaceHttp.Backoff(attempt), "back-off");
                    continue;
                }

                if (code != null && code.IndexOf("IpNotInWhiteList", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    throw WorkplaceProblems.IpNotAllowed(WorkplacePlatform.DingTalk, code, Message(answer.Root));
                }

                string token = answer.Root.Str("accessToken") ?? answer.Root.Str("access_token");
                if (!answer.Ok || string.IsNullOrEmpty(token))
                {
                    // 400 invalidClientIdOrSecret (or 40089/40096 from the older endpoint): one error for the run.
                    throw WorkplaceProblems.AuthenticationFailed(WorkplacePlatform.DingTalk, code ?? answer.Root.Str("errcode") ?? answer.Status.ToString(CultureInfo.InvariantCulture), Message(answer.Root));
                }

                long seconds = answer.Root.Long("expireIn") ?? answer.Root.Long("expires_in") ?? 7200;
                return (token, TimeSpan.FromSeconds(seconds > 0 ? seconds : 7200));
            }
        }

        /// <summary>A v1.0 call on api.dingtalk.com; the answer's root on 2xx.</summary>
        internal JsonElement CallNew(HttpMethod method, string pathAndQuery, object body, CallKind kind, string api, string permission)
        {
            string rejected = null;
            bool refreshed = false;
            for (int attempt = 1; ; attempt++)
            {
                AccessToken token = _connection.Token(Http, rejected);
                var uri = new Uri(_connection.Root, pathAndQuery);
                Answer answer;
                try
                {
                    answer = Http.Send(method, uri, body, new Dictionary<string, string> { [TokenHeader] = token.Token });
                }
                catch (TransportException ex)
                {
                    Lost(kind, api, ex.Message, null, attempt);
                    continue;
                }

                string code = answer.Root.Str("code");
                if (answer.Ok && answer.IsJson)
                {
                    return answer.Root;
                }

                if (answer.Status >= 500 || !answer.IsJson)
                {
                    if (answer.Status < 500 && !answer.IsJson)
                    {
                        // An IP ban answers a page, not JSON: throttled.
                        Throttled(api, "HTTP " + answer.Status, answer.RetryAfter, attempt);
                        continue;
                    }

                    Lost(kind, api, answer.Status.ToString(CultureInfo.InvariantCulture) + (code == null ? string.Empty : " " + code), answer.RetryAfter, attempt);
                    continue;
                }

                if (answer.Status == 401 || string.Equals(code, "InvalidAuthentication", StringComparison.OrdinalIgnoreCase) || (code ?? string.Empty).StartsWith("AuthenticationFailed", StringComparison.OrdinalIgnoreCase))
                {
                    if (refreshed)
                    {
                        throw WorkplaceProblems.AuthenticationFailed(WorkplacePlatform.DingTalk, code ?? "401", Message(answer.Root));
                    }

                    Http.Log?.Invoke("DingTalk " + answer.Status + " " + code + " (access token invalid or expired): fetching a new token once");
                    rejected = token.Token;
                    refreshed = true;
                    continue;
                }

                if (IsThrottled(answer.Status, code))
                {
                    Throttled(api, code ?? answer.Status.ToString(CultureInfo.InvariantCulture), answer.RetryAfter, attempt);
                    continue;
                }

                if (code != null && code.IndexOf("IpNotInWhiteList", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    throw WorkplaceProblems.IpNotAllowed(WorkplacePlatform.DingTalk, code, Message(answer.Root));
                }

                if (answer.Status == 403 && code != null && code.IndexOf("PermissionDenied", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    throw WorkplaceProblems.PermissionDenied(WorkplacePlatform.DingTalk, api, permission, code, Message(answer.Root));
                }

                throw new ServiceError(answer.Status, code ?? answer.Status.ToString(CultureInfo.InvariantCulture), Message(answer.Root));
            }
        }

        /// <summary>A topapi call on oapi.dingtalk.com (token in the query); the answer's root when errcode is 0.</summary>
        internal JsonElement CallOld(string path, object body, CallKind kind, string api, string permission)
        {
            string rejected = null;
            bool refreshed = false;
            for (int attempt = 1; ; attempt++)
            {
                AccessToken token = _connection.Token(Http, rejected);
                var uri = new Uri(_connection.OldRoot, path + "?access_token=" + Uri.EscapeDataString(token.Token));
                Answer answer;
                try
                {
                    answer = Http.Send(HttpMethod.Post, uri, body, null);
                }
                catch (TransportException ex)
                {
                    Lost(kind, api, ex.Message, null, attempt);
                    continue;
                }

                if (answer.Status >= 500)
                {
                    Lost(kind, api, answer.Status.ToString(CultureInfo.InvariantCulture), answer.RetryAfter, attempt);
                    continue;
                }

                if (!answer.IsJson || answer.Root.Has("punish") || answer.Status == 429)
                {
                    // The IP-level limit: an HTML page or {"status":1111,"punish":"deny",…} instead of the usual JSON.
                    Throttled(api, answer.IsJson ? "punish " + answer.Root.Str("punish") : "HTTP " + answer.Status, answer.RetryAfter, attempt);
                    continue;
                }

                string errcode = answer.Root.Str("errcode") ?? "0";
                if (errcode == "0")
                {
                    return answer.Root;
                }

                // 88 鉴权异常 wraps the real reason in sub_code (a string): reason = sub_code ?? errcode.
                string reason = answer.Root.Str("sub_code") is string sub && sub.Length > 0 && sub != "0" ? sub : errcode;
                string detail = ReportText.Scrub(answer.Root.Str("sub_msg") ?? answer.Root.Str("errmsg") ?? string.Empty);
                if (s_oldTokenInvalid.Contains(reason))
                {
                    if (refreshed)
                    {
                        throw WorkplaceProblems.AuthenticationFailed(WorkplacePlatform.DingTalk, "errcode " + reason, detail);
                    }

                    Http.Log?.Invoke("DingTalk errcode " + errcode + (reason != errcode ? " sub_code " + reason : string.Empty) + " (access token invalid or expired): fetching a new token once");
                    rejected = token.Token;
                    refreshed = true;
                    continue;
                }

                if (s_oldThrottled.Contains(reason))
                {
                    if (reason == "-1" && kind == CallKind.Create)
                    {
                        throw new OutcomeUnknownException(api, "errcode -1", answer.RetryAfter);
                    }

                    Throttled(api, "errcode " + reason, answer.RetryAfter, attempt);
                    continue;
                }

                if (reason == "60020")
                {
                    throw WorkplaceProblems.IpNotAllowed(WorkplacePlatform.DingTalk, "errcode " + reason, detail);
                }

                if (reason == "60011")
                {
                    throw WorkplaceProblems.PermissionDenied(WorkplacePlatform.DingTalk, api, permission, "errcode " + reason, detail);
                }

                throw new ServiceError(answer.Status, reason, detail);
            }
        }

        /// <summary>A to-do that is not there: 404, or a 400 whose code or message says it does not exist (the not-found answer is not documented).</summary>
        internal static bool IsNotFound(ServiceError error)
        {
            if (error.Status == 404)
            {
                return true;
            }

            string text = (error.Code + " " + error.Detail).ToLowerInvariant();
            return error.Status == 400 && (text.Contains("notfound") || text.Contains("not found") || text.Contains("notexist") || text.Contains("not exist") || text.Contains("不存在"));
        }

        private static bool IsThrottled(int status, string code)
        {
            if (status == 429)
            {
                return true;
            }

            string c = code ?? string.Empty;
            return c.IndexOf("QpsLimit", StringComparison.OrdinalIgnoreCase) >= 0
                || c.IndexOf("QpmLimit", StringComparison.OrdinalIgnoreCase) >= 0
                || c.IndexOf("flowControl", StringComparison.OrdinalIgnoreCase) >= 0
                || c.Equals("qps.exceed.limit", StringComparison.OrdinalIgnoreCase)
                || c.Equals("request.overlimit", StringComparison.OrdinalIgnoreCase)
                || c.Equals("Throttling", StringComparison.OrdinalIgnoreCase);
        }

        private void Lost(CallKind kind, string api, string detail, TimeSpan? retryAfter, int attempt)
        {
            if (kind == CallKind.Create)
            {
                throw new OutcomeUnknownException(api, detail, retryAfter);
            }

            if (attempt >= WorkplaceHttp.MaxAttempts)
            {
                throw WorkplaceProblems.Unreachable(WorkplacePlatform.DingTalk, api, detail);
            }

            Http.Wait(retryAfter ?? WorkplaceHttp.Backoff(attempt), "back-off");
        }

        private void Throttled(string api, string code, TimeSpan? retryAfter, int attempt)
        {
            if (attempt >= WorkplaceHttp.MaxAttempts)
            {
                throw WorkplaceProblems.RateLimited(WorkplacePlatform.DingTalk, api, code);
            }

            Http.Wait(retryAfter ?? WorkplaceHttp.Backoff(attempt), "DingTalk " + code);
        }

        private static string Message(JsonElement root) => ReportText.Scrub(root.Str("message") ?? root.Str("errmsg") ?? string.Empty);
    }
}
