using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Data;
using ComplianceTools.Core.Findings;
using ComplianceTools.Engine.CallRecords;

namespace ComplianceTools.Engine.Data
{
    /// <summary>
    /// DATA-001: the call volumes of the platform, the carrier statement and the privacy-number platform (and finance
    /// revenue against number revenue) held against a reference source, Red above 5% (guide A, 第一步 数据治理). From
    /// the Revenue sheet's monthly figures, from call-record files when the run is given them, or from yearly figures
    /// typed in (-Volume @{ Platform = …; Carrier = … }).
    /// </summary>
    public sealed class CallVolumeCheck : RuleCheck
    {
        public override string RuleId => CallVolume.RuleId;

        public override IReadOnlyList<string> Figures { get; } = new[] { "Volume" };

        /// <summary>Reference: the source the others are held against; ByMonth: a finding per month too; CallRecords: files per source.</summary>
        public override IReadOnlyList<string> Inputs { get; } = new[] { "Reference", "ByMonth", CallRecordInputs.InputName };

        public override IEnumerable<Finding> Run(AuditContext context)
        {
            string reference = context.Input("Reference") as string;
            if (HasFigures(context.Dataset))
            {
                return CallVolume.Check(context.Rule, Volumes(context.FigureValue("Volume")), reference, context.YearPeriod);
            }

            bool byRevenue = context.Dataset.Revenue != null && !SheetNames.IsBlank(context.Dataset, "Revenue");
            bool byCalls = CallRecordInputs.Given(context);
            if (!byRevenue && !byCalls)
            {
                return new[]
                {
                    context.Skipped(context.Dataset.Revenue == null
                        ? SheetNames.MissingReason(context.Dataset, new[] { "Revenue" })
                        : Text.Format(nameof(Core.Resources.Strings.AuditSheetBlank), SheetNames.Describe("Revenue"))),
                };
            }

            var findings = new List<Finding>();
            if (byRevenue)
            {
                findings.AddRange(CallVolume.Check(context.Rule, context.Dataset.Revenue, reference, context.Input("ByMonth") is bool byMonth && byMonth, context.Report));
            }

            if (byCalls)
            {
                findings.AddRange(CallRecordInputs.Compare(context).Findings.Where(f => f.RuleId == RuleId));
            }

            return findings;
        }

        /// <summary>Yearly figures by source, as typed in; a value that is not a number is an error naming the source.</summary>
        private static IDictionary<string, double> Volumes(object table)
        {
            var volumes = new Dictionary<string, double>();
            foreach (DictionaryEntry entry in table as IDictionary ?? new Hashtable())
            {
                string key = System.Convert.ToString(CallRecordArguments.Unwrap(entry.Key), CultureInfo.InvariantCulture);
                object raw = CallRecordArguments.Unwrap(entry.Value);
                if (!(raw is System.IConvertible) || raw is string text && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw new ComplianceException(new ComplianceProblem("ComplianceTools.Data.VolumeInvalid", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.CallVolumeNegative), key, raw), key));
                }

                volumes[key] = System.Convert.ToDouble(raw, CultureInfo.InvariantCulture);
            }

            return volumes;
        }
    }
}
