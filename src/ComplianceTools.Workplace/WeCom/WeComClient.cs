using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using ComplianceTools.Core.Privacy;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Workplace.Connection;
using ComplianceTools.Workplace.Http;

namespace ComplianceTools.Workplace.WeCom
{
    /// <summary>
    /// WeCom's server API (https://qyapi.weixin.qq.com/cgi-bin/…). Every answer is checked by its errcode, since
    /// WeCom answers errors as HTTP 200 with a non-zero errcode ("应该根据errcode来判断出错的情况"):
    /// <list type="bullet">
    /// <item>40014 / 42001 (invalid / expired token; 40001 on a business call too): the token is fetched again once and the call repeated;</item>
    /// <item>45009 / 45033 (rate / concurrency limit) and -1 (system busy): back-off and retry, up to about a minute (a minute-level limit blocks for 60 s);</item>
    /// <item>60020 (server IP not trusted), 48002 (API not granted): stop the run with one error;</item>
    /// <item>5xx, timeouts and dropped connections: reads and overwrites are retried, creates raise <see cref="OutcomeUnknownException"/> so the caller reads back first;</item>
    /// <item>anything else: a <see cref="ServiceError"/> for the caller (a user not found fails one item).</item>
    /// </list>
    /// </summary>
    internal sealed class WeComClient
    {
        private static readonly HashSet<long> s_tokenInvalid = new HashSet<long> { 40014, 42001, 40001, 41001 };
        private static readonly HashSet<long> s_secretRefused = new HashSet<long> { 40001, 40013, 40091, 40089, 40125, 40086 };
        private static readonly HashSet<long> s_throttled = new HashSet<long> { 45009, 45033, 45011 };
        private readonly WorkplaceConnection _connection;

        internal WeComClient(WorkplaceConnection connection, WorkplaceHttp http)
        {
            _connection = connection;
            Http = http;
        }

        internal WorkplaceHttp Http { get; }

        internal WorkplaceConnection Connection => _connection;

        /// <summary>GET /cgi-bin/gettoken?corpid&amp;corpsecret: a refused secret or CorpId is one AuthenticationFailed error.</summary>
        internal static (string Token, TimeSpan Lifetime) FetchToken(WorkplaceConnection connection, WorkplaceHttp http)
        {
            string query = "cgi-bin/gettoken?corpid=" + Uri.EscapeDataString(connection.CorpId) + "&corpsecret=" + Uri.EscapeDataString(Secrets.Reveal(connection.Secret));
            var uri = new Uri(connection.Root, query);
            for (int attempt = 1; ; attempt++)
            {
                Answer answer;
                try
                {
                    answer = http.Send(HttpMethod.Get, uri, null, null);
                }
                catch (TransportException ex)
                {
                    if (attempt >= WorkplaceHttp.MaxAttempts)
                    {
                        throw WorkplaceProblems.Unreachable(WorkplacePlatform.WeCom, "gettoken", ex.Message);
                    }

                    http.Wait(WorkplaceHttp.Backoff(attempt), "back-off");
                    continue;
                }

                long errcode = answer.Root.Long("errcode") ?? 0;
                bool transient = !answer.IsJson || answer.Status >= 500 || answer.Status == 429 || errcode == -1 || s_throttled.Contains(errcode);
                if (transient)
                {
                    if (attempt >= WorkplaceHttp.MaxAttempts)
                    {
                        throw s_throttled.Contains(errcode) ? WorkplaceProblems.RateLimited(WorkplacePlatform.WeCom, "gettoken", Code(errcode)) : WorkplaceProblems.Unreachable(WorkplacePlatform.WeCom, "gettoken", answer.Status.ToString(CultureInfo.InvariantCulture));
                    }

                    http.Wait(answer.RetryAfter ?? WorkplaceHttp.Backoff(attempt), s_throttled.Contains(errcode) ? "rate limit " + errcode : "back-off");
                    continue;
                }

                string message = Detail(answer.Root);
                if (errcode == 60020)
                {
                    throw WorkplaceProblems.IpNotAllowed(WorkplacePlatform.WeCom, Code(errcode), message);
                }

                if (errcode != 0 || answer.Status >= 400 || string.IsNullOrEmpty(answer.Root.Str("access_token")))
                {
                    // 40001 不合法的secret, 40013 不合法的CorpID, 40091 secret不合法: one error for the run, never per item.
                    throw WorkplaceProblems.AuthenticationFailed(WorkplacePlatform.WeCom, errcode != 0 ? Code(errcode) : answer.Status.ToString(CultureInfo.InvariantCulture), message);
                }

                long seconds = answer.Root.Long("expires_in") ?? 7200;
                return (answer.Root.Str("access_token"), TimeSpan.FromSeconds(seconds > 0 ? seconds : 7200));
            }
        }

        /// <summary>
        /// POST /cgi-bin/{path}?access_token=… with a JSON body; the answer's root when errcode is 0.
        /// <paramref name="api"/> names the call in messages and <paramref name="permission"/> what the app needs for it.
        /// </summary>
        internal JsonElement Post(string path, object body, CallKind kind, string api, string permission) => Call(HttpMethod.Post, path, null, body, kind, api, permission);

        internal JsonElement Call(HttpMethod method, string path, string query, object body, CallKind kind, string api, string permission)
        {
            string rejected = null;
            bool refreshed = false;
            for (int attempt = 1; ; attempt++)
            {
                AccessToken token = _connection.Token(Http, rejected);
                var uri = new Uri(_connection.Root, "cgi-bin/" + path + "?access_token=" + Uri.EscapeDataString(token.Token) + (string.IsNullOrEmpty(query) ? string.Empty : "&" + query));
                Answer answer;
                try
                {
                    answer = Http.Send(method, uri, body, null);
                }
                catch (TransportException ex)
                {
                    if (kind == CallKind.Create)
                    {
                        throw new OutcomeUnknownException(api, ex.Message, null);
                    }

                    if (attempt >= WorkplaceHttp.MaxAttempts)
                    {
                        throw WorkplaceProblems.Unreachable(WorkplacePlatform.WeCom, api, ex.Message);
                    }

                    Http.Wait(WorkplaceHttp.Backoff(attempt), "back-off");
                    continue;
                }

                if (answer.Status >= 500 || !answer.IsJson)
                {
                    if (kind == CallKind.Create)
                    {
                        throw new OutcomeUnknownException(api, answer.Status.ToString(CultureInfo.InvariantCulture), answer.RetryAfter);
                    }

                    if (attempt >= WorkplaceHttp.MaxAttempts)
                    {
                        throw WorkplaceProblems.Unreachable(WorkplacePlatform.WeCom, api, answer.Status.ToString(CultureInfo.InvariantCulture));
                    }

                    Http.Wait(answer.RetryAfter ?? WorkplaceHttp.Backoff(attempt), "back-off");
                    continue;
                }

                long errcode = answer.Root.Long("errcode") ?? (answer.Ok ? 0 : answer.Status);
                if (errcode == 0)
                {
                    return answer.Root;
                }

                string detail = Detail(answer.Root);
                if (s_tokenInvalid.Contains(errcode))
                {
                    if (refreshed)
                    {
                        throw WorkplaceProblems.AuthenticationFailed(WorkplacePlatform.WeCom, Code(errcode), detail);
                    }

                    Http.Log?.Invoke("WeCom " + errcode + " (access token invalid or expired): fetching a new token once");
                    rejected = token.Token;
                    refreshed = true;
                    continue;
                }

                if (answer.Status == 429 || s_throttled.Contains(errcode) || errcode == -1 || errcode == 6000)
                {
                    if (errcode == -1 && kind == CallKind.Create)
                    {
                        // 系统繁忙: the create may or may not have been applied.
                        throw new OutcomeUnknownException(api, Code(errcode), answer.RetryAfter);
                    }

                    if (attempt >= WorkplaceHttp.MaxAttempts)
                    {
                        throw WorkplaceProblems.RateLimited(WorkplacePlatform.WeCom, api, Code(errcode));
                    }

                    Http.Wait(answer.RetryAfter ?? WorkplaceHttp.Backoff(attempt), "WeCom " + errcode);
                    continue;
                }

                if (errcode == 60020)
                {
                    throw WorkplaceProblems.IpNotAllowed(WorkplacePlatform.WeCom, Code(errcode), detail);
                }

                if (errcode == 48002 || errcode == 48001)
                {
                    throw WorkplaceProblems.PermissionDenied(WorkplacePlatform.WeCom, api, permission, Code(errcode), detail);
                }

                throw new ServiceError(answer.Status, errcode.ToString(CultureInfo.InvariantCulture), detail);
            }
        }

        /// <summary>The errmsg without its hint and source address, phone numbers masked.</summary>
        internal static string Detail(JsonElement root)
        {
            string message = root.Str("errmsg") ?? string.Empty;
            int hint = message.IndexOf(", hint:", StringComparison.Ordinal);
            if (hint < 0)
            {
                hint = message.IndexOf(" hint:", StringComparison.Ordinal);
            }

            return ReportText.Scrub(hint > 0 ? message.Substring(0, hint) : message);
        }

        private static string Code(long errcode) => "errcode " + errcode.ToString(CultureInfo.InvariantCulture);

        /// <summary>The owner as messages may show it.</summary>
        internal static string Masked(string owner) => Mask.Contact(owner);
    }
}
