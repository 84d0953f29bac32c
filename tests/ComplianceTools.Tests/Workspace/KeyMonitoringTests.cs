using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workspace;
using ComplianceTools.Engine.Planning;
using ComplianceTools.Engine.Rules;

namespace ComplianceTools.Tests.Workspace
{
    /// <summary>The key-monitoring list's tightened Yellow line, per kind of line, and the classes of change between two results.</summary>
    public sealed class KeyMonitoringTests
    {
        private static RuleThreshold Tightened(string rule) => KeyMonitoring.TightenedYellow(CatalogLoader.Default.Get(rule), 0.8, "note");

        [Theory]
        [InlineData("SEAT-001", 0.24)]      // "> 30%": Yellow above 30% × 0.8
        [InlineData("CMPL-001", 0.00008)]   // "> 0.01%": above 0.008%
        [InlineData("NUM-001", 0.56)]       // "≥ 70%": at or above 56%
        [InlineData("NUM-002", 24.0)]       // "> 30 s": above 24 s
        [InlineData("REV-001", 0.84)]       // "< 80%", a ratio up to 1: 1 − 20% × 0.8
        [InlineData("CRED-001", 84.0)]      // "< 80", a score up to 100: 100 − 20 × 0.8
        [InlineData("SYS-001", 7.5)]        // "< 6 mo", open-ended: 6 ÷ 0.8
        [InlineData("CMPL-003", 1.0)]       // Yellow "< 100%" already: nothing is stricter
        public void The_Yellow_line_moves_toward_the_good_side_by_the_factor(string rule, double expected)
        {
            RuleThreshold line = Tightened(rule);
            Assert.Equal(expected, line.Value, 10);
            Assert.Equal(NumberOrigin.Ours, line.Origin);
            Assert.Equal(CatalogLoader.Default.Get(rule).Threshold.Comparison, line.Comparison);
        }

        [Fact]
        public void A_line_of_any_stays_where_it_is_and_a_rule_without_a_line_has_none()
        {
            Assert.Equal(0.0, Tightened("STAFF-001").Value);
            RuleDefinition noLine = CatalogLoader.Default.Get("SEAT-001").Clone();
            noLine.Threshold = null;
            noLine.Warning = null;
            Assert.Null(KeyMonitoring.TightenedYellow(noLine, 0.8, "note"));
        }

        [Fact]
        public void A_monitored_rule_judges_between_the_lines_Yellow_on_a_line_of_ours_that_says_why()
        {
            RuleCatalog catalog = CatalogLoader.Default.WithKeyMonitoring(new[] { "SEAT-001" }, 0.8, "key monitoring");
            RuleDefinition seat = catalog.Get("SEAT-001");
            Assert.True(seat.KeyMonitoring);
            Assert.False(CatalogLoader.Default.Get("SEAT-001").KeyMonitoring);   // the shipped catalog is not changed
            Assert.Equal(Severity.Yellow, seat.Classify(0.27));
            Assert.Equal(Severity.Green, seat.Classify(0.24));
            Assert.Equal(Severity.Red, seat.Classify(0.31));
            Finding f = seat.NewFinding(Severity.Yellow, 0.27, "甲", "2026", "27%");
            Assert.Equal(0.24, f.Threshold.Value, 10);
            Assert.Equal(NumberOrigin.Ours, f.ThresholdOrigin);
            Assert.Equal("ComplianceTools · key monitoring", f.ThresholdSource);
            Assert.Equal("Ours (ComplianceTools · key monitoring)", f.ThresholdOriginText);
        }

        [Fact]
        public void The_factor_and_the_priority_step_are_planning_data_marked_ours()
        {
            PlanningPolicy policy = PlanningData.LoadPolicy(null);
            Assert.Equal(0.8, policy.KeyMonitoring.YellowFactor);
            Assert.Equal(1, policy.KeyMonitoring.PriorityStep);
            Assert.Equal(NumberOrigin.Ours, policy.KeyMonitoring.Origin);
            Assert.Equal(PlanPriority.Urgent, policy.KeyMonitoring.Raise(PlanPriority.Important));
            Assert.Equal(PlanPriority.Urgent, policy.KeyMonitoring.Raise(PlanPriority.Urgent));
            Assert.Contains("0.8", policy.KeyMonitoring.DescriptionText);
        }

        [Theory]
        [InlineData(null, FindingStatus.Red, ChangeKind.New)]
        [InlineData(FindingStatus.Skipped, FindingStatus.Yellow, ChangeKind.New)]
        [InlineData(FindingStatus.Green, FindingStatus.Red, ChangeKind.Regressed)]
        [InlineData(FindingStatus.Yellow, FindingStatus.Red, ChangeKind.Regressed)]
        [InlineData(FindingStatus.NotApplicable, FindingStatus.Yellow, ChangeKind.Regressed)]
        [InlineData(FindingStatus.Green, FindingStatus.Skipped, ChangeKind.Regressed)]
        [InlineData(FindingStatus.Red, FindingStatus.Yellow, ChangeKind.Improved)]
        [InlineData(FindingStatus.Red, FindingStatus.Green, ChangeKind.Fixed)]
        [InlineData(FindingStatus.Yellow, FindingStatus.NotApplicable, ChangeKind.Fixed)]
        [InlineData(FindingStatus.Red, null, ChangeKind.Removed)]
        [InlineData(FindingStatus.Red, FindingStatus.Red, ChangeKind.Unchanged)]
        [InlineData(FindingStatus.Red, FindingStatus.Skipped, ChangeKind.Unchanged)]
        [InlineData(FindingStatus.Skipped, FindingStatus.Skipped, ChangeKind.Unchanged)]
        public void Each_pair_of_statuses_has_one_class_of_change(FindingStatus? before, FindingStatus? after, ChangeKind expected)
        {
            Assert.Equal(expected, ResultComparer.Classify(before, after));
        }

        [Fact]
        public void Findings_are_matched_across_years_by_their_period_against_the_report_year()
        {
            var month = new Finding { RuleId = "CMPL-001", Subject = "甲", Period = "2026-03" };
            var year = new Finding { RuleId = "CMPL-001", Subject = "甲", Period = "2026" };
            var earlier = new Finding { RuleId = "PEN-001", Subject = "甲", Period = "2024" };
            Assert.Equal("CMPL-001|甲|Y-03", ResultComparer.MatchKey(month, 2026));
            Assert.Equal("CMPL-001|甲|Y", ResultComparer.MatchKey(year, 2026));
            Assert.Equal("PEN-001|甲|Y-2", ResultComparer.MatchKey(earlier, 2026));
            Assert.Equal("CMPL-001|甲|2026-03", ResultComparer.MatchKey(month, null));
        }
    }
}
