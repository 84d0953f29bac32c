using ComplianceTools.Commands.Common;

namespace ComplianceTools.Commands.Graph
{
    /// <summary>The Microsoft 365 cmdlets: connection per runspace and Ctrl+C as a cancellation (see <see cref="ServiceCmdlet"/>).</summary>
    public abstract class ComplianceGraphCmdlet : ServiceCmdlet
    {
    }
}
