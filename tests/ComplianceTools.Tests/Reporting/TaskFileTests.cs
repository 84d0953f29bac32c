using System;
using System.Linq;
using System.Text;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Reporting;

namespace ComplianceTools.Tests.Reporting
{
    /// <summary>The .ics and CSV of Export-ComplianceTask, checked with an independent parser (Ical.Net).</summary>
    public sealed class TaskFileTests
    {
        private static PlanItem[] Items() => new[]
        {
            new PlanItem
            {
                Key = "CMPL-001|示例呼叫中心|2025", Kind = PlanItemKind.Rectification, Title = "CMPL-001 投诉率, 整改; 复检",
                Description = "Line one\nLine two with a backslash \\ here", Steps = new[] { "Locate", "Isolate", "Re-inspect" },
                Owner = "li.lei@example.com", Area = "Complaints", Priority = PlanPriority.Urgent,
                StartDate = new DateTime(2025, 9, 26), DueDate = new DateTime(2025, 10, 16),
            },
            new PlanItem
            {
                Key = "SCHED|AnnualReport|2026|pre-fill", Kind = PlanItemKind.Schedule, Title = "=cmd|' /C calc'!A0",
                Description = new string('长', 120), Area = "Filing", Priority = PlanPriority.Important,
                StartDate = new DateTime(2026, 2, 11), DueDate = new DateTime(2026, 2, 14),
            },
        };

        [Fact]
        public void Todos_carry_the_stable_uid_dtstart_and_due()
        {
            string ics = TaskFile.ToIcs(Items(), IcsComponent.Todo, null);
            var calendar = Ical.Net.Calendar.Load(ics);
            Assert.Equal(2, calendar.Todos.Count);
            var todo = calendar.Todos.Single(t => t.Uid == TaskFile.Uid("CMPL-001|示例呼叫中心|2025"));
            Assert.Equal("CMPL-001|%E7%A4%BA%E4%BE%8B%E5%91%BC%E5%8F%AB%E4%B8%AD%E5%BF%83|2025@compliancetools", todo.Uid);
            Assert.Equal(new DateTime(2025, 9, 26), todo.DtStart.Value);
            Assert.Equal(new DateTime(2025, 10, 16), todo.Due.Value);
            Assert.Equal("CMPL-001 投诉率, 整改; 复检", todo.Summary);
            Assert.Contains("Line two with a backslash \\ here", todo.Description, StringComparison.Ordinal);
            Assert.Equal(1, todo.Priority);
        }

        [Fact]
        public void Events_are_all_day_on_the_due_date()
        {
            var calendar = Ical.Net.Calendar.Load(TaskFile.ToIcs(Items(), IcsComponent.Event, null));
            var e = calendar.Events.Single(x => x.Uid == "SCHED|AnnualReport|2026|pre-fill@compliancetools");
            Assert.Equal(new DateTime(2026, 2, 14), e.DtStart.Value);
            Assert.False(e.DtStart.HasTime);
            Assert.Equal(new DateTime(2026, 2, 15), e.DtEnd.Value);
            Assert.Single(e.Alarms);
        }

        [Fact]
        public void Lines_end_in_crlf_and_are_folded_at_75_octets()
        {
            string ics = TaskFile.ToIcs(Items(), IcsComponent.Todo, null);
            Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", ics.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            var lines = ics.Split("\r\n");
            Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
            Assert.Contains(lines, l => l.StartsWith(' '));
        }

        [Fact]
        public void The_same_items_give_the_same_bytes()
        {
            Assert.Equal(TaskFile.ToIcs(Items(), IcsComponent.Event, null), TaskFile.ToIcs(Items(), IcsComponent.Event, null));
            Assert.Contains("DTSTAMP:20250926T000000Z\r\n", TaskFile.ToIcs(Items(), IcsComponent.Event, null), StringComparison.Ordinal);
            Assert.Contains("DTSTAMP:20260101T080000Z\r\n", TaskFile.ToIcs(Items(), IcsComponent.Event, new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc)), StringComparison.Ordinal);
        }

        [Fact]
        public void Csv_has_the_key_first_and_text_cannot_become_a_formula()
        {
            string csv = TaskFile.ToCsv(Items());
            var lines = csv.Split("\r\n");
            Assert.StartsWith("Key,Kind,Title,", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("CMPL-001|示例呼叫中心|2025,Rectification,\"CMPL-001 投诉率, 整改; 复检\"", lines[1], StringComparison.Ordinal);
            Assert.Contains(",'=cmd|' /C calc'!A0,", csv, StringComparison.Ordinal);
            Assert.Contains(",2026-02-11,2026-02-14,", csv, StringComparison.Ordinal);
        }
    
        [Fact]
        public void Written_files_mask_owners_unless_personal_data_is_asked_for()
        {
            using (var tmp = Infrastructure.Paths.NewTempFolder())
            {
                PlanItem[] items = Items();
                items[1].Owner = "张三 13800138000";
                foreach (string format in new[] { "Ics", "Csv" })
                {
                    string masked = System.IO.File.ReadAllText(TaskFile.Write(tmp.File("masked." + format), items, format, IcsComponent.Event, null, false).FullName);
                    Assert.Contains("l*****@example.com", masked, StringComparison.Ordinal);
                    Assert.Contains("张* 138****8000", masked, StringComparison.Ordinal);
                    Assert.DoesNotContain("li.lei", masked, StringComparison.Ordinal);
                    Assert.DoesNotContain("张三", masked, StringComparison.Ordinal);

                    string clear = System.IO.File.ReadAllText(TaskFile.Write(tmp.File("clear." + format), items, format, IcsComponent.Event, null, false, includePersonalData: true).FullName);
                    Assert.Contains("li.lei@example.com", clear, StringComparison.Ordinal);
                }

                Assert.Equal("li.lei@example.com", items[0].Owner); // the items given are not changed
            }
        }
    }
}
