using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Resources;
using ComplianceTools.Workplace.Connection;

namespace ComplianceTools.Workplace.Owners
{
    /// <summary>
    /// The notices of one run, per owner: "new" and "changed" lines gathered while items are published, turned
    /// into one message per owner at the end (in Chinese, cut to the platform's byte limit with the count left out).
    /// </summary>
    internal sealed class Notices
    {
        private readonly Dictionary<string, (WorkplaceUser User, List<string> Lines)> _byUser = new Dictionary<string, (WorkplaceUser, List<string>)>(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _order = new List<string>();

        internal int Count => _order.Count;

        /// <summary>Adds a line for each of the users (once per user and item).</summary>
        internal void Add(IEnumerable<WorkplaceUser> users, string line)
        {
            foreach (WorkplaceUser user in users)
            {
                if (!_byUser.TryGetValue(user.UserId, out var entry))
                {
                    entry = (user, new List<string>());
                    _byUser[user.UserId] = entry;
                    _order.Add(user.UserId);
                }

                if (!entry.Lines.Contains(line))
                {
                    entry.Lines.Add(line);
                }
            }
        }

        /// <summary>Each owner and their message: a heading, then the lines, cut to <paramref name="maxBytes"/> of UTF-8.</summary>
        internal IEnumerable<(WorkplaceUser User, string Text)> Messages(string heading, int maxBytes)
        {
            foreach (string id in _order)
            {
                (WorkplaceUser user, List<string> lines) = _byUser[id];
                var text = new StringBuilder(Notice.Format(Notice.Chinese, nameof(Strings.WorkplaceNoticeHeading), heading, lines.Count));
                for (int i = 0; i < lines.Count; i++)
                {
                    string more = "\n" + Notice.Format(Notice.Chinese, nameof(Strings.ReminderDigestMore), lines.Count - i);
                    if (Encoding.UTF8.GetByteCount(text + "\n" + lines[i]) + (i < lines.Count - 1 ? Encoding.UTF8.GetByteCount(more) : 0) > maxBytes)
                    {
                        text.Append(more);
                        break;
                    }

                    text.Append('\n').Append(lines[i]);
                }

                yield return (user, text.ToString());
            }
        }

        /// <summary>
        /// Gathers a "new" or "changed" line (<paramref name="what"/>, a resource name) for the item's owners, sent with the
        /// others when the run ends; returns what the item's result says of it, or null when it has no owner to tell.
        /// </summary>
        internal string Tell(IReadOnlyList<WorkplaceUser> users, string what, string title, string due)
        {
            if (users.Count == 0)
            {
                return null;
            }

            Add(users, Line(Notice.Format(Notice.Chinese, what), title, due));
            return Text.Get(nameof(Strings.WorkplaceNotifyLater));
        }

        /// <summary>Two parts of an item's result message, "a; b", either possibly empty.</summary>
        internal static string Join(string a, string b) => string.IsNullOrEmpty(b) ? a : (string.IsNullOrEmpty(a) ? b : a + "; " + b);

        internal static string Line(string what, string title, string due) =>
            string.Format(CultureInfo.InvariantCulture, "- {0} {1} ({2})", due, title, what);
    }
}
