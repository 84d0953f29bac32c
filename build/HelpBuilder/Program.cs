using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace ComplianceTools.Build
{
    /// <summary>
    /// HelpBuilder &lt;module bin folder&gt; &lt;help source folder&gt; &lt;PowerShellStandard SMA.dll&gt; [&lt;module base&gt;]
    /// Writes &lt;bin&gt;/&lt;culture&gt;/ComplianceTools.dll-Help.xml for each culture folder under the help source.
    /// </summary>
    internal static class Program
    {
        private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
        private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        private static int Main(string[] args)
        {
            if (args.Length < 3)
            {
                Console.Error.WriteLine("usage: HelpBuilder <module-bin> <help-source> <System.Management.Automation.dll> [<module-base for about_ topics>]");
                return 2;
            }

            string bin = Path.GetFullPath(args[0]);
            string source = Path.GetFullPath(args[1]);
            string sma = Path.GetFullPath(args[2]);
            string moduleBase = args.Length > 3 ? Path.GetFullPath(args[3]) : Path.GetDirectoryName(bin);
            var paths = new List<string>(Directory.GetFiles(bin, "*.dll"));
            paths.AddRange(Directory.GetFiles(Path.Combine(bin, "dependencies"), "*.dll"));
            paths.AddRange(Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location), "*.dll"));
            paths.Add(sma);
            var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string p in paths)
            {
                byName.TryAdd(Path.GetFileNameWithoutExtension(p), p);
            }

            using var mlc = new MetadataLoadContext(new PathAssemblyResolver(byName.Values), "System.Private.CoreLib");
            Assembly cmdlets = mlc.LoadFromAssemblyPath(Path.Combine(bin, "ComplianceTools.dll"));
            var commands = cmdlets.GetTypes()
                .Select(t => (Type: t, Attr: t.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute")))
                .Where(x => x.Attr != null && !x.Type.IsAbstract)
                .Select(x => CommandInfo.From(x.Type, x.Attr))
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .ToList();

            int problems = 0;
            foreach (string cultureDir in Directory.GetDirectories(source))
            {
                string culture = Path.GetFileName(cultureDir);
                var doc = new XmlDocument();
                XmlElement root = doc.CreateElement("helpItems", "http://msh");
                root.SetAttribute("schema", "maml");
                doc.AppendChild(doc.CreateXmlDeclaration("1.0", "utf-8", null));
                doc.AppendChild(root);
                foreach (CommandInfo command in commands)
                {
                    string file = Path.Combine(cultureDir, command.Name + ".md");
                    if (!File.Exists(file))
                    {
                        Console.WriteLine($"HelpBuilder: no {culture} help for {command.Name} ({file})");
                        problems++;
                        continue;
                    }

                    var md = MarkdownHelp.Parse(File.ReadAllText(file, Encoding.UTF8));
                    // -WhatIf and -Confirm mean the same everywhere: standard text unless the file says more.
                    foreach (var standard in StandardParameters(culture).Where(sp => command.Parameters.Any(p => p.Name == sp.Key) && !md.Parameters.ContainsKey(sp.Key)))
                    {
                        md.Parameters[standard.Key] = standard.Value;
                    }

                    foreach (ParameterInfo2 p in command.Parameters.Where(p => !md.Parameters.ContainsKey(p.Name)))
                    {
                        Console.WriteLine($"HelpBuilder: {culture}/{command.Name}.md does not describe -{p.Name}");
                        problems++;
                    }

                    root.AppendChild(Write(doc, command, md, culture));
                }

                string outDir = Path.Combine(bin, culture);
                Directory.CreateDirectory(outDir);
                string target = Path.Combine(outDir, "ComplianceTools.dll-Help.xml");
                string temp = target + ".tmp";
                using (var writer = XmlWriter.Create(temp, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
                {
                    doc.Save(writer);
                }

                File.Move(temp, target, true);

                // about_ topics are found in <module base>/<culture>/, beside the manifest.
                string aboutDir = Path.Combine(moduleBase, culture);
                foreach (string about in Directory.GetFiles(cultureDir, "about_*.md"))
                {
                    Directory.CreateDirectory(aboutDir);
                    string name = Path.GetFileNameWithoutExtension(about) + ".help.txt";
                    File.WriteAllText(Path.Combine(aboutDir, name), AboutText(File.ReadAllText(about, Encoding.UTF8)), new UTF8Encoding(true));
                }
            }

            Console.WriteLine($"HelpBuilder: {commands.Count} cmdlets, {problems} gaps");
            return 0;
        }

        private static Dictionary<string, string> StandardParameters(string culture)
        {
            bool zh = culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
            return new Dictionary<string, string>
            {
                ["WhatIf"] = zh ? "显示运行该命令会发生什么,但不实际运行。" : "Shows what would happen if the cmdlet runs. The cmdlet is not run.",
                ["Confirm"] = zh ? "运行该命令前提示确认。" : "Prompts you for confirmation before running the cmdlet.",
            };
        }

        private static string AboutText(string markdown)
        {
            // about_ topics are plain text: headings become capitals, code is indented, fences dropped.
            var sb = new StringBuilder();
            bool inFence = false;
            foreach (string line in markdown.Replace("\r\n", "\n").Split('\n'))
            {
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                    continue;
                }

                Match h = inFence ? Match.Empty : Regex.Match(line, "^(#+)\\s+(.*)$");
                string text = inFence ? "    " + line : h.Success ? (h.Groups[1].Value.Length <= 2 ? h.Groups[2].Value.ToUpperInvariant() : "    " + h.Groups[2].Value) : line;
                sb.Append(text).Append("\r\n");
            }

            return sb.ToString();
        }

        private static XmlElement Write(XmlDocument doc, CommandInfo c, MarkdownHelp md, string culture)
        {
            XmlElement command = doc.CreateElement("command", "command", Command);
            command.SetAttribute("xmlns:maml", Maml);
            command.SetAttribute("xmlns:dev", Dev);
            XmlElement details = Add(command, "command", "details", Command);
            Add(details, "command", "name", Command, c.Name);
            Add(details, "command", "verb", Command, c.Verb);
            Add(details, "command", "noun", Command, c.Noun);
            Paras(Add(details, "maml", "description", Maml), md.Synopsis);
            Paras(Add(command, "maml", "description", Maml), md.Description);

            XmlElement syntax = Add(command, "command", "syntax", Command);
            foreach (string set in c.SetNames)
            {
                XmlElement item = Add(syntax, "command", "syntaxItem", Command);
                Add(item, "maml", "name", Maml, c.Name);
                foreach (ParameterInfo2 p in c.Parameters.Where(p => p.InSet(set)).OrderBy(p => p.PositionFor(set) ?? int.MaxValue))
                {
                    item.AppendChild(Parameter(doc, p, set, md));
                }
            }

            XmlElement parameters = Add(command, "command", "parameters", Command);
            foreach (ParameterInfo2 p in c.Parameters)
            {
                parameters.AppendChild(Parameter(doc, p, null, md));
            }

            XmlElement inputs = Add(command, "command", "inputTypes", Command);
            foreach (var (name, text) in md.Inputs)
            {
                XmlElement it = Add(inputs, "command", "inputType", Command);
                Add(Add(it, "dev", "type", Dev), "maml", "name", Maml, name);
                Paras(Add(it, "maml", "description", Maml), text);
            }

            XmlElement outputs = Add(command, "command", "returnValues", Command);
            foreach (var (name, text) in md.Outputs)
            {
                XmlElement rv = Add(outputs, "command", "returnValue", Command);
                Add(Add(rv, "dev", "type", Dev), "maml", "name", Maml, name);
                Paras(Add(rv, "maml", "description", Maml), text);
            }

            if (!string.IsNullOrWhiteSpace(md.Notes))
            {
                Paras(Add(Add(command, "maml", "alertSet", Maml), "maml", "alert", Maml), md.Notes);
            }

            XmlElement examples = Add(command, "command", "examples", Command);
            foreach (var ex in md.Examples)
            {
                XmlElement e = Add(examples, "command", "example", Command);
                Add(e, "maml", "title", Maml, "-------------------------- " + ex.Title + " --------------------------");
                Add(e, "dev", "code", Dev, ex.Code);
                Paras(Add(e, "dev", "remarks", Dev), ex.Remarks);
            }

            XmlElement links = Add(command, "command", "relatedLinks", Command);
            foreach (string link in md.Links)
            {
                XmlElement nav = Add(links, "maml", "navigationLink", Maml);
                Add(nav, "maml", "linkText", Maml, link);
                Add(nav, "maml", "uri", Maml, string.Empty);
            }

            return command;
        }

        private static XmlElement Parameter(XmlDocument doc, ParameterInfo2 p, string set, MarkdownHelp md)
        {
            XmlElement e = doc.CreateElement("command", "parameter", Command);
            bool required = set == null ? p.Sets.Values.All(s => s.Mandatory) : p.Sets[p.Sets.ContainsKey(set) ? set : "__AllParameterSets"].Mandatory;
            e.SetAttribute("required", required ? "true" : "false");
            e.SetAttribute("variableLength", p.IsArray ? "true" : "false");
            e.SetAttribute("globbing", p.Wildcards ? "true" : "false");
            e.SetAttribute("pipelineInput", p.PipelineText);
            int? position = set == null ? p.Sets.Values.Select(s => s.Position).FirstOrDefault(x => x.HasValue) : p.PositionFor(set);
            e.SetAttribute("position", position.HasValue ? position.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "named");
            e.SetAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases));
            Add(e, "maml", "name", Maml, p.Name);
            md.Parameters.TryGetValue(p.Name, out string text);
            Paras(Add(e, "maml", "description", Maml), text ?? string.Empty);
            if (!p.IsSwitch)
            {
                XmlElement pv = Add(e, "command", "parameterValue", Command, p.TypeShortName);
                pv.SetAttribute("required", "true");
                pv.SetAttribute("variableLength", p.IsArray ? "true" : "false");
            }

            XmlElement type = Add(e, "dev", "type", Dev);
            Add(type, "maml", "name", Maml, p.TypeFullName);
            Add(type, "maml", "uri", Maml, string.Empty);
            Add(e, "dev", "defaultValue", Dev, p.IsSwitch ? "False" : "None");
            return e;
        }

        private static XmlElement Add(XmlNode parent, string prefix, string name, string ns, string text = null)
        {
            XmlDocument doc = parent as XmlDocument ?? parent.OwnerDocument;
            XmlElement e = doc.CreateElement(prefix, name, ns);
            if (text != null)
            {
                e.InnerText = text;
            }

            parent.AppendChild(e);
            return e;
        }

        private static void Paras(XmlElement parent, string text)
        {
            foreach (string para in Regex.Split((text ?? string.Empty).Trim(), "\\n\\s*\\n"))
            {
                if (para.Trim().Length > 0)
                {
                    Add(parent, "maml", "para", Maml, Regex.Replace(para.Trim(), "\\s*\\n\\s*", " "));
                }
            }
        }
    }
}
