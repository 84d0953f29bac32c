using System;
using System.Management.Automation.Runspaces;
using System.Threading;

namespace ComplianceTools.Commands.Common
{
    /// <summary>
    /// Plumbing of the cmdlets that talk to a service (Microsoft Graph, WeCom, DingTalk): the runspace's
    /// connection key and a cancellation that Ctrl+C (StopProcessing) trips. No service library type appears
    /// in any member: those assemblies load only when such a cmdlet first runs, never when the module is imported.
    /// </summary>
    public abstract class ServiceCmdlet : ComplianceCmdlet
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        /// <summary>Connections are kept per runspace.</summary>
        protected static Guid RunspaceId => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;

        protected CancellationToken Cancellation => _stop.Token;

        protected override void StopProcessing() => _stop.Cancel();
    }
}
