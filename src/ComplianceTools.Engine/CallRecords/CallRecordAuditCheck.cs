using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.CallRecords;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;

namespace ComplianceTools.Engine.CallRecords
{
    /// <summary>
    /// DATA-001 and DATA-002 in Invoke-ComplianceAudit, from call-record files given as
    /// -CallRecords @{ Platform = …; Carrier = …; PrivacyNumber = … } (context.Inputs["CallRecords"]).
    /// Without that input it produces nothing and reads nothing.
    /// </summary>
    public sealed class CallRecordAuditCheck : IAuditCheck
    {
        public const string InputName = "CallRecords";

        public IReadOnlyList<string> RuleIds { get; } = new[] { CallRecordFindings.VolumeRuleId, CallRecordFindings.MatchRuleId };

        public IReadOnlyList<string> RequiredSheets { get; } = Array.Empty<string>();

        public IEnumerable<Finding> Run(AuditContext context)
        {
            if (context == null)
            {
                return Array.Empty<Finding>();
            }

            if (!context.Inputs.TryGetValue(InputName, out object value) || !(Unwrap(value) is IDictionary map))
            {
                // Nothing is read; the per-call rule says why it has no result (DATA-001 also runs on the Revenue sheet).
                RuleDefinition rule = context.Catalog.Get(CallRecordFindings.MatchRuleId);
                return new[] { rule.NewSkipped(FindingStatus.Skipped, "CallRecords", context.YearPeriod, Text.Get(nameof(Core.Resources.Strings.CallRecordsNotGiven))) };
            }

            RuleDefinition volumeRule = context.Catalog.Get(CallRecordFindings.VolumeRuleId);
            RuleDefinition matchRule = context.Catalog.Get(CallRecordFindings.MatchRuleId);
            var options = new CallRecordOptions
            {
                Report = context.Report,
                ToleranceSeconds = CallRecordFindings.DefaultTolerance(matchRule),
                Reference = CallRecordFindings.DefaultReference(volumeRule),
            };
            foreach (DictionaryEntry entry in map)
            {
                string key = Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture);
                if (!Enum.TryParse(key, true, out CallSource source))
                {
                    context.Report(new ComplianceProblem("ComplianceTools.CallRecords.SourceUnknown", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.CallRecordSourceUnknown), key), key));
                    continue;
                }

                var files = new List<string>();
                foreach (string path in Paths(entry.Value))
                {
                    IReadOnlyList<string> found = CallRecordComparer.Expand(path, context.BaseDirectory);
                    if (found.Count == 0 || (found.Count == 1 && !System.IO.File.Exists(found[0])))
                    {
                        context.Report(new ComplianceProblem("ComplianceTools.CallRecords.FileNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Core.Resources.Strings.CallRecordFileNotFound), path, source), path));
                        continue;
                    }

                    files.AddRange(found);
                }

                options.Sources.Add(new CallRecordSourceInput(source, files));
            }

            try
            {
                return CallRecordComparer.Compare(options, volumeRule, matchRule, context.YearPeriod).Findings;
            }
            catch (ComplianceException ex)
            {
                context.Report(ex.Problem);
                return Array.Empty<Finding>();
            }
        }

        private static IEnumerable<string> Paths(object value)
        {
            value = Unwrap(value);
            if (value is string s)
            {
                yield return s;
            }
            else if (value is IEnumerable items)
            {
                foreach (object item in items)
                {
                    object v = Unwrap(item);
                    if (v != null)
                    {
                        yield return Convert.ToString(v, CultureInfo.InvariantCulture);
                    }
                }
            }
            else if (value != null)
            {
                yield return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        private static object Unwrap(object value) => CallRecordArguments.Unwrap(value);
    }
}
