using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ComplianceTools.Core.Rules;
using ComplianceTools.Engine.Planning;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;
using Json.Schema;

namespace ComplianceTools.Tests.Rules
{
    /// <summary>The catalog describes itself: its schema, its parameters' schema, and every default inside its own limits.</summary>
    public sealed class CatalogSchemaTests
    {
        private static string Rules(string file) => Path.Combine(Paths.Root, "module", "rules", file);

        private static readonly Dictionary<string, JsonSchema> s_loaded = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);

        /// <summary>A schema of module/rules, registered once so the others can $ref it by its $id.</summary>
        private static JsonSchema Load(string file)
        {
            lock (s_loaded)
            {
                if (!s_loaded.TryGetValue(file, out JsonSchema schema))
                {
                    schema = JsonSchema.FromText(File.ReadAllText(Rules(file)));
                    SchemaRegistry.Global.Register(schema);
                    s_loaded[file] = schema;
                }

                return schema;
            }
        }

        private static EvaluationResults Eval(JsonSchema schema, string json) =>
            schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        [Fact]
        public void The_catalog_is_valid_against_its_schema()
        {
            JsonSchema schema = Load("catalog.schema.json");
            EvaluationResults result = Eval(schema, File.ReadAllText(Rules("catalog.json")));
            Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new List<EvaluationResults>()).Where(d => d.Errors != null && d.Errors.Count > 0).Select(d => d.InstanceLocation + ": " + string.Join("; ", d.Errors!.Values))));
        }

        [Fact]
        public void The_schema_refuses_a_catalog_entry_with_an_unknown_comparison()
        {
            JsonSchema schema = Load("catalog.schema.json");
            var catalog = JsonNode.Parse(File.ReadAllText(Rules("catalog.json")))!;
            catalog["rules"]![0]!["red"]!["when"] = "gte";
            Assert.False(Eval(schema, catalog.ToJsonString()).IsValid);
        }

        [Fact]
        public void The_published_parameter_schema_is_the_one_the_catalog_gives()
        {
            string generated = ParameterSchema.Build(CatalogLoader.Default).ToString(Newtonsoft.Json.Formatting.Indented) + "\n";
            string path = Rules("parameters.schema.json");
            if (Environment.GetEnvironmentVariable("COMPLIANCETOOLS_WRITE_SCHEMA") == "1")
            {
                File.WriteAllText(path, generated);
            }

            Assert.True(File.Exists(path) && JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(path)), JsonNode.Parse(generated)),
                "module/rules/parameters.schema.json is out of date: run this test with COMPLIANCETOOLS_WRITE_SCHEMA=1 to rewrite it.");
        }

        [Fact]
        public void A_baseline_is_checked_by_the_published_schemas_as_the_module_checks_it()
        {
            Load("parameters.schema.json");
            JsonSchema baseline = Load("baseline.schema.json");
            Assert.True(Eval(baseline, "{ \"rules\": { \"MAT-003\": { \"parameters\": { \"minDpi\": 250 } } } }").IsValid);
            Assert.False(Eval(baseline, "{ \"rules\": { \"MAT-003\": { \"parameters\": { \"minDpi\": -5 } } } }").IsValid);
            Assert.False(Eval(baseline, "{ \"rules\": { \"PEN-001\": { \"parameters\": { \"lookbackYears\": 2.5 } } } }").IsValid);
            Assert.False(Eval(baseline, "{ \"rules\": { \"XB-001\": { \"parameters\": { \"cacRequiredFor\": \"sometimes\" } } } }").IsValid);
        }

        [Fact]
        public void Every_default_parameter_is_inside_its_own_limits_and_says_whose_number_it_is()
        {
            foreach (RuleDefinition rule in CatalogLoader.Default.Rules)
            {
                Assert.Empty(ParameterSpec.ValidateAll(rule.ParameterSpecs, rule.Parameters));
                Assert.Equal(rule.Parameters.Keys.OrderBy(k => k), rule.ParameterSpecs.Keys.OrderBy(k => k));
                Assert.All(rule.ParameterSpecs.Values, s => Assert.False(string.IsNullOrWhiteSpace(s.Meaning.Zh) || string.IsNullOrWhiteSpace(s.Meaning.En), rule.Id + "." + s.Name));
            }
        }

        [Fact]
        public void Every_phase_a_rule_names_in_needed_by_exists_and_every_rule_is_due_at_its_guides_filing_milestone()
        {
            var phases = PlanningData.LoadSchedules(null).SelectMany(s => s.Phases).ToList();
            var ids = phases.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            foreach (RuleDefinition rule in CatalogLoader.Default.Rules)
            {
                Assert.All(rule.NeededBy, id => Assert.Contains(id, ids));
                Assert.Contains(phases, p => p.Rules.Contains(rule.Id));
            }

            Assert.Contains("SEAT-001", phases.Single(p => p.Id == "data-bath-seats").Rules);
            Assert.Equal(CatalogLoader.Default.Rules.Count(r => r.Guide == "B"), phases.Single(p => p.Id == "system-closes").Rules.Count);
        }
    }
}
