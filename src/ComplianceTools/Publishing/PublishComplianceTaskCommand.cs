using System;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Resources;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Commands.Publishing
{
    /// <summary>
    /// Plan and schedule items from the pipeline (bound by property name) become, exactly once, Microsoft Planner
    /// tasks, items of a SharePoint list (every Microsoft 365 cloud, 21Vianet included), WeCom schedules or
    /// DingTalk to-dos. Each target's library loads only when it is first used.
    /// </summary>
    [Cmdlet(VerbsData.Publish, "ComplianceTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PlannerSet)]
    [OutputType(typeof(TaskPublishResult))]
    public sealed class PublishComplianceTaskCommand : ServiceCmdlet
    {
        private const string PlannerSet = "Planner";

        // One set for every -Target: PowerShell cannot choose a parameter set by a parameter's value, so what each
        // target needs (-SiteUrl and -ListName, -Operator) is checked when the command starts.
        private const string TargetSet = "Target";
        private ITaskPublisher _publisher;
        private ProgressRecord _progress;
        private int _count;

        /// <summary>The item's stable key (a finding's Key): how a re-run finds its task.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Key { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; }

        /// <summary>Mail addresses or user principal names (Microsoft 365); mails, mobiles or names found in -Dataset (WeCom, DingTalk).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] Owner { get; set; }

        /// <summary>A date, a date and time, or a string; without an offset it is China Standard Time.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object DueDate { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] Checklist { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PlannerSet)]
        [ValidateNotNullOrEmpty]
        public string PlanId { get; set; }

        /// <summary>The bucket the tasks go in; created when the plan has none of that name.</summary>
        [Parameter(ParameterSetName = PlannerSet)]
        [ValidateNotNullOrEmpty]
        public string BucketName { get; set; }

        /// <summary>SharePointList, WeCom or DingTalk (Planner is the default, with -PlanId).</summary>
        [Parameter(Mandatory = true, ParameterSetName = TargetSet)]
        public PublishTarget Target { get; set; } = PublishTarget.Planner;

        /// <summary>SharePointList: the compliance site, as https://contoso.sharepoint.cn/sites/compliance.</summary>
        [Parameter(ParameterSetName = TargetSet)]
        [ValidateNotNull]
        public Uri SiteUrl { get; set; }

        /// <summary>SharePointList: the list, created when missing.</summary>
        [Parameter(ParameterSetName = TargetSet)]
        [ValidateNotNullOrEmpty]
        public string ListName { get; set; }

        /// <summary>WeCom: the calendar the schedules go in, created once; 年检整改 by default.</summary>
        [Parameter(ParameterSetName = TargetSet)]
        [ValidateNotNullOrEmpty]
        public string CalendarName { get; set; }

        /// <summary>WeCom: an existing calendar of the app, by id, instead of -CalendarName.</summary>
        [Parameter(ParameterSetName = TargetSet)]
        [ValidateNotNullOrEmpty]
        public string CalendarId { get; set; }

        /// <summary>DingTalk: the user the to-dos are made on behalf of (their creator): a mobile, or a mail or name found in -Dataset.</summary>
        [Parameter(ParameterSetName = TargetSet)]
        [ValidateNotNullOrEmpty]
        public string Operator { get; set; }

        /// <summary>WeCom, DingTalk: the workbook, whose owners sheet and staff roster give owners' mails and mobiles.</summary>
        [Parameter(ParameterSetName = TargetSet)]
        [ValidateNotNull]
        public ComplianceDataset Dataset { get; set; }

        protected override void BeginProcessing()
        {
            _progress = new ProgressRecord(2, Text.Get(nameof(Strings.GraphPublishActivity)), Text.Format(nameof(Strings.GraphPublishStatus), 0));
            if (ParameterSetName != TargetSet)
            {
                return;
            }

            switch (Target)
            {
                case PublishTarget.Planner:
                    Refuse("TargetNeedsParameters", Text.Format(nameof(Strings.WorkplaceTargetNeedsParameters), Target, "-PlanId"), "Target");
                    break;
                case PublishTarget.SharePointList:
                    if (SiteUrl == null || ListName == null)
                    {
                        Refuse("TargetNeedsParameters", Text.Format(nameof(Strings.WorkplaceTargetNeedsParameters), Target, "-SiteUrl, -ListName"), "Target");
                    }

                    OnlyFor(PublishTarget.WeCom, nameof(CalendarName), CalendarName, nameof(CalendarId), CalendarId);
                    OnlyFor(PublishTarget.DingTalk, nameof(Operator), Operator);
                    OnlyFor(PublishTarget.WeCom + ", " + PublishTarget.DingTalk, nameof(Dataset), Dataset);
                    break;
                case PublishTarget.WeCom:
                    OnlyFor(PublishTarget.SharePointList, nameof(SiteUrl), SiteUrl, nameof(ListName), ListName);
                    OnlyFor(PublishTarget.DingTalk, nameof(Operator), Operator);
                    break;
                case PublishTarget.DingTalk:
                    OnlyFor(PublishTarget.SharePointList, nameof(SiteUrl), SiteUrl, nameof(ListName), ListName);
                    OnlyFor(PublishTarget.WeCom, nameof(CalendarName), CalendarName, nameof(CalendarId), CalendarId);
                    if (Operator == null)
                    {
                        Refuse("OperatorRequired", Text.Format(nameof(Strings.WorkplaceOperatorRequired)), "Operator");
                    }

                    break;
            }
        }

        /// <summary>Refuses a parameter given with a target that does not take it: (name, value) pairs.</summary>
        private void OnlyFor(object target, params object[] pairs)
        {
            for (int i = 0; i + 1 < pairs.Length; i += 2)
            {
                if (pairs[i + 1] != null)
                {
                    Refuse("ParameterMismatch", Text.Format(nameof(Strings.WorkplacePublishParameter), pairs[i], target), pairs[i]);
                }
            }
        }

        protected override void ProcessRecord()
        {
            if (_publisher == null)
            {
                _publisher = Run(CreatePublisher);
            }

            PublishTarget target = ParameterSetName == PlannerSet ? PublishTarget.Planner : Target;
            DateTime? day;
            DateTimeOffset? time;
            try
            {
                DueDates.Parse(DueDate is PSObject wrapped ? wrapped.BaseObject : DueDate, out day, out time);
            }
            catch (FormatException)
            {
                var problem = new ComplianceProblem("ComplianceTools.Graph.DueDateInvalid", ProblemKind.InvalidData, Text.Format(nameof(Strings.GraphDueDateInvalid), DueDate, Key), Key);
                WriteProblem(problem);
                WriteObject(new TaskPublishResult(Key, Title, PublishAction.Failed, null, Owner == null ? null : string.Join("; ", Owner), null, target, problem.Message));
                return;
            }

            var item = new PlanItem
            {
                Key = Key,
                Title = Title,
                Owner = Owner?.FirstOrDefault(o => !string.IsNullOrWhiteSpace(o)),
                Owners = Owner ?? Array.Empty<string>(),
                Description = Description ?? string.Empty,
                Steps = Checklist,
                DueDate = day,
                DueTime = time,
            };
            PublishOutcome outcome = Run(() => _publisher.Publish(item, ShouldProcess));
            if (outcome.Problem != null)
            {
                WriteProblem(outcome.Problem);
            }

            if (outcome.Result != null)
            {
                WriteObject(outcome.Result);
            }

            _progress.StatusDescription = Text.Format(nameof(Strings.GraphPublishStatus), ++_count);
            WriteProgress(_progress);
        }

        protected override void EndProcessing()
        {
            // WeCom and DingTalk: one message per owner for the whole run, listing what was created or changed.
            if (_publisher is INotifyingPublisher notifying)
            {
                foreach (string failure in Run(notifying.SendNotices))
                {
                    WriteWarning(failure);
                }
            }

            _progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(_progress);
        }

        private void Refuse(string what, string message, object target) =>
            ThrowProblem(new ComplianceProblem("ComplianceTools.Publishing." + what, ProblemKind.InvalidArgument, message, target));

        private ITaskPublisher CreatePublisher()
        {
            if (ParameterSetName == PlannerSet)
            {
                return PlannerPublisher();
            }

            switch (Target)
            {
                case PublishTarget.SharePointList:
                    return ListPublisher();
                case PublishTarget.WeCom:
                    return WeComPublisher();
                default:
                    return DingTalkPublisher();
            }
        }

        // One method per target, never inlined: each names only its own library's types, so publishing to
        // WeCom never loads the Graph SDK and publishing to Planner never loads the workplace assembly.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private ITaskPublisher PlannerPublisher() =>
            new ComplianceTools.Graph.Planner.PlannerPublisher(ComplianceTools.Graph.Connection.GraphConnection.Get(RunspaceId), PlanId, BucketName, WriteVerbose, Cancellation);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private ITaskPublisher ListPublisher() =>
            new ComplianceTools.Graph.Lists.ListPublisher(ComplianceTools.Graph.Connection.GraphConnection.Get(RunspaceId), SiteUrl, ListName, WriteVerbose, Cancellation);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private ITaskPublisher WeComPublisher() =>
            new ComplianceTools.Workplace.WeCom.WeComPublisher(
                ComplianceTools.Workplace.Connection.WorkplaceConnection.Get(RunspaceId, WorkplacePlatform.WeCom),
                CalendarName,
                CalendarId,
                Dataset == null ? null : new ComplianceTools.Workplace.Owners.ContactBook(Dataset.Owners, Dataset.Staff),
                WriteVerbose,
                WriteWarning,
                Cancellation);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private ITaskPublisher DingTalkPublisher() =>
            new ComplianceTools.Workplace.DingTalk.DingTalkPublisher(
                ComplianceTools.Workplace.Connection.WorkplaceConnection.Get(RunspaceId, WorkplacePlatform.DingTalk),
                Operator,
                Dataset == null ? null : new ComplianceTools.Workplace.Owners.ContactBook(Dataset.Owners, Dataset.Staff),
                WriteVerbose,
                Cancellation);
    }
}
