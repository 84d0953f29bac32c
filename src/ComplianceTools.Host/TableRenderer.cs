using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Xml.Linq;

namespace ComplianceTools.Host
{
    /// <summary>
    /// Prints objects as a table. Columns come from the module's own table views (ComplianceTools.format.ps1xml,
    /// property columns), so the host shows what `Format-Table` would; other objects show their first properties.
    /// Chinese characters count as two columns.
    /// </summary>
    internal sealed class TableRenderer
    {
        private readonly Dictionary<string, List<(string Label, string Property)>> _views = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);

        public TableRenderer(string formatFile)
        {
            if (!File.Exists(formatFile))
            {
                return;
            }

            foreach (XElement view in XDocument.Load(formatFile).Descendants("View"))
            {
                XElement table = view.Element("TableControl");
                string type = view.Element("ViewSelectedBy")?.Element("TypeName")?.Value;
                if (table == null || type == null || _views.ContainsKey(type))
                {
                    continue;
                }

                var headers = table.Element("TableHeaders")?.Elements("TableColumnHeader").ToList() ?? new List<XElement>();
                var items = table.Descendants("TableColumnItem").ToList();
                var columns = new List<(string, string)>();
                for (int i = 0; i < items.Count; i++)
                {
                    string property = items[i].Element("PropertyName")?.Value;
                    if (property == null)
                    {
                        continue; // script-block columns need the formatting engine the embedded host lacks
                    }

                    string label = i < headers.Count ? headers[i].Element("Label")?.Value : null;
                    columns.Add((label ?? property, property));
                }

                _views[type] = columns;
            }
        }

        public void Write(IReadOnlyList<PSObject> objects)
        {
            if (objects.Count == 0)
            {
                return;
            }

            PSObject first = objects[0];
            if (first.BaseObject is string || first.BaseObject.GetType().IsPrimitive || first.BaseObject is decimal || first.BaseObject is DateTime)
            {
                foreach (PSObject o in objects)
                {
                    Console.WriteLine(Convert.ToString(o.BaseObject, CultureInfo.CurrentCulture));
                }

                return;
            }

            List<(string Label, string Property)> columns = first.TypeNames.Select(t => _views.TryGetValue(t, out var c) ? c : null).FirstOrDefault(c => c != null);
            if (columns == null)
            {
                var properties = first.Properties.Where(p => p.IsGettable && (p.MemberType == PSMemberTypes.Property || p.MemberType == PSMemberTypes.NoteProperty)).Select(p => p.Name).ToList();
                if (objects.Count == 1 || properties.Count > 6)
                {
                    // One object, or too many properties for a table: a list, as PowerShell's default formatting does.
                    WriteList(objects, properties);
                    return;
                }

                columns = properties.Select(p => (p, p)).ToList();
            }

            var rows = objects.Select(o => columns.Select(c => Cell(o, c.Property)).ToList()).ToList();
            int total = Program.SafeWidth();
            var widths = columns.Select((c, i) => Math.Min(50, Math.Max(TextWidth.Of(c.Label), rows.Max(r => TextWidth.Of(r[i]))))).ToList();
            while (widths.Sum() + widths.Count - 1 > total && widths.Max() > 8)
            {
                int widest = widths.IndexOf(widths.Max());
                widths[widest]--;
            }

            Console.WriteLine();
            Console.WriteLine(string.Join(" ", columns.Select((c, i) => TextWidth.Pad(c.Label, widths[i]))));
            Console.WriteLine(string.Join(" ", widths.Select(w => new string('-', w))));
            foreach (var row in rows)
            {
                Console.WriteLine(string.Join(" ", row.Select((v, i) => TextWidth.Pad(v, widths[i]))).TrimEnd());
            }

            Console.WriteLine();
        }

        private static void WriteList(IReadOnlyList<PSObject> objects, List<string> properties)
        {
            int width = properties.Count == 0 ? 0 : properties.Max(TextWidth.Of);
            foreach (PSObject o in objects)
            {
                Console.WriteLine();
                foreach (string p in properties)
                {
                    Console.WriteLine(TextWidth.Pad(p, width) + " : " + Cell(o, p));
                }
            }

            Console.WriteLine();
        }

        private static string Cell(PSObject o, string property)
        {
            object value = o.Properties[property]?.Value;
            switch (value)
            {
                case null:
                    return string.Empty;
                case DateTime d:
                    return d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                case string s:
                    return s.Replace('\n', ' ').Replace('\r', ' ');
                case System.Collections.IEnumerable list:
                    return "{" + string.Join(", ", list.Cast<object>().Take(3)) + "}";
                default:
                    return Convert.ToString(value, CultureInfo.CurrentCulture);
            }
        }
    }

    /// <summary>Display width where East Asian wide characters take two columns.</summary>
    internal static class TextWidth
    {
        public static int Of(string s) => (s ?? string.Empty).Sum(Width);

        public static string Pad(string s, int width)
        {
            string t = Truncate(s ?? string.Empty, width);
            return t + new string(' ', Math.Max(0, width - Of(t)));
        }

        public static string Truncate(string s, int width)
        {
            if (Of(s) <= width)
            {
                return s;
            }

            var sb = new StringBuilder();
            int used = 0;
            foreach (char c in s)
            {
                if (used + Width(c) > width - 1)
                {
                    break;
                }

                sb.Append(c);
                used += Width(c);
            }

            return sb.Append('…').ToString();
        }

        private static int Width(char c)
        {
            return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ? 2 : 1;
        }
    }
}
