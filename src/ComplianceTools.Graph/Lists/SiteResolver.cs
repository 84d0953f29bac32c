using System;
using ComplianceTools.Core.Common;
using ComplianceTools.Graph.Connection;
using ComplianceTools.Graph.Http;

namespace ComplianceTools.Graph.Lists
{
    /// <summary>A SharePoint site by its URL (https://contoso.sharepoint.cn/sites/compliance) → its Graph id.</summary>
    internal static class SiteResolver
    {
        internal static string Resolve(GraphRest rest, Uri siteUrl, string permission)
        {
            if (!siteUrl.IsAbsoluteUri || siteUrl.Scheme != Uri.UriSchemeHttps)
            {
                throw GraphProblems.Fail("SiteUrlInvalid", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.GraphSiteUrlInvalid), siteUrl), siteUrl.ToString());
            }

            string path = siteUrl.AbsolutePath.TrimEnd('/');
            string url = "sites/" + siteUrl.Host + (path.Length > 0 ? ":" + EscapePath(path) : string.Empty);
            using (GraphResponse site = rest.Get(url))
            {
                if (site.Status == 404 || site.Status == 400)
                {
                    throw GraphProblems.Fail("SiteNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Core.Resources.Strings.GraphSiteNotFound), siteUrl), siteUrl.ToString());
                }

                site.EnsureSuccess(siteUrl.ToString(), permission);
                return site.Root.Str("id");
            }
        }

        /// <summary>Each segment of a path escaped, the slashes kept.</summary>
        internal static string EscapePath(string path)
        {
            string[] parts = path.Split('/');
            for (int i = 0; i < parts.Length; i++)
            {
                parts[i] = Uri.EscapeDataString(Uri.UnescapeDataString(parts[i]));
            }

            return string.Join("/", parts);
        }
    }
}
