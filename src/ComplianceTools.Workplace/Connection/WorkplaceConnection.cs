using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net.Http;
using System.Security;
using System.Threading;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Workplace.DingTalk;
using ComplianceTools.Workplace.Http;
using ComplianceTools.Workplace.WeCom;

namespace ComplianceTools.Workplace.Connection
{
    /// <summary>What Connect-ComplianceWorkplace was given. Plain BCL types.</summary>
    public sealed class WorkplaceConnectOptions
    {
        public WorkplacePlatform Platform { get; set; }

        /// <summary>WeCom: the organisation's CorpId (企业ID).</summary>
        public string CorpId { get; set; }

        /// <summary>DingTalk: the app's AppKey (Client ID).</summary>
        public string AppKey { get; set; }

        public long AgentId { get; set; }

        /// <summary>WeCom: the app's Secret. DingTalk: the AppSecret (Client Secret).</summary>
        public SecureString Secret { get; set; }

        public Uri Endpoint { get; set; }

        /// <summary>Where the WeCom calendar ids are kept; null for the user's local application data.</summary>
        public string StateFolder { get; set; }
    }

    /// <summary>
    /// A live WeCom or DingTalk connection of a runspace: the HttpClient, the app's identity, the secret (kept in
    /// a read-only SecureString, revealed only to ask for a token) and the key of its token in the process-wide
    /// <see cref="TokenCache"/>. Kept per runspace and platform, so one runspace may talk to both.
    /// </summary>
    public sealed class WorkplaceConnection : IDisposable
    {
        private static readonly ConcurrentDictionary<(Guid, WorkplacePlatform), WorkplaceConnection> s_connections = new ConcurrentDictionary<(Guid, WorkplacePlatform), WorkplaceConnection>();

        private WorkplaceConnection(WorkplaceConnectOptions options, Uri root, Uri oldRoot, HttpClient http)
        {
            Platform = options.Platform;
            CorpId = options.CorpId;
            AppKey = options.AppKey;
            AgentId = options.AgentId;
            Root = root;
            OldRoot = oldRoot;
            Http = http;
            Secret = options.Secret.Copy();
            Secret.MakeReadOnly();
            StateFile = options.Platform == WorkplacePlatform.WeCom ? Path.Combine(options.StateFolder ?? DefaultStateFolder, CalendarState.FileName) : null;
            // The token belongs to the secret that obtained it: a fingerprint of the secret (kept in memory only)
            // is part of the key, so connecting again with a different secret asks for a token with it and a
            // wrong secret fails at once instead of riding on a token cached for the right one.
            CacheKey = string.Join("|", Platform, Root, CorpId ?? AppKey, options.Platform == WorkplacePlatform.WeCom ? AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty, Fingerprint(Secret));
        }

        private static string Fingerprint(SecureString secret)
        {
            using (var sha = System.Security.Cryptography.SHA256.Create())
            {
                return Convert.ToBase64String(sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes("ComplianceTools|" + Secrets.Reveal(secret))));
            }
        }

        /// <summary>%LOCALAPPDATA%\ComplianceTools (Windows), ~/.local/share/ComplianceTools (Linux), ~/Library/Application Support/ComplianceTools (macOS).</summary>
        public static string DefaultStateFolder => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "ComplianceTools");

        public WorkplaceConnectionInfo Info { get; private set; }

        internal WorkplacePlatform Platform { get; }

        internal string CorpId { get; }

        internal string AppKey { get; }

        internal long AgentId { get; }

        internal Uri Root { get; }

        /// <summary>DingTalk's topapi host (oapi.dingtalk.com, or -Endpoint); for WeCom the same as <see cref="Root"/>.</summary>
        internal Uri OldRoot { get; }

        internal HttpClient Http { get; }

        internal SecureString Secret { get; }

        internal string StateFile { get; }

        internal string CacheKey { get; }

        internal TokenCache Tokens { get; set; } = TokenCache.Shared;

        /// <summary>The connection of a runspace for a platform, or a NotConnected error.</summary>
        public static WorkplaceConnection Get(Guid runspaceId, WorkplacePlatform platform) =>
            s_connections.TryGetValue((runspaceId, platform), out WorkplaceConnection connection) ? connection : throw WorkplaceProblems.NotConnected(platform);

        /// <summary>Forgets the connections of a runspace (one platform, or both); true when there was one.</summary>
        public static bool Remove(Guid runspaceId, WorkplacePlatform? platform)
        {
            bool any = false;
            foreach (WorkplacePlatform p in platform.HasValue ? new[] { platform.Value } : new[] { WorkplacePlatform.WeCom, WorkplacePlatform.DingTalk })
            {
                if (s_connections.TryRemove((runspaceId, p), out WorkplaceConnection connection))
                {
                    connection.Tokens.Forget(connection.CacheKey);
                    connection.Dispose();
                    any = true;
                }
            }

            return any;
        }

        /// <summary>
        /// Checks the options, asks for a token at once (a wrong secret fails here, once, not in the middle of a
        /// publish) and keeps the connection for the runspace.
        /// </summary>
        public static WorkplaceConnection Connect(Guid runspaceId, WorkplaceConnectOptions options, Action<string> log, CancellationToken cancellation)
        {
            bool wecom = options.Platform == WorkplacePlatform.WeCom;
            if (wecom && string.IsNullOrWhiteSpace(options.CorpId))
            {
                throw WorkplaceProblems.MissingArgument(options.Platform, "CorpId");
            }

            if (!wecom && string.IsNullOrWhiteSpace(options.AppKey))
            {
                throw WorkplaceProblems.MissingArgument(options.Platform, "AppKey");
            }

            if (options.Secret == null || options.Secret.Length == 0)
            {
                throw WorkplaceProblems.MissingArgument(options.Platform, wecom ? "Secret" : "AppSecret");
            }

            Uri root = WorkplaceEndpoints.Resolve(options.Platform, options.Endpoint);
            Uri oldRoot = wecom ? root : WorkplaceEndpoints.ResolveOld(options.Endpoint);
            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var connection = new WorkplaceConnection(options, root, oldRoot, http);
            try
            {
                AccessToken token = connection.Token(new WorkplaceHttp(http, log, cancellation), null);
                connection.Info = new WorkplaceConnectionInfo(options.Platform, options.CorpId, options.AppKey, options.AgentId, root, token.ExpiresOn, connection.StateFile);
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            s_connections.AddOrUpdate((runspaceId, options.Platform), connection, (key, old) =>
            {
                old.Dispose();
                return connection;
            });
            return connection;
        }

        /// <summary>The cached token, or a new one; <paramref name="rejected"/> is one the service just called invalid.</summary>
        internal AccessToken Token(WorkplaceHttp http, string rejected) =>
            Tokens.Get(CacheKey, () => Platform == WorkplacePlatform.WeCom ? WeComClient.FetchToken(this, http) : DingTalkClient.FetchToken(this, http), rejected);

        internal WeComClient WeCom(Action<string> log, CancellationToken cancellation) => new WeComClient(this, new WorkplaceHttp(Http, log, cancellation));

        internal DingTalkClient DingTalk(Action<string> log, CancellationToken cancellation) => new DingTalkClient(this, new WorkplaceHttp(Http, log, cancellation));

        public void Dispose()
        {
            Http.Dispose();
            Secret.Dispose();
        }
    }
}
