using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using ComplianceTools.Graph.Connection;
using ComplianceTools.Graph.Planner;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace ComplianceTools.Graph.Http
{
    /// <summary>
    /// Requests through the Graph SDK pipeline with our own retry policy. The SDK's retry handler re-sends
    /// any request, POST included, on 429/503/504 — that is how duplicate tasks are born — so it is switched
    /// off on every request (<c>RetryHandlerOption { MaxRetry = 0 }</c>) and retries happen here:
    /// 429 always honours Retry-After (the request was refused, not done); 5xx, timeouts and dropped
    /// connections are retried with back-off only for idempotent requests (GET, and PATCH/DELETE with
    /// If-Match); for a create they raise <see cref="OutcomeUnknownException"/> so the caller can read
    /// the plan before sending it again.
    /// </summary>
    internal sealed class GraphRest
    {
        internal const int MaxAttempts = 6;

        /// <summary>The longest Retry-After honoured; a longer one fails the request rather than retrying early.</summary>
        internal static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);
        private readonly HttpClient _http;
        private readonly Uri _root;

        internal GraphRest(HttpClient http, Uri root)
        {
            _http = http;
            _root = root;
        }

        /// <summary>Verbose lines (method, URL, status, waits): never a header, so never a token.</summary>
        internal Action<string> Log { get; set; }

        internal CancellationToken Cancellation { get; set; }

        internal GraphResponse Get(string url, IDictionary<string, string> headers = null) => Send(HttpMethod.Get, url, null, headers, idempotent: true);

        /// <summary>Sends a request; returns the answer whatever its status, after the retries above.</summary>
        internal GraphResponse Send(HttpMethod method, string url, object body, IDictionary<string, string> headers, bool idempotent)
        {
            Uri uri = Absolute(url);
            string json = body == null ? null : JsonSerializer.Serialize(body);
            for (int attempt = 1; ; attempt++)
            {
                Cancellation.ThrowIfCancellationRequested();
                HttpResponseMessage response;
                using (HttpRequestMessage request = Build(method, uri, json, headers))
                {
                    try
                    {
                        response = _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, Cancellation).GetAwaiter().GetResult();
                    }
                    catch (Exception ex) when (IsTransport(ex) && !Cancellation.IsCancellationRequested)
                    {
                        Log?.Invoke(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2}", method, uri.PathAndQuery, ex.GetBaseException().Message));
                        if (!idempotent)
                        {
                            throw new OutcomeUnknownException(method + " " + uri.AbsolutePath, ex.GetBaseException().Message, ex);
                        }

                        if (attempt >= MaxAttempts)
                        {
                            throw GraphProblems.Unreachable(uri.GetLeftPart(UriPartial.Path), ex.GetBaseException().Message);
                        }

                        Wait(Backoff(attempt), "back-off", uri.AbsolutePath);
                        continue;
                    }
                }

                int status = (int)response.StatusCode;
                Log?.Invoke(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2}", method, uri.PathAndQuery, status));
                bool throttled = status == 429;
                bool transient = status == 500 || status == 502 || status == 503 || status == 504;
                if (transient && !idempotent)
                {
                    // The create may have been done: the caller reads before sending again, after the wait the service asked for.
                    TimeSpan? after = RetryAfter(response);
                    response.Dispose();
                    throw new OutcomeUnknownException(method + " " + uri.AbsolutePath, status.ToString(CultureInfo.InvariantCulture), null) { RetryAfter = after };
                }

                if ((throttled || transient) && attempt < MaxAttempts)
                {
                    TimeSpan? retryAfter = RetryAfter(response);
                    response.Dispose();
                    Wait(retryAfter ?? Backoff(attempt), retryAfter.HasValue ? "Retry-After" : "back-off", uri.AbsolutePath);
                    continue;
                }

                return GraphResponse.From(response);
            }
        }

        /// <summary>Every item of a collection, page by page (@odata.nextLink), one page in memory at a time.</summary>
        internal IEnumerable<T> GetAll<T>(string url, Func<JsonElement, T> map, IDictionary<string, string> headers, string target, string permission)
        {
            string next = url;
            while (next != null)
            {
                using (GraphResponse page = Get(next, headers))
                {
                    page.EnsureSuccess(target, permission);
                    if (page.Root.TryGetProperty("value", out JsonElement items) && items.ValueKind == JsonValueKind.Array)
                    {
                        foreach (JsonElement item in items.EnumerateArray())
                        {
                            yield return map(item);
                        }
                    }

                    next = page.Root.TryGetProperty("@odata.nextLink", out JsonElement link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
                }
            }
        }

        /// <summary>Streams a download (the 302 to the content location is followed by the SDK's redirect handler).</summary>
        internal void Download(string url, Stream destination, string target, string permission)
        {
            Uri uri = Absolute(url);
            for (int attempt = 1; ; attempt++)
            {
                using (HttpRequestMessage request = Build(HttpMethod.Get, uri, null, null))
                {
                    HttpResponseMessage response;
                    try
                    {
                        response = _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancellation).GetAwaiter().GetResult();
                    }
                    catch (Exception ex) when (IsTransport(ex) && !Cancellation.IsCancellationRequested && attempt < MaxAttempts)
                    {
                        Wait(Backoff(attempt), "back-off", uri.AbsolutePath);
                        continue;
                    }

                    using (response)
                    {
                        int status = (int)response.StatusCode;
                        Log?.Invoke(string.Format(CultureInfo.InvariantCulture, "GET {0} -> {1}", uri.PathAndQuery, status));
                        if ((status == 429 || status == 500 || status == 502 || status == 503 || status == 504) && attempt < MaxAttempts)
                        {
                            Wait(RetryAfter(response) ?? Backoff(attempt), "retry", uri.AbsolutePath);
                            continue;
                        }

                        if (!response.IsSuccessStatusCode)
                        {
                            GraphResponse.From(response).EnsureSuccess(target, permission);
                        }

                        destination.SetLength(0);
                        response.Content.CopyToAsync(destination).GetAwaiter().GetResult();
                        return;
                    }
                }
            }
        }

        /// <summary>A URL relative to /v1.0/, or an absolute one (nextLink) moved onto the connection's host.</summary>
        internal Uri Absolute(string url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out Uri absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            {
                if (string.Equals(absolute.Host, _root.Host, StringComparison.OrdinalIgnoreCase) && absolute.Port == _root.Port)
                {
                    return absolute;
                }

                // A proxy or a service that answers with the cloud's own host in nextLink: keep our host,
                // so the token goes where the connection said, and only there.
                return new UriBuilder(absolute) { Scheme = _root.Scheme, Host = _root.Host, Port = _root.Port }.Uri;
            }

            return new Uri(_http.BaseAddress, url.TrimStart('/'));
        }

        internal static string Quote(string value) => "'" + (value ?? string.Empty).Replace("'", "''") + "'";

        private static HttpRequestMessage Build(HttpMethod method, Uri uri, string json, IDictionary<string, string> headers)
        {
            var request = new HttpRequestMessage(method, uri);
#pragma warning disable CS0618 // Properties is the option store the SDK's handlers read on netstandard2.0.
            request.Properties[typeof(RetryHandlerOption).FullName] = new RetryHandlerOption { MaxRetry = 0 };
#pragma warning restore CS0618
            if (json != null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            if (headers != null)
            {
                foreach (KeyValuePair<string, string> header in headers)
                {
                    request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return request;
        }

        private static bool IsTransport(Exception ex) => ex is HttpRequestException || ex is IOException || ex is System.Threading.Tasks.TaskCanceledException || ex is WebException;

        private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt - 1)));

        private static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            RetryConditionHeaderValue value = response.Headers.RetryAfter;
            if (value?.Delta != null)
            {
                return value.Delta.Value;
            }

            if (value?.Date != null)
            {
                TimeSpan wait = value.Date.Value - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        /// <summary>
        /// Before reading back after a create whose answer was lost: the Retry-After of that answer (a 503 from
        /// SharePoint or Planner under load), else a back-off, so the read does not add to the load.
        /// </summary>
        internal void WaitBeforeReadBack(OutcomeUnknownException lost, int attempt, string target)
        {
            Wait(lost.RetryAfter ?? Backoff(attempt), lost.RetryAfter.HasValue ? "Retry-After, before reading back" : "back-off, before reading back", target);
        }

        private void Wait(TimeSpan delay, string why, string target)
        {
            if (delay > MaxWait)
            {
                throw GraphProblems.Throttled(target, delay);
            }

            Log?.Invoke(string.Format(CultureInfo.InvariantCulture, "waiting {0:0.#} s ({1})", delay.TotalSeconds, why));
            Cancellation.WaitHandle.WaitOne(delay);
            Cancellation.ThrowIfCancellationRequested();
        }
    }

    /// <summary>A create whose answer was lost (5xx, dropped connection, timeout): it may or may not have been done.</summary>
    internal sealed class OutcomeUnknownException : Exception
    {
        internal OutcomeUnknownException(string request, string detail, Exception inner)
            : base(request + ": " + detail, inner)
        {
        }

        /// <summary>The wait the service asked for with the failed answer (Retry-After on a 503), when it did.</summary>
        internal TimeSpan? RetryAfter { get; set; }
    }

    /// <summary>An answer: status, ETag, and the JSON body when there is one.</summary>
    internal sealed class GraphResponse : IDisposable
    {
        private static readonly JsonDocument s_empty = JsonDocument.Parse("{}");
        private JsonDocument _json;

        private GraphResponse()
        {
        }

        internal int Status { get; private set; }

        internal bool Ok => Status >= 200 && Status < 300;

        internal JsonElement Root => (_json ?? s_empty).RootElement;

        internal string ETag { get; private set; }

        internal static GraphResponse From(HttpResponseMessage response)
        {
            using (response)
            {
                var result = new GraphResponse { Status = (int)response.StatusCode };
                byte[] bytes = response.Content == null ? Array.Empty<byte>() : response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                if (bytes.Length > 0)
                {
                    try
                    {
                        result._json = JsonDocument.Parse(bytes);
                    }
                    catch (JsonException)
                    {
                        result._json = null;
                    }
                }

                result.ETag = response.Headers.ETag?.ToString()
                    ?? (result._json != null && result.Root.ValueKind == JsonValueKind.Object && result.Root.TryGetProperty("@odata.etag", out JsonElement etag) ? etag.GetString() : null);
                return result;
            }
        }

        internal string ErrorCode => Error("code");

        internal string ErrorMessage => Error("message");

        /// <summary>
        /// Every code of the error, outermost first: error.code, then each innerError's code (Graph: "apps should
        /// loop through all the error codes available and use the most detailed one").
        /// </summary>
        internal IEnumerable<string> ErrorCodes()
        {
            if (_json == null || Root.ValueKind != JsonValueKind.Object || !Root.TryGetProperty("error", out JsonElement node))
            {
                yield break;
            }

            for (int depth = 0; depth < 8 && node.ValueKind == JsonValueKind.Object; depth++)
            {
                string code = node.Str("code");
                if (!string.IsNullOrEmpty(code))
                {
                    yield return code;
                }

                JsonElement inner = node.Obj("innerError");
                node = inner.ValueKind == JsonValueKind.Object ? inner : node.Obj("innererror");
            }
        }

        /// <summary>
        /// Turns an error answer into a problem: 401 authentication; 403 with a Planner limit code (Planner answers
        /// 403 when a service limit is reached, the code naming the limit) that limit; any other 403 the permission
        /// needed; else the Graph error.
        /// </summary>
        internal void EnsureSuccess(string target, string permission)
        {
            if (Ok)
            {
                return;
            }

            if (Status == 401)
            {
                throw GraphProblems.AuthenticationFailed(ErrorCode + ": " + ErrorMessage, target);
            }

            if (Status == 403)
            {
                string limit = ErrorCodes().LastOrDefault(PlannerLimits.IsLimit);
                if (limit != null)
                {
                    throw GraphProblems.PlannerServiceLimit(limit, target, ErrorMessage);
                }

                throw GraphProblems.Forbidden(permission, target, ErrorMessage);
            }

            throw GraphProblems.RequestFailed(Status, ErrorCode, ErrorMessage, target);
        }

        public void Dispose() => _json?.Dispose();

        private string Error(string name)
        {
            if (_json != null && Root.ValueKind == JsonValueKind.Object && Root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            return string.Empty;
        }
    }

    /// <summary>Reading JSON properties that may be absent or null.</summary>
    internal static class Json
    {
        internal static string Str(this JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        internal static bool? Bool(this JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && (v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.False) ? v.GetBoolean() : (bool?)null;

        internal static long? Long(this JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : (long?)null;

        internal static DateTimeOffset? Date(this JsonElement e, string name)
        {
            string s = e.Str(name);
            return s != null && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset d) ? d : (DateTimeOffset?)null;
        }

        internal static JsonElement Obj(this JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Object ? v : default(JsonElement);

        internal static IEnumerable<JsonProperty> Props(this JsonElement e) =>
            e.ValueKind == JsonValueKind.Object ? e.EnumerateObject() : Enumerable.Empty<JsonProperty>();
    }
}
