using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Resources;
using ComplianceTools.Workplace.Http;
using ComplianceTools.Workplace.Owners;

namespace ComplianceTools.Workplace.Connection
{
    /// <summary>
    /// Text sent to people (app messages, work notifications, digests): in the language asked for, Chinese by
    /// default, whatever the UI culture of the server the scheduled task runs on.
    /// </summary>
    internal static class Notice
    {
        internal static readonly CultureInfo Chinese = new CultureInfo("zh-CN");

        internal static string Format(CultureInfo culture, string name, params object[] args) =>
            string.Format(culture, Strings.ResourceManager.GetString(name, culture) ?? name, args);

        /// <summary>
        /// Shortens text to a service's length limit, ending in "…", without splitting a surrogate pair.
        /// </summary>
        internal static string Cut(string text, int max)
        {
            if (text.Length <= max)
            {
                return text;
            }

            int keep = max - 1;
            if (char.IsHighSurrogate(text[keep - 1]))
            {
                keep--;
            }

            return text.Substring(0, keep) + "…";
        }

        /// <summary>How many to-do lines ("- …") a notice holds, for the message saying which notices failed.</summary>
        internal static int CountLines(string text) => text.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal));

        /// <summary>
        /// Sends one owner's notice. A refusal (a service error code, a problem that does not stop the run, or the
        /// reason <paramref name="send"/> returns) becomes a line in <paramref name="failures"/> naming the owner
        /// masked and how many items the notice held: a notice that did not arrive never fails an item.
        /// </summary>
        internal static void Send(List<string> failures, WorkplaceUser user, string text, Func<string> send)
        {
            string refused;
            try
            {
                refused = send();
            }
            catch (ServiceError error)
            {
                refused = "errcode " + error.Code + " " + error.Detail;
            }
            catch (ComplianceException ex) when (!WorkplaceProblems.StopsRun(ex.Problem))
            {
                refused = ex.Problem.Message;
            }

            if (refused != null)
            {
                failures.Add(Text.Format(nameof(Strings.WorkplaceNoticeFailed), user.Masked, CountLines(text), refused));
            }
        }
    }
}
