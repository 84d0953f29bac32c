using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Planning;
using ComplianceTools.Engine.Planning;

namespace ComplianceTools.Engine.Reporting
{
    /// <summary>The shipped plan and schedule titles in both languages, so a report can put a title made in one language into the other.</summary>
    public static class ReportPhrases
    {
        private static readonly Lazy<IReadOnlyList<LocalizedText>> s_shipped = new Lazy<IReadOnlyList<LocalizedText>>(Load);

        /// <summary>The "provide the data" title, follow-up titles and every schedule phase title of the shipped planning data.</summary>
        public static IReadOnlyList<LocalizedText> Shipped => s_shipped.Value;

        private static IReadOnlyList<LocalizedText> Load()
        {
            PlanningPolicy policy = PlanningData.LoadPolicy(null);
            var phrases = new List<LocalizedText> { policy.Skipped.Title };
            phrases.AddRange(policy.Rules.Values.SelectMany(r => r.FollowUps).Select(f => f.Title));
            phrases.AddRange(PlanningData.LoadSchedules(null).SelectMany(s => s.Phases).Select(p => p.Title));
            return phrases.Where(p => p != null).ToList();
        }
    }
}
