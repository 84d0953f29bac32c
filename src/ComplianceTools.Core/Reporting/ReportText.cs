using System.Text.RegularExpressions;
using ComplianceTools.Core.Privacy;

namespace ComplianceTools.Core.Reporting
{
    /// <summary>Text as it may be written into a report or file: widths for column sizing, formula guards, a last privacy net.</summary>
    public static class ReportText
    {
        /// <summary>Display width in Excel column units: CJK and full-width characters count double.</summary>
        public static int DisplayWidth(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return 0;
            }

            int width = 0;
            int best = 0;
            foreach (char c in text)
            {
                if (c == '\n')
                {
                    best = System.Math.Max(best, width);
                    width = 0;
                    continue;
                }

                width += IsWide(c) ? 2 : 1;
            }

            return System.Math.Max(best, width);
        }

        /// <summary>
        /// The text cut to <paramref name="width"/> display columns (CJK counts double) with "…" at the cut, on one line:
        /// what a fixed-size cell or label can hold whatever the input is.
        /// </summary>
        public static string Fit(string text, int width)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            string line = text.IndexOf('\n') >= 0 || text.IndexOf('\r') >= 0 ? Regex.Replace(text, @"\s*[\r\n]+\s*", " ") : text;
            if (DisplayWidth(line) <= width)
            {
                return line;
            }

            int used = 0;
            int end = 0;
            while (end < line.Length)
            {
                int w = IsWide(line[end]) ? 2 : 1;
                if (used + w > width - 1)
                {
                    break;
                }

                used += w;
                end++;
            }

            // Never split a surrogate pair.
            if (end > 0 && char.IsHighSurrogate(line[end - 1]))
            {
                end--;
            }

            return line.Substring(0, end).TrimEnd() + "…";
        }

        public static bool IsWide(char c)
        {
            return (c >= '\u1100' && c <= '\u115F') || (c >= '\u2E80' && c <= '\uA4CF') || (c >= '\uAC00' && c <= '\uD7A3')
                || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFE30' && c <= '\uFE4F') || (c >= '\uFF00' && c <= '\uFF60') || (c >= '\uFFE0' && c <= '\uFFE6');
        }

        /// <summary>True when a spreadsheet would read the text as a formula (= + - @, or a leading tab or carriage return).</summary>
        public static bool LooksLikeFormula(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            char c = text[0];
            return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        }

        /// <summary>A CSV field that cannot become a formula: a leading apostrophe where needed (OWASP CSV injection).</summary>
        public static string ForCsv(string text) => LooksLikeFormula(text) ? "'" + text : text ?? string.Empty;

        /// <summary>
        /// The privacy net every writer applies before text leaves the module: mobile numbers, resident ID numbers
        /// and landlines still in clear are masked wherever they sit (<see cref="Mask.Text"/>, the one masking path).
        /// </summary>
        public static string Scrub(string text) => Mask.Text(text);
    }
}
