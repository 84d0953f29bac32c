using System;

namespace ComplianceTools.Core.Publishing
{
    /// <summary>What publishing did to one item.</summary>
    public enum PublishAction
    {
        Created,
        Updated,
        Unchanged,
        Failed,

        /// <summary>The entry's owner marked it done (a DingTalk to-do): reported, never reopened or changed.</summary>
        Completed,
    }

    /// <summary>Where items are published.</summary>
    public enum PublishTarget
    {
        /// <summary>Microsoft Planner (global Microsoft 365).</summary>
        Planner,

        /// <summary>A list of a SharePoint site (every Microsoft 365 cloud, 21Vianet included).</summary>
        SharePointList,

        /// <summary>WeCom (企业微信): a whole-day schedule per item in the module's calendar.</summary>
        WeCom,

        /// <summary>DingTalk (钉钉): a to-do per item.</summary>
        DingTalk,
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

        /// <summary>The Planner task id, the list item id, the WeCom schedule id or the DingTalk to-do id.</summary>
        public string TaskId { get; }

        /// <summary>The owners as given (WeCom and DingTalk: masked, as 138****1234 or z*******@contoso.cn).</summary>
        public string Owner { get; }

        /// <summary>The moment the entry is due (a date alone is its first moment in China Standard Time).</summary>
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
