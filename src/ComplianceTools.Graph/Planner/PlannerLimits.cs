using System;
using System.Collections.Generic;

namespace ComplianceTools.Graph.Planner
{
    /// <summary>
    /// The service limits Planner names in error.code when it refuses a request with 403 (Microsoft Graph,
    /// "Planner resource versioning" / "Common Planner error conditions"): a 403 carrying one of these is a
    /// limit reached, not a missing permission.
    /// </summary>
    internal static class PlannerLimits
    {
        internal static readonly HashSet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "MaximumProjectsOwnedByUser",
            "MaximumProjectsSharedWithUser",
            "MaximumTasksCreatedByUser",
            "MaximumTasksAssignedToUser",
            "MaximumTasksInProject",
            "MaximumActiveTasksInProject",
            "MaximumBucketsInProject",
            "MaximumUsersSharedWithProject",
            "MaximumReferencesOnTask",
            "MaximumChecklistItemsOnTask",
            "MaximumAssigneesInTasks",
            "MaximumPlannerPlans",
        };

        /// <summary>A documented limit code, or one of the same family (Planner adds limits over time).</summary>
        internal static bool IsLimit(string code) =>
            !string.IsNullOrEmpty(code) && (Known.Contains(code) || code.StartsWith("Maximum", StringComparison.Ordinal));
    }
}
