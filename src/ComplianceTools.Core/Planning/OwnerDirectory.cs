using System;
using System.Collections.Generic;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Planning
{
    /// <summary>
    /// An owner as resolved for an area: the mail (UPN) when known, the name as given with any phone or ID number in
    /// it masked (张三 13800138000 → 张三 138****8000), so no plan item, task file, report or task carries it in clear.
    /// </summary>
    public sealed class OwnerEntry
    {
        public OwnerEntry(string name, string mail)
        {
            Name = string.IsNullOrWhiteSpace(name) ? null : Privacy.Mask.Text(name.Trim());
            Mail = string.IsNullOrWhiteSpace(mail) ? null : mail.Trim();
        }

        public string Name { get; }

        public string Mail { get; }

        /// <summary>What a task is assigned to: the mail when known, else the name.</summary>
        public string Assignee => Mail ?? Name;
    }

    /// <summary>
    /// Area → owner, from the workbook's owners sheet and then -Owner @{ Area = 'person' } (later wins).
    /// Areas match without case and through the policy's aliases (坐席 → Seats); '*' is the owner of any area
    /// nobody else owns.
    /// </summary>
    public sealed class OwnerDirectory
    {
        public const string AnyArea = "*";
        private readonly Dictionary<string, OwnerEntry> _owners = new Dictionary<string, OwnerEntry>(StringComparer.OrdinalIgnoreCase);
        private readonly IDictionary<string, string> _aliases;

        public OwnerDirectory(IDictionary<string, string> areaAliases = null)
        {
            _aliases = areaAliases ?? new Dictionary<string, string>();
        }

        public int Count => _owners.Count;

        public void Add(IEnumerable<OwnerRow> rows)
        {
            foreach (OwnerRow row in rows ?? Array.Empty<OwnerRow>())
            {
                if (row != null && !string.IsNullOrWhiteSpace(row.Area) && (!string.IsNullOrWhiteSpace(row.Owner) || !string.IsNullOrWhiteSpace(row.Mail)))
                {
                    _owners[Canonical(row.Area)] = new OwnerEntry(row.Owner, row.Mail);
                }
            }
        }

        /// <summary>Adds area → person; a value with '@' is a mail (UPN), anything else a name.</summary>
        public void Add(string area, string person)
        {
            if (string.IsNullOrWhiteSpace(area) || string.IsNullOrWhiteSpace(person))
            {
                return;
            }

            string p = person.Trim();
            _owners[Canonical(area)] = p.IndexOf('@') > 0 ? new OwnerEntry(p, p) : new OwnerEntry(p, null);
        }

        /// <summary>The owner of an area, the '*' owner, or null.</summary>
        public OwnerEntry Find(string area)
        {
            if (!string.IsNullOrWhiteSpace(area) && _owners.TryGetValue(Canonical(area), out OwnerEntry owner))
            {
                return owner;
            }

            return _owners.TryGetValue(AnyArea, out OwnerEntry any) ? any : null;
        }

        private string Canonical(string area)
        {
            string a = area.Trim();
            return _aliases.TryGetValue(a, out string canonical) ? canonical : a;
        }
    }
}
