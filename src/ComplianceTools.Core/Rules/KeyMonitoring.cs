using System;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Rules
{
    /// <summary>
    /// Guide B, 后续改: a company that had to rectify "会被记入“重点监测库”,次年年检时,同样指标会再被放大核查". A rule that was Red in
    /// the previous season's result is put on the key-monitoring list: its findings are marked, its plan items come
    /// first, and its Yellow line is tightened by a factor kept in the planning data (module/rules/planning.json,
    /// keyMonitoring.yellowFactor; the guide gives no number, so the factor is ours).
    /// </summary>
    public static class KeyMonitoring
    {
        /// <summary>
        /// The tightened Yellow line of a rule: the rule's Yellow line where it has one, else its failing line, moved
        /// toward the good side by <paramref name="factor"/> (0 &lt; factor ≤ 1):
        /// <list type="bullet">
        /// <item>a line that fails upward (gt, ge): line × factor (SEAT-001 "&gt; 30%" gives Yellow above 24% at 0.8);</item>
        /// <item>a line that fails downward (lt, le) on a bounded scale (a ratio up to 1, a score up to 100): the mirror on the
        /// distance to the top, top − (top − line) × factor (REV-001 "&lt; 80%" gives Yellow below 84%);</item>
        /// <item>a line that fails downward on an open scale (months, seconds): line ÷ factor (SYS-001 "&lt; 6 mo" gives
        /// Yellow below 7.5 months).</item>
        /// </list>
        /// Never looser than a Yellow line the rule already has. Null for a rule without a numeric line. A line of 0 that
        /// fails upward ("any") stays where it is: nothing is stricter than "none".
        /// </summary>
        public static RuleThreshold TightenedYellow(RuleDefinition rule, double factor, string note)
        {
            if (rule == null)
            {
                throw new ArgumentNullException(nameof(rule));
            }

            if (!(factor > 0 && factor <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(factor), factor, "0 < factor <= 1");
            }

            RuleThreshold line = rule.Warning ?? rule.Threshold;
            if (line == null)
            {
                return null;
            }

            double value;
            if (line.FailsUpward)
            {
                value = line.Value * factor;
            }
            else
            {
                double? top = Top(rule.Unit);
                value = top.HasValue && line.Value <= top.Value ? top.Value - ((top.Value - line.Value) * factor) : line.Value / factor;
            }

            if (rule.Warning != null)
            {
                value = line.FailsUpward ? Math.Min(value, rule.Warning.Value) : Math.Max(value, rule.Warning.Value);
            }

            return new RuleThreshold(line.Comparison, Math.Round(value, 10), NumberOrigin.Ours, null, note);
        }

        /// <summary>The rule put on the key-monitoring list: marked, with its Yellow line tightened (a copy; the catalog's rule is not changed).</summary>
        public static RuleDefinition Apply(RuleDefinition rule, double factor, string note)
        {
            RuleDefinition monitored = rule.Clone();
            monitored.KeyMonitoring = true;
            RuleThreshold yellow = TightenedYellow(rule, factor, note);
            if (yellow != null)
            {
                monitored.Warning = yellow;
            }

            return monitored;
        }

        /// <summary>The top of a bounded scale: 1 for a ratio, 100 for a score; null for an open one.</summary>
        private static double? Top(string unit)
        {
            switch (unit)
            {
                case "ratio": return 1;
                case "score": return 100;
                default: return null;
            }
        }
    }
}
