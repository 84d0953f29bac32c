using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Graph.Connection;
using ComplianceTools.Graph.Http;

namespace ComplianceTools.Graph.Directory
{
    /// <summary>The Entra ID user an owner (mail or UPN) resolves to.</summary>
    internal sealed class GraphUser
    {
        internal GraphUser(string given, string id, string mail, string upn)
        {
            Given = given;
            Id = id;
            Mail = mail;
            UserPrincipalName = upn;
        }

        internal string Given { get; }

        internal string Id { get; }

        internal string Mail { get; }

        internal string UserPrincipalName { get; }
    }

    /// <summary>
    /// Owners of plan items → Entra ID users, for Planner assignments and SharePoint person columns; resolved
    /// by mail or UPN with $filter (case-insensitive in Graph): /users/{mail} is 404 when the
    /// mail differs from the UPN, which is common when the mail domain is not the tenant's sign-in domain.
    /// </summary>
    internal sealed class GraphUserResolver
    {
        private readonly GraphRest _rest;
        private readonly Dictionary<string, GraphUser> _cache = new Dictionary<string, GraphUser>(StringComparer.OrdinalIgnoreCase);

        internal GraphUserResolver(GraphRest rest) => _rest = rest;

        internal GraphUser Resolve(string owner, string itemKey)
        {
            string given = (owner ?? string.Empty).Trim();
            if (_cache.TryGetValue(given, out GraphUser known))
            {
                return known;
            }

            string filter = "mail eq " + GraphRest.Quote(given) + " or userPrincipalName eq " + GraphRest.Quote(given);
            List<GraphUser> found = _rest.GetAll(
                "users?$select=id,displayName,mail,userPrincipalName&$filter=" + Uri.EscapeDataString(filter),
                u => new GraphUser(given, u.Str("id"), u.Str("mail"), u.Str("userPrincipalName")),
                null,
                given,
                GraphPermissions.UserRead).Take(2).ToList();
            if (found.Count == 0)
            {
                throw GraphProblems.Fail("OwnerNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Core.Resources.Strings.GraphOwnerNotFound), given, itemKey), given);
            }

            if (found.Count > 1)
            {
                throw GraphProblems.Fail("OwnerAmbiguous", ProblemKind.InvalidData, Text.Format(nameof(Core.Resources.Strings.GraphOwnerAmbiguous), given, itemKey), given);
            }

            _cache[given] = found[0];
            return found[0];
        }
    }
}
