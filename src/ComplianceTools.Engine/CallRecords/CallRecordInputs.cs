using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.CallRecords;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Rules;

namespace ComplianceTools.Engine.CallRecords
{
    /// <summary>
    /// The call-record files given to a run as CallRecords = @{ Platform = …; Carrier = …; PrivacyNumber = … }, compared
    /// once per run for DATA-001 and DATA-002. A comparison that fails throws the same problem to both rules, which the
    /// runner reports once and turns into Skipped findings.
    /// </summary>
    public static class CallRecordInputs
    {
        public const string InputName = "CallRecords";

        /// <summary>True when the run was given call-record files.</summary>
        public static bool Given(AuditContext context) => Unwrap(context.Input(InputName)) is IDictionary;

        /// <summary>The comparison of the files given, or throws the <see cref="ComplianceException"/> it met.</summary>
        public static CallRecordComparison Compare(AuditContext context)
        {
            Outcome outcome = context.Shared(InputName, () =>
            {
                try
                {
                    return new Outcome { Comparison = Run(context) };
                }
                catch (ComplianceException ex)
                {
                    return new Outcome { Failure = ex };
                }
            });
            if (outcome.Failure != null)
            {
                throw outcome.Failure;
            }

            return outcome.Comparison;
        }

        private static CallRecordComparison Run(AuditContext context)
        {
            RuleDefinition volumeRule = context.Catalog.Get(CallRecordFindings.VolumeRuleId);
            RuleDefinition matchRule = context.Catalog.Get(CallRecordFindings.MatchRuleId);
            var options = new CallRecordOptions
            {
                Report = context.Report,
                ToleranceSeconds = CallRecordFindings.DefaultTolerance(matchRule),
                Reference = CallRecordFindings.DefaultReference(volumeRule),
            };
            foreach (DictionaryEntry entry in (IDictionary)Unwrap(context.Input(InputName)))
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

            return CallRecordComparer.Compare(options, volumeRule, matchRule, context.YearPeriod);
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

        private sealed class Outcome
        {
            public CallRecordComparison Comparison { get; set; }

            public ComplianceException Failure { get; set; }
        }
    }
}
