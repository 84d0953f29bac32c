using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Privacy;

namespace ComplianceTools.Core.Reporting
{
    /// <summary>
    /// Owners as a report shows them by default: masked (刘洋 → 刘*, liu.yang@example.com → l*******@example.com), one
    /// mask per person. Two people whose masks read alike (刘伟 and 刘洋) are told apart by a number, 刘* and 刘* (2), in the
    /// ordinal order of their names, so the owner chart never adds one person's items to another's.
    /// </summary>
    internal static class OwnerMasks
    {
        internal static List<PlanItem> Apply(IReadOnlyList<PlanItem> items)
        {
            // People in ordinal order, so a person's number does not move when the plan's order or due dates change.
            var byPerson = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var taken = new Dictionary<string, int>(StringComparer.Ordinal);
            IEnumerable<string> people = items
                .SelectMany(i => new[] { i.Owner, i.OwnerName }.Concat(i.Owners))
                .Where(v => !string.IsNullOrWhiteSpace(v))
                .Select(v => v.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(v => v, StringComparer.Ordinal);
            foreach (string person in people)
            {
                string label = Mask.Value(person);
                taken[label] = taken.TryGetValue(label, out int seen) ? seen + 1 : 1;
                byPerson[person] = taken[label] > 1 ? label + " (" + taken[label] + ")" : label;
            }

            string Masked(string value) => string.IsNullOrWhiteSpace(value) ? value : byPerson[value.Trim()];

            return items.Select(original =>
            {
                PlanItem item = original.Copy();
                IReadOnlyList<string> owners = original.Owners;
                item.OwnerName = Masked(original.OwnerName);
                item.Owner = Masked(original.Owner);
                item.Owners = owners.Select(Masked).ToList();
                return item;
            }).ToList();
        }
    }
}
