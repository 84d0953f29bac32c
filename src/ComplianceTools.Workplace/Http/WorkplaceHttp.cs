using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;

namespace ComplianceTools.Workplace.Http
{
    /// <summary>What kind of call a request is: it decides what may be retried after a fault.</summary>
    internal enum CallKind
    {
        /// <summary>Reads (GET, or POST that only reads, as WeCom's user lookups): retried after any fault.</summary>
        Read,

        /// <summary>An overwrite of a known entry (schedule/update, to-do PUT): sending it twice does no harm.</summary>
        Update,

        /// <summary>A create: after a lost answer (5xx, dropped connection, timeout) it may or may not have happened, so the caller reads back before sending again.</summary>
        Create,

        /// <summary>A message: re-sent after a lost answer with the platform's duplicate check on (a duplicate message is dropped, not shown twice).</summary>
        Message,
    }

    /// <summary>
    /// One request and its answer over the connection's HttpClient. Verbose lines name the method, the path and
    /// the status — never the query (WeCom and DingTalk take the access token, WeCom's gettoken the secret, and
    /// robot webhooks their key in the query) and never a header.
    /// </summary>
    internal sealed class WorkplaceHttp
    {
        internal const int MaxAttempts = 7;
        internal static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        private readonly HttpClient _http;

        internal WorkplaceHttp(HttpClient http, Action<string> log, CancellationToken cancellation)
        {
            _http = http;
            Log = log;
            Cancellation = cancellation;
        }

        internal Action<string> Log { get; }

        internal CancellationToken Cancellation { get; }

        /// <summary>Sends once; a transport failure (refused, reset, timeout) is a <see cref="TransportException"/>.</summary>
        internal Answer Send(HttpMethod method, Uri uri, object body, IDictionary<string, string> headers)
        {
            Cancellation.ThrowIfCancellationRequested();
            using (var request = new HttpRequestMessage(method, uri))
            {
                if (body != null)
                {
                    request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), JsonOptions), Encoding.UTF8, "application/json");
                }

                foreach (KeyValuePair<string, string> header in headers ?? new Dictionary<string, string>())
                {
                    request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                HttpResponseMessage response;
                try
                {
                    response = _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, Cancellation).GetAwaiter().GetResult();
                }
                catch (Exception ex) when (IsTransport(ex) && !Cancellation.IsCancellationRequested)
                {
                    string detail = ex.GetBaseException().Message;
                    Log?.Invoke(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2}", method, uri.AbsolutePath, detail));
                    throw new TransportException(detail, ex);
                }

                using (response)
                {
                    Log?.Invoke(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2}", method, uri.AbsolutePath, (int)response.StatusCode));
                    return Answer.From(response);
                }
            }
        }

        /// <summary>1, 2, 4, 8, 16, 30, 30 s: seven attempts span the 60 s a minute-level rate limit blocks for.</summary>
        internal static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt - 1)));

        internal void Wait(TimeSpan delay, string why)
        {
            Log?.Invoke(string.Format(CultureInfo.InvariantCulture, "waiting {0:0.#} s ({1})", delay.TotalSeconds, why));
            Cancellation.WaitHandle.WaitOne(delay);
            Cancellation.ThrowIfCancellationRequested();
        }

        private static bool IsTransport(Exception ex) => ex is HttpRequestException || ex is IOException || ex is System.Threading.Tasks.TaskCanceledException || ex is WebException;
    }

    /// <summary>An answer: status, Retry-After, and the JSON body when it is JSON (an IP ban may answer an HTML page).</summary>
    internal sealed class Answer
    {
        private Answer()
        {
        }

        internal int Status { get; private set; }

        internal bool Ok => Status >= 200 && Status < 300;

        internal bool IsJson { get; private set; }

        /// <summary>The JSON body (an empty object when there is none or it is not JSON); a copy that outlives the answer.</summary>
        internal JsonElement Root { get; private set; }

        internal TimeSpan? RetryAfter { get; private set; }

        internal static Answer From(HttpResponseMessage response)
        {
            var answer = new Answer { Status = (int)response.StatusCode, RetryAfter = RetryAfterOf(response) };
            byte[] bytes = response.Content == null ? Array.Empty<byte>() : response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            answer.Root = Empty;
            if (bytes.Length > 0)
            {
                try
                {
                    using (JsonDocument doc = JsonDocument.Parse(bytes))
                    {
                        answer.Root = doc.RootElement.Clone();
                        answer.IsJson = true;
                    }
                }
                catch (JsonException)
                {
                    answer.IsJson = false;
                }
            }
            else
            {
                answer.IsJson = true;
            }

            return answer;
        }

        private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();

        private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
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
    }

    /// <summary>The request did not get an answer (refused, reset, timed out).</summary>
    internal sealed class TransportException : Exception
    {
        internal TransportException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }

    /// <summary>A create whose answer was lost (5xx, dropped connection, timeout, "system busy"): it may or may not have been done.</summary>
    internal sealed class OutcomeUnknownException : Exception
    {
        internal OutcomeUnknownException(string api, string detail, TimeSpan? retryAfter)
            : base(api + ": " + detail)
        {
            RetryAfter = retryAfter;
        }

        internal TimeSpan? RetryAfter { get; }
    }

    /// <summary>
    /// A business error the service answered (WeCom errcode, DingTalk code) that is not handled for every call
    /// alike (not a token, throttling, permission or IP problem): the caller decides (a user not found fails
    /// one item; a to-do not found means "create it").
    /// </summary>
    internal sealed class ServiceError : Exception
    {
        internal ServiceError(int status, string code, string detail)
            : base(code + ": " + detail)
        {
            Status = status;
            Code = code;
            Detail = detail;
        }

        internal int Status { get; }

        /// <summary>WeCom's errcode, DingTalk's sub_code or errcode (old API) or code (new API), as text.</summary>
        internal string Code { get; }

        internal string Detail { get; }

        internal bool Is(params string[] codes) => codes.Contains(Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Reading JSON properties that may be absent, null or of another type.</summary>
    internal static class Json
    {
        internal static string Str(this JsonElement e, string name)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out JsonElement v))
            {
                return null;
            }

            return v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;
        }

        internal static long? Long(this JsonElement e, string name)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out JsonElement v))
            {
                return null;
            }

            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n))
            {
                return n;
            }

            return v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long s) ? s : (long?)null;
        }

        internal static bool? Bool(this JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && (v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.False) ? v.GetBoolean() : (bool?)null;

        internal static JsonElement Obj(this JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Object ? v : default(JsonElement);

        internal static IEnumerable<JsonElement> Arr(this JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : Enumerable.Empty<JsonElement>();

        internal static bool Has(this JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out _);
    }
}
