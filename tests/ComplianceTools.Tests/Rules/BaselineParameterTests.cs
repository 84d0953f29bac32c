using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Rules;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Rules
{
    /// <summary>
    /// No setting can carry a value a check was not built for: for every parameter of the catalog, a value below its
    /// range, above it, of the wrong type, a fraction where a whole number is meant, a broken pattern, and the same key
    /// given twice are each a located baseline error naming the rule, the parameter, the file and the line.
    /// </summary>
    public sealed class BaselineParameterTests : IDisposable
    {
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public BaselineParameterTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose() => _tmp.Dispose();

        /// <summary>(rule, parameter, what is wrong, the bad value as JSON) for every parameter the catalog has.</summary>
        public static IEnumerable<object[]> BadValues()
        {
            foreach (RuleDefinition rule in CatalogLoader.Default.Rules)
            {
                foreach (ParameterSpec spec in rule.ParameterSpecs.Values)
                {
                    IDictionary<string, object> s = spec.Schema;
                    string type = (string)s["type"];
                    yield return new object[] { rule.Id, spec.Name, "wrong type", type == "string" ? "42" : "\"forty-two\"" };
                    if (s.TryGetValue("minimum", out object min))
                    {
                        yield return new object[] { rule.Id, spec.Name, "below its range", Json((double)min - 1) };
                    }

                    if (s.TryGetValue("exclusiveMinimum", out object above))
                    {
                        yield return new object[] { rule.Id, spec.Name, "at its excluded lower bound", Json((double)above) };
                    }

                    if (s.TryGetValue("maximum", out object max))
                    {
                        yield return new object[] { rule.Id, spec.Name, "above its range", Json((double)max + 1) };
                        yield return new object[] { rule.Id, spec.Name, "a 30-digit number", "123456789012345678901234567890" };
                    }

                    if (type == "integer")
                    {
                        yield return new object[] { rule.Id, spec.Name, "a fraction", "2.5" };
                    }

                    string format = s.TryGetValue("format", out object f) ? (string)f : null;
                    if (format == "regex")
                    {
                        yield return new object[] { rule.Id, spec.Name, "a broken pattern", "\"(unclosed\"" };
                    }

                    if (format == "time")
                    {
                        yield return new object[] { rule.Id, spec.Name, "an impossible time", "\"25:00\"" };
                    }

                    if (s.ContainsKey("enum") || format == "complaintChannel" || format == "auditOpinion")
                    {
                        yield return new object[] { rule.Id, spec.Name, "an unknown name", "\"nonsense\"" };
                    }

                    if (type == "array" && s.TryGetValue("items", out object items) && items is IDictionary<string, object> item && (string)item["type"] == "string")
                    {
                        yield return new object[] { rule.Id, spec.Name, "a list with a wrong item", "[ 7 ]" };
                    }
                }
            }
        }

        private static string Json(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        [Theory]
        [MemberData(nameof(BadValues))]
        public void A_bad_parameter_value_is_a_located_error_and_nothing_is_applied(string rule, string parameter, string wrong, string json)
        {
            string path = _tmp.File(rule + "-" + parameter + ".json");
            File.WriteAllText(path, "{\n  \"rules\": {\n    \"" + rule + "\": {\n      \"parameters\": {\n        \"" + parameter + "\": " + json + "\n      }\n    }\n  }\n}\n");
            var ex = Assert.Throws<BaselineException>(() => CatalogLoader.Load(new[] { path }));
            var problem = Assert.Single(ex.Problems);
            Assert.Equal("ComplianceTools.Baseline.ParameterInvalid", problem.ErrorId);
            Assert.Contains("' line 5: '" + rule + ".parameters." + parameter, problem.Message);
            Assert.False(string.IsNullOrWhiteSpace(wrong));
        }

        public static IEnumerable<object[]> Parameters() =>
            CatalogLoader.Default.Rules.SelectMany(r => r.ParameterSpecs.Keys.Select(p => new object[] { r.Id, p }));

        [Theory]
        [MemberData(nameof(Parameters))]
        public void A_parameter_given_twice_is_an_error_at_the_second_not_last_one_wins(string rule, string parameter)
        {
            string value = Newtonsoft.Json.JsonConvert.SerializeObject(CatalogLoader.Default.Get(rule).Parameters[parameter]);
            string path = _tmp.File(rule + "-" + parameter + "-twice.json");
            File.WriteAllText(path, "{\n  \"rules\": {\n    \"" + rule + "\": {\n      \"parameters\": {\n        \"" + parameter + "\": " + value + ",\n        \"" + parameter + "\": " + value + "\n      }\n    }\n  }\n}\n");
            var problem = Assert.Single(Assert.Throws<BaselineException>(() => CatalogLoader.Load(new[] { path })).Problems);
            Assert.Equal("ComplianceTools.Baseline.InvalidJson", problem.ErrorId);
            Assert.Contains("line 6", problem.Message);
        }

        [Fact]
        public void Parameters_that_hang_together_are_checked_on_the_values_in_force()
        {
            string path = _tmp.File("cap.json");
            File.WriteAllText(path, "{ \"rules\": {\n \"CMPL-001\": { \"parameters\": {\n \"isolationToCallsPerDay\": 400 } },\n \"CMPL-003\": { \"parameters\": { \"firstResponseHours\": 30 } } } }");
            var ex = Assert.Throws<BaselineException>(() => CatalogLoader.Load(new[] { path }));
            Assert.Equal(new[] { "line 3: 'CMPL-001.parameters.isolationToCallsPerDay' must be at most 300, the value of isolationFromCallsPerDay.", "line 4: 'CMPL-003.parameters.firstResponseHours' must be at most 24, the value of closeHours." },
                ex.Problems.Select(p => p.Message.Substring(p.Message.IndexOf("' line ", StringComparison.Ordinal) + 2)));
        }
    }
}

namespace ComplianceTools.Tests.Rules
{
    /// <summary>A cmdlet parameter that stands for a rule parameter keeps the rule's limits.</summary>
    public sealed class CmdletParameterLimitTests : IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        [Theory]
        [InlineData("[ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = 'T1'; Source = 'C12321' } | Get-QualitySample -Count 0", "-Count must be a whole number from 1 to 100000 (the same limits as rule parameter CMPL-004.sampleSize in a baseline).")]
        [InlineData("[ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = 'T1'; Source = 'C12321' } | Get-QualitySample -Count 100001", "-Count must be a whole number from 1 to 100000 (the same limits as rule parameter CMPL-004.sampleSize in a baseline).")]
        [InlineData("Compare-CallRecord -Platform a.csv -Carrier b.csv -Tolerance 3601", "-Tolerance must be a whole number from 0 to 3600 (the same limits as rule parameter DATA-002.toleranceSeconds in a baseline).")]
        public void A_value_outside_the_rules_limits_is_refused_naming_the_rule_parameter(string script, string message)
        {
            var error = Assert.Single(_ps.Run(script).AllErrors);
            Assert.StartsWith("ComplianceTools.Parameter.OutOfRange,", error.FullyQualifiedErrorId);
            Assert.Equal(message, error.Exception.Message);
        }
    }
}
