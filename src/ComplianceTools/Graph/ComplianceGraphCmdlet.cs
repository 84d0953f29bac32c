using System;
using System.Management.Automation.Runspaces;
using System.Threading;
using ComplianceTools.Commands.Common;

namespace ComplianceTools.Commands.Graph
{
    /// <summary>
    /// Plumbing of the Microsoft 365 cmdlets: the runspace's connection key and a cancellation that Ctrl+C
    /// (StopProcessing) trips. No Graph SDK type appears in any member: the SDK loads only when a Graph
    /// cmdlet first runs, never when the module is imported.
    /// </summary>
    public abstract class ComplianceGraphCmdlet : ComplianceCmdlet
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        /// <summary>Connections are kept per runspace.</summary>
        protected static Guid RunspaceId => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;

        protected CancellationToken Cancellation => _stop.Token;

        protected override void StopProcessing() => _stop.Cancel();
    }
}
