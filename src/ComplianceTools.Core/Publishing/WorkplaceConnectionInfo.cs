using System;

namespace ComplianceTools.Core.Publishing
{
    /// <summary>Where the operator's staff work besides Microsoft 365: WeCom (企业微信) or DingTalk (钉钉).</summary>
    public enum WorkplacePlatform
    {
        WeCom,
        DingTalk,
    }

    /// <summary>
    /// What Connect-ComplianceWorkplace returns: which platform, which organisation and app, which service root,
    /// until when the access token is good. Never the secret, never the token.
    /// </summary>
    public sealed class WorkplaceConnectionInfo
    {
        public WorkplaceConnectionInfo(WorkplacePlatform platform, string corpId, string appKey, long agentId, Uri endpoint, DateTimeOffset tokenExpiresOn, string stateFile)
        {
            Platform = platform;
            CorpId = corpId;
            AppKey = appKey;
            AgentId = agentId;
            Endpoint = endpoint;
            TokenExpiresOn = tokenExpiresOn;
            StateFile = stateFile;
            ConnectedAt = DateTimeOffset.Now;
        }

        public WorkplacePlatform Platform { get; }

        /// <summary>WeCom: the organisation (企业ID). Null for DingTalk.</summary>
        public string CorpId { get; }

        /// <summary>DingTalk: the app's AppKey (Client ID). Null for WeCom.</summary>
        public string AppKey { get; }

        /// <summary>The app's agent id (WeCom AgentId, DingTalk AgentId): app messages and work notifications go out as this app.</summary>
        public long AgentId { get; }

        /// <summary>The service root: https://qyapi.weixin.qq.com, https://api.dingtalk.com (which also stands for oapi.dingtalk.com), or -Endpoint.</summary>
        public Uri Endpoint { get; }

        /// <summary>When the cached access token expires; it is fetched again five minutes before.</summary>
        public DateTimeOffset TokenExpiresOn { get; }

        /// <summary>WeCom: the file that keeps the ids of the calendars the module created. Null for DingTalk.</summary>
        public string StateFile { get; }

        public DateTimeOffset ConnectedAt { get; }

        public override string ToString() => Platform + " " + (CorpId ?? AppKey) + " agent " + AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One reminder message Send-ComplianceReminder sent (or, under -WhatIf, would send).</summary>
    public sealed class ReminderResult
    {
        public ReminderResult(WorkplacePlatform target, string recipient, int items, int overdue, bool sent, string text, string message)
        {
            Target = target;
            Recipient = recipient;
            Items = items;
            Overdue = overdue;
            Sent = sent;
            Text = text;
            Message = message;
        }

        public WorkplacePlatform Target { get; }

        /// <summary>The owner (masked), or "group" for a webhook message.</summary>
        public string Recipient { get; }

        /// <summary>Items in the message: overdue ones and those due within -Days.</summary>
        public int Items { get; }

        public int Overdue { get; }

        /// <summary>False under -WhatIf, or when the service refused the message (Message says why).</summary>
        public bool Sent { get; }

        /// <summary>The message as sent (masked).</summary>
        public string Text { get; }

        public string Message { get; }
    }
}
