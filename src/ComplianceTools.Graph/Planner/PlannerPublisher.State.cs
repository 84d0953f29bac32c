using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ComplianceTools.Graph.Http;

namespace ComplianceTools.Graph.Planner
{
    // What PlannerPublisher knows of a task: the one it wants, the one Planner has, and checklist items.
    public sealed partial class PlannerPublisher
    {
        private sealed class Desired
        {
            internal string Key { get; set; }

            internal string Title { get; set; }

            internal DateTimeOffset? Due { get; set; }

            internal HashSet<string> Assignees { get; set; }

            internal string Description { get; set; }

            internal List<string> Checklist { get; set; }
        }

        internal sealed class ChecklistItem
        {
            internal string Title { get; set; }

            internal bool IsChecked { get; set; }
        }

        /// <summary>What the module knows of a Planner task and its details.</summary>
        private sealed class TaskState
        {
            internal string Id { get; private set; }

            internal string Title { get; set; }

            internal string BucketId { get; private set; }

            internal DateTimeOffset? Due { get; set; }

            internal HashSet<string> Assignees { get; set; }

            internal string ETag { get; set; }

            internal bool HasDescription { get; private set; }

            internal string Description { get; private set; }

            internal Dictionary<string, ChecklistItem> Checklist { get; private set; } = new Dictionary<string, ChecklistItem>(StringComparer.Ordinal);

            internal string DetailsETag { get; private set; }

            internal static TaskState FromJson(JsonElement t) => new TaskState
            {
                Id = t.Str("id"),
                Title = t.Str("title"),
                BucketId = t.Str("bucketId"),
                Due = t.Date("dueDateTime"),
                Assignees = new HashSet<string>(t.Obj("assignments").Props().Where(p => p.Value.ValueKind == JsonValueKind.Object).Select(p => p.Name), StringComparer.Ordinal),
                ETag = t.Str("@odata.etag"),
                HasDescription = t.Bool("hasDescription") ?? true,
            };

            internal void CopyFrom(TaskState other)
            {
                Title = other.Title;
                BucketId = other.BucketId;
                Due = other.Due;
                Assignees = other.Assignees;
                ETag = other.ETag;
            }

            internal void SetDetails(JsonElement details, string etag)
            {
                Description = details.Str("description");
                DetailsETag = etag ?? details.Str("@odata.etag");
                Checklist = details.Obj("checklist").Props()
                    .Where(p => p.Value.ValueKind == JsonValueKind.Object)
                    .ToDictionary(p => p.Name, p => new ChecklistItem { Title = p.Value.Str("title"), IsChecked = p.Value.Bool("isChecked") ?? false }, StringComparer.Ordinal);
            }
        }
    }
}
