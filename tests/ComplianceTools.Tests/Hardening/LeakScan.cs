using System.Linq;
using System.Text.RegularExpressions;

namespace ComplianceTools.Tests.Hardening
{
    /// <summary>What a scan for personal data in clear looks for: a mobile or an ID number, in any of the forms people write them.</summary>
    internal static class LeakScan
    {
        /// <summary>The numbers seeded into the hostile inputs of these tests.</summary>
        public static readonly string[] Seeded = { "13800138000", "13912345678", "110101199003071234", "11010119900307123X", "02160717894", "110101900307123" };

        private static readonly Regex s_mobile = new Regex(@"(?<![0-9])1[3-9][0-9](?:[ \-－]?[0-9]{4}){2}(?![0-9])");
        private static readonly Regex s_id = new Regex(@"(?<![0-9])[1-9][0-9]{16}[0-9Xx]|(?<![0-9])[1-9][0-9]{14}(?![0-9])");

        /// <summary>Every mobile or ID number in clear in the text, and every seeded number however it is spaced or dashed.</summary>
        public static string[] Find(string text)
        {
            string folded = new string((text ?? string.Empty).Select(c => c >= '０' && c <= '９' ? (char)('0' + (c - '０')) : c).ToArray());
            string squeezed = Regex.Replace(folded, @"(?<=[0-9])[ \-－()（）+]+(?=[0-9])", string.Empty);
            return s_mobile.Matches(folded).Cast<Match>().Select(m => m.Value)
                .Concat(s_id.Matches(folded).Cast<Match>().Select(m => m.Value))
                .Concat(Seeded.Where(squeezed.Contains))
                .Distinct()
                .ToArray();
        }

        public static void AssertNone(string text, string where)
        {
            string[] found = Find(text);
            Assert.True(found.Length == 0, where + " shows personal data in clear: " + string.Join(", ", found) + "\n---\n" + text);
        }
    }
}
