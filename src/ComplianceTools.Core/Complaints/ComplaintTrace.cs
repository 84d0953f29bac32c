using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Core.Workbook;

namespace ComplianceTools.Core.Complaints
{
    /// <summary>
    /// CMPL-004 (guide A, 第三步 三张清单 2): each complaint from the channels of parameter channels (12321,
    /// 12345, 工信部) links to the number complained about, the agent id and the call recording
    /// (投诉号码-坐席工号-通话录音). Unlinked complaints are listed; Yellow when there is any.
    /// </summary>
    public sealed class ComplaintTrace : RuleCheck
    {
        public const string Id = "CMPL-004";

        public override string RuleId => Id;

        public override IReadOnlyList<string> RequiredSheets { get; } = new[] { "Complaints" };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            yield return Check(context.Rule, context.Dataset.Complaints, context.CompanySubject, context.YearPeriod);
        }

        public static Finding Check(RuleDefinition rule, IEnumerable<ComplaintRow> complaints, string subject = null, string period = null)
        {
            var channels = Channels(rule);
            var traced = complaints.Where(c => c.Source.HasValue && channels.Contains(c.Source.Value)).OrderBy(c => c.ReceivedAt ?? DateTime.MinValue).ThenBy(c => c.TicketId, StringComparer.Ordinal).ToList();
            var evidence = new List<EvidenceItem>();
            foreach (ComplaintRow c in traced)
            {
                var missing = new List<string>();
                if (string.IsNullOrWhiteSpace(c.CallingNumber))
                {
                    missing.Add(Text.Get(nameof(Resources.Strings.TraceNoNumber)));
                }

                if (string.IsNullOrWhiteSpace(c.AgentId))
                {
                    missing.Add(Text.Get(nameof(Resources.Strings.TraceNoAgent)));
                }

                if (string.IsNullOrWhiteSpace(c.RecordingId))
                {
                    missing.Add(Text.Get(nameof(Resources.Strings.TraceNoRecording)));
                }

                if (missing.Count > 0)
                {
                    string received = c.ReceivedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
                    evidence.Add(new EvidenceItem(c.TicketId, Text.Format(nameof(Resources.Strings.TraceDetail), ChannelLabel(c.Source.Value), received, Privacy.Mask.Phone(c.CallingNumber) ?? "—", string.Join(", ", missing)), null, c.Origin?.ToString()));
                }
            }

            string reason = Text.Format(nameof(Resources.Strings.TraceReason), traced.Count, string.Join(", ", channels.Select(ChannelLabel)), evidence.Count);
            return rule.NewFinding(rule.Classify(evidence.Count), evidence.Count, subject ?? "Complaints", period, reason, evidence);
        }

        /// <summary>The channels named by the rule's parameter channels (labels such as 12321 or 工信部, or enum names).</summary>
        public static IReadOnlyList<ComplaintChannel> Channels(RuleDefinition rule)
        {
            var result = new List<ComplaintChannel>();
            foreach (string name in rule.GetStrings("channels"))
            {
                ComplaintChannel? channel = ParseChannel(name);
                if (!channel.HasValue)
                {
                    throw new ComplianceException(new ComplianceProblem(
                        "ComplianceTools.Rules.ParameterInvalid", ProblemKind.InvalidData,
                        Text.Format(nameof(Resources.Strings.RuleParameterInvalid), rule.Id, "channels", name, "12321, 12300, 12345, 工信部, 企业自有渠道"), rule.Id));
                }

                if (!result.Contains(channel.Value))
                {
                    result.Add(channel.Value);
                }
            }

            return result;
        }

        public static ComplaintChannel? ParseChannel(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            string t = text.Trim();
            foreach (FieldInfo field in typeof(ComplaintChannel).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var choice = field.GetCustomAttribute<ChoiceAttribute>();
                if (string.Equals(field.Name, t, StringComparison.OrdinalIgnoreCase)
                    || (choice != null && (string.Equals(choice.Label, t, StringComparison.OrdinalIgnoreCase) || choice.Aliases.Any(a => string.Equals(a, t, StringComparison.OrdinalIgnoreCase)))))
                {
                    return (ComplaintChannel)field.GetValue(null);
                }
            }

            return null;
        }

        /// <summary>The channel as the workbook writes it (12321, 工信部申诉 …).</summary>
        public static string ChannelLabel(ComplaintChannel channel)
        {
            FieldInfo field = typeof(ComplaintChannel).GetField(channel.ToString());
            return field?.GetCustomAttribute<ChoiceAttribute>()?.Label ?? channel.ToString();
        }
    }
}
