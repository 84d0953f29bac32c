using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Security;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Resources;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Commands.Publishing
{
    /// <summary>
    /// The daily digest of plan items overdue or due within -Days: to each owner as a WeCom app message or a
    /// DingTalk work notification, or with -Webhook as one message to a group robot. Chinese by default, masked.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "ComplianceReminder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ReminderResult))]
    public sealed class SendComplianceReminderCommand : ServiceCmdlet
    {
        private readonly List<PlanItem> _items = new List<PlanItem>();

        /// <summary>WeCom or DingTalk.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public WorkplacePlatform Target { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Key { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] Owner { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object DueDate { get; set; }

        /// <summary>The item's status: Completed (or Done, 已完成) items are left out.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Status { get; set; }

        /// <summary>A group robot's webhook address: one message to the group instead of one per owner.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri Webhook { get; set; }

        /// <summary>The DingTalk robot's signing secret (加签, SEC…).</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString WebhookSecret { get; set; }

        /// <summary>Items due within this many days (and every overdue item) are in the digest.</summary>
        [Parameter]
        [ValidateRange(0, 366)]
        public int Days { get; set; } = 7;

        /// <summary>The day the digest is for; today by default.</summary>
        [Parameter]
        public DateTime AsOf { get; set; } = DateTime.Today;

        /// <summary>The digest's language: zh-CN (default) or en-US.</summary>
        [Parameter]
        [ValidateSet("zh-CN", "en-US")]
        public string Language { get; set; } = "zh-CN";

        /// <summary>The workbook, whose owners sheet and staff roster give owners' mails and mobiles.</summary>
        [Parameter]
        [ValidateNotNull]
        public ComplianceDataset Dataset { get; set; }

        protected override void BeginProcessing()
        {
            if (WebhookSecret != null && Target == WorkplacePlatform.WeCom)
            {
                ThrowProblem(new ComplianceProblem("ComplianceTools.Workplace.ParameterMismatch", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.ReminderWebhookSecretDingTalk)), "WebhookSecret"));
            }
        }

        protected override void ProcessRecord()
        {
            DateTime? day;
            DateTimeOffset? time;
            try
            {
                DueDates.Parse(DueDate is PSObject wrapped ? wrapped.BaseObject : DueDate, out day, out time);
            }
            catch (FormatException)
            {
                WriteProblem(new ComplianceProblem("ComplianceTools.Graph.DueDateInvalid", ProblemKind.InvalidData, Text.Format(nameof(Strings.GraphDueDateInvalid), DueDate, Key), Key));
                return;
            }

            _items.Add(new PlanItem
            {
                Key = Key,
                Title = Title,
                Owner = Owner?.FirstOrDefault(o => !string.IsNullOrWhiteSpace(o)),
                Owners = Owner ?? Array.Empty<string>(),
                DueDate = day,
                DueTime = time,
                Status = IsCompleted(Status) ? PlanStatus.Completed : PlanStatus.NotStarted,
            });
        }

        protected override void EndProcessing()
        {
            var progress = new ProgressRecord(4, Text.Get(nameof(Strings.ReminderActivity)), Target.ToString());
            WriteProgress(progress);
            foreach (ReminderResult result in Run(Send))
            {
                WriteObject(result);
            }

            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        private static bool IsCompleted(string status) =>
            status != null && (status.Equals("Completed", StringComparison.OrdinalIgnoreCase) || status.Equals("Done", StringComparison.OrdinalIgnoreCase) || status == "已完成");

        [MethodImpl(MethodImplOptions.NoInlining)]
        private List<ReminderResult> Send()
        {
            ComplianceTools.Workplace.Connection.WorkplaceConnection connection = Webhook == null ? ComplianceTools.Workplace.Connection.WorkplaceConnection.Get(RunspaceId, Target) : null;
            var sender = new ComplianceTools.Workplace.Reminders.ReminderSender(
                Target,
                connection,
                Webhook,
                WebhookSecret,
                Dataset == null ? null : new ComplianceTools.Workplace.Owners.ContactBook(Dataset.Owners, Dataset.Staff),
                WriteVerbose,
                Cancellation);
            return sender.Send(_items, AsOf, Days, new CultureInfo(Language), ShouldProcess, WriteProblem).ToList();
        }
    }
}
