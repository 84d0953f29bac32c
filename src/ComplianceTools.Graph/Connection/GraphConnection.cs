using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Graph.Http;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace ComplianceTools.Graph.Connection
{
    /// <summary>What Connect-ComplianceGraph was given. Plain BCL types: the cmdlet layer never sees an SDK type.</summary>
    public sealed class GraphConnectOptions
    {
        public GraphEnvironment Environment { get; set; }

        public Uri GraphEndpoint { get; set; }

        public string TenantId { get; set; }

        public string ClientId { get; set; }

        public SecureString AccessToken { get; set; }

        public string CertificateThumbprint { get; set; }

        public X509Certificate2 Certificate { get; set; }

        public string CertificatePath { get; set; }

        public SecureString CertificatePassword { get; set; }

        public SecureString ClientSecret { get; set; }

        public bool ManagedIdentity { get; set; }

        public bool DeviceCode { get; set; }
    }

    /// <summary>
    /// A live connection: the Graph SDK's HTTP pipeline (GraphClientFactory) with an authentication
    /// provider limited to the connection's host, and what Connect-ComplianceGraph reports about it.
    /// Connections are kept per runspace, so two runspaces of one process can talk to two tenants.
    /// </summary>
    public sealed class GraphConnection : IDisposable
    {
        /// <summary>The app Microsoft publishes for Graph command-line sign-in, used by -DeviceCode without -ClientId.</summary>
        internal const string GraphCommandLineToolsClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

        private static readonly ConcurrentDictionary<Guid, GraphConnection> s_connections = new ConcurrentDictionary<Guid, GraphConnection>();

        private GraphConnection(GraphConnectionInfo info, HttpClient http)
        {
            Info = info;
            Http = http;
            Root = info.GraphEndpoint;
        }

        public GraphConnectionInfo Info { get; }

        internal HttpClient Http { get; }

        internal Uri Root { get; }

        /// <summary>A request context for one cmdlet run: its verbose log and its cancellation.</summary>
        internal GraphRest Rest(Action<string> log, CancellationToken cancellation) => new GraphRest(Http, Root) { Log = log, Cancellation = cancellation };

        /// <summary>The connection of a runspace, or a NotConnected error.</summary>
        public static GraphConnection Get(Guid runspaceId)
        {
            return s_connections.TryGetValue(runspaceId, out GraphConnection connection) ? connection : throw GraphProblems.NotConnected();
        }

        /// <summary>Forgets the connection of a runspace; true when there was one.</summary>
        public static bool Remove(Guid runspaceId)
        {
            if (s_connections.TryRemove(runspaceId, out GraphConnection connection))
            {
                connection.Dispose();
                return true;
            }

            return false;
        }

        /// <summary>
        /// Signs in as the options say and keeps the connection for the runspace. A credential is asked for a
        /// token once now, so a wrong certificate or secret fails here, not in the middle of a publish.
        /// <paramref name="notify"/> receives the device-code prompt on the calling thread.
        /// </summary>
        public static GraphConnection Connect(Guid runspaceId, GraphConnectOptions options, Action<string> notify, CancellationToken cancellationToken)
        {
            Uri root = GraphEndpoints.Resolve(options.Environment, options.GraphEndpoint);
            string host = root.Host;
            IAccessTokenProvider provider;
            GraphAuthMode mode;
            TokenClaims claims;
            string clientId = options.ClientId;
            DateTimeOffset? expires = null;

            if (options.AccessToken != null)
            {
                mode = GraphAuthMode.AccessToken;
                provider = new StaticTokenProvider(options.AccessToken, host);
                claims = TokenClaims.Read(Secrets.Reveal(options.AccessToken));
            }
            else
            {
                var messages = new BlockingCollection<string>();
                TokenCredential credential = Credentials.Build(options, messages, out mode);
                var credentialProvider = new CredentialTokenProvider(credential, host, GraphEndpoints.DefaultScope(options.Environment));
                AccessToken token = Pump(Task.Run(() => credentialProvider.GetToken(cancellationToken), cancellationToken), messages, notify);
                claims = TokenClaims.Read(token.Token);
                expires = token.ExpiresOn;
                provider = credentialProvider;
            }

            if (claims?.ExpiresOn != null)
            {
                expires = claims.ExpiresOn;
            }

            HttpClient http = GraphClientFactory.Create(new BaseBearerTokenAuthenticationProvider(provider), version: "v1.0");
            http.BaseAddress = new Uri(root, root.AbsolutePath.TrimEnd('/') + "/v1.0/");
            http.Timeout = TimeSpan.FromSeconds(100);

            var info = new GraphConnectionInfo(
                claims?.TenantId ?? options.TenantId,
                claims?.ClientId ?? clientId,
                options.Environment,
                root,
                mode,
                claims?.Account,
                claims?.Permissions,
                expires,
                claims?.Kind ?? GraphPermissionKind.Unknown);
            var connection = new GraphConnection(info, http);
            s_connections.AddOrUpdate(runspaceId, connection, (id, old) =>
            {
                old.Dispose();
                return connection;
            });
            return connection;
        }

        public void Dispose() => Http.Dispose();

        /// <summary>Waits for a token while passing prompts (device code) to the caller's thread.</summary>
        private static T Pump<T>(Task<T> task, BlockingCollection<string> messages, Action<string> notify)
        {
            while (!task.IsCompleted)
            {
                if (messages.TryTake(out string message, 200))
                {
                    notify?.Invoke(message);
                }
            }

            while (messages.TryTake(out string rest))
            {
                notify?.Invoke(rest);
            }

            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (AuthenticationFailedException ex)
            {
                throw GraphProblems.AuthenticationFailed(Credentials.Describe(ex), null);
            }
        }
    }
}
