using System;
using System.Net;
using ComplianceTools.Core.Publishing;

namespace ComplianceTools.Graph.Connection
{
    /// <summary>The Graph service root for a connection, and the plain-http rule (loopback only).</summary>
    internal static class GraphEndpoints
    {
        /// <summary>The root to use: -GraphEndpoint when given (a trailing /v1.0 is dropped), else the cloud's.</summary>
        internal static Uri Resolve(GraphEnvironment environment, Uri endpoint)
        {
            if (endpoint == null)
            {
                return GraphClouds.GraphRoot(environment);
            }

            if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(endpoint.Query))
            {
                throw GraphProblems.InvalidEndpoint(endpoint.OriginalString);
            }

            if (endpoint.Scheme == Uri.UriSchemeHttp && !IsLoopback(endpoint))
            {
                throw GraphProblems.InsecureEndpoint(endpoint);
            }

            string path = endpoint.AbsolutePath.TrimEnd('/');
            if (path.EndsWith("/v1.0", StringComparison.OrdinalIgnoreCase))
            {
                path = path.Substring(0, path.Length - "/v1.0".Length);
            }

            return new UriBuilder(endpoint.Scheme, endpoint.Host, endpoint.Port, path).Uri;
        }

        /// <summary>127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach (a token crosses no network).</summary>
        internal static bool IsLoopback(Uri uri)
        {
            if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress address) && IPAddress.IsLoopback(address);
        }

        /// <summary>The scope app-only and device-code tokens are asked for: the cloud's Graph resource, whatever proxy is used.</summary>
        internal static string DefaultScope(GraphEnvironment environment) => GraphClouds.GraphRoot(environment).GetLeftPart(UriPartial.Authority) + "/.default";
    }
}
