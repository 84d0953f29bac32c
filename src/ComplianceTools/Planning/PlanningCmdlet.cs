using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Commands.Calendar;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Planning
{
    /// <summary>Shared parameters of the planning cmdlets: owners (workbook rows, then -Owner), the as-of date, and warnings.</summary>
    public abstract class PlanningCmdlet : CalendarCmdlet
    {
        /// <summary>Area → person (name or mail/UPN), e.g. @{ Complaints = 'li.lei@example.com'; '*' = 'lead@example.com' }; wins over the owners sheet.</summary>
        [Parameter]
        public Hashtable Owner { get; set; }

        /// <summary>Rows of the workbook's owners sheet (Import-ComplianceWorkbook -Sheet Owners).</summary>
        [Parameter]
        public OwnerRow[] OwnerRow { get; set; }

        /// <summary>The date items are judged overdue against; today by default.</summary>
        [Parameter]
        public DateTime AsOf { get; set; } = DateTime.Today;

        /// <summary>Owners from -OwnerRow, the given extra rows (the dataset's owners sheet), then -Owner.</summary>
        protected OwnerDirectory BuildOwners(PlanningPolicy policy, params OwnerRow[][] moreRows)
        {
            var owners = new OwnerDirectory(policy.AreaAliases);
            foreach (OwnerRow[] rows in moreRows.Where(r => r != null))
            {
                owners.Add(rows);
            }

            owners.Add(OwnerRow);
            if (Owner != null)
            {
                foreach (DictionaryEntry entry in Owner)
                {
                    string area = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture);
                    string person = Convert.ToString(entry.Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (string.IsNullOrWhiteSpace(person))
                    {
                        ThrowProblem(new ComplianceProblem("ComplianceTools.Planning.OwnerInvalid", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.PlanOwnerInvalid), area), area));
                    }

                    owners.Add(area, person);
                }
            }

            return owners;
        }

        /// <summary>Warns about years without holiday data, areas without owners and repeated keys, then writes the items.</summary>
        protected void WriteResult(PlanResult result)
        {
            WarnUncovered(result.UncoveredYears);
            foreach (string area in result.AreasWithoutOwner)
            {
                int count = result.Items.Count(i => i.OwnerMissing && string.Equals(i.Area ?? "?", area, StringComparison.OrdinalIgnoreCase));
                WriteWarning(Text.Format(nameof(Core.Resources.Strings.PlanOwnerMissing), area, count));
            }

            foreach (string key in result.DuplicateKeys)
            {
                WriteWarning(Text.Format(nameof(Core.Resources.Strings.PlanDuplicateKey), key));
            }

            foreach (PlanItem item in result.Items)
            {
                WriteObject(item);
            }
        }
    }
}
