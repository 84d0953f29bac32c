using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Complaints
{
    /// <summary>Complaint channels named in rule parameters ("12321", "12300", "MIIT") as <see cref="ComplaintChannel"/> values.</summary>
    public static class ComplaintChannels
    {
        /// <summary>The channels a rule parameter lists; an unknown name is an error naming the rule and parameter.</summary>
        public static ISet<ComplaintChannel> FromParameter(Rules.RuleDefinition rule, string parameter)
        {
            var set = new HashSet<ComplaintChannel>();
            foreach (string name in rule.GetStrings(parameter))
            {
                if (!TryParse(name, out ComplaintChannel channel))
                {
                    throw new ComplianceException(new ComplianceProblem(
                        "ComplianceTools.Complaints.UnknownChannel",
                        ProblemKind.InvalidData,
                        Text.Format(nameof(Resources.Strings.ComplaintChannelUnknown), name, rule.Id, parameter, string.Join(", ", Enum.GetValues(typeof(ComplaintChannel)).Cast<ComplaintChannel>().Select(Label))),
                        rule.Id + "." + parameter));
                }

                set.Add(channel);
            }

            return set;
        }

        public static bool TryParse(string name, out ComplaintChannel channel) => Choices.TryParse(name, out channel);

        /// <summary>The channel as people write it: 12321, 12300, 工信部申诉.</summary>
        public static string Label(ComplaintChannel channel) => Choices.Label(channel);
    }
}
