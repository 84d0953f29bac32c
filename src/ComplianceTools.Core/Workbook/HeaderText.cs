using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ComplianceTools.Core.Workbook
{
    /// <summary>Normalising of headers, sheet names and choice labels for matching: full-width forms folded, spaces dropped, case ignored.</summary>
    public static class HeaderText
    {
        /// <summary>The matching key of a text: full-width ASCII folded, whitespace and a leading or trailing * dropped, lower case.</summary>
        public static string Key(string text)
        {
            if (text == null)
            {
                return string.Empty;
            }

            var sb = new StringBuilder(text.Length);
            foreach (char raw in text)
            {
                char c = FoldWide(raw);
                if (char.IsWhiteSpace(c) || c == '*')
                {
                    continue;
                }

                sb.Append(char.ToLowerInvariant(c));
            }

            return sb.ToString();
        }

        /// <summary>A full-width ASCII character (Ａ, １, ：, （) as its ASCII form; the ideographic space as a space.</summary>
        public static char FoldWide(char c)
        {
            if (c >= '\uFF01' && c <= '\uFF5E')
            {
                return (char)(c - 0xFEE0);
            }

            return c == '\u3000' ? ' ' : c;
        }

        /// <summary>Parts of a combined header: "坐席编号 SeatId", "坐席编号(SeatId)" and "SeatId/坐席编号" give the Chinese and the English part.</summary>
        public static IEnumerable<string> Parts(string text)
        {
            var folded = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                folded.Append(FoldWide(c));
            }

            string s = folded.ToString().Trim();
            int i = s.Length;
            while (i > 0 && (IsAsciiWord(s[i - 1]) || s[i - 1] == ')' || s[i - 1] == ' '))
            {
                i--;
            }

            var parts = new List<string>();
            if (i > 0 && i < s.Length)
            {
                parts.Add(s.Substring(0, i).TrimEnd(' ', '(', '/', '|', '-', '_'));
                parts.Add(s.Substring(i).Trim(' ', ')', '('));
            }

            int j = 0;
            while (j < s.Length && (IsAsciiWord(s[j]) || s[j] == ' '))
            {
                j++;
            }

            if (j > 0 && j < s.Length)
            {
                parts.Add(s.Substring(0, j).Trim());
                parts.Add(s.Substring(j).Trim(' ', '(', ')', '/', '|', '-', '_'));
            }

            return parts.Where(p => p.Length > 0);
        }

        private static bool IsAsciiWord(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }
}
