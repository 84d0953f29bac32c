using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Workplace.Http;

namespace ComplianceTools.Workplace.WeCom
{
    // What WeComPublisher knows of a schedule.
    public sealed partial class WeComPublisher
    {
        /// <summary>What the module knows of a schedule.</summary>
        private sealed class Schedule
        {
            internal string Id { get; set; }

            internal string Key { get; set; }

            internal string Summary { get; set; }

            internal string Description { get; set; }

            internal long StartTime { get; set; }

            internal long EndTime { get; set; }

            internal bool WholeDay { get; set; }

            internal HashSet<string> Attendees { get; set; }

            internal static Schedule FromJson(JsonElement s)
            {
                string description = s.Str("description");
                return new Schedule
                {
                    Id = s.Str("schedule_id"),
                    Key = TaskKey.Read(description),
                    Summary = s.Str("summary") ?? string.Empty,
                    Description = description ?? string.Empty,
                    StartTime = s.Long("start_time") ?? 0,
                    EndTime = s.Long("end_time") ?? 0,
                    WholeDay = (s.Long("is_whole_day") ?? 0) == 1,
                    Attendees = new HashSet<string>(s.Arr("attendees").Select(a => a.Str("userid")).Where(u => !string.IsNullOrEmpty(u)), StringComparer.OrdinalIgnoreCase),
                };
            }
        }
    }
}
