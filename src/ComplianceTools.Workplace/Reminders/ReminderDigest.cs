using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Privacy;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Core.Resources;
using ComplianceTools.Workplace.Connection;

namespace ComplianceTools.Workplace.Reminders
{
    /// <summary>
    /// The daily digest: items overdue and items due within a number of days, as markdown both WeCom and
    /// DingTalk render, in the language asked for (Chinese by default), masked (owners as z*******@contoso.cn or
    /// 138****1234, titles scrubbed of phone and ID numbers), and cut to the platform's size limit in bytes.
    /// </summary>
    public static class ReminderDigest
    {
        /// <summary>Items to remind of: not completed, with a due date on or before <paramref name="asOf"/> + <paramref name="days"/>; overdue first, then by date.</summary>
        public static IReadOnlyList<PlanItem> Select(IEnumerable<PlanItem> items, DateTime asOf, int days)
        {
            DateTime last = asOf.Date.AddDays(days);
            return items
                .Where(i => i != null && i.Status != PlanStatus.Completed && i.DueDate.HasValue && i.DueDate.Value.Date <= last)
                .OrderBy(i => i.DueDate.Value)
                .ThenBy(i => i.Key, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>True when the item's due date is before <paramref name="asOf"/>.</summary>
        public static bool IsOverdue(PlanItem item, DateTime asOf) => item.DueDate.HasValue && item.DueDate.Value.Date < asOf.Date;

        /// <summary>
        /// The digest text. <paramref name="withOwners"/> adds each item's owners (masked) — for a group; a message
        /// to one owner leaves them out. Lines past <paramref name="maxBytes"/> (UTF-8) are left out and counted.
        /// </summary>
        public static string Compose(IReadOnlyList<PlanItem> items, DateTime asOf, int days, CultureInfo culture, bool withOwners, int maxBytes)
        {
            var overdue = items.Where(i => IsOverdue(i, asOf)).ToList();
            var soon = items.Where(i => !IsOverdue(i, asOf)).ToList();
            var head = new StringBuilder();
            head.Append("**").Append(Title(culture, asOf)).Append("**\n");
            head.Append(Notice.Format(culture, nameof(Strings.ReminderDigestSummary), overdue.Count, soon.Count, days));

            var lines = new List<string>();
            if (overdue.Count > 0)
            {
                lines.Add("\n**" + Notice.Format(culture, nameof(Strings.ReminderDigestOverdue)) + "**");
                lines.AddRange(overdue.Select(i => Line(i, withOwners, culture)));
            }

            if (soon.Count > 0)
            {
                lines.Add("\n**" + Notice.Format(culture, nameof(Strings.ReminderDigestDueSoon), days) + "**");
                lines.AddRange(soon.Select(i => Line(i, withOwners, culture)));
            }

            var text = new StringBuilder(head.ToString());
            int itemLines = lines.Count(l => l.StartsWith("- ", StringComparison.Ordinal));
            int written = 0;
            foreach (string line in lines)
            {
                int left = itemLines - written - (line.StartsWith("- ", StringComparison.Ordinal) ? 1 : 0);
                string more = "\n" + Notice.Format(culture, nameof(Strings.ReminderDigestMore), left);
                if (Encoding.UTF8.GetByteCount(text + "\n" + line) + (left > 0 ? Encoding.UTF8.GetByteCount(more) : 0) > maxBytes)
                {
                    text.Append('\n').Append(Notice.Format(culture, nameof(Strings.ReminderDigestMore), itemLines - written));
                    return text.ToString();
                }

                text.Append('\n').Append(line);
                if (line.StartsWith("- ", StringComparison.Ordinal))
                {
                    written++;
                }
            }

            return text.ToString();
        }

        /// <summary>The heading (the markdown title DingTalk asks for).</summary>
        public static string Title(CultureInfo culture, DateTime asOf) =>
            Notice.Format(culture, nameof(Strings.ReminderDigestTitle), asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        private static string Line(PlanItem item, bool withOwners, CultureInfo culture)
        {
            string line = "- " + item.DueDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + ReportText.Scrub(Flat(item.Title));
            if (withOwners)
            {
                var owners = item.Owners.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => Mask.Contact(o.Trim())).ToList();
                line += " · " + (owners.Count == 0 ? Notice.Format(culture, nameof(Strings.ReminderDigestNoOwner)) : string.Join(", ", owners));
            }

            return line;
        }

        private static string Flat(string text) => (text ?? string.Empty).Replace("\r", " ").Replace("\n", " ").Trim();
    }
}
