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
            Assert.Equal(27, catalog.Rules.Count());
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
            Assert.Equal("ComplianceTools.Baseline.InvalidValue", Assert.Single(ex.Problems).ErrorId);
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
    }
}
