using System;
using System.Collections.Generic;

namespace ComplianceTools.Core.Publishing
{
    /// <summary>Which Microsoft 365: the global service, or the one operated by 21Vianet in China.</summary>
    public enum GraphEnvironment
    {
        Global,
        China,
    }

    /// <summary>How Connect-ComplianceGraph signed in.</summary>
    public enum GraphAuthMode
    {
        AccessToken,
        CertificateThumbprint,
        Certificate,
        CertificateFile,
        ClientSecret,
        ManagedIdentity,
        DeviceCode,
    }

    /// <summary>What the token's permissions are: application roles (app-only) or delegated scopes (a signed-in user).</summary>
    public enum GraphPermissionKind
    {
        Unknown,
        Application,
        Delegated,
    }

    /// <summary>The login and Graph hosts of each cloud (tokens of one cloud are not valid in the other).</summary>
    public static class GraphClouds
    {
        public static Uri GraphRoot(GraphEnvironment environment) =>
            environment == GraphEnvironment.China ? new Uri("https://microsoftgraph.chinacloudapi.cn") : new Uri("https://graph.microsoft.com");

        public static Uri LoginAuthority(GraphEnvironment environment) =>
            environment == GraphEnvironment.China ? new Uri("https://login.chinacloudapi.cn/") : new Uri("https://login.microsoftonline.com/");
    }

    /// <summary>
    /// What Connect-ComplianceGraph returns: who is connected to which service, how, and with which
    /// permissions (read from the token's roles or scp claim when it can be read). Never the token.
    /// </summary>
    public sealed class GraphConnectionInfo
    {
        public GraphConnectionInfo(string tenantId, string clientId, GraphEnvironment environment, Uri graphEndpoint, GraphAuthMode authMode, string account, IReadOnlyList<string> permissions, DateTimeOffset? tokenExpiresOn, GraphPermissionKind permissionKind = GraphPermissionKind.Unknown)
        {
            PermissionKind = permissions == null ? GraphPermissionKind.Unknown : permissionKind;
            TenantId = tenantId;
            ClientId = clientId;
            Environment = environment;
            GraphEndpoint = graphEndpoint;
            AuthMode = authMode;
            Account = account;
            Permissions = permissions ?? Array.Empty<string>();
            PermissionsKnown = permissions != null;
            TokenExpiresOn = tokenExpiresOn;
            ConnectedAt = DateTimeOffset.Now;
        }

        public string TenantId { get; }

        public string ClientId { get; }

        public GraphEnvironment Environment { get; }

        /// <summary>The service root, without /v1.0.</summary>
        public Uri GraphEndpoint { get; }

        public GraphAuthMode AuthMode { get; }

        /// <summary>The signed-in user (delegated) or the application (app-only), when the token names it.</summary>
        public string Account { get; }

        /// <summary>Application roles (app-only) or delegated scopes granted, from the token.</summary>
        public IReadOnlyList<string> Permissions { get; }

        /// <summary>Application (the token's roles) or Delegated (its scopes): the same permission name can mean different things in each.</summary>
        public GraphPermissionKind PermissionKind { get; }

        /// <summary>False when the token could not be read (an opaque token): Permissions is then empty.</summary>
        public bool PermissionsKnown { get; }

        public DateTimeOffset? TokenExpiresOn { get; }

        public DateTimeOffset ConnectedAt { get; }

        public override string ToString() => Environment + " " + GraphEndpoint + " (" + AuthMode + ")";
    }
}
