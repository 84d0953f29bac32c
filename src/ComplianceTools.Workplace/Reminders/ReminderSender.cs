using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Resources;
using ComplianceTools.Workplace.Connection;
using ComplianceTools.Workplace.DingTalk;
using ComplianceTools.Workplace.Http;
using ComplianceTools.Workplace.Owners;
using ComplianceTools.Workplace.WeCom;

namespace ComplianceTools.Workplace.Reminders
{
    /// <summary>
    /// Sends the digest: to each owner as an app message (WeCom message/send; DingTalk work notification
    /// asyncsend_v2, both as the connected app), or as one group message through a robot webhook (WeCom group
    /// robot; DingTalk custom robot, signed with HMAC-SHA256 when it has a secret). The webhook's address carries
    /// its key, so it is never written to any stream; nor is the robot's secret.
    /// </summary>
    public sealed class ReminderSender
    {
        /// <summary>WeCom app markdown and DingTalk work notifications hold 2,048 bytes; some room is kept for the JSON around the text.</summary>
        internal const int AppMessageBytes = 1900;

        /// <summary>WeCom's group robot takes 4,096 bytes of markdown; DingTalk's robot is given the same.</summary>
        internal const int WebhookBytes = 4000;

        private readonly WorkplacePlatform _target;
        private readonly WorkplaceConnection _connection;
        private readonly Uri _webhook;
        private readonly SecureString _webhookSecret;
        private readonly ContactBook _contacts;
        private readonly Action<string> _log;
        private readonly CancellationToken _cancellation;

        public ReminderSender(WorkplacePlatform target, WorkplaceConnection connection, Uri webhook, SecureString webhookSecret, ContactBook contacts, Action<string> log, CancellationToken cancellation)
        {
            _target = target;
            _connection = connection;
            _webhook = webhook == null ? null : CheckWebhook(webhook);
            _webhookSecret = webhookSecret;
            _contacts = contacts;
            _log = log;
            _cancellation = cancellation;
        }

        /// <summary>
        /// One result per message. <paramref name="shouldProcess"/> (recipient, action) is asked before each send;
        /// an owner who cannot be found goes to <paramref name="problem"/> and the others still get theirs.
        /// </summary>
        public IEnumerable<ReminderResult> Send(IEnumerable<PlanItem> items, DateTime asOf, int days, CultureInfo culture, Func<string, string, bool> shouldProcess, Action<ComplianceProblem> problem)
        {
            IReadOnlyList<PlanItem> due = ReminderDigest.Select(items, asOf, days);
            if (due.Count == 0)
            {
                _log?.Invoke("nothing overdue or due within " + days.ToString(CultureInfo.InvariantCulture) + " days: no message");
                return Array.Empty<ReminderResult>();
            }

            return _webhook != null ? new[] { SendToGroup(due, asOf, days, culture, shouldProcess) } : SendToOwners(due, asOf, days, culture, shouldProcess, problem);
        }

        private ReminderResult SendToGroup(IReadOnlyList<PlanItem> due, DateTime asOf, int days, CultureInfo culture, Func<string, string, bool> shouldProcess)
        {
            string text = ReminderDigest.Compose(due, asOf, days, culture, withOwners: true, WebhookBytes);
            int overdue = due.Count(i => ReminderDigest.IsOverdue(i, asOf));
            string recipient = Text.Get(nameof(Strings.ReminderGroupRecipient));
            if (!shouldProcess(recipient, Text.Format(nameof(Strings.ReminderActionSend), _target, text)))
            {
                return new ReminderResult(_target, recipient, due.Count, overdue, false, text, null);
            }

            using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) })
            {
                var client = new WorkplaceHttp(http, _log, _cancellation);
                object body = _target == WorkplacePlatform.WeCom
                    ? new Dictionary<string, object> { ["msgtype"] = "markdown", ["markdown"] = new Dictionary<string, object> { ["content"] = text } }
                    : (object)new Dictionary<string, object> { ["msgtype"] = "markdown", ["markdown"] = new Dictionary<string, object> { ["title"] = ReminderDigest.Title(culture, asOf), ["text"] = text } };
                PostWebhook(client, body);
            }

            return new ReminderResult(_target, recipient, due.Count, overdue, true, text, null);
        }

        /// <summary>
        /// POSTs to the robot; errors come as HTTP 200 with errcode (WeCom 45009, DingTalk 130101/410100/660026 when
        /// more than 20 a minute: back-off and retry). A lost answer is sent again: a duplicate group message is
        /// the lesser harm than none for a daily digest.
        /// </summary>
        private void PostWebhook(WorkplaceHttp client, object body)
        {
            for (int attempt = 1; ; attempt++)
            {
                Answer answer;
                try
                {
                    answer = client.Send(HttpMethod.Post, SignedWebhook(), body, null);
                }
                catch (TransportException ex)
                {
                    if (attempt >= WorkplaceHttp.MaxAttempts)
                    {
                        throw WorkplaceProblems.Unreachable(_target, "webhook", ex.Message);
                    }

                    client.Wait(WorkplaceHttp.Backoff(attempt), "back-off");
                    continue;
                }

                string errcode = answer.Root.Str("errcode") ?? (answer.Ok ? "0" : answer.Status.ToString(CultureInfo.InvariantCulture));
                if (answer.IsJson && errcode == "0" && answer.Ok)
                {
                    return;
                }

                bool throttled = answer.Status == 429 || errcode == "45009" || errcode == "130101" || errcode == "410100" || errcode == "660026";
                if (answer.Status >= 500 || !answer.IsJson || throttled)
                {
                    if (attempt >= WorkplaceHttp.MaxAttempts)
                    {
                        throw throttled ? WorkplaceProblems.RateLimited(_target, "webhook", "errcode " + errcode) : WorkplaceProblems.Unreachable(_target, "webhook", answer.Status.ToString(CultureInfo.InvariantCulture));
                    }

                    client.Wait(answer.RetryAfter ?? WorkplaceHttp.Backoff(attempt), throttled ? "robot rate limit errcode " + errcode : "back-off");
                    continue;
                }

                // WeCom 93000 (invalid webhook), DingTalk 310000 (signature, keyword or IP), 300005/400101 (robot token).
                string detail = WeComClient.Detail(answer.Root);
                throw WorkplaceProblems.Fail("WebhookRefused", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.WorkplaceWebhookRefused), _target, "errcode " + errcode, detail), "Webhook");
            }
        }

        /// <summary>The webhook address, with timestamp and sign for a DingTalk robot that has a secret (string to sign: timestamp + "\n" + secret, HMAC-SHA256 keyed by the secret, Base64, URL-encoded once).</summary>
        private Uri SignedWebhook()
        {
            if (_target != WorkplacePlatform.DingTalk || _webhookSecret == null || _webhookSecret.Length == 0)
            {
                return _webhook;
            }

            string timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            string sign = Sign(timestamp, Secrets.Reveal(_webhookSecret));
            string separator = string.IsNullOrEmpty(_webhook.Query) ? "?" : "&";
            return new Uri(_webhook.AbsoluteUri + separator + "timestamp=" + timestamp + "&sign=" + sign);
        }

        internal static string Sign(string timestamp, string secret)
        {
            using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret)))
            {
                return Uri.EscapeDataString(Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "\n" + secret))));
            }
        }

        private IEnumerable<ReminderResult> SendToOwners(IReadOnlyList<PlanItem> due, DateTime asOf, int days, CultureInfo culture, Func<string, string, bool> shouldProcess, Action<ComplianceProblem> problem)
        {
            WorkplaceConnection connection = _connection ?? throw WorkplaceProblems.NotConnected(_target);
            WeComClient wecom = _target == WorkplacePlatform.WeCom ? connection.WeCom(_log, _cancellation) : null;
            DingTalkClient dingtalk = _target == WorkplacePlatform.DingTalk ? connection.DingTalk(_log, _cancellation) : null;
            WorkplaceUserResolver resolver = wecom != null ? new WorkplaceUserResolver(wecom, _contacts) : new WorkplaceUserResolver(dingtalk, _contacts);

            // Owner (as given) → items; then user → items, so two spellings of one person get one message.
            var byUser = new Dictionary<string, (WorkplaceUser User, List<PlanItem> Items)>(StringComparer.OrdinalIgnoreCase);
            var order = new List<string>();
            foreach (string owner in due.SelectMany(i => i.Owners).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                WorkplaceUser user;
                try
                {
                    user = resolver.Resolve(owner, string.Join(", ", due.Where(i => i.Owners.Contains(owner, StringComparer.OrdinalIgnoreCase)).Select(i => i.Key)));
                }
                catch (ComplianceException ex) when (!WorkplaceProblems.StopsRun(ex.Problem))
                {
                    problem(ex.Problem);
                    continue;
                }

                if (!byUser.TryGetValue(user.UserId, out var entry))
                {
                    entry = (user, new List<PlanItem>());
                    byUser[user.UserId] = entry;
                    order.Add(user.UserId);
                }

                entry.Items.AddRange(due.Where(i => i.Owners.Contains(owner, StringComparer.OrdinalIgnoreCase) && !entry.Items.Contains(i)));
            }

            foreach (string userId in order)
            {
                (WorkplaceUser user, List<PlanItem> items) = byUser[userId];
                List<PlanItem> mine = ReminderDigest.Select(items, asOf, days).ToList();
                string text = ReminderDigest.Compose(mine, asOf, days, culture, withOwners: false, AppMessageBytes);
                int overdue = mine.Count(i => ReminderDigest.IsOverdue(i, asOf));
                if (!shouldProcess(user.Masked, Text.Format(nameof(Strings.ReminderActionSend), _target, text)))
                {
                    yield return new ReminderResult(_target, user.Masked, mine.Count, overdue, false, text, null);
                    continue;
                }

                string refused = wecom != null ? SendWeCom(wecom, user, text) : SendDingTalk(dingtalk, user, text, ReminderDigest.Title(culture, asOf));
                yield return new ReminderResult(_target, user.Masked, mine.Count, overdue, refused == null, text, refused);
            }
        }

        private string SendWeCom(WeComClient client, WorkplaceUser user, string text)
        {
            var body = new Dictionary<string, object>
            {
                ["touser"] = user.UserId,
                ["msgtype"] = "markdown",
                ["agentid"] = client.Connection.AgentId,
                ["markdown"] = new Dictionary<string, object> { ["content"] = text },
                ["enable_duplicate_check"] = 1,
                ["duplicate_check_interval"] = 1800,
            };
            try
            {
                var root = client.Post("message/send", body, CallKind.Message, "message/send", WeComPublisher.MessagePermission);
                return string.IsNullOrEmpty(root.Str("invaliduser")) ? null : Text.Format(nameof(Strings.WorkplaceNotNotified), "invaliduser");
            }
            catch (ServiceError error)
            {
                return Text.Format(nameof(Strings.WorkplaceNotNotified), "errcode " + error.Code + " " + error.Detail);
            }
        }

        private static string SendDingTalk(DingTalkClient client, WorkplaceUser user, string text, string title)
        {
            var body = new Dictionary<string, object>
            {
                ["agent_id"] = client.Connection.AgentId,
                ["userid_list"] = user.UserId,
                ["msg"] = new Dictionary<string, object> { ["msgtype"] = "markdown", ["markdown"] = new Dictionary<string, object> { ["title"] = title, ["text"] = text } },
            };
            try
            {
                client.CallOld("topapi/message/corpconversation/asyncsend_v2", body, CallKind.Message, "asyncsend_v2", DingTalkPublisher.NotifyPermission);
                return null;
            }
            catch (ServiceError error)
            {
                return Text.Format(nameof(Strings.WorkplaceNotNotified), "errcode " + error.Code + " " + error.Detail);
            }
        }

        /// <summary>An absolute https address (plain http only to loopback); the query holds the key and stays.</summary>
        private static Uri CheckWebhook(Uri webhook)
        {
            if (!webhook.IsAbsoluteUri || (webhook.Scheme != Uri.UriSchemeHttps && webhook.Scheme != Uri.UriSchemeHttp))
            {
                throw WorkplaceProblems.Fail("WebhookInvalid", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.WorkplaceWebhookInvalid)), "Webhook");
            }

            if (webhook.Scheme == Uri.UriSchemeHttp && !WorkplaceEndpoints.IsLoopback(webhook))
            {
                throw WorkplaceProblems.Fail("InsecureEndpoint", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.WorkplaceInsecureWebhook)), "Webhook");
            }

            return webhook;
        }
    }
}
