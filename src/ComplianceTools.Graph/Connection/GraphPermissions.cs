using System;
using System.Collections.Generic;
using System.Linq;

namespace ComplianceTools.Graph.Connection
{
    /// <summary>
    /// Least-privilege permissions each cmdlet needs, and the broader ones that also satisfy it.
    /// Connect-ComplianceGraph warns per cmdlet when the token shows none of them.
    /// </summary>
    public static class GraphPermissions
    {
        internal const string UserRead = "User.Read.All";
        internal const string GroupMemberRead = "GroupMember.Read.All";
        internal const string SitesRead = "Sites.Read.All or Sites.Selected";
        internal const string SitesWrite = "Sites.Manage.All, or Sites.ReadWrite.All / Sites.Selected (write) when the list exists";
        internal const string TasksWrite = "Tasks.ReadWrite.All";

        private static readonly (string Use, string Needed, string[] SatisfiedBy)[] s_requirements =
        {
            ("Import-ComplianceDirectory", UserRead, new[] { "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" }),
            ("Import-ComplianceDirectory -GroupId", GroupMemberRead, new[] { "GroupMember.Read.All", "GroupMember.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" }),
            ("Copy-ComplianceDocument", SitesRead, new[] { "Sites.Read.All", "Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All", "Sites.Selected", "Files.Read.All", "Files.ReadWrite.All" }),
            ("Publish-ComplianceTask", TasksWrite, new[] { "Tasks.ReadWrite.All", "Tasks.ReadWrite", "Group.ReadWrite.All" }),
            ("Publish-ComplianceTask (owners)", UserRead, new[] { "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All", "User.ReadBasic.All" }),
            ("Publish-ComplianceTask -Target SharePointList", SitesWrite, new[] { "Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All", "Sites.Selected" }),
        };

        /// <summary>For each use whose permission the granted set lacks: (use, permission needed).</summary>
        public static IEnumerable<KeyValuePair<string, string>> Missing(IEnumerable<string> granted)
        {
            var set = new HashSet<string>(granted ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase);
            foreach (var requirement in s_requirements)
            {
                if (!requirement.SatisfiedBy.Any(set.Contains))
                {
                    yield return new KeyValuePair<string, string>(requirement.Use, requirement.Needed);
                }
            }
        }
    }
}
