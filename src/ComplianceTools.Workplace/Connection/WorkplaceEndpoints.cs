using System;
using System.Net;
using ComplianceTools.Core.Publishing;

namespace ComplianceTools.Workplace.Connection
{
    /// <summary>
    /// The service roots. WeCom: https://qyapi.weixin.qq.com. DingTalk has two hosts — https://api.dingtalk.com
    /// (the v1.0 APIs: tokens, to-dos) and https://oapi.dingtalk.com (topapi: users, work notifications) — whose
    /// paths do not overlap, so one -Endpoint (a proxy, a test service) stands for both. Plain http only to loopback.
    /// </summary>
    internal static class WorkplaceEndpoints
    {
        internal static readonly Uri WeCom = new Uri("https://qyapi.weixin.qq.com/");
        internal static readonly Uri DingTalkApi = new Uri("https://api.dingtalk.com/");
        internal static readonly Uri DingTalkOapi = new Uri("https://oapi.dingtalk.com/");

        /// <summary>The root of the platform's (new) API: -Endpoint when given, with a trailing slash.</summary>
        internal static Uri Resolve(WorkplacePlatform platform, Uri endpoint)
        {
            if (endpoint == null)
            {
                return platform == WorkplacePlatform.WeCom ? WeCom : DingTalkApi;
            }

            return Check(endpoint);
        }

        /// <summary>DingTalk's older host (topapi): oapi.dingtalk.com, or the same -Endpoint.</summary>
        internal static Uri ResolveOld(Uri endpoint) => endpoint == null ? DingTalkOapi : Check(endpoint);

        /// <summary>An absolute http(s) address without a query; plain http only to 127.0.0.0/8, ::1 or localhost.</summary>
        internal static Uri Check(Uri endpoint)
        {
            if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment))
            {
                throw WorkplaceProblems.InvalidEndpoint(endpoint.OriginalString);
            }

            if (endpoint.Scheme == Uri.UriSchemeHttp && !IsLoopback(endpoint))
            {
                throw WorkplaceProblems.InsecureEndpoint(endpoint);
            }

            return new UriBuilder(endpoint.Scheme, endpoint.Host, endpoint.Port, endpoint.AbsolutePath.TrimEnd('/') + "/").Uri;
        }

        internal static bool IsLoopback(Uri uri)
        {
            if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress address) && IPAddress.IsLoopback(address);
        }
    }
}
