using System;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Graph.Connection;

namespace ComplianceTools.Commands.Graph
{
    /// <summary>
    /// Connects to Microsoft Graph (global or 21Vianet) app-only, by device code, by managed identity or with
    /// a token obtained elsewhere, and keeps the connection for the other Graph cmdlets of this runspace.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "ComplianceGraph", DefaultParameterSetName = ThumbprintSet)]
    [OutputType(typeof(GraphConnectionInfo))]
    public sealed class ConnectComplianceGraphCommand : ComplianceGraphCmdlet
    {
        private const string TokenSet = "AccessToken";
        private const string ThumbprintSet = "CertificateThumbprint";
        private const string CertificateSet = "Certificate";
        private const string FileSet = "CertificateFile";
        private const string SecretSet = "ClientSecret";
        private const string ManagedSet = "ManagedIdentity";
        private const string DeviceSet = "DeviceCode";

        /// <summary>The directory (tenant) id or domain.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        [Parameter(Mandatory = true, ParameterSetName = FileSet)]
        [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
        [Parameter(ParameterSetName = DeviceSet)]
        [Parameter(ParameterSetName = TokenSet)]
        [ValidateNotNullOrEmpty]
        public string TenantId { get; set; }

        /// <summary>The application (client) id of the app registration, or of a user-assigned managed identity.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        [Parameter(Mandatory = true, ParameterSetName = FileSet)]
        [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
        [Parameter(ParameterSetName = ManagedSet)]
        [Parameter(ParameterSetName = DeviceSet)]
        [ValidateNotNullOrEmpty]
        public string ClientId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [ValidatePattern("^[0-9A-Fa-f :]{40,59}$")]
        public string CertificateThumbprint { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        [ValidateNotNull]
        public X509Certificate2 Certificate { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        public string CertificatePath { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        public SecureString CertificatePassword { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
        [ValidateNotNull]
        public SecureString ClientSecret { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ManagedSet)]
        public SwitchParameter ManagedIdentity { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DeviceSet)]
        public SwitchParameter DeviceCode { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString AccessToken { get; set; }

        /// <summary>Global (default) or China (Microsoft 365 operated by 21Vianet).</summary>
        [Parameter]
        public GraphEnvironment Environment { get; set; } = GraphEnvironment.Global;

        /// <summary>The Graph service root without /v1.0, for a proxy or a Graph-compatible service.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri GraphEndpoint { get; set; }

        protected override void EndProcessing()
        {
            if (ClientSecret != null)
            {
                WriteWarning(Text.Format(nameof(Core.Resources.Strings.GraphClientSecretWarning)));
            }

            var options = new GraphConnectOptions
            {
                Environment = Environment,
                GraphEndpoint = GraphEndpoint,
                TenantId = TenantId,
                ClientId = ClientId,
                AccessToken = AccessToken,
                CertificateThumbprint = CertificateThumbprint,
                Certificate = Certificate,
                CertificatePath = CertificatePath == null ? null : ResolvePath(CertificatePath),
                CertificatePassword = CertificatePassword,
                ClientSecret = ClientSecret,
                ManagedIdentity = ManagedIdentity.IsPresent,
                DeviceCode = DeviceCode.IsPresent,
            };

            GraphConnectionInfo info = Run(() => GraphConnection.Connect(RunspaceId, options, WriteWarning, Cancellation).Info);
            WriteVerbose(Text.Format(nameof(Core.Resources.Strings.GraphConnected), info.GraphEndpoint, info.Environment, info.AuthMode));
            if (info.PermissionsKnown)
            {
                foreach (var missing in GraphPermissions.Missing(info.Permissions, info.PermissionKind))
                {
                    WriteWarning(Text.Format(nameof(Core.Resources.Strings.GraphPermissionMissing), missing.Key, missing.Value));
                }
            }

            WriteObject(info);
        }
    }

    /// <summary>Forgets the connection of this runspace.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ComplianceGraph")]
    [OutputType(typeof(void))]
    public sealed class DisconnectComplianceGraphCommand : ComplianceGraphCmdlet
    {
        protected override void EndProcessing()
        {
            if (!GraphConnection.Remove(RunspaceId))
            {
                WriteVerbose(Text.Format(nameof(Core.Resources.Strings.GraphNotConnected)));
            }
        }
    }
}
