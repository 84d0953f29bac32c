using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using ComplianceTools.Tests.Infrastructure;
using ComplianceTools.Tests.Module;
using ComplianceTools.Tests.Workplace.Fake;

namespace ComplianceTools.Tests.Workspace
{
    /// <summary>Results outside a workspace (a scheduled task's history), publishing from a run, and the run in the embedded host.</summary>
    public sealed class ResultAndPublishTests : IDisposable
    {
        private readonly WorkspaceFolder _ws = new WorkspaceFolder();

        public void Dispose() => _ws.Dispose();

        [Fact]
        public void Export_ComplianceResult_writes_what_Import_reads_back_and_Compare_compares_outside_a_workspace()
        {
            string march = new SmallOperator { Name = "甲", Activated = 60, LandlineCalls = 400000 }.Save(_ws.Temp.File("march.xlsx"));
            string april = new SmallOperator { Name = "甲", Activated = 100, LandlineCalls = 400000 }.Save(_ws.Temp.File("april.xlsx"));
            string audit = "$book = Import-ComplianceWorkbook $args[0]; $f = @($book | Invoke-ComplianceAudit -AsOf 2026-03-02 | Where-Object RuleId); $p = $f | New-RectificationPlan -NoticeDate 2026-03-02 -AsOf 2026-03-02 -Owner @{ '*' = 'zhang.san@example.com' }; ";
            _ws.Ps.Run(audit + "$f + $p | Export-ComplianceResult -Path $args[1] -AsOf 2026-03-02", march, _ws.Temp.File("march.json")).ThrowOnError();
            _ws.Ps.Run(audit + "$f + $p | Export-ComplianceResult -Path $args[1] -AsOf 2026-04-01", april, _ws.Temp.File("april.json")).ThrowOnError();

            PSObject result = _ws.Ps.Run("Import-ComplianceResult $args[0]", _ws.Temp.File("march.json")).Single();
            Assert.Equal("甲", result.Text("Client"));
            Assert.Equal(2026, (int)result.Prop("Season"));          // report year 2025 + 1
            Assert.Equal(2025, (int)result.Prop("ReportYear"));
            Assert.Equal(2, (int)result.Prop("Red"));
            Assert.Equal(1, (int)result.Prop("SchemaVersion"));

            // Findings and items come back as the module's own, so they go on down a pipeline.
            var red = _ws.Ps.Run("(Import-ComplianceResult $args[0]).Findings | Where-Object Status -eq Red | ForEach-Object { $_.GetType().FullName + ' ' + $_.Key }", _ws.Temp.File("march.json"));
            Assert.Equal(new[] { "ComplianceTools.Core.Findings.Finding NUM-001|甲|2025", "ComplianceTools.Core.Findings.Finding SEAT-001|甲|2025" }, red.Output.Select(o => o.ToString()));
            Assert.DoesNotContain("zhang.san@example.com", File.ReadAllText(_ws.Temp.File("march.json")));
            Assert.Contains("z********@example.com", File.ReadAllText(_ws.Temp.File("march.json")));

            var changes = _ws.Ps.Run("Compare-ComplianceResult $args[0] $args[1] -Change Fixed, Regressed", _ws.Temp.File("march.json"), _ws.Temp.File("april.json"));
            changes.ThrowOnError();
            PSObject fixedSeat = Assert.Single(changes.Output);
            Assert.Equal("Fixed", fixedSeat.Text("Change"));
            Assert.Equal("SEAT-001", fixedSeat.Text("RuleId"));

            // Never over another file without -Force, never an empty result.
            var again = _ws.Ps.Run(audit + "$f | Export-ComplianceResult -Path $args[1]", march, _ws.Temp.File("march.json"));
            Assert.Equal("ComplianceTools.Output.FileExists", again.AllErrors.Single().FullyQualifiedErrorId.Split(',')[0]);
            var empty = _ws.Ps.Run("@() | Export-ComplianceResult -Path $args[0]", _ws.Temp.File("empty.json"));
            Assert.Equal("ComplianceTools.Workspace.ResultEmpty", empty.AllErrors.Single().FullyQualifiedErrorId.Split(',')[0]);
            Assert.False(File.Exists(_ws.Temp.File("empty.json")));
        }

        [Fact]
        public void A_chinese_workspace_run_from_an_english_session_writes_chinese_reasons_and_steps()
        {
            _ws.Ps.Run("New-ComplianceWorkspace -Path $args[0]", _ws.Path).ThrowOnError(); // reports in Chinese by default
            _ws.Ps.Run("Add-ComplianceClient -Workspace $args[0] -Name 甲 -Province 上海 -LicenceNumber B2-20990001 -Year 2026 -Owner @{ '*' = 'li.lei@example.com' }", _ws.Path).ThrowOnError();
            new SmallOperator { Name = "甲", Activated = 60, LandlineCalls = 400000 }.Save(_ws.Workbook("甲"));
            _ws.Ps.Run("Invoke-ComplianceRun -Workspace $args[0] -Year 2026 -AsOf 2026-03-02", _ws.Path).ThrowOnError();

            JsonObject result = (JsonObject)JsonNode.Parse(File.ReadAllText(_ws.Results(2026, "甲").Single()))!;
            JsonNode seat = result["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "SEAT-001")!;
            Assert.Contains("备案", seat["reason"]!.GetValue<string>(), StringComparison.Ordinal); // the session is en-US: English before
            Assert.DoesNotContain("seats on file", seat["reason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void The_portfolio_keeps_two_owners_whose_masks_read_alike_apart()
        {
            _ws.Ps.Run("New-ComplianceWorkspace -Path $args[0] -Culture en-US", _ws.Path).ThrowOnError();
            _ws.Ps.Run("Add-ComplianceClient -Workspace $args[0] -Name 甲 -Province 上海 -LicenceNumber B2-20990001 -Year 2026 -Owner @{ '*' = '刘洋' }", _ws.Path).ThrowOnError();
            _ws.Ps.Run("Add-ComplianceClient -Workspace $args[0] -Name 乙 -Province 上海 -LicenceNumber B2-20990002 -Year 2026 -Owner @{ '*' = '刘伟' }", _ws.Path).ThrowOnError();
            new SmallOperator { Name = "甲", Activated = 60 }.Save(_ws.Workbook("甲"));
            new SmallOperator { Name = "乙", Activated = 60, LicenceNumber = "B2-20990002" }.Save(_ws.Workbook("乙"));
            _ws.Ps.Run("Invoke-ComplianceRun -Workspace $args[0] -Year 2026 -AsOf 2026-03-02", _ws.Path).ThrowOnError();

            using (var package = new OfficeOpenXml.ExcelPackage(new FileInfo(Path.Combine(_ws.Path, "portfolio", "portfolio-2026.xlsx"))))
            {
                var texts = package.Workbook.Worksheets.SelectMany(w => w.Cells.Where(c => c.Value is string).Select(c => (string)c.Value)).ToList();
                Assert.Contains("刘*", texts);
                Assert.Contains("刘* (2)", texts); // the portfolio masked first, and both read 刘* as one person
                Assert.DoesNotContain(texts, t => t.Contains("刘洋") || t.Contains("刘伟"));
            }
        }

        [Fact]
        public void A_client_that_publishes_to_WeCom_gets_its_items_as_schedules_once_with_the_secret_read_from_its_variable()
        {
            using var wecom = new FakeWeCom();
            wecom.AddUser("LiLei", mobile: "13800138000", mail: "li.lei@example.com");
            string variable = "CT_TEST_WECOM_" + Guid.NewGuid().ToString("N").Substring(0, 8);
            Environment.SetEnvironmentVariable(variable, wecom.Secret);
            try
            {
                _ws.Ps.Run("New-ComplianceWorkspace -Path $args[0] -Culture en-US", _ws.Path).ThrowOnError();
                _ws.Ps.Run(
                    "Add-ComplianceClient -Workspace $args[0] -Name 甲 -Province 上海 -LicenceNumber B2-20990001 -Year 2026 -Owner @{ '*' = 'li.lei@example.com' } -Publish @{ Target = 'WeCom'; CorpId = $args[1]; AgentId = $args[2]; Endpoint = $args[3]; IncludeSchedule = $false; Secret = @{ EnvironmentVariable = $args[4] } }",
                    _ws.Path, FakeWeCom.CorpId, FakeWeCom.AgentId, wecom.Endpoint.ToString(), variable).ThrowOnError();
                new SmallOperator { Name = "甲", Activated = 60, LandlineCalls = 400000 }.Save(_ws.Workbook("甲"));
                Assert.DoesNotContain(wecom.Secret, File.ReadAllText(_ws.ClientFile("甲")));

                var first = _ws.Ps.Run("Invoke-ComplianceRun -Workspace $args[0] -Year 2026 -AsOf 2026-03-02", _ws.Path);
                first.ThrowOnError();

                // The plan only (IncludeSchedule false): SEAT-001, NUM-001 and its authority-reply follow-up, and the 23 "provide
                // the data" items; CRED-001 is Green and ALG-001, XB-001 not applicable.
                JsonObject result = (JsonObject)JsonNode.Parse(File.ReadAllText(_ws.Results(2026, "甲").Single()))!;
                int plan = result["planItems"]!.AsArray().Count(i => i!["kind"]!.GetValue<string>() == "Rectification");
                Assert.Equal(26, plan);
                string calendar = Assert.Single(wecom.Calendars())["cal_id"]!.GetValue<string>();
                Assert.Equal(plan, wecom.Schedules(calendar).Count);
                Assert.Equal("WeCom: " + plan + " created", first.Output.Single().Text("Published"));
                Assert.Single(wecom.Messages());   // one message to the owner for the run
                Assert.True(File.Exists(Path.Combine(_ws.Path, ".state", "wecom-calendars.json")));

                // Exactly once: the next run of the same season writes nothing new.
                wecom.ClearCalls();
                var second = _ws.Ps.Run("Invoke-ComplianceRun -Workspace $args[0] -Year 2026 -AsOf 2026-03-02", _ws.Path);
                second.ThrowOnError();
                Assert.Equal("WeCom: " + plan + " unchanged", second.Output.Single().Text("Published"));
                Assert.Empty(wecom.Writes);

                // -NoPublish leaves the service alone.
                wecom.ClearCalls();
                _ws.Ps.Run("Invoke-ComplianceRun -Workspace $args[0] -Year 2026 -AsOf 2026-03-02 -NoPublish", _ws.Path).ThrowOnError();
                Assert.Empty(wecom.Calls);

                foreach (var run in new[] { first, second })
                {
                    Assert.DoesNotContain(wecom.Secret, run.AllStreamsText());
                }

                // The session's own connections were neither used nor changed.
                var none = _ws.Ps.Run("@([pscustomobject]@{ Key = 'k'; Title = 't' }) | Publish-ComplianceTask -Target WeCom");
                Assert.Equal("ComplianceTools.Workplace.NotConnected", none.AllErrors.First().FullyQualifiedErrorId.Split(',')[0]);
            }
            finally
            {
                Environment.SetEnvironmentVariable(variable, null);
            }
        }

        [Fact]
        public void A_client_that_publishes_to_Planner_gets_its_items_as_tasks_with_a_token_read_from_its_variable()
        {
            using var graph = new ComplianceTools.Tests.Graph.Fake.FakeGraph(3);
            graph.AddUser("李雷", "li.lei@example.com", "合规部", "E001");
            string plan = graph.AddPlan("年检整改");
            string variable = "CT_TEST_GRAPH_" + Guid.NewGuid().ToString("N").Substring(0, 8);
            Environment.SetEnvironmentVariable(variable, graph.Token);
            try
            {
                _ws.Ps.Run("New-ComplianceWorkspace -Path $args[0]", _ws.Path).ThrowOnError();
                _ws.Ps.Run(
                    "Add-ComplianceClient -Workspace $args[0] -Name 甲 -Province 上海 -LicenceNumber B2-20990001 -Year 2026 -Owner @{ '*' = 'li.lei@example.com' } -Publish @{ Target = 'Planner'; PlanId = $args[1]; BucketName = '年检整改'; GraphEndpoint = $args[2]; IncludeSchedule = $false; AccessToken = @{ EnvironmentVariable = $args[3] } }",
                    _ws.Path, plan, graph.Endpoint.ToString(), variable).ThrowOnError();
                new SmallOperator { Name = "甲", Activated = 60 }.Save(_ws.Workbook("甲"));
                var r = _ws.Ps.Run("Invoke-ComplianceRun -Workspace $args[0] -Year 2026 -AsOf 2026-03-02", _ws.Path);
                r.ThrowOnError();

                // SEAT-001 and the 23 "provide the data" items (NUM-001 is Green: no landline calls).
                Assert.Equal("Planner: 24 created", r.Output.Single().Text("Published"));
                Assert.Equal(24, graph.Tasks(plan).Count);
                Assert.Contains(graph.Tasks(plan), t => t["title"]!.GetValue<string>().StartsWith("SEAT-001 ", StringComparison.Ordinal));
                Assert.DoesNotContain(graph.Token, r.AllStreamsText());
                Assert.DoesNotContain(graph.Token, File.ReadAllText(_ws.ClientFile("甲")));
            }
            finally
            {
                Environment.SetEnvironmentVariable(variable, null);
            }
        }

        [Fact]
        public void A_secret_variable_that_is_not_set_is_the_clients_error_and_its_job_is_still_done()
        {
            _ws.Ps.Run("New-ComplianceWorkspace -Path $args[0]", _ws.Path).ThrowOnError();
            _ws.Ps.Run("Add-ComplianceClient -Workspace $args[0] -Name 甲 -Province 上海 -LicenceNumber B2-20990001 -Year 2026 -Publish @{ Target = 'DingTalk'; AppKey = 'ding1'; AgentId = 1; Operator = '13800138000'; Secret = @{ EnvironmentVariable = 'CT_TEST_NOT_SET_ANYWHERE' } }", _ws.Path).ThrowOnError();
            new SmallOperator { Name = "甲" }.Save(_ws.Workbook("甲"));
            var r = _ws.Ps.Run("Invoke-ComplianceRun -Workspace $args[0] -Year 2026 -AsOf 2026-03-02", _ws.Path);
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("ComplianceTools.Workspace.SecretNotFound", e.FullyQualifiedErrorId.Split(',')[0]);
            Assert.StartsWith("Client 甲: The environment variable CT_TEST_NOT_SET_ANYWHERE", e.Exception.Message, StringComparison.Ordinal);
            PSObject entry = r.Output.Single();
            Assert.Equal("Completed", entry.Text("State"));
            Assert.Equal("DingTalk: not published (see the error)", entry.Text("Published"));
            Assert.Single(_ws.Results(2026, "甲"));
        }

        [Fact]
        public void The_embedded_host_onboards_and_runs_a_workspace()
        {
            string script = _ws.Temp.File("run.ps1");
            File.WriteAllText(script, "param($Workspace, $Workbook)\n"
                + "New-ComplianceWorkspace -Path $Workspace | Out-Null\n"
                + "Add-ComplianceClient -Workspace $Workspace -Name 甲 -Province 上海 -LicenceNumber B2-20990001 -Year 2026 | Out-Null\n"
                + "[System.IO.File]::Copy($Workbook, [System.IO.Path]::Combine($Workspace, 'clients', '甲', 'workbook.xlsx'), $true)\n"
                + "Invoke-ComplianceRun -Workspace $Workspace -Year 2026 -AsOf 2026-03-02 -ThrottleLimit 2\n");
            string workbook = new SmallOperator { Name = "甲", Activated = 60 }.Save(_ws.Temp.File("jia.xlsx"));
            var (exit, stdout, stderr) = DependencyIsolationTests.RunHost(script, "-Workspace", _ws.Path, "-Workbook", workbook);
            Assert.True(exit == 0, stdout + stderr);
            Assert.Contains("Completed", stdout);
            Assert.True(File.Exists(Path.Combine(_ws.Path, "portfolio", "portfolio-2026.xlsx")));
            Assert.Single(_ws.Results(2026, "甲"));
        }
    }
}
