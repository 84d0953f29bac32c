using System.IO;
using System.Linq;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Rules;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Rules
{
    /// <summary>Baselines override thresholds, parameters and selection; every problem names the file and line.</summary>
    public sealed class BaselineTests : System.IDisposable
    {
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public void Dispose() => _tmp.Dispose();

        private string Write(string name, string json)
        {
            string path = _tmp.File(name);
            File.WriteAllText(path, json);
            return path;
        }

        [Fact]
        public void The_shipped_catalog_has_every_rule_of_the_domain_with_the_guides_numbers()
        {
            RuleCatalog catalog = CatalogLoader.Default;
            Assert.Equal(ComplianceTools.Core.Audit.AuditChecks.Discover(typeof(ComplianceTools.Core.Audit.RuleCheck).Assembly, typeof(CatalogLoader).Assembly).Count, catalog.Rules.Count());
            Assert.Equal(0.30, catalog.Get("SEAT-001").Threshold.Value);
            Assert.Equal(0.0001, catalog.Get("CMPL-001").Threshold.Value);
            Assert.Equal(0.70, catalog.Get("NUM-001").Threshold.Value);
            Assert.Equal(0.98, catalog.Get("CMPL-002").Threshold.Value);
            Assert.Equal(6, catalog.Get("SYS-001").Threshold.Value);
            Assert.Equal(30, catalog.Get("NUM-002").Threshold.Value);
            Assert.Equal(0.05, catalog.Get("DATA-001").Threshold.Value);
            Assert.Equal(0.80, catalog.Get("REV-001").Threshold.Value);
            Assert.Equal(80, catalog.Get("CRED-001").Threshold.Value);
            Assert.Equal(NumberOrigin.Ours, catalog.Get("STAFF-002").Threshold.Origin);
            Assert.Equal(NumberOrigin.Guide, catalog.Get("SEAT-001").Threshold.Origin);
        }

        [Fact]
        public void Later_baselines_win_and_the_rule_remembers_which_files_changed_it()
        {
            string province = Write("province.json", "{ \"rules\": { \"SEAT-001\": { \"red\": 0.40 }, \"CMPL-003\": { \"yellow\": 0.95 } } }");
            string client = Write("client.json", "{ \"rules\": { \"SEAT-001\": { \"red\": 0.35 }, \"TRAIN-001\": { \"enabled\": false } } }");
            RuleCatalog catalog = CatalogLoader.Load(new[] { province, client });
            Assert.Equal(0.35, catalog.Get("SEAT-001").Threshold.Value);
            Assert.Equal(new[] { "province.json", "client.json" }, catalog.Get("SEAT-001").AppliedBaselines);
            Assert.Equal(0.95, catalog.Get("CMPL-003").Warning.Value);
            Assert.False(catalog.Get("TRAIN-001").Enabled);
            Assert.Equal(0.30, CatalogLoader.Default.Get("SEAT-001").Threshold.Value);
        }

        [Fact]
        public void A_parameter_override_keeps_its_type()
        {
            string ok = Write("weights.json", "{ \"rules\": { \"SCN-002\": { \"parameters\": { \"hangUpWeight\": 0.7, \"complaintWeight\": 0.3 } } } }");
            Assert.Equal(0.7, CatalogLoader.Load(new[] { ok }).Get("SCN-002").GetDouble("hangUpWeight"));
            string bad = Write("bad-weights.json", "{ \"rules\": {\n \"SCN-002\": { \"parameters\": { \"hangUpWeight\": \"high\" } } } }");
            var ex = Assert.Throws<BaselineException>(() => CatalogLoader.Load(new[] { bad }));
            Assert.Equal("ComplianceTools.Baseline.ParameterInvalid", Assert.Single(ex.Problems).ErrorId);
            Assert.Contains("line 2: 'SCN-002.parameters.hangUpWeight' must be a number from 0 to 1", ex.Problems[0].Message);
        }

        [Fact]
        public void Every_problem_in_a_baseline_is_reported_with_file_and_line_and_nothing_is_applied()
        {
            string path = Write("broken.json", "{\n  \"rules\": {\n    \"SEAT-999\": { \"red\": 0.4 },\n    \"SEAT-001\": { \"red\": 40 },\n    \"CMPL-001\": { \"colour\": \"red\" }\n  }\n}");
            var ex = Assert.Throws<BaselineException>(() => CatalogLoader.Load(new[] { path }));
            Assert.Equal(new[] { "ComplianceTools.Baseline.UnknownRule", "ComplianceTools.Baseline.ThresholdInvalid", "ComplianceTools.Baseline.UnknownSetting" }, ex.Problems.Select(p => p.ErrorId));
            Assert.Contains("line 3", ex.Problems[0].Target.ToString());
            Assert.Contains("broken.json", ex.Problems[0].Message);
            Assert.Contains("write 0.40 for 40%", ex.Problems[1].Message);
            Assert.Contains("line 4", ex.Problems[1].Target.ToString());
            Assert.Contains("line 5", ex.Problems[2].Target.ToString());
        }

        [Fact]
        public void Invalid_json_names_the_line()
        {
            string path = Write("syntax.json", "{\n  \"rules\": {\n    \"SEAT-001\": { \"red\": 0.4, }\n    oops\n}");
            var ex = Assert.Throws<BaselineException>(() => CatalogLoader.Load(new[] { path }));
            var problem = Assert.Single(ex.Problems);
            Assert.Equal("ComplianceTools.Baseline.InvalidJson", problem.ErrorId);
            Assert.Contains("syntax.json", problem.Message);
        }

        [Fact]
        public void A_missing_baseline_file_is_an_error_from_the_cmdlet_with_its_id()
        {
            using var ps = new ModuleSession();
            var r = ps.Run("Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69 -Baseline $args[0]", _tmp.File("nope.json"));
            Assert.Empty(r.Output);
            Assert.Equal("ComplianceTools.Baseline.FileNotFound,ComplianceTools.Commands.Seats.GetSeatVacancyCommand", Assert.Single(r.AllErrors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Get_ComplianceRule_lists_rules_by_id_and_wildcard_and_rejects_unknown_ids()
        {
            using var ps = new ModuleSession();
            Assert.Equal(4, ps.Run("Get-ComplianceRule CMPL-*").ThrowOnError().Output.Count);
            Assert.Equal("> 30%", ps.Run("Get-ComplianceRule -Id SEAT-001").Single().Text("ThresholdText"));
            var r = ps.Run("Get-ComplianceRule -Id SEAT-999");
            Assert.Equal("ComplianceTools.Catalog.RuleNotFound,ComplianceTools.Commands.Rules.GetComplianceRuleCommand", Assert.Single(r.AllErrors).FullyQualifiedErrorId);
        }

        [Fact]
        public void A_yellow_line_past_the_red_one_is_a_located_error_for_greater_than_and_less_than_rules()
        {
            // CMPL-003 fails below its line (Red < 90%, Yellow < 100%): a Yellow line under the Red one is inverted.
            string low = Write("inverted-lt.json", "{ \"rules\": {\n  \"CMPL-003\": {\n    \"yellow\": 0.85\n  }\n} }");
            var ex = Assert.Throws<BaselineException>(() => CatalogLoader.Load(new[] { low }));
            var problem = Assert.Single(ex.Problems);
            Assert.Equal("ComplianceTools.Baseline.LinesInverted", problem.ErrorId);
            Assert.Contains("inverted-lt.json' line 3", problem.Message);
            Assert.Contains("at or above the Red line", problem.Message);

            // DATA-002 has a Yellow line only; a "greater than" rule with both lines: make SEAT-001's Red line lower than
            // a Yellow line cannot happen (it has no Yellow line): that is NoSuchThreshold.
            string none = Write("no-yellow.json", "{ \"rules\": { \"SEAT-001\": { \"yellow\": 0.2 } } }");
            Assert.Equal("ComplianceTools.Baseline.NoSuchThreshold", Assert.Single(Assert.Throws<BaselineException>(() => CatalogLoader.Load(new[] { none })).Problems).ErrorId);
        }

        [Fact]
        public void Lines_set_by_a_baseline_carry_its_name_as_their_origin_on_the_finding()
        {
            string province = Write("guangdong.json", "{ \"rules\": { \"SEAT-001\": { \"red\": 0.40 } } }");
            RuleDefinition rule = CatalogLoader.Load(new[] { province }).Get("SEAT-001");
            Finding f = ComplianceTools.Core.Seats.SeatVacancy.Check(rule, 100, 69);
            Assert.Equal(NumberOrigin.Baseline, f.ThresholdOrigin);
            Assert.Equal("guangdong.json", f.ThresholdSource);
            Assert.Equal(FindingStatus.Green, f.Status);
            Finding guide = ComplianceTools.Core.Seats.SeatVacancy.Check(CatalogLoader.Default.Get("SEAT-001"), 100, 69);
            Assert.Equal(NumberOrigin.Guide, guide.ThresholdOrigin);
            Assert.Contains("数据关", guide.ThresholdSource);
        }

        [Fact]
        public void The_catalog_marks_every_number_the_guides_do_not_give_as_ours()
        {
            RuleCatalog catalog = CatalogLoader.Default;
            foreach (string ours in new[] { "TRAIN-001", "STAFF-002", "CMPL-003", "DATA-002" })
            {
                RuleDefinition rule = catalog.Get(ours);
                Assert.Equal(NumberOrigin.Ours, (rule.Threshold ?? rule.Warning).Origin);
            }

            Assert.Equal(NumberOrigin.Ours, catalog.Get("CMPL-003").Warning.Origin);
            Assert.Equal(Severity.Yellow, catalog.Get("CMPL-002").FailSeverity);   // guide B: 98% turns 黄灯 into 绿灯
            Assert.Equal(300d, catalog.Get("MAT-003").GetDouble("minDpi"));
            Assert.Equal(150d, catalog.Get("MAT-003").GetDouble("redDpi"));
        }
    }
}
