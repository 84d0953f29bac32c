using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;

namespace ComplianceTools.Core.CallRecords
{
    /// <summary>
    /// DATA-001 and DATA-002 from the figures of a call-record comparison. A source none of whose rows could be used
    /// (none read, or every one rejected: Unix timestamps where dates belong, say) was not read, which is no finding
    /// about the business: the findings that need it are Skipped with a reason naming the source, its files and the
    /// commonest rejection, never a 100% difference in Red.
    /// </summary>
    public static class CallRecordFindings
    {
        public const string VolumeRuleId = Data.CallVolume.RuleId;
        public const string MatchRuleId = "DATA-002";

        /// <summary>Subject of the findings about one source ("CallRecords:Platform"); stable across runs.</summary>
        public static string Subject(CallSource? source) => source.HasValue ? "CallRecords:" + source.Value : "CallRecords";

        /// <summary>The source DATA-001 compares against, from the rule's "reference" parameter.</summary>
        public static CallSource DefaultReference(RuleDefinition volumeRule)
        {
            string value = volumeRule?.GetString("reference");
            return !string.IsNullOrEmpty(value) && Enum.TryParse(value, true, out CallSource source) ? source : CallSource.Carrier;
        }

        /// <summary>The match tolerance in seconds, from DATA-002's "toleranceSeconds" parameter.</summary>
        public static int DefaultTolerance(RuleDefinition matchRule)
        {
            return matchRule != null && matchRule.Parameters.ContainsKey("toleranceSeconds") ? (int)Math.Round(matchRule.GetDouble("toleranceSeconds")) : 2;
        }

        /// <summary>DATA-001: one finding per source against the reference; DATA-002: one finding for the reconciliation.</summary>
        public static IReadOnlyList<Finding> Build(RuleDefinition volumeRule, RuleDefinition matchRule, CallRecordComparison result, string period)
        {
            var findings = new List<Finding>();
            if (volumeRule != null && volumeRule.Enabled)
            {
                AddVolume(volumeRule, result, period, findings);
            }

            if (matchRule != null && matchRule.Enabled)
            {
                findings.Add(Match(matchRule, result, period));
            }

            return findings;
        }

        private static void AddVolume(RuleDefinition rule, CallRecordComparison result, string period, List<Finding> findings)
        {
            CallSourceStats reference = result.Get(result.Reference);
            foreach (CallSource source in new[] { CallSource.Platform, CallSource.Carrier, CallSource.PrivacyNumber })
            {
                CallSourceStats stats = result.Get(source);
                if (stats == null || source == result.Reference)
                {
                    continue;
                }

                if (stats.Unusable)
                {
                    findings.Add(rule.NewSkipped(FindingStatus.Skipped, Subject(source), period, Unusable(result, source, rule.Id)));
                    continue;
                }

                if (reference == null)
                {
                    findings.Add(rule.NewSkipped(FindingStatus.Skipped, Subject(source), period, Text.Format(nameof(Resources.Strings.CallRecordReferenceMissing), result.Reference)));
                    continue;
                }

                if (reference.Unusable)
                {
                    findings.Add(rule.NewSkipped(FindingStatus.Skipped, Subject(source), period, Unusable(result, result.Reference, rule.Id)));
                    continue;
                }

                if (reference.Unique == 0)
                {
                    findings.Add(rule.NewSkipped(FindingStatus.Skipped, Subject(source), period, Text.Format(nameof(Resources.Strings.CallRecordReferenceEmpty), result.Reference)));
                    continue;
                }

                double difference = Math.Abs(stats.Unique - reference.Unique) / (double)reference.Unique;
                string reason = Text.Format(
                    nameof(Resources.Strings.CallRecordVolumeReason),
                    source,
                    stats.Unique.ToString("#,0", CultureInfo.InvariantCulture),
                    reference.Unique.ToString("#,0", CultureInfo.InvariantCulture),
                    result.Reference,
                    Finding.FormatValue(difference, rule.Unit),
                    rule.ThresholdText);
                var evidence = new[]
                {
                    new EvidenceItem(source.ToString(), Text.Get(nameof(Resources.Strings.CallRecordUniqueCalls)), stats.Unique),
                    new EvidenceItem(result.Reference.ToString(), Text.Get(nameof(Resources.Strings.CallRecordUniqueCalls)), reference.Unique),
                };
                findings.Add(rule.NewFinding(rule.Classify(difference), difference, Subject(source), period, reason, evidence));
            }
        }

        /// <summary>Why a source says nothing: no data row in its files, or every row rejected, most often for which reason.</summary>
        public static string Unusable(CallRecordComparison result, CallSource source, string ruleId)
        {
            CallSourceStats stats = result.Get(source);
            string files = string.Join(", ", (result.Files ?? Array.Empty<CallRecordFile>()).Where(f => f.Source == source).Select(f => System.IO.Path.GetFileName(f.Path)));
            if (files.Length == 0)
            {
                files = "-";
            }

            CallRecordRejectReason? commonest = stats?.CommonestRejection;
            if (stats == null || stats.Rows == 0 || !commonest.HasValue)
            {
                return Text.Format(nameof(Resources.Strings.CallRecordSourceNoRows), source, files, ruleId);
            }

            return Text.Format(
                nameof(Resources.Strings.CallRecordSourceAllRejected),
                source,
                stats.Rows.ToString("#,0", CultureInfo.InvariantCulture),
                files,
                commonest.Value,
                stats.RejectedBy[commonest.Value].ToString("#,0", CultureInfo.InvariantCulture),
                ruleId);
        }

        private static Finding Match(RuleDefinition rule, CallRecordComparison result, string period)
        {
            var unusable = new[] { CallSource.Platform, CallSource.Carrier, CallSource.PrivacyNumber }.Where(s => result.Get(s)?.Unusable == true).ToList();
            if (unusable.Count > 0)
            {
                return rule.NewSkipped(FindingStatus.Skipped, Subject(null), period, string.Join(" ", unusable.Select(s => Unusable(result, s, rule.Id))));
            }

            if (result.Union == 0)
            {
                return rule.NewSkipped(FindingStatus.Skipped, Subject(null), period, Text.Get(nameof(Resources.Strings.CallRecordNoCalls)));
            }

            long unmatched = result.Union - result.InAll;
            double share = unmatched / (double)result.Union;
            var evidence = new List<EvidenceItem>();
            var parts = new List<string>();
            foreach (CallSource source in new[] { CallSource.Platform, CallSource.Carrier, CallSource.PrivacyNumber })
            {
                CallSourceStats s = result.Get(source);
                if (s == null)
                {
                    continue;
                }

                string detail = Text.Format(
                    nameof(Resources.Strings.CallRecordSourceEvidence),
                    s.Duplicates.ToString("#,0", CultureInfo.InvariantCulture),
                    s.Only.ToString("#,0", CultureInfo.InvariantCulture),
                    s.Missing.ToString("#,0", CultureInfo.InvariantCulture),
                    s.Rejected.ToString("#,0", CultureInfo.InvariantCulture));
                evidence.Add(new EvidenceItem(source.ToString(), detail, s.Missing));
                parts.Add(source + " " + detail);
            }

            string reason = Text.Format(
                nameof(Resources.Strings.CallRecordMatchReason),
                unmatched.ToString("#,0", CultureInfo.InvariantCulture),
                result.Union.ToString("#,0", CultureInfo.InvariantCulture),
                Finding.FormatValue(share, rule.Unit),
                result.ToleranceSeconds,
                string.Join("; ", parts));
            return rule.NewFinding(rule.Classify(share), share, Subject(null), period, reason, evidence);
        }
    }
}
