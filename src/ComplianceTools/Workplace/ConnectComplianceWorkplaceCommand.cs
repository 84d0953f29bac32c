using System;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Security;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Resources;
using ComplianceTools.Workplace.Connection;

namespace ComplianceTools.Commands.Workplace
{
    /// <summary>
    /// Connects to WeCom (企业微信) or DingTalk (钉钉) as a self-built app and keeps the connection for the other
    /// workplace cmdlets of this runspace. The access token is fetched at once (a wrong secret fails here), cached
    /// per process and fetched again before it expires.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "ComplianceWorkplace", DefaultParameterSetName = WeComSet)]
    [OutputType(typeof(WorkplaceConnectionInfo))]
    public sealed class ConnectComplianceWorkplaceCommand : ServiceCmdlet
    {
        private const string WeComSet = "WeCom";
        private const string DingTalkSet = "DingTalk";

        /// <summary>WeCom or DingTalk.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public WorkplacePlatform Platform { get; set; }

        /// <summary>WeCom: the organisation's CorpId (企业ID, “我的企业” → “企业信息”).</summary>
        [Parameter(Mandatory = true, ParameterSetName = WeComSet)]
        [ValidateNotNullOrEmpty]
        public string CorpId { get; set; }

        /// <summary>WeCom: the self-built app's Secret.</summary>
        [Parameter(Mandatory = true, ParameterSetName = WeComSet)]
        [ValidateNotNull]
        public SecureString Secret { get; set; }

        /// <summary>DingTalk: the app's AppKey (Client ID).</summary>
        [Parameter(Mandatory = true, ParameterSetName = DingTalkSet)]
        [ValidateNotNullOrEmpty]
        public string AppKey { get; set; }

        /// <summary>DingTalk: the app's AppSecret (Client Secret).</summary>
        [Parameter(Mandatory = true, ParameterSetName = DingTalkSet)]
        [ValidateNotNull]
        public SecureString AppSecret { get; set; }

        /// <summary>The app's AgentId: app messages (WeCom) and work notifications (DingTalk) are sent as this app.</summary>
        [Parameter(Mandatory = true)]
        [ValidateRange(1, long.MaxValue)]
        public long AgentId { get; set; }

        /// <summary>The service root for a proxy or a test service; plain http only to loopback.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri Endpoint { get; set; }

        /// <summary>WeCom: the folder of the calendar state file; by default the user's local application data.</summary>
        [Parameter(ParameterSetName = WeComSet)]
        [ValidateNotNullOrEmpty]
        public string StateFolder { get; set; }

        protected override void EndProcessing()
        {
            if (Platform == WorkplacePlatform.WeCom && ParameterSetName == DingTalkSet)
            {
                ThrowProblem(new ComplianceProblem("ComplianceTools.Workplace.ParameterMismatch", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.WorkplaceParameterMismatch), Platform, "AppKey", "-CorpId, -Secret"), "AppKey"));
            }

            if (Platform == WorkplacePlatform.DingTalk && ParameterSetName == WeComSet)
            {
                ThrowProblem(new ComplianceProblem("ComplianceTools.Workplace.ParameterMismatch", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.WorkplaceParameterMismatch), Platform, MyInvocation.BoundParameters.ContainsKey(nameof(StateFolder)) ? "StateFolder" : "CorpId", "-AppKey, -AppSecret"), "CorpId"));
            }

            WorkplaceConnectionInfo info = Run(Connect);
            WriteVerbose(Text.Format(nameof(Strings.WorkplaceConnected), info.Platform, info.Endpoint, info.AgentId, info.TokenExpiresOn));
            WriteObject(info);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private WorkplaceConnectionInfo Connect()
        {
            var options = new WorkplaceConnectOptions
            {
                Platform = Platform,
                CorpId = CorpId,
                AppKey = AppKey,
                AgentId = AgentId,
                Secret = Platform == WorkplacePlatform.WeCom ? Secret : AppSecret,
                Endpoint = Endpoint,
                StateFolder = StateFolder == null ? null : ResolvePath(StateFolder),
            };
            return WorkplaceConnection.Connect(RunspaceId, options, WriteVerbose, Cancellation).Info;
        }
    }

    /// <summary>Forgets this runspace's WeCom and/or DingTalk connection and its cached token.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ComplianceWorkplace")]
    [OutputType(typeof(void))]
    public sealed class DisconnectComplianceWorkplaceCommand : ServiceCmdlet
    {
        /// <summary>The platform to disconnect from; both when omitted.</summary>
        [Parameter(Position = 0)]
        public WorkplacePlatform? Platform { get; set; }

        protected override void EndProcessing()
        {
            if (!Remove())
            {
                WriteVerbose(Text.Format(nameof(Strings.WorkplaceDisconnectedNone), Platform?.ToString() ?? "WeCom/DingTalk"));
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private bool Remove() => WorkplaceConnection.Remove(RunspaceId, Platform);
    }
}
