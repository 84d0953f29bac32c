using System.Globalization;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Scenarios;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Scenarios
{
    /// <summary>SCN-001 / SCN-002: scripts to scenarios by keyword and pattern; figures and unsubscribe rates per scenario.</summary>
    public sealed class CallScenarioTests : System.IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public CallScenarioTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose() => _ps.Dispose();

        private static ScenarioClassifier Classifier => ScenarioClassifier.FromRule(CatalogLoader.Default.Get("SCN-001"));

        [Theory]
        [InlineData("您好,您的信用卡可办理信用卡分期,手续费八折", "金融营销")]
        [InlineData("您好,这里是逾期提醒,您的账户已逾期3天", "催收")]
        [InlineData("您的借款已逾期5天,请尽快还款", "催收")]
        [InlineData("您好,这里是12345热线,对您反映的问题进行回访", "政务回访")]
        [InlineData("您好,我们正在开展一项社会调查,耽误您两分钟", "社调")]
        [InlineData("您的信用卡分期账单已逾期,请尽快还款", "催收")]
        [InlineData("您好,请问您最近有换手机的打算吗", "其他")]
        public void Scripts_fall_in_the_shipped_scenarios_by_keyword_or_pattern(string script, string expected)
        {
            ScriptClassification c = Classifier.Classify(script);
            Assert.Equal(expected, c.Scenario);
            Assert.Equal(expected == "其他", c.IsOther);
        }

        [Fact]
        public void The_shipped_rules_name_only_the_guides_four_scenarios()
        {
            Assert.Equal(new[] { "催收", "金融营销", "政务回访", "社调" }, Classifier.ScenarioNames);
        }

        [Fact]
        public void Marketing_unsubscribe_is_N_replies_over_SMS_sent_and_collection_is_weighted()
        {
            var rule = CatalogLoader.Default.Get("SCN-002");
            var marketing = new ScenarioRow { Scenario = "信用卡分期", Category = "金融营销", SmsSent = 10_000, SmsUnsubscribeReplies = 150 };
            Assert.Equal(0.015, ScenarioMeasure.UnsubscribeRate(rule, marketing, out var m1, out _).Value, 10);
            Assert.Equal(ScenarioMeasure.Method.Marketing, m1);
            var collection = new ScenarioRow { Scenario = "贷后", Category = "催收", HangUpRate = 0.20, ComplaintRate = 0.001 };
            Assert.Equal((0.5 * 0.20) + (0.5 * 0.001), ScenarioMeasure.UnsubscribeRate(rule, collection, out var m2, out _).Value, 10);
            Assert.Equal(ScenarioMeasure.Method.Collection, m2);
        }

        [Fact]
        public void Missing_figures_and_scripts_left_in_other_are_red()
        {
            var split = CatalogLoader.Default.Get("SCN-001");
            var unsubscribe = CatalogLoader.Default.Get("SCN-002");
            var scenarios = new[]
            {
                new ScenarioRow { Scenario = "信用卡分期", Category = "金融营销", AverageCallSeconds = 65, ConsentMethod = ConsentMethod.Online, SmsSent = 1000, SmsUnsubscribeReplies = 12 },
                new ScenarioRow { Scenario = "贷后", Category = "催收", AverageCallSeconds = 80 },
            };
            var scripts = new[]
            {
                new ScriptRow { ScriptId = "S1", Text = "信用卡分期优惠" },
                new ScriptRow { ScriptId = "S2", Text = "逾期提醒" },
                new ScriptRow { ScriptId = "S3", Text = "您好,打扰了" },
            };
            var findings = ScenarioMeasure.Check(split, unsubscribe, scenarios, scripts, "2025");
            Finding scriptsFinding = findings.Single(f => f.RuleId == "SCN-001" && f.Subject == ScenarioMeasure.ScriptsSubject);
            Assert.Equal(Severity.Red, scriptsFinding.Severity);
            Assert.Equal("S3", Assert.Single(scriptsFinding.Evidence).Subject);
            Assert.Equal(Severity.Green, findings.Single(f => f.RuleId == "SCN-001" && f.Subject == "信用卡分期").Severity);
            Finding collection = findings.Single(f => f.RuleId == "SCN-001" && f.Subject == "贷后");
            Assert.Equal(Severity.Red, collection.Severity);
            Assert.Equal(2, collection.Value);
            Assert.Equal(0.012, findings.Single(f => f.RuleId == "SCN-002" && f.Subject == "信用卡分期").Value.Value, 10);
            Assert.Equal(Severity.Yellow, findings.Single(f => f.RuleId == "SCN-002" && f.Subject == "贷后").Severity);
        }

        [Fact]
        public void A_scenario_filed_as_other_is_red()
        {
            var split = CatalogLoader.Default.Get("SCN-001");
            var row = new ScenarioRow { Scenario = "综合外呼", Category = "其他", AverageCallSeconds = 60, ConsentMethod = ConsentMethod.Written, UnsubscribeRate = 0.01 };
            Finding f = ScenarioMeasure.CheckFigures(split, row, 0.01, "2025");
            Assert.Equal(Severity.Red, f.Severity);
            Assert.Equal(1, f.Value);
        }

        [Fact]
        public void Runspace_one_script_text_is_classified()
        {
            var c = _ps.Run("Get-CallScenario -Script '您好,您的信用卡分期申请已通过'").Single();
            Assert.Equal("金融营销", c.Text("Scenario"));
            Assert.Equal("keyword: 信用卡分期", c.Text("MatchedBy"));
            Assert.Equal("催收", _ps.Run("Get-CallScenario '逾期提醒:您的账单已逾期'").Single().Text("Scenario"));
        }

        [Fact]
        public void Runspace_a_baseline_adds_a_users_scenario_and_weights()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string baseline = tmp.File("client.json");
                File.WriteAllText(baseline, @"{ ""rules"": {
                    ""SCN-001"": { ""parameters"": { ""scenarios"": [ { ""name"": ""客户自定义场景"", ""keywords"": [""会员续费""], ""patterns"": [] } ] } },
                    ""SCN-002"": { ""parameters"": { ""hangUpWeight"": 0.7, ""complaintWeight"": 0.3 } } } }");
                Assert.Equal("客户自定义场景", _ps.Run("Get-CallScenario '您的会员续费即将到期' -Baseline $args[0]", baseline).Single().Text("Scenario"));
                var r = _ps.Run(@"
                    [ComplianceTools.Core.Workbook.Sheets.ScenarioRow]@{ Scenario = '贷后'; Category = '催收'; AverageCallSeconds = 70; ConsentMethod = 'Recorded'; HangUpRate = 0.1; ComplaintRate = 0.002 } |
                        Measure-CallScenario -Baseline $args[0]", baseline).ThrowOnError();
                var unsubscribe = r.Output.Single(f => f.Text("RuleId") == "SCN-002");
                Assert.Equal((0.7 * 0.1) + (0.3 * 0.002), (double)unsubscribe.Prop("Value"), 10);
                Assert.Equal("Green", r.Output.Single(f => f.Text("RuleId") == "SCN-001").Text("Severity"));
            }
        }

        [Fact]
        public void Runspace_a_bad_pattern_in_a_baseline_is_an_error_naming_the_rule()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string baseline = tmp.File("bad.json");
                File.WriteAllText(baseline, @"{ ""rules"": { ""SCN-001"": { ""parameters"": { ""scenarios"": [ { ""name"": ""X"", ""patterns"": [""(unclosed""] } ] } } } }");
                var error = Assert.Single(_ps.Run("Get-CallScenario 'x' -Baseline $args[0]", baseline).AllErrors);
                Assert.Equal("ComplianceTools.Baseline.ParameterInvalid,ComplianceTools.Commands.Scenarios.GetCallScenarioCommand", error.FullyQualifiedErrorId);
                Assert.Contains("line 1: 'SCN-001.parameters.scenarios[0].patterns[0]' must be a valid regular expression", error.Exception.Message);
            }
        }

        [Fact]
        public void Runspace_scripts_in_other_make_measure_red()
        {
            var r = _ps.Run(@"
                [ComplianceTools.Core.Workbook.Sheets.ScriptRow]@{ ScriptId = 'S9'; Text = '您好,打扰一下'; Calls = 2000 } | Measure-CallScenario").ThrowOnError();
            var f = r.Output.Single(o => o.Text("RuleId") == "SCN-001");
            Assert.Equal("Red", f.Text("Severity"));
            Assert.Equal("Skipped", r.Output.Single(o => o.Text("RuleId") == "SCN-002").Text("Status"));   // no scenarios: nothing to measure
        }
    }
}
