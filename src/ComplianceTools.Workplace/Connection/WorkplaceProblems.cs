using System;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Resources;

namespace ComplianceTools.Workplace.Connection
{
    /// <summary>
    /// One named helper per WeCom/DingTalk failure: stable ids ComplianceTools.Workplace.*, localized messages.
    /// Messages name the platform, the call and the item; never a secret, a token or an unmasked owner.
    /// </summary>
    internal static class WorkplaceProblems
    {
        internal static ComplianceException NotConnected(WorkplacePlatform platform) =>
            Fail("NotConnected", ProblemKind.ConnectionError, Text.Format(nameof(Strings.WorkplaceNotConnected), platform), platform.ToString());

        internal static ComplianceException InsecureEndpoint(Uri endpoint) =>
            Fail("InsecureEndpoint", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.WorkplaceInsecureEndpoint), endpoint), endpoint.ToString());

        internal static ComplianceException InvalidEndpoint(string endpoint) =>
            Fail("InvalidEndpoint", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.WorkplaceInvalidEndpoint), endpoint), endpoint);

        internal static ComplianceException MissingArgument(WorkplacePlatform platform, string parameter) =>
            Fail("MissingArgument", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.WorkplaceMissingArgument), platform, parameter), parameter);

        /// <summary>The secret (or the organisation/app id) was refused when the token was asked for: one error for the whole run.</summary>
        internal static ComplianceException AuthenticationFailed(WorkplacePlatform platform, string code, string detail) =>
            Fail("AuthenticationFailed", ProblemKind.AuthenticationError, Text.Format(nameof(Strings.WorkplaceAuthenticationFailed), platform, code, detail), platform.ToString());

        /// <summary>The app lacks the permission (DingTalk permission point, WeCom API access) a call needs: the same for every item, so the run stops.</summary>
        internal static ComplianceException PermissionDenied(WorkplacePlatform platform, string api, string permission, string code, string detail) =>
            Fail("PermissionDenied", ProblemKind.AuthenticationError, Text.Format(nameof(Strings.WorkplacePermissionDenied), platform, api, permission, code, detail), api);

        internal static ComplianceException IpNotAllowed(WorkplacePlatform platform, string code, string detail) =>
            Fail("IpNotAllowed", ProblemKind.AuthenticationError, Text.Format(nameof(Strings.WorkplaceIpNotAllowed), platform, code, detail), platform.ToString());

        internal static ComplianceException RateLimited(WorkplacePlatform platform, string api, string code) =>
            Fail("RateLimited", ProblemKind.LimitsExceeded, Text.Format(nameof(Strings.WorkplaceRateLimited), platform, api, code), api);

        internal static ComplianceException Unreachable(WorkplacePlatform platform, string api, string detail) =>
            Fail("ServiceUnreachable", ProblemKind.ConnectionError, Text.Format(nameof(Strings.WorkplaceServiceUnreachable), platform, api, detail), api);

        internal static ComplianceException CallFailed(WorkplacePlatform platform, string api, string code, string detail, object target) =>
            Fail("RequestFailed", ProblemKind.ConnectionError, Text.Format(nameof(Strings.WorkplaceRequestFailed), platform, api, code, detail, target), target);

        internal static ComplianceProblem Problem(string what, ProblemKind kind, string message, object target) =>
            new ComplianceProblem("ComplianceTools.Workplace." + what, kind, message, target);

        internal static ComplianceException Fail(string what, ProblemKind kind, string message, object target) =>
            new ComplianceException(Problem(what, kind, message, target));

        /// <summary>
        /// Problems that are the same for every item (a refused secret or permission, an IP not allowed, a rate
        /// limit that outlasts the back-off, a service that does not answer): they stop the run with one error
        /// instead of failing each item the same way.
        /// </summary>
        internal static bool StopsRun(ComplianceProblem problem)
        {
            if (problem.Kind == ProblemKind.AuthenticationError)
            {
                return true;
            }

            switch (problem.ErrorId)
            {
                case "ComplianceTools.Workplace.RateLimited":
                case "ComplianceTools.Workplace.ServiceUnreachable":
                case "ComplianceTools.Workplace.CalendarNotFound":
                case "ComplianceTools.Workplace.StateFileUnwritable":
                case "ComplianceTools.Workplace.StateFileUnreadable":
                case "ComplianceTools.Workplace.OperatorRequired":
                case "ComplianceTools.Workplace.OperatorNotFound":
                    return true;
                default:
                    return false;
            }
        }
    }
}
