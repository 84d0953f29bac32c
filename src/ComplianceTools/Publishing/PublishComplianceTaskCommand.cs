using System;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Commands.Graph;
using ComplianceTools.Graph.Connection;
using ComplianceTools.Graph.Planner;

namespace ComplianceTools.Commands.Publishing
{
    /// <summary>
    /// Plan and schedule items from the pipeline (bound by property name) become Planner tasks, or items of a
    /// SharePoint list (-Target SharePointList, every cloud including 21Vianet), exactly once.
    /// </summary>
    [Cmdlet(VerbsData.Publish, "ComplianceTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PlannerSet)]
    [OutputType(typeof(TaskPublishResult))]
    public sealed class PublishComplianceTaskCommand : ComplianceGraphCmdlet
    {
        private const string PlannerSet = "Planner";
        private const string ListSet = "SharePointList";
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

        /// <summary>Mail addresses or user principal names.</summary>
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

        [Parameter(Mandatory = true, ParameterSetName = ListSet)]
        public PublishTarget Target { get; set; } = PublishTarget.Planner;

        /// <summary>The compliance site, as https://contoso.sharepoint.cn/sites/compliance.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ListSet)]
        [ValidateNotNull]
        public Uri SiteUrl { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string ListName { get; set; }

        protected override void BeginProcessing()
        {
            _progress = new ProgressRecord(2, Text.Get("GraphPublishActivity"), Text.Format("GraphPublishStatus", 0));
        }

        protected override void ProcessRecord()
        {
            if (_publisher == null)
            {
                _publisher = Run(CreatePublisher);
            }

            DateTime? day;
            DateTimeOffset? time;
            try
            {
                DueDates.Parse(DueDate is PSObject wrapped ? wrapped.BaseObject : DueDate, out day, out time);
            }
            catch (FormatException)
            {
                var problem = new ComplianceProblem("ComplianceTools.Graph.DueDateInvalid", ProblemKind.InvalidData, Text.Format("GraphDueDateInvalid", DueDate, Key), Key);
                WriteProblem(problem);
                WriteObject(new TaskPublishResult(Key, Title, PublishAction.Failed, null, Owner == null ? null : string.Join("; ", Owner), null, Target, problem.Message));
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

            _progress.StatusDescription = Text.Format("GraphPublishStatus", ++_count);
            WriteProgress(_progress);
        }

        protected override void EndProcessing()
        {
            _progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(_progress);
        }

        private ITaskPublisher CreatePublisher()
        {
            GraphConnection connection = GraphConnection.Get(RunspaceId);
            return ParameterSetName == ListSet
                ? (ITaskPublisher)new ComplianceTools.Graph.Lists.ListPublisher(connection, SiteUrl, ListName, WriteVerbose, Cancellation)
                : new PlannerPublisher(connection, PlanId, BucketName, WriteVerbose, Cancellation);
        }
    }
}
