using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ComplianceTools.Build
{
    /// <summary>The sections of a platyPS-like help markdown file (see DEVELOPERS.md).</summary>
    internal sealed class MarkdownHelp
    {
        public string Synopsis { get; private set; } = string.Empty;

        public string Description { get; private set; } = string.Empty;

        public string Notes { get; private set; } = string.Empty;

        public List<(string Title, string Code, string Remarks)> Examples { get; } = new();

        public Dictionary<string, string> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<(string Name, string Text)> Inputs { get; } = new();

        public List<(string Name, string Text)> Outputs { get; } = new();

        public List<string> Links { get; } = new();

        public static MarkdownHelp Parse(string markdown)
        {
            var help = new MarkdownHelp();
            string text = markdown.Replace("\r\n", "\n");
            if (text.StartsWith("---\n", StringComparison.Ordinal))
            {
                int end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
                if (end > 0)
                {
                    text = text.Substring(text.IndexOf('\n', end + 1) + 1);
                }
            }

            foreach (var (heading, body) in Split(text, 2))
            {
                switch (heading.ToUpperInvariant())
                {
                    case "SYNOPSIS": help.Synopsis = body.Trim(); break;
                    case "DESCRIPTION": help.Description = body.Trim(); break;
                    case "NOTES": help.Notes = body.Trim(); break;
                    case "EXAMPLES":
                        foreach (var (title, exampleBody) in Split(body, 3))
                        {
                            Match code = Regex.Match(exampleBody, "```[a-zA-Z]*\\n(.*?)\\n```", RegexOptions.Singleline);
                            string remarks = code.Success ? exampleBody.Remove(code.Index, code.Length) : exampleBody;
                            help.Examples.Add((title.Trim(), code.Success ? code.Groups[1].Value : string.Empty, remarks.Trim()));
                        }

                        break;
                    case "PARAMETERS":
                        foreach (var (name, parameterBody) in Split(body, 3))
                        {
                            // Drop any yaml block a platyPS file may carry: metadata comes from the code.
                            string prose = Regex.Replace(parameterBody, "```yaml.*?```", string.Empty, RegexOptions.Singleline).Trim();
                            help.Parameters[name.Trim().TrimStart('-')] = prose;
                        }

                        break;
                    case "INPUTS":
                        help.Inputs.AddRange(Split(body, 3).Select(s => (s.Heading.Trim(), s.Body.Trim())));
                        break;
                    case "OUTPUTS":
                        help.Outputs.AddRange(Split(body, 3).Select(s => (s.Heading.Trim(), s.Body.Trim())));
                        break;
                    case "RELATED LINKS":
                        help.Links.AddRange(body.Split('\n').Select(l => Regex.Replace(l.Trim(), "^[-*]\\s*|\\[|\\]\\(.*\\)", string.Empty)).Where(l => l.Length > 0));
                        break;
                }
            }

            return help;
        }

        /// <summary>Splits text at headings of the given level, ignoring headings inside code fences.</summary>
        private static IEnumerable<(string Heading, string Body)> Split(string text, int level)
        {
            string marker = new string('#', level) + " ";
            string heading = null;
            var body = new StringBuilder();
            bool inFence = false;
            foreach (string line in text.Split('\n'))
            {
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }

                if (!inFence && line.StartsWith(marker, StringComparison.Ordinal))
                {
                    if (heading != null)
                    {
                        yield return (heading, body.ToString());
                    }

                    heading = line.Substring(marker.Length);
                    body.Clear();
                    continue;
                }

                body.Append(line).Append('\n');
            }

            if (heading != null)
            {
                yield return (heading, body.ToString());
            }
        }
    }
}
