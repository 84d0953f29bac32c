using System;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Resources;

namespace ComplianceTools.Graph.Connection
{
    /// <summary>One named helper per Graph failure: stable ids ComplianceTools.Graph.*, localized messages.</summary>
    internal static class GraphProblems
    {
        internal static ComplianceException NotConnected() =>
            Fail("NotConnected", ProblemKind.ConnectionError, Text.Format(nameof(Core.Resources.Strings.GraphNotConnected)), null);

        internal static ComplianceException InsecureEndpoint(Uri endpoint) =>
            Fail("InsecureEndpoint", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.GraphInsecureEndpoint), endpoint), endpoint.ToString());

        internal static ComplianceException InvalidEndpoint(string endpoint) =>
            Fail("InvalidEndpoint", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.GraphInvalidEndpoint), endpoint), endpoint);

        internal static ComplianceException AuthenticationFailed(string detail, string target) =>
            Fail("AuthenticationFailed", ProblemKind.AuthenticationError, Text.Format(nameof(Core.Resources.Strings.GraphAuthenticationFailed), detail), target);

        internal static ComplianceException Forbidden(string permission, string target, string detail) =>
            Fail("PermissionDenied", ProblemKind.AuthenticationError, Text.Format(nameof(Core.Resources.Strings.GraphPermissionDenied), target, permission, detail), target);

        internal static ComplianceException PlannerServiceLimit(string code, string target, string detail) =>
            Fail("PlannerLimit", ProblemKind.LimitsExceeded, Text.Format(nameof(Strings.GraphPlannerServiceLimit), target, code, detail), target);

        internal static ComplianceException Throttled(string target, TimeSpan wait) =>
            Fail("Throttled", ProblemKind.LimitsExceeded, Text.Format(nameof(Strings.GraphThrottled), target, Math.Ceiling(wait.TotalSeconds)), target);

        internal static ComplianceException RequestFailed(int status, string code, string detail, string target) =>
            Fail("RequestFailed", ProblemKind.ConnectionError, Text.Format(nameof(Core.Resources.Strings.GraphRequestFailed), status, code, detail, target), target);

        internal static ComplianceException Unreachable(string target, string detail) =>
            Fail("ServiceUnreachable", ProblemKind.ConnectionError, Text.Format(nameof(Core.Resources.Strings.GraphServiceUnreachable), target, detail), target);

        internal static ComplianceException CertificateNotFound(string thumbprint) =>
            Fail("CertificateNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Core.Resources.Strings.GraphCertificateNotFound), thumbprint), thumbprint);

        internal static ComplianceException CertificateWithoutPrivateKey(string subject) =>
            Fail("CertificateWithoutPrivateKey", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.GraphCertificateWithoutPrivateKey), subject), subject);

        internal static ComplianceException CertificateUnreadable(string path, string detail) =>
            Fail("CertificateUnreadable", ProblemKind.ReadError, Text.Format(nameof(Core.Resources.Strings.GraphCertificateUnreadable), path, detail), path);

        internal static ComplianceException MissingArgument(string parameter, string mode) =>
            Fail("MissingArgument", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.GraphMissingArgument), parameter, mode), parameter);

        internal static ComplianceProblem Problem(string what, ProblemKind kind, string message, object target) =>
            new ComplianceProblem("ComplianceTools.Graph." + what, kind, message, target);

        internal static ComplianceException Fail(string what, ProblemKind kind, string message, object target) =>
            new ComplianceException(Problem(what, kind, message, target));
    }
}
