using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Planning;

namespace ComplianceTools.Core.Publishing
{
    /// <summary>The result of one item, and the problem when it failed (written as an error by the cmdlet).</summary>
    public sealed class PublishOutcome
    {
        public PublishOutcome(TaskPublishResult result, ComplianceProblem problem)
        {
            Result = result;
            Problem = problem;
        }

        /// <summary>Null when -WhatIf declined the write (nothing was done, nothing to report but the what-if line).</summary>
        public TaskPublishResult Result { get; }

        public ComplianceProblem Problem { get; }
    }

    /// <summary>
    /// Publishes plan items one by one, exactly once: Microsoft Planner, a SharePoint list, WeCom schedules,
    /// DingTalk to-dos. N items give N entries; a re-run with nothing changed writes nothing; a changed due
    /// date or owner updates the same entry; a create whose answer was lost is checked before it is re-sent.
    /// </summary>
    public interface ITaskPublisher
    {
        /// <summary>Publishes one item; <paramref name="shouldProcess"/> (target, action) is asked before every write.</summary>
        PublishOutcome Publish(PlanItem item, Func<string, string, bool> shouldProcess);
    }

    /// <summary>
    /// A publisher that tells owners what changed (WeCom app messages, DingTalk work notifications): it gathers the
    /// notices of a run and sends one message per owner when the run ends — per-item messages would meet WeCom's
    /// silent drop past 30 a minute to one member, and DingTalk's 500 a day.
    /// </summary>
    public interface INotifyingPublisher
    {
        /// <summary>Sends the gathered notices; returns one line per owner who could not be told (owner masked, why).</summary>
        IReadOnlyList<string> SendNotices();
    }

    /// <summary>
    /// How the stable key travels with an entry whose service has no field for it (a Planner task, a WeCom
    /// schedule): the last line of the description reads "ComplianceTools-Key: &lt;key&gt;". Users may rename,
    /// move, tick or comment; as long as that line stays, a re-run finds the entry.
    /// </summary>
    public static class TaskKey
    {
        public const string Prefix = "ComplianceTools-Key: ";
        private static readonly Regex s_line = new Regex("^" + Regex.Escape(Prefix) + "(.+?)\\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        /// <summary>The description with the key line after it.</summary>
        public static string Compose(string description, string key)
        {
            string body = Normalize(description).TrimEnd();
            return (body.Length > 0 ? body + "\n\n" : string.Empty) + Prefix + key;
        }

        /// <summary>
        /// The description with the key line, the description cut (never the key line) so the whole fits
        /// <paramref name="maxLength"/> characters; a cut ends with "…".
        /// </summary>
        public static string Compose(string description, string key, int maxLength)
        {
            string full = Compose(description, key);
            if (full.Length <= maxLength)
            {
                return full;
            }

            string tail = "…\n\n" + Prefix + key;
            string body = Normalize(description).TrimEnd();
            int keep = Math.Max(0, maxLength - tail.Length);
            if (keep > 0 && char.IsHighSurrogate(body[keep - 1]))
            {
                keep--;
            }

            return body.Substring(0, Math.Min(keep, body.Length)).TrimEnd() + tail;
        }

        /// <summary>The key of the last key line, or null.</summary>
        public static string Read(string description)
        {
            MatchCollection matches = s_line.Matches(Normalize(description));
            return matches.Count == 0 ? null : matches[matches.Count - 1].Groups[1].Value;
        }

        /// <summary>Line ends as \n.</summary>
        public static string Normalize(string text) => (text ?? string.Empty).Replace("\r\n", "\n").Replace('\r', '\n');

        /// <summary>The same text once line ends and surrounding blanks are set aside.</summary>
        public static bool SameText(string a, string b) => string.Equals(Normalize(a).Trim(), Normalize(b).Trim(), StringComparison.Ordinal);

        /// <summary>The owners of an item as one text, "a; b"; each masked as a contact (z*******@contoso.cn) when <paramref name="masked"/>.</summary>
        public static string Owners(PlanItem item, bool masked = false) =>
            string.Join("; ", item.Owners.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => masked ? Privacy.Mask.Contact(o.Trim()) : o.Trim()));
    }
}
