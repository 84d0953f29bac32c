using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using ComplianceTools.Tests.Infrastructure;
using Json.Schema;
using OfficeOpenXml;

namespace ComplianceTools.Tests.Workspace
{
    /// <summary>
    /// A workspace of three clients run twice across a year boundary, once for season 2026 (as of 2026-03-02) and once for
    /// season 2027 (as of 2027-03-01), the workbooks changed in between:
    /// <list type="bullet">
    /// <item>甲: 100 seats, 60 activated (SEAT-001 40%, Red), 400,000 of 500,000 calls on a landline (NUM-001 80%, Red), credit
    /// score 90 (CRED-001 Green); a year later 73 activated (27%: Green against the guide's 30%, Yellow against key monitoring's
    /// 24%), no landline (Fixed), score 75 (Regressed);</item>
    /// <item>乙: a workbook that is not a workbook, both years;</item>
    /// <item>丙: 50 of 100 seats activated both years (Red), under an exception approved by 王经理 until 2026-06-30.</item>
    /// </list>
    /// Every other rule of the catalog is Skipped for a sheet the small workbooks do not have (23 of them) or not applicable
    /// (ALG-001 and XB-001: no AI, no overseas seats) — see SmallOperator.
    /// </summary>
    public sealed class TwoSeasonsTests : IClassFixture<TwoSeasonsTests.Runs>
    {
        private readonly Runs _runs;

        public TwoSeasonsTests(Runs runs) => _runs = runs;

        private static PSObject Entry(ModuleSession.Result run, string client) => run.Output.Single(o => o.Text("Client") == client);

        private static JsonObject Result(string file) => (JsonObject)JsonNode.Parse(File.ReadAllText(file))!;

        private static JsonObject Finding(JsonObject result, string rule) => result["findings"]!.AsArray().Cast<JsonObject>().Single(f => f["ruleId"]!.GetValue<string>() == rule);

        [Fact]
        public void The_first_run_gives_a_portfolio_line_per_client_with_the_counts_a_person_works_out()
        {
            var run = _runs.First;
            Assert.Equal(new[] { "丙", "乙", "甲" }.OrderBy(n => n, StringComparer.Ordinal), run.Output.Select(o => o.Text("Client")));

            PSObject jia = Entry(run, "甲");
            Assert.Equal("Completed", jia.Text("State"));
            Assert.Equal("Red", jia.Text("Worst"));
            Assert.Equal(2, (int)jia.Prop("Red"));       // SEAT-001 40%, NUM-001 80%
            Assert.Equal(0, (int)jia.Prop("Yellow"));
            Assert.Equal(1, (int)jia.Prop("Green"));     // CRED-001 90
            Assert.Equal(23, (int)jia.Prop("Skipped"));
            Assert.Equal(2, (int)jia.Prop("NotApplicable"));
            Assert.Equal("NUM-001, SEAT-001", jia.Text("WorstRulesText"));

            // Season 2026 as of 2026-03-02: the entry opens "around 15 March", a Sunday, so the regulator's date is Monday 16 March.
            Assert.Equal("2026-03-16", jia.Text("NextDeadlineText"));
            Assert.Equal(14, (int)jia.Prop("DaysToDeadline"));

            // Overdue on 2 March: five annual-report phases (1–15 Jan … 21–28 Feb) and the three January data-bath items.
            Assert.Equal(8, (int)jia.Prop("Overdue"));
            Assert.Equal("138****8000, l*****@example.com, 张*", jia.Text("OverdueOwnersText"));
            Assert.Equal(string.Empty, jia.Text("KeyMonitoringText"));
            Assert.Null(jia.Prop("SinceLastYear"));
            Assert.Equal("Season 2026: given with -Year.", jia.Text("SeasonReason"));

            PSObject bing = Entry(run, "丙");
            Assert.Equal(1, (int)bing.Prop("Red"));
            Assert.Equal(1, (int)bing.Prop("Excepted"));
            Assert.Equal(2, (int)bing.Prop("Green"));    // NUM-001 0%, CRED-001 95
        }

        [Fact]
        public void A_broken_workbook_is_that_clients_error_naming_the_client_and_the_file_and_the_others_finish()
        {
            foreach (var run in new[] { _runs.First, _runs.Second })
            {
                ErrorRecord error = Assert.Single(run.Errors);
                Assert.StartsWith("ComplianceTools.Workbook.", error.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Contains("乙", error.Exception.Message);
                Assert.Contains(_runs.Ws.Workbook("乙"), error.Exception.Message);
                PSObject yi = Entry(run, "乙");
                Assert.Equal("Failed", yi.Text("State"));
                Assert.Contains("乙", yi.Text("Error"));
                Assert.Equal("Completed", Entry(run, "甲").Text("State"));
                Assert.Equal("Completed", Entry(run, "丙").Text("State"));
            }

            Assert.Empty(_runs.Ws.Results(2026, "乙"));
            Assert.Single(_runs.Ws.Results(2026, "甲"));
            Assert.Single(_runs.Ws.Results(2027, "甲"));
        }

        [Fact]
        public void Compare_ComplianceResult_classes_the_fix_the_regression_and_the_improvement_across_the_year_boundary()
        {
            var r = _runs.Ws.Ps.Run("Compare-ComplianceResult -Reference $args[0] -Difference (Import-ComplianceResult $args[1])", _runs.Ws.Results(2026, "甲").Single(), _runs.Ws.Results(2027, "甲").Single());
            r.ThrowOnError();
            var byRule = r.Output.ToDictionary(o => o.Text("RuleId"));
            Assert.Equal("Fixed", byRule["NUM-001"].Text("Change"));
            Assert.Equal("Red", byRule["NUM-001"].Text("ReferenceStatus"));
            Assert.Equal("Green", byRule["NUM-001"].Text("DifferenceStatus"));
            Assert.Equal(0.8, (double)byRule["NUM-001"].Prop("ReferenceValue"), 10);
            Assert.Equal(0.0, (double)byRule["NUM-001"].Prop("DifferenceValue"), 10);
            Assert.Equal("NUM-001|甲|2025", byRule["NUM-001"].Text("ReferenceKey"));
            Assert.Equal("NUM-001|甲|2026", byRule["NUM-001"].Text("Key"));

            Assert.Equal("Regressed", byRule["CRED-001"].Text("Change"));
            Assert.Equal(90.0, (double)byRule["CRED-001"].Prop("ReferenceValue"));
            Assert.Equal(75.0, (double)byRule["CRED-001"].Prop("DifferenceValue"));

            Assert.Equal("Improved", byRule["SEAT-001"].Text("Change"));
            Assert.Equal(0.40, (double)byRule["SEAT-001"].Prop("ReferenceValue"), 10);
            Assert.Equal(0.27, (double)byRule["SEAT-001"].Prop("DifferenceValue"), 10);
            Assert.True((bool)byRule["SEAT-001"].Prop("KeyMonitoring"));

            Assert.Equal(25, r.Output.Count(o => o.Text("Change") == "Unchanged"));   // 23 Skipped and 2 not applicable both years
            Assert.Equal(new[] { "Regressed", "Improved", "Fixed" }, r.Output.Select(o => o.Text("Change")).Where(c => c != "Unchanged"));

            // The portfolio's column says the same.
            PSObject jia = Entry(_runs.Second, "甲");
            var since = (PSObject)PSObject.AsPSObject(jia.Prop("SinceLastYear"));
            Assert.Equal(1, (int)since.Prop("Regressed"));
            Assert.Equal(1, (int)since.Prop("Fixed"));
            Assert.Equal(1, (int)since.Prop("Improved"));
            Assert.Equal(0, (int)since.Prop("New"));
        }

        [Fact]
        public void Rules_that_were_Red_last_season_are_key_monitored_with_the_Yellow_line_tightened_and_their_items_first()
        {
            PSObject jia = Entry(_runs.Second, "甲");
            Assert.Equal("NUM-001, SEAT-001", jia.Text("KeyMonitoringText"));   // CRED-001 was Green last season
            Assert.Equal(1, (int)jia.Prop("Red"));       // CRED-001 75
            Assert.Equal(1, (int)jia.Prop("Yellow"));    // SEAT-001 27%

            JsonObject result = Result(_runs.Ws.Results(2027, "甲").Single());
            JsonObject seat = Finding(result, "SEAT-001");
            Assert.True(seat["keyMonitoring"]!.GetValue<bool>());
            Assert.Equal("Yellow", seat["status"]!.GetValue<string>());

            // 30% × 0.8 (planning.json keyMonitoring.yellowFactor, ours) = 24%; 27% is past it. The line is ours and says why.
            Assert.Equal(0.24, seat["yellowThreshold"]!.GetValue<double>(), 10);
            Assert.Equal(0.24, seat["threshold"]!.GetValue<double>(), 10);
            Assert.Equal("Ours", seat["thresholdOrigin"]!.GetValue<string>());
            Assert.Equal("ComplianceTools · key monitoring: Yellow line tightened by 0.8", seat["thresholdSource"]!.GetValue<string>());
            Assert.False(Finding(result, "CRED-001")["keyMonitoring"]!.GetValue<bool>());
            Assert.Equal(new[] { "NUM-001", "SEAT-001" }, result["keyMonitoring"]!["rules"]!.AsArray().Select(n => n!.GetValue<string>()));
            Assert.Equal(0.8, result["keyMonitoring"]!["yellowFactor"]!.GetValue<double>());

            // A Yellow item is Important; on the key-monitoring list it comes one step earlier.
            JsonObject item = result["planItems"]!.AsArray().Cast<JsonObject>().Single(i => i["key"]!.GetValue<string>() == "SEAT-001|甲|2026");
            Assert.Equal("Urgent", item["priority"]!.GetValue<string>());
            JsonObject cred = result["planItems"]!.AsArray().Cast<JsonObject>().Single(i => i["key"]!.GetValue<string>() == "CRED-001|甲|2026");
            Assert.Equal("Urgent", cred["priority"]!.GetValue<string>());   // Red, not monitored: Urgent already

            // Last season's run: nothing was monitored, the Yellow line was the catalog's (none for SEAT-001).
            JsonObject before = Finding(Result(_runs.Ws.Results(2026, "甲").Single()), "SEAT-001");
            Assert.False(before["keyMonitoring"]!.GetValue<bool>());
            Assert.Null(before["yellowThreshold"]);
        }

        [Fact]
        public void An_exception_holds_before_its_expiry_and_is_reported_with_its_approver_after_it()
        {
            // Season 2026, as of 2026-03-02: valid. The finding stays Red, carries the exception, makes no plan item.
            JsonObject first = Result(_runs.Ws.Results(2026, "丙").Single());
            JsonObject seat = Finding(first, "SEAT-001");
            Assert.Equal("Red", seat["status"]!.GetValue<string>());
            Assert.Equal("王经理", seat["exception"]!["approvedBy"]!.GetValue<string>());
            Assert.Equal("2026-06-30", seat["exception"]!["expires"]!.GetValue<string>());
            Assert.DoesNotContain(first["planItems"]!.AsArray(), i => i!["key"]!.GetValue<string>().StartsWith("SEAT-001", StringComparison.Ordinal));
            Assert.DoesNotContain(_runs.First.Warnings, w => w.Contains("王经理"));

            // Season 2027, as of 2027-03-01: expired. A warning names the approver; the finding is planned as if there were none.
            string warning = Assert.Single(_runs.Second.Warnings, w => w.Contains("王经理"));
            Assert.StartsWith("Client 丙: The exception for SEAT-001 (*) approved by 王经理 expired on 2026-06-30", warning, StringComparison.Ordinal);
            Assert.Contains("client.json:", warning);
            JsonObject second = Result(_runs.Ws.Results(2027, "丙").Single());
            Assert.Null(Finding(second, "SEAT-001")["exception"]);
            Assert.Contains(second["planItems"]!.AsArray(), i => i!["key"]!.GetValue<string>() == "SEAT-001|丙|2026");
            Assert.Equal(0, (int)Entry(_runs.Second, "丙").Prop("Excepted"));
        }

        [Fact]
        public void The_portfolio_workbook_has_a_row_per_client_with_the_same_lights_and_the_change_since_last_year()
        {
            string path = Path.Combine(_runs.Ws.Path, "portfolio", "portfolio-2027.xlsx");
            Assert.Equal(path, Entry(_runs.Second, "甲").Text("Portfolio"));
            using var package = new ExcelPackage(new FileInfo(path));
            Assert.Equal(new[] { "Portfolio", "Clients" }, package.Workbook.Worksheets.Select(w => w.Name));
            ExcelWorksheet clients = package.Workbook.Worksheets["Clients"];
            Assert.Equal("Client", clients.Cells[1, 1].Text);
            Assert.Equal("Changed since last year", clients.Cells[1, 17].Text);

            // The client that did not run first, then the worst: 甲 (Red 1, Yellow 1) before 丙 (Red 1).
            Assert.Equal(new[] { "乙", "甲", "丙" }, Enumerable.Range(2, 3).Select(r => clients.Cells[r, 1].Text));
            Assert.Equal("not run", clients.Cells[2, 4].Text);
            Assert.Contains("乙", clients.Cells[2, 20].Text);
            Assert.Equal("Red", clients.Cells[3, 4].Text);
            Assert.Equal("FFE04B4B", clients.Cells[3, 4].Style.Fill.BackgroundColor.Rgb);
            Assert.Equal(1.0, Convert.ToDouble(clients.Cells[3, 5].Value));
            Assert.Equal("FFFFD966", clients.Cells[3, 6].Style.Fill.BackgroundColor.Rgb);
            Assert.Equal("NUM-001, SEAT-001", clients.Cells[3, 16].Text);
            Assert.Equal("Regressed 1 · New 0 · Improved 1 · Fixed 1", clients.Cells[3, 17].Text);

            ExcelWorksheet dashboard = package.Workbook.Worksheets["Portfolio"];
            Assert.StartsWith("Compliance portfolio · Two seasons", dashboard.Cells["A1"].Text, StringComparison.Ordinal);
            Assert.Equal("2", dashboard.Cells["A4"].Text);   // Red findings over the clients that ran: 甲 and 丙
            Assert.Equal("Red · findings", dashboard.Cells["A5"].Text);
        }

        [Fact]
        public void The_clients_report_gains_a_since_last_run_sheet_worst_change_first()
        {
            string report = Path.Combine(_runs.Ws.Client("甲"), "reports", "2027", "compliance-2027.xlsx");
            Assert.Equal(report, Entry(_runs.Second, "甲").Text("Report"));
            using var package = new ExcelPackage(new FileInfo(report));
            ExcelWorksheet since = package.Workbook.Worksheets["Since last run"];
            Assert.StartsWith("Compared with the run of ", since.Cells["A1"].Text, StringComparison.Ordinal);
            Assert.Contains("Regressed 1 · Improved 1 · Fixed 1 · Unchanged 25", since.Cells["A1"].Text);
            Assert.Equal(new[] { "Regressed", "Improved", "Fixed" }, Enumerable.Range(4, 3).Select(r => since.Cells[r, 1].Text));
            Assert.Equal("CRED-001", since.Cells[4, 2].Text);

            // The first season's report had nothing to compare with.
            using var first = new ExcelPackage(new FileInfo(Path.Combine(_runs.Ws.Client("甲"), "reports", "2026", "compliance-2026.xlsx")));
            Assert.Null(first.Workbook.Worksheets["Since last run"]);

            // 丙's accepted deviation is shown apart in its first season's report.
            using var bing = new ExcelPackage(new FileInfo(Path.Combine(_runs.Ws.Client("丙"), "reports", "2026", "compliance-2026.xlsx")));
            ExcelWorksheet accepted = bing.Workbook.Worksheets["Accepted deviations"];
            Assert.Equal("SEAT-001", accepted.Cells[4, 1].Text);
            Assert.Equal("王经理", accepted.Cells[4, 9].Text);
        }

        [Fact]
        public void Results_and_the_workspaces_files_are_valid_against_their_published_schemas_and_hold_no_personal_data()
        {
            JsonSchema result = Schema("result.schema.json");
            foreach (string file in new[] { 2026, 2027 }.SelectMany(y => new[] { "甲", "丙" }.SelectMany(c => _runs.Ws.Results(y, c))))
            {
                EvaluationResults check = result.Evaluate(System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
                Assert.True(check.IsValid, file + ": " + string.Join("; ", (check.Details ?? new List<EvaluationResults>()).Where(d => d.Errors != null && d.Errors.Count > 0).Select(d => d.InstanceLocation + " " + string.Join(",", d.Errors!.Values))));
                string text = File.ReadAllText(file);
                Assert.DoesNotContain("13800138000", text);
                Assert.DoesNotContain("li.lei@example.com", text);
                Assert.DoesNotContain("张三", text);
            }

            Assert.Contains("138****8000", File.ReadAllText(_runs.Ws.Results(2026, "甲").Single()));
            Assert.True(Schema("client.schema.json").Evaluate(System.Text.Json.JsonDocument.Parse(File.ReadAllText(_runs.Ws.ClientFile("丙"))).RootElement).IsValid);
            Assert.True(Schema("workspace.schema.json").Evaluate(System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_runs.Ws.Path, "workspace.json"))).RootElement).IsValid);

            // What a run said in every stream: no number, mail or name of the owners in clear.
            foreach (var run in new[] { _runs.First, _runs.Second })
            {
                string all = run.AllStreamsText();
                Assert.DoesNotContain("13800138000", all);
                Assert.DoesNotContain("li.lei@example.com", all);
            }
        }

        [Fact]
        public void The_schemas_refuse_what_the_module_refuses()
        {
            JsonSchema client = Schema("client.schema.json");
            var valid = JsonNode.Parse(File.ReadAllText(_runs.Ws.ClientFile("丙")))!;
            var secret = valid.DeepClone();
            secret["publish"] = new JsonObject { ["target"] = "WeCom", ["corpId"] = "ww1", ["agentId"] = 1, ["secret"] = "plain-text-secret" };
            Assert.False(client.Evaluate(System.Text.Json.JsonDocument.Parse(secret.ToJsonString()).RootElement).IsValid);
            var noExpiry = valid.DeepClone();
            noExpiry["exceptions"]![0]!.AsObject().Remove("expires");
            Assert.False(client.Evaluate(System.Text.Json.JsonDocument.Parse(noExpiry.ToJsonString()).RootElement).IsValid);
            var newer = JsonNode.Parse(File.ReadAllText(_runs.Ws.Results(2026, "甲").Single()))!;
            newer["schemaVersion"] = 2;
            Assert.False(Schema("result.schema.json").Evaluate(System.Text.Json.JsonDocument.Parse(newer.ToJsonString()).RootElement).IsValid);
        }

        private static readonly Dictionary<string, JsonSchema> s_schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);

        private static JsonSchema Schema(string name)
        {
            lock (s_schemas)
            {
                if (!s_schemas.TryGetValue(name, out JsonSchema schema))
                {
                    schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Paths.Root, "module", "workspace", name)));
                    SchemaRegistry.Global.Register(schema);
                    s_schemas[name] = schema;
                }

                return schema;
            }
        }

        /// <summary>Builds the workspace and runs it twice, once for the whole class.</summary>
        public sealed class Runs : IDisposable
        {
            public Runs()
            {
                Ws = new WorkspaceFolder();
                ModuleSession ps = Ws.Ps;
                ps.Run("New-ComplianceWorkspace -Path $args[0] -Name 'Two seasons' -Culture en-US", Ws.Path).ThrowOnError();
                ps.Run("Add-ComplianceClient -Workspace $args[0] -Name 甲 -Province 上海 -LicenceNumber B2-20990001 -Year 2026 -Owner @{ '*' = 'li.lei@example.com'; Seats = '张三'; Complaints = '13800138000' }", Ws.Path).ThrowOnError();
                ps.Run("Add-ComplianceClient -Workspace $args[0] -Name 乙 -Province 北京 -LicenceNumber 京B2-20990002 -Year 2026", Ws.Path).ThrowOnError();
                ps.Run("Add-ComplianceClient -Workspace $args[0] -Name 丙 -Province 广东 -LicenceNumber 粤B2-20990003 -Year 2026", Ws.Path).ThrowOnError();
                new SmallOperator { Name = "甲", Activated = 60, LandlineCalls = 400000, CreditScore = 90 }.Save(Ws.Workbook("甲"));
                File.WriteAllText(Ws.Workbook("乙"), "this is not a workbook");
                new SmallOperator { Name = "丙", Activated = 50, CreditScore = 95 }.Save(Ws.Workbook("丙"));
                Ws.EditClient("丙", json => json["exceptions"] = new JsonArray(new JsonObject
                {
                    ["rule"] = "SEAT-001",
                    ["subject"] = "*",
                    ["reason"] = "扩容中,外包协议已签",
                    ["approvedBy"] = "王经理",
                    ["expires"] = "2026-06-30",
                }));
                First = ps.Run("Invoke-ComplianceRun -Workspace $args[0] -Year 2026 -AsOf 2026-03-02 -ThrottleLimit 2", Ws.Path);

                // A year on: 甲 activated 13 more seats, moved its landline calls to 95 numbers, and its credit score fell.
                new SmallOperator { Name = "甲", ReportYear = 2026, Activated = 73, CreditScore = 75 }.Save(Ws.Workbook("甲"));
                new SmallOperator { Name = "丙", ReportYear = 2026, Activated = 50, CreditScore = 95 }.Save(Ws.Workbook("丙"));
                Second = ps.Run("Invoke-ComplianceRun -Workspace $args[0] -Year 2027 -AsOf 2027-03-01 -ThrottleLimit 2", Ws.Path);
            }

            public WorkspaceFolder Ws { get; }

            public ModuleSession.Result First { get; }

            public ModuleSession.Result Second { get; }

            public void Dispose() => Ws.Dispose();
        }
    }
}
