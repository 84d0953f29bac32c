using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ComplianceTools.Core.Planning;

namespace ComplianceTools.Core.Reporting
{
    /// <summary>Which iCalendar component carries a plan item.</summary>
    public enum IcsComponent
    {
        /// <summary>VEVENT, an all-day event on the due date with a reminder the day before: what Outlook, WPS, Google and phone calendars import from a file.</summary>
        Event,

        /// <summary>VTODO with DTSTART and DUE: for task apps that import to-dos (Thunderbird, Apple Reminders via CalDAV); Outlook and most phones ignore VTODO in a file.</summary>
        Todo,
    }

    /// <summary>
    /// Plan and schedule items as an iCalendar file (RFC 5545) or CSV. The item's stable key is the UID (and the
    /// first CSV column), so importing again updates the same entry instead of adding a copy. Output is
    /// deterministic: DTSTAMP comes from the input, not the clock. Every text field, owners included, has any
    /// phone or ID number masked (an owner given as 张三 13800138000 is written 张三 138****8000).
    /// </summary>
    public static class TaskFile
    {
        private const string Crlf = "\r\n";
        private static readonly UTF8Encoding s_utf8 = new UTF8Encoding(false);

        /// <summary>The UID of an item: its key, with anything outside a safe ASCII set percent-encoded, @compliancetools.</summary>
        public static string Uid(string key)
        {
            var sb = new StringBuilder();
            foreach (byte b in s_utf8.GetBytes(key ?? string.Empty))
            {
                char c = (char)b;
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '|')
                {
                    sb.Append(c);
                }
                else
                {
                    sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }

            return sb.Append("@compliancetools").ToString();
        }

        /// <summary>The iCalendar text (CRLF line ends, lines folded at 75 octets, TEXT escaped).</summary>
        public static string ToIcs(IEnumerable<PlanItem> items, IcsComponent component, DateTime? timestamp)
        {
            var sb = new StringBuilder();
            Line(sb, "BEGIN:VCALENDAR");
            Line(sb, "VERSION:2.0");
            Line(sb, "PRODID:-//ComplianceTools//ComplianceTools//EN");
            Line(sb, "CALSCALE:GREGORIAN");
            Line(sb, "METHOD:PUBLISH");
            Line(sb, "X-WR-CALNAME:ComplianceTools");
            foreach (PlanItem item in items)
            {
                string name = component == IcsComponent.Todo ? "VTODO" : "VEVENT";
                Line(sb, "BEGIN:" + name);
                Line(sb, "UID:" + Escape(Uid(Safe(item.Key))));
                Line(sb, "DTSTAMP:" + UtcStamp(timestamp ?? item.StartDate));
                if (component == IcsComponent.Todo)
                {
                    Line(sb, "DTSTART;VALUE=DATE:" + Day(item.StartDate));
                    if (item.DueDate.HasValue)
                    {
                        Line(sb, "DUE;VALUE=DATE:" + Day(item.DueDate.Value));
                    }

                    Line(sb, "STATUS:" + (item.Status == PlanStatus.Completed ? "COMPLETED" : (item.Status == PlanStatus.InProgress ? "IN-PROCESS" : "NEEDS-ACTION")));
                }
                else
                {
                    DateTime day = item.DueDate ?? item.StartDate;
                    Line(sb, "DTSTART;VALUE=DATE:" + Day(day));
                    Line(sb, "DTEND;VALUE=DATE:" + Day(day.AddDays(1)));
                    Line(sb, "TRANSP:TRANSPARENT");
                    Line(sb, "STATUS:CONFIRMED");
                }

                Line(sb, "SUMMARY:" + Escape(Safe(item.Title)));
                Line(sb, "DESCRIPTION:" + Escape(Description(item)));
                if (!string.IsNullOrEmpty(item.Area))
                {
                    Line(sb, "CATEGORIES:" + Escape(Safe(item.Area)));
                }

                Line(sb, "PRIORITY:" + Priority(item.Priority).ToString(CultureInfo.InvariantCulture));
                if (!string.IsNullOrEmpty(item.Owner))
                {
                    Line(sb, "X-COMPLIANCETOOLS-OWNER:" + Escape(Safe(item.Owner)));
                }

                Line(sb, "X-COMPLIANCETOOLS-KEY:" + Escape(Safe(item.Key)));
                if (component != IcsComponent.Todo || item.DueDate.HasValue)
                {
                    // A reminder at 09:00 the day before (15 h before the due day starts); a to-do without a due date has nothing to relate it to.
                    Line(sb, "BEGIN:VALARM");
                    Line(sb, "ACTION:DISPLAY");
                    Line(sb, "DESCRIPTION:" + Escape(Safe(item.Title)));
                    Line(sb, component == IcsComponent.Todo ? "TRIGGER;RELATED=END:-PT15H" : "TRIGGER:-PT15H");
                    Line(sb, "END:VALARM");
                }

                Line(sb, "END:" + name);
            }

            Line(sb, "END:VCALENDAR");
            return sb.ToString();
        }

        /// <summary>CSV for other trackers (RFC 4180, UTF-8 with BOM so Excel reads Chinese); text that starts like a formula gets a leading apostrophe.</summary>
        public static string ToCsv(IEnumerable<PlanItem> items)
        {
            var sb = new StringBuilder();
            string[] header = { "Key", "Kind", "Title", "Area", "Owner", "OwnerName", "OwnerMissing", "Priority", "FindingStatus", "StartDate", "DueDate", "WorkingDays", "Status", "Overdue", "Provisional", "RuleId", "Checklist", "Description" };
            sb.Append(string.Join(",", header)).Append(Crlf);
            foreach (PlanItem i in items)
            {
                var fields = new[]
                {
                    Safe(i.Key), i.Kind.ToString(), Safe(i.Title), Safe(i.Area), Safe(i.Owner), Safe(i.OwnerName), Flag(i.OwnerMissing), i.Priority.ToString(),
                    i.FindingStatus?.ToString() ?? string.Empty, Iso(i.StartDate), Iso(i.DueDate), i.WorkingDays.ToString(CultureInfo.InvariantCulture),
                    i.Status.ToString(), Flag(i.Overdue), Flag(i.Provisional), i.RuleId, Safe(string.Join("\n", i.Steps)), Safe(i.Description),
                };
                sb.Append(string.Join(",", fields.Select(CsvField))).Append(Crlf);
            }

            return sb.ToString();
        }

        /// <summary>
        /// Writes the items to <paramref name="path"/> (temporary file, then moved into place). No items is
        /// ComplianceTools.Output.NothingToWrite: an empty calendar never replaces a good one. Owners are masked as the
        /// report masks them (one mask per person) unless <paramref name="includePersonalData"/>.
        /// </summary>
        public static FileInfo Write(string path, IReadOnlyList<PlanItem> items, string format, IcsComponent component, DateTime? timestamp, bool force, bool includePersonalData = false)
        {
            if (items == null || items.Count == 0)
            {
                throw new Common.ComplianceException(new Common.ComplianceProblem(
                    "ComplianceTools.Output.NothingToWrite", Common.ProblemKind.InvalidData, Common.Text.Format(nameof(Resources.Strings.TaskFileNothingToWrite), path), path));
            }

            if (!includePersonalData)
            {
                items = OwnerMasks.Apply(items);
            }

            bool csv = string.Equals(format, "Csv", StringComparison.OrdinalIgnoreCase);
            string text = csv ? ToCsv(items) : ToIcs(items, component, timestamp);
            return OutputFile.Write(path, force, temp => File.WriteAllText(temp, text, csv ? new UTF8Encoding(true) : s_utf8));
        }

        /// <summary>Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.</summary>
        public static string Escape(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            return text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\n").Replace("\r", "\n").Replace("\n", "\\n");
        }

        /// <summary>Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence or surrogate pair.</summary>
        public static string Fold(string line)
        {
            var sb = new StringBuilder();
            int octets = 0;
            for (int i = 0; i < line.Length; i++)
            {
                int len = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
                int size = s_utf8.GetByteCount(line.ToCharArray(i, len));
                if (octets + size > 75)
                {
                    sb.Append(Crlf).Append(' ');
                    octets = 1;
                }

                sb.Append(line, i, len);
                octets += size;
                i += len - 1;
            }

            return sb.ToString();
        }

        private static void Line(StringBuilder sb, string line) => sb.Append(Fold(line)).Append(Crlf);

        /// <summary>Every text field of a task file, owners included, goes through the one privacy net: a phone or ID number in it is masked.</summary>
        private static string Safe(string text) => ReportText.Scrub(text);

        private static string Description(PlanItem item)
        {
            var parts = new List<string>();
            if (!string.IsNullOrEmpty(item.Owner))
            {
                parts.Add(Safe(item.Owner));
            }

            parts.Add(Iso(item.StartDate) + " – " + Iso(item.DueDate));
            if (!string.IsNullOrEmpty(item.Description))
            {
                parts.Add(Safe(item.Description));
            }

            parts.AddRange(item.Steps.Select((s, n) => (n + 1).ToString(CultureInfo.InvariantCulture) + ". " + Safe(s)));
            return string.Join("\n", parts);
        }

        private static int Priority(PlanPriority p)
        {
            switch (p)
            {
                case PlanPriority.Urgent: return 1;
                case PlanPriority.Important: return 3;
                case PlanPriority.Medium: return 5;
                default: return 9;
            }
        }

        private static string UtcStamp(DateTime value)
        {
            DateTime utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
            return utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        }

        private static string Day(DateTime d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        private static string Iso(DateTime? d) => d.HasValue ? d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;

        private static string Flag(bool value) => value ? "true" : "false";

        private static string CsvField(string text)
        {
            string v = ReportText.ForCsv(text ?? string.Empty);
            bool quote = v.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 || (v.Length > 0 && (v[0] == ' ' || v[v.Length - 1] == ' '));
            return quote ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
        }
    }
}
