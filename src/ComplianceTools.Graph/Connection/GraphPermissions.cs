using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Publishing;

namespace ComplianceTools.Graph.Connection
{
    /// <summary>
    /// Least-privilege permissions each cmdlet needs, and the broader ones that also satisfy it, as Microsoft's
    /// Graph reference pages list them per API — separately for application (app-only) and delegated tokens,
    /// because they differ: Group.ReadWrite.All lets a signed-in user write Planner tasks but gives an app
    /// nothing there ("Application: Tasks.ReadWrite.All | Not available"), and User.ReadBasic.All is delegated
    /// only. Connect-ComplianceGraph warns per cmdlet when the token shows none of them.
    /// </summary>
    public static class GraphPermissions
    {
        internal const string UserRead = "User.Read.All";
        internal const string GroupMemberRead = "GroupMember.Read.All";
        internal const string SitesRead = "Sites.Read.All or Sites.Selected";
        internal const string SitesWrite = "Sites.Manage.All, or Sites.ReadWrite.All / Sites.Selected (write) when the list exists";
        internal const string TasksWrite = "Tasks.ReadWrite.All";
        internal const string TasksWriteDelegated = "Tasks.ReadWrite";

        private static readonly string[] s_userRead = { "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" };
        private static readonly string[] s_memberRead = { "GroupMember.Read.All", "GroupMember.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" };

        // site-getbypath lists Sites.* only (Files.* reach drive items but not the site lookup that comes first).
        private static readonly string[] s_sitesRead = { "Sites.Read.All", "Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All", "Sites.Selected" };
        private static readonly string[] s_sitesWrite = { "Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All", "Sites.Selected" };

        private static readonly Requirement[] s_requirements =
        {
            new Requirement("Import-ComplianceDirectory", UserRead, s_userRead, UserRead, s_userRead),
            new Requirement("Import-ComplianceDirectory -GroupId", GroupMemberRead + " + " + UserRead, s_memberRead, GroupMemberRead + " + " + UserRead, s_memberRead),
            new Requirement("Copy-ComplianceDocument", SitesRead, s_sitesRead, SitesRead, s_sitesRead),
            new Requirement("Publish-ComplianceTask", TasksWrite, new[] { "Tasks.ReadWrite.All" }, TasksWriteDelegated, new[] { "Tasks.ReadWrite", "Group.ReadWrite.All" }),
            new Requirement("Publish-ComplianceTask (owners)", UserRead, s_userRead, "User.ReadBasic.All", new[] { "User.ReadBasic.All" }.Concat(s_userRead).ToArray()),
            new Requirement("Publish-ComplianceTask -Target SharePointList", SitesWrite, s_sitesWrite, SitesWrite, s_sitesWrite),
        };

        /// <summary>For each use whose permission the granted set lacks: (use, permission needed), read as application permissions.</summary>
        public static IEnumerable<KeyValuePair<string, string>> Missing(IEnumerable<string> granted) => Missing(granted, GraphPermissionKind.Application);

        /// <summary>For each use whose permission the granted set lacks: (use, permission needed), for the token's kind.</summary>
        public static IEnumerable<KeyValuePair<string, string>> Missing(IEnumerable<string> granted, GraphPermissionKind kind)
        {
            var set = new HashSet<string>(granted ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase);
            bool delegated = kind == GraphPermissionKind.Delegated;
            foreach (Requirement requirement in s_requirements)
            {
                string[] satisfiedBy = delegated ? requirement.DelegatedSatisfiedBy : requirement.ApplicationSatisfiedBy;
                if (!satisfiedBy.Any(set.Contains))
                {
                    yield return new KeyValuePair<string, string>(requirement.Use, delegated ? requirement.Delegated : requirement.Application);
                }
            }
        }

        private sealed class Requirement
        {
            internal Requirement(string use, string application, string[] applicationSatisfiedBy, string delegated, string[] delegatedSatisfiedBy)
            {
                Use = use;
                Application = application;
                ApplicationSatisfiedBy = applicationSatisfiedBy;
                Delegated = delegated;
                DelegatedSatisfiedBy = delegatedSatisfiedBy;
            }

            internal string Use { get; }

            internal string Application { get; }

            internal string[] ApplicationSatisfiedBy { get; }

            internal string Delegated { get; }

            internal string[] DelegatedSatisfiedBy { get; }
        }
    }
}
