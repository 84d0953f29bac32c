using System;
using System.Collections.Generic;

namespace ComplianceTools.Core.Graph
{
    /// <summary>
    /// One plan or schedule item to publish, bound by property name from New-RectificationPlan /
    /// New-ComplianceSchedule output or any object with Key, Title, Owner, DueDate, Description, Checklist.
    /// </summary>
    public sealed class PlanItem
    {
        public PlanItem(string key, string title, IReadOnlyList<string> owners, DateTimeOffset? dueDate, string description, IReadOnlyList<string> checklist)
        {
            Key = key;
            Title = title;
            Owners = owners ?? Array.Empty<string>();
            DueDate = dueDate;
            Description = description ?? string.Empty;
            Checklist = checklist ?? Array.Empty<string>();
        }

        /// <summary>The stable key (a finding's Key): how a re-run finds the task it created.</summary>
        public string Key { get; }

        public string Title { get; }

        /// <summary>Mail addresses or UPNs.</summary>
        public IReadOnlyList<string> Owners { get; }

        public DateTimeOffset? DueDate { get; }

        public string Description { get; }

        public IReadOnlyList<string> Checklist { get; }
    }

    /// <summary>What publishing did to one item.</summary>
    public enum PublishAction
    {
        Created,
        Updated,
        Unchanged,
        Failed,
    }

    /// <summary>Where items are published.</summary>
    public enum PublishTarget
    {
        Planner,
        SharePointList,
    }

    /// <summary>One result per published item.</summary>
    public sealed class TaskPublishResult
    {
        public TaskPublishResult(string key, string title, PublishAction action, string taskId, string owner, DateTimeOffset? dueDate, PublishTarget target, string message)
        {
            Key = key;
            Title = title;
            Action = action;
            TaskId = taskId;
            Owner = owner;
            DueDate = dueDate;
            Target = target;
            Message = message;
        }

        public string Key { get; }

        public string Title { get; }

        public PublishAction Action { get; }

        /// <summary>The Planner task id, or the list item id for the SharePoint list target.</summary>
        public string TaskId { get; }

        public string Owner { get; }

        public DateTimeOffset? DueDate { get; }

        public PublishTarget Target { get; }

        /// <summary>Why the item failed, or what changed.</summary>
        public string Message { get; }
    }

    /// <summary>What Copy-ComplianceDocument did to one file.</summary>
    public enum DocumentAction
    {
        Downloaded,
        Updated,
        Restored,
        Unchanged,
        KeptLocalEdit,
        Failed,
    }

    /// <summary>One result per file of the library folder.</summary>
    public sealed class DocumentCopyResult
    {
        public DocumentCopyResult(string path, string fullName, long size, DocumentAction action)
        {
            Path = path;
            FullName = fullName;
            Size = size;
            Action = action;
        }

        /// <summary>The path relative to the folder copied (and to -Destination), with '/' separators.</summary>
        public string Path { get; }

        public string FullName { get; }

        public long Size { get; }

        public DocumentAction Action { get; }
    }
}
