using System;
using System.Linq;
using System.Text.RegularExpressions;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Graph;

namespace ComplianceTools.Graph.Planner
{
    /// <summary>The result of one item, and the problem when it failed (written as an error by the cmdlet).</summary>
    public sealed class PublishOutcome
    {
        internal PublishOutcome(TaskPublishResult result, ComplianceProblem problem)
        {
            Result = result;
            Problem = problem;
        }

        /// <summary>Null when -WhatIf declined the write (nothing was done, nothing to report but the what-if line).</summary>
        public TaskPublishResult Result { get; }

        public ComplianceProblem Problem { get; }
    }

    /// <summary>Publishes plan items one by one, exactly once; implemented for Planner and for a SharePoint list.</summary>
    public interface ITaskPublisher
    {
        /// <summary>Publishes one item; <paramref name="shouldProcess"/> (target, action) is asked before every write.</summary>
        PublishOutcome Publish(PlanItem item, Func<string, string, bool> shouldProcess);
    }

    /// <summary>
    /// How the stable key travels with a Planner task: the last line of the task's description reads
    /// "ComplianceTools-Key: &lt;key&gt;". Users may rename, move, tick or comment on the task; as long as
    /// that line stays, a re-run finds the task. A keyless task in the target bucket with the item's exact
    /// title (a create whose answer was lost, or a task made by hand) is adopted rather than duplicated.
    /// </summary>
    internal static class KeyMarker
    {
        internal const string Prefix = "ComplianceTools-Key: ";
        private static readonly Regex s_line = new Regex("^" + Regex.Escape(Prefix) + "(.+?)\\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        internal static string Compose(string description, string key)
        {
            string body = Normalize(description).TrimEnd();
            return (body.Length > 0 ? body + "\n\n" : string.Empty) + Prefix + key;
        }

        internal static string Read(string description)
        {
            MatchCollection matches = s_line.Matches(Normalize(description));
            return matches.Count == 0 ? null : matches[matches.Count - 1].Groups[1].Value;
        }

        internal static string Normalize(string text) => (text ?? string.Empty).Replace("\r\n", "\n").Replace('\r', '\n');

        internal static bool SameText(string a, string b) => string.Equals(Normalize(a).Trim(), Normalize(b).Trim(), StringComparison.Ordinal);

        internal static string Owners(PlanItem item) => string.Join("; ", item.Owners.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()));
    }
}
