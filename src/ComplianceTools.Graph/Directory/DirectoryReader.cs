using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Privacy;
using ComplianceTools.Core.Resources;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Graph.Connection;
using ComplianceTools.Graph.Http;

namespace ComplianceTools.Graph.Directory
{
    /// <summary>
    /// The staff roster from Entra ID as staff rows (the workbook's Staff sheet), so the staffing checks and
    /// the audit take either. Graph returns department, employee id, hire date and account state only when
    /// $select names them. Every page is followed; rows are streamed, one page in memory at a time.
    /// </summary>
    public static class DirectoryReader
    {
        internal const string Select = "id,displayName,employeeId,department,jobTitle,mail,userPrincipalName,accountEnabled,employeeHireDate,mobilePhone";
        private static readonly TimeSpan s_chinaOffset = TimeSpan.FromHours(8);

        /// <summary>Users of the tenant, or the user members of a group (nested groups and devices skipped).</summary>
        /// <param name="progress">Called on the caller's thread after each user with the count read so far.</param>
        public static IEnumerable<StaffRow> Read(GraphConnection connection, string groupId, IReadOnlyCollection<string> departments, Action<int> progress, Action<string> log, CancellationToken cancellation)
        {
            GraphRest rest = connection.Rest(log, cancellation);
            var wanted = departments == null || departments.Count == 0 ? null : new HashSet<string>(departments, StringComparer.OrdinalIgnoreCase);
            IEnumerable<StaffRow> source;
            if (string.IsNullOrEmpty(groupId))
            {
                string url = "users?$select=" + Select + "&$top=999";
                Dictionary<string, string> headers = null;
                if (wanted != null)
                {
                    // department is filterable with advanced query parameters (ConsistencyLevel: eventual, $count).
                    url += "&$count=true&$filter=" + Uri.EscapeDataString(string.Join(" or ", wanted.Select(d => "department eq " + GraphRest.Quote(d))));
                    headers = new Dictionary<string, string> { ["ConsistencyLevel"] = "eventual" };
                }

                source = rest.GetAll(url, Map, headers, "users", GraphPermissions.UserRead);
            }
            else
            {
                string url = "groups/" + Uri.EscapeDataString(groupId) + "/members?$select=" + Select + "&$top=999";
                source = rest.GetAll(url, Map, null, groupId, GraphPermissions.GroupMemberRead + " + " + GraphPermissions.UserRead);
            }

            int count = 0;
            foreach (StaffRow row in source)
            {
                if (ReferenceEquals(row, s_limited))
                {
                    // GroupMember.Read.All without User.Read.All: Graph lists the members "with limited information",
                    // their id and type only. One clear error, not a roster of empty rows.
                    throw GraphProblems.Fail("UserDetailsHidden", ProblemKind.AuthenticationError, Text.Format(nameof(Strings.GraphMembersWithoutDetails), groupId, GraphPermissions.UserRead), groupId);
                }

                // Null for a member that is not a user. Departments are filtered again here: a group's members
                // are filtered on our side, and it costs nothing for users.
                if (row == null || (wanted != null && (row.Department == null || !wanted.Contains(row.Department))))
                {
                    continue;
                }

                count++;
                progress?.Invoke(count);
                yield return row;
            }
        }

        /// <summary>Stands for a user member returned with its id only (the caller lacks User.Read.All).</summary>
        private static readonly StaffRow s_limited = new StaffRow();

        private static StaffRow Map(JsonElement user)
        {
            string type = user.Str("@odata.type");
            if (type != null && !string.Equals(type, "#microsoft.graph.user", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (user.Str("id") != null && user.Str("displayName") == null && user.Str("userPrincipalName") == null && user.Str("mail") == null)
            {
                return s_limited;
            }

            bool? enabled = user.Bool("accountEnabled");
            DateTimeOffset? hired = user.Date("employeeHireDate");
            string mail = user.Str("mail") ?? user.Str("userPrincipalName");
            return new StaffRow
            {
                EmployeeId = user.Str("employeeId"),
                Name = user.Str("displayName"),
                Department = user.Str("department"),
                JobTitle = user.Str("jobTitle"),
                Mail = mail,
                Enabled = enabled.HasValue ? (enabled.Value ? YesNo.Yes : YesNo.No) : (YesNo?)null,
                HireDate = hired.HasValue ? hired.Value.ToOffset(s_chinaOffset).Date : (DateTime?)null,
                Mobile = Mask.Phone(user.Str("mobilePhone")),
                Origin = new SourceLocation("Entra ID", "users", null, user.Str("id")),
            };
        }
    }
}
