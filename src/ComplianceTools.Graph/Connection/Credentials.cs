using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;
using ComplianceTools.Core.Publishing;

namespace ComplianceTools.Graph.Connection
{
    /// <summary>The Azure.Identity credential for each way of signing in, against the cloud's login host.</summary>
    internal static class Credentials
    {
        internal static TokenCredential Build(GraphConnectOptions o, BlockingCollection<string> prompts, out GraphAuthMode mode)
        {
            Uri authority = GraphClouds.LoginAuthority(o.Environment);
            if (o.ManagedIdentity)
            {
                mode = GraphAuthMode.ManagedIdentity;
                ManagedIdentityId id = string.IsNullOrEmpty(o.ClientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(o.ClientId);
                return new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(id) { AuthorityHost = authority });
            }

            if (o.DeviceCode)
            {
                mode = GraphAuthMode.DeviceCode;
                return new DeviceCodeCredential(new DeviceCodeCredentialOptions
                {
                    AuthorityHost = authority,
                    TenantId = string.IsNullOrEmpty(o.TenantId) ? "organizations" : o.TenantId,
                    ClientId = string.IsNullOrEmpty(o.ClientId) ? GraphConnection.GraphCommandLineToolsClientId : o.ClientId,
                    DeviceCodeCallback = (info, ct) =>
                    {
                        prompts.Add(info.Message);
                        return Task.CompletedTask;
                    },
                });
            }

            Require(o.TenantId, "TenantId", o);
            Require(o.ClientId, "ClientId", o);
            if (o.ClientSecret != null)
            {
                mode = GraphAuthMode.ClientSecret;
                return new ClientSecretCredential(o.TenantId, o.ClientId, Secrets.Reveal(o.ClientSecret), new ClientSecretCredentialOptions { AuthorityHost = authority });
            }

            X509Certificate2 certificate;
            if (o.Certificate != null)
            {
                mode = GraphAuthMode.Certificate;
                certificate = o.Certificate;
            }
            else if (!string.IsNullOrEmpty(o.CertificateThumbprint))
            {
                mode = GraphAuthMode.CertificateThumbprint;
                certificate = FindByThumbprint(o.CertificateThumbprint);
            }
            else if (!string.IsNullOrEmpty(o.CertificatePath))
            {
                mode = GraphAuthMode.CertificateFile;
                certificate = Load(o.CertificatePath, o);
            }
            else
            {
                throw GraphProblems.MissingArgument("CertificateThumbprint | Certificate | CertificatePath | ClientSecret", "app-only");
            }

            if (!certificate.HasPrivateKey)
            {
                throw GraphProblems.CertificateWithoutPrivateKey(certificate.Subject);
            }

            return new ClientCertificateCredential(o.TenantId, o.ClientId, certificate, new ClientCertificateCredentialOptions { AuthorityHost = authority });
        }

        /// <summary>An Azure.Identity failure without the request details (which never hold a secret, but are long).</summary>
        internal static string Describe(Exception ex)
        {
            string message = ex.Message ?? string.Empty;
            int cut = message.IndexOf(Environment.NewLine + "See the troubleshooting guide", StringComparison.Ordinal);
            return cut > 0 ? message.Substring(0, cut) : message;
        }

        /// <summary>CurrentUser\My first, then LocalMachine\My (a scheduled task often runs as a service account).</summary>
        internal static X509Certificate2 FindByThumbprint(string thumbprint)
        {
            string wanted = thumbprint.Replace(" ", string.Empty).Replace(":", string.Empty).ToUpperInvariant();
            foreach (StoreLocation location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                try
                {
                    using (var store = new X509Store(StoreName.My, location))
                    {
                        store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                        X509Certificate2Collection found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, false);
                        if (found.Count > 0)
                        {
                            return found[0];
                        }
                    }
                }
                catch (CryptographicException)
                {
                    // The store does not exist for this user or on this platform: look in the next one.
                }
            }

            throw GraphProblems.CertificateNotFound(wanted);
        }

        private static X509Certificate2 Load(string path, GraphConnectOptions o)
        {
            try
            {
                byte[] pfx = System.IO.File.ReadAllBytes(path);
                return o.CertificatePassword != null
                    ? new X509Certificate2(pfx, o.CertificatePassword, X509KeyStorageFlags.DefaultKeySet)
                    : new X509Certificate2(pfx, (string)null, X509KeyStorageFlags.DefaultKeySet);
            }
            catch (CryptographicException ex)
            {
                throw GraphProblems.CertificateUnreadable(path, ex.Message);
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                throw GraphProblems.CertificateUnreadable(path, ex.Message);
            }
        }

        private static void Require(string value, string parameter, GraphConnectOptions o)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw GraphProblems.MissingArgument(parameter, o.ClientSecret != null ? "ClientSecret" : "Certificate");
            }
        }
    }
}
