using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Microsoft.Kiota.Abstractions.Authentication;

namespace ComplianceTools.Graph.Connection
{
    /// <summary>
    /// A token obtained elsewhere (-AccessToken). The Graph SDK has no provider for a static token, and its
    /// credential-based provider sends no token to hosts outside its built-in Graph list: this one is given
    /// the connection's host explicitly. The token stays in a SecureString until a request needs it.
    /// </summary>
    internal sealed class StaticTokenProvider : IAccessTokenProvider
    {
        private readonly SecureString _token;

        internal StaticTokenProvider(SecureString token, string host)
        {
            _token = token.Copy();
            _token.MakeReadOnly();
            AllowedHostsValidator = new AllowedHostsValidator(new[] { host });
        }

        public AllowedHostsValidator AllowedHostsValidator { get; }

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object> additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            if (uri == null || !AllowedHostsValidator.IsUrlHostValid(uri))
            {
                return Task.FromResult(string.Empty);
            }

            return Task.FromResult(Secrets.Reveal(_token));
        }
    }

    /// <summary>
    /// An Azure.Identity credential (certificate, secret, managed identity, device code) for the cloud's
    /// Graph scope, sent to the connection's host only (the SDK's default list would miss a -GraphEndpoint).
    /// </summary>
    internal sealed class CredentialTokenProvider : IAccessTokenProvider
    {
        private readonly TokenCredential _credential;
        private readonly string[] _scopes;

        internal CredentialTokenProvider(TokenCredential credential, string host, string scope)
        {
            _credential = credential;
            _scopes = new[] { scope };
            AllowedHostsValidator = new AllowedHostsValidator(new[] { host });
        }

        public AllowedHostsValidator AllowedHostsValidator { get; }

        public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object> additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            if (uri == null || !AllowedHostsValidator.IsUrlHostValid(uri))
            {
                return string.Empty;
            }

            AccessToken token = await _credential.GetTokenAsync(new TokenRequestContext(_scopes), cancellationToken).ConfigureAwait(false);
            return token.Token;
        }

        internal AccessToken GetToken(CancellationToken cancellationToken) =>
            _credential.GetTokenAsync(new TokenRequestContext(_scopes), cancellationToken).AsTask().GetAwaiter().GetResult();
    }

    internal static class Secrets
    {
        /// <summary>The clear text of a SecureString, for the moment a library call needs it.</summary>
        internal static string Reveal(SecureString value)
        {
            if (value == null || value.Length == 0)
            {
                return string.Empty;
            }

            IntPtr ptr = Marshal.SecureStringToGlobalAllocUnicode(value);
            try
            {
                return Marshal.PtrToStringUni(ptr, value.Length);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }
    }
}
