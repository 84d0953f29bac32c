using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Workspace
{
    /// <summary>
    /// Bad input to a workspace: each a clear error with a ComplianceTools.Workspace id naming the client and the file (and
    /// the line where there is one), and the other clients still run.
    /// </summary>
    public sealed class WorkspaceInputTests : IDisposable
    {
        private readonly WorkspaceFolder _ws = new WorkspaceFolder();

        public WorkspaceInputTests()
        {
            _ws.Ps.Run("New-ComplianceWorkspace -Path $args[0] -Culture en-US", _ws.Path).ThrowOnError();
            Add("好客户", "B2-20990001");
            new SmallOperator { Name = "好客户", Activated = 60 }.Save(_ws.Workbook("好客户"));
        }

        public void Dispose() => _ws.Dispose();

        private ModuleSession.Result Add(string name, string licence, string extra = "") =>
            _ws.Ps.Run("Add-ComplianceClient -Workspace $args[0] -Name $args[1] -Province 上海 -LicenceNumber $args[2] -Year 2026" + extra, _ws.Path, name, licence).ThrowOnError();

        private ModuleSession.Result Run() => _ws.Ps.Run("Invoke-ComplianceRun -Workspace $args[0] -Year 2026 -AsOf 2026-03-02", _ws.Path);

        /// <summary>The good client still ran: its line is Completed with SEAT-001's 40% Red.</summary>
        private static void GoodClientRan(ModuleSession.Result r)
        {
            PSObject good = r.Output.Single(o => o.Text("Client") == "好客户");
            Assert.Equal("Completed", good.Text("State"));
            Assert.Equal(1, (int)good.Prop("Red"));
        }

        [Fact]
        public void A_client_folder_missing_its_workbook_is_that_clients_error()
        {
            Add("缺工作簿", "B2-20990002");
            File.Delete(_ws.Workbook("缺工作簿"));
            var r = Run();
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("ComplianceTools.Workspace.WorkbookMissing", e.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("缺工作簿", e.Exception.Message);
            Assert.Contains(_ws.Workbook("缺工作簿"), e.Exception.Message);
            Assert.Contains(_ws.ClientFile("缺工作簿"), e.Exception.Message);
            Assert.Equal("Failed", r.Output.Single(o => o.Text("Client") == "缺工作簿").Text("State"));
            GoodClientRan(r);
        }

        [Fact]
        public void A_client_json_naming_a_baseline_that_does_not_exist_is_an_error_with_the_client_file_and_line()
        {
            Add("坏基线", "B2-20990003");
            _ws.EditClient("坏基线", json => json["baselines"] = new JsonArray("../../baselines/不存在.json"));
            var r = Run();
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("ComplianceTools.Workspace.BaselineNotFound", e.FullyQualifiedErrorId.Split(',')[0]);
            Assert.StartsWith("client 坏基线 (" + _ws.ClientFile("坏基线") + ", line ", e.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("不存在.json", e.Exception.Message);
            Assert.Equal("Failed", r.Output.Single(o => o.Text("Client") == "坏基线").Text("State"));
            GoodClientRan(r);

            // Get-ComplianceClient says the same and lists the others.
            var list = _ws.Ps.Run("Get-ComplianceClient -Workspace $args[0]", _ws.Path);
            Assert.Equal("ComplianceTools.Workspace.BaselineNotFound", Assert.Single(list.Errors).FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(new[] { "好客户" }, list.Output.Select(o => o.Text("Name")));
        }

        [Fact]
        public void Two_clients_of_the_same_name_are_both_refused_naming_both_files()
        {
            Add("重名", "B2-20990004");
            string copy = Path.Combine(_ws.Path, "clients", "重名-副本");
            Directory.CreateDirectory(copy);
            File.Copy(_ws.ClientFile("重名"), Path.Combine(copy, "client.json"));
            File.Copy(_ws.Workbook("好客户"), Path.Combine(copy, "workbook.xlsx"));
            var r = Run();
            Assert.Equal(2, r.Errors.Count);
            Assert.All(r.Errors, e => Assert.Equal("ComplianceTools.Workspace.DuplicateClient", e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.All(r.Errors, e => Assert.Contains(_ws.ClientFile("重名"), e.Exception.Message));
            Assert.All(r.Errors, e => Assert.Contains(Path.Combine(copy, "client.json"), e.Exception.Message));
            GoodClientRan(r);

            // A third with the same name in full-width letters or another case is refused when added.
            var again = _ws.Ps.Run("Add-ComplianceClient -Workspace $args[0] -Name 好客户 -Province 上海 -LicenceNumber B2-20990009 -Year 2026", _ws.Path);
            Assert.Equal("ComplianceTools.Workspace.ClientExists", again.AllErrors.Single().FullyQualifiedErrorId.Split(',')[0]);
        }

        [Fact]
        public void A_result_from_a_newer_schema_is_an_error_naming_the_client_and_the_file_and_is_left_as_it_is()
        {
            Add("新架构", "B2-20990005");
            new SmallOperator { Name = "新架构" }.Save(_ws.Workbook("新架构"));
            string folder = Path.Combine(_ws.Path, "results", "2025", "新架构");
            Directory.CreateDirectory(folder);
            string newer = Path.Combine(folder, "20250301T000000000Z.json");
            File.WriteAllText(newer, "{\n  \"schemaVersion\": 2,\n  \"client\": \"新架构\"\n}\n");
            var r = Run();
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("ComplianceTools.Workspace.ResultSchemaTooNew", e.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("新架构", e.Exception.Message);
            Assert.Contains(newer, e.Exception.Message);
            Assert.Contains("schema version 2", e.Exception.Message);
            Assert.Equal("{\n  \"schemaVersion\": 2,\n  \"client\": \"新架构\"\n}\n", File.ReadAllText(newer));
            GoodClientRan(r);

            var import = _ws.Ps.Run("Import-ComplianceResult $args[0]", newer);
            Assert.Equal("ComplianceTools.Workspace.ResultSchemaTooNew", import.AllErrors.Single().FullyQualifiedErrorId.Split(',')[0]);
        }

        [Theory]
        [InlineData("expires", "expires")]
        [InlineData("approvedBy", "approvedBy")]
        public void An_exception_without_an_expiry_or_an_approver_is_an_error_naming_the_client_the_file_the_line_and_the_field(string leftOut, string named)
        {
            Add("坏例外", "B2-20990006");
            new SmallOperator { Name = "坏例外" }.Save(_ws.Workbook("坏例外"));
            var exception = new JsonObject { ["rule"] = "SEAT-001", ["subject"] = "*", ["reason"] = "已签外包协议", ["approvedBy"] = "王经理", ["expires"] = "2027-06-30" };
            exception.Remove(leftOut);
            _ws.EditClient("坏例外", json => json["exceptions"] = new JsonArray(exception));
            var r = Run();
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("ComplianceTools.Workspace.ExceptionInvalid", e.FullyQualifiedErrorId.Split(',')[0]);
            Assert.StartsWith("client 坏例外 (" + _ws.ClientFile("坏例外") + ", line ", e.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("exception 1 has no '" + named + "'", e.Exception.Message);
            GoodClientRan(r);
        }

        [Fact]
        public void A_client_json_or_workspace_json_of_a_newer_schema_is_refused_naming_the_file()
        {
            Add("新版本", "B2-20990012");
            _ws.EditClient("新版本", json => json["schemaVersion"] = 2);
            var r = Run();
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("ComplianceTools.Workspace.SchemaTooNew", e.FullyQualifiedErrorId.Split(',')[0]);
            Assert.StartsWith("client 新版本 (" + _ws.ClientFile("新版本") + ", line ", e.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("schema version 2", e.Exception.Message);
            GoodClientRan(r);

            string workspace = Path.Combine(_ws.Path, "workspace.json");
            File.WriteAllText(workspace, File.ReadAllText(workspace).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 3"));
            var refused = _ws.Ps.Run("Get-ComplianceClient -Workspace $args[0]", _ws.Path);
            ErrorRecord w = refused.AllErrors.Single();
            Assert.Equal("ComplianceTools.Workspace.SchemaTooNew", w.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains(workspace, w.Exception.Message);
        }

        [Fact]
        public void A_secret_written_into_client_json_is_refused_and_never_repeated()
        {
            Add("有密钥", "B2-20990007");
            _ws.EditClient("有密钥", json => json["publish"] = new JsonObject { ["target"] = "WeCom", ["corpId"] = "ww0123", ["agentId"] = 1000002, ["secret"] = "S3cr3t-in-the-file" });
            var r = Run();
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("ComplianceTools.Workspace.SecretInFile", e.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("有密钥", e.Exception.Message);
            Assert.Contains("environmentVariable", e.Exception.Message);
            Assert.DoesNotContain("S3cr3t-in-the-file", r.AllStreamsText());
            GoodClientRan(r);

            // Add-ComplianceClient refuses it too, before writing anything.
            var add = _ws.Ps.Run("Add-ComplianceClient -Workspace $args[0] -Name 另一个 -Province 上海 -LicenceNumber B2-20990008 -Publish @{ Target = 'WeCom'; CorpId = 'ww1'; AgentId = 1; Secret = 'S3cr3t-typed' }", _ws.Path);
            Assert.Equal("ComplianceTools.Workspace.SecretInFile", add.AllErrors.Single().FullyQualifiedErrorId.Split(',')[0]);
            Assert.DoesNotContain("S3cr3t-typed", add.AllStreamsText());
            Assert.False(Directory.Exists(_ws.Client("另一个")));
        }

        [Theory]
        [InlineData("a/b", "ComplianceTools.Workspace.ClientNameInvalid")]
        [InlineData("CON", "ComplianceTools.Workspace.ClientNameInvalid")]
        [InlineData("尾部句点.", "ComplianceTools.Workspace.ClientNameInvalid")]
        public void A_name_that_cannot_be_a_folder_on_every_system_is_refused_and_nothing_is_written(string name, string id)
        {
            var r = _ws.Ps.Run("Add-ComplianceClient -Workspace $args[0] -Name $args[1] -Province 上海 -LicenceNumber B2-20990010 -Year 2026", _ws.Path, name);
            Assert.Equal(id, r.AllErrors.Single().FullyQualifiedErrorId.Split(',')[0]);
            Assert.Single(Directory.GetDirectories(Path.Combine(_ws.Path, "clients")));
        }

        [Fact]
        public void A_licence_number_of_the_wrong_form_is_refused()
        {
            var r = _ws.Ps.Run("Add-ComplianceClient -Workspace $args[0] -Name 某客户 -Province 上海 -LicenceNumber 京ICP备12345678号 -Year 2026", _ws.Path);
            ErrorRecord e = r.AllErrors.Single();
            Assert.Equal("ComplianceTools.Workspace.LicenceNumberInvalid", e.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("B2-20191234", e.Exception.Message);
        }

        [Fact]
        public void A_folder_that_is_not_a_workspace_and_a_workspace_made_twice_are_refused()
        {
            var run = _ws.Ps.Run("Invoke-ComplianceRun -Workspace $args[0]", _ws.Temp.FullName);
            Assert.Equal("ComplianceTools.Workspace.NotFound", run.AllErrors.Single().FullyQualifiedErrorId.Split(',')[0]);
            var twice = _ws.Ps.Run("New-ComplianceWorkspace -Path $args[0]", _ws.Path);
            Assert.Equal("ComplianceTools.Workspace.Exists", twice.AllErrors.Single().FullyQualifiedErrorId.Split(',')[0]);
        }

        [Fact]
        public void WhatIf_runs_no_client_and_writes_nothing()
        {
            var r = _ws.Ps.Run("Invoke-ComplianceRun -Workspace $args[0] -Year 2026 -WhatIf", _ws.Path);
            r.ThrowOnError();
            Assert.Empty(r.Output);
            Assert.False(Directory.Exists(Path.Combine(_ws.Path, "results", "2026")));
            Assert.Empty(Directory.GetFiles(Path.Combine(_ws.Path, "portfolio")));
        }

        [Fact]
        public void Get_ComplianceClient_pipes_into_Invoke_ComplianceRun_and_names_the_last_run()
        {
            Add("乙客户", "B2-20990011");
            new SmallOperator { Name = "乙客户" }.Save(_ws.Workbook("乙客户"));
            var r = _ws.Ps.Run("Get-ComplianceClient -Workspace $args[0] -Name 乙* | Invoke-ComplianceRun -Year 2026 -AsOf 2026-03-02", _ws.Path);
            r.ThrowOnError();
            Assert.Equal(new[] { "乙客户" }, r.Output.Select(o => o.Text("Client")));
            PSObject listed = _ws.Ps.Run("Get-ComplianceClient -Workspace $args[0] -Name 乙客户", _ws.Path).Single();
            Assert.Equal(2026, (int)listed.Prop("LastSeason"));
            Assert.Equal(0, (int)listed.Prop("LastRed"));
            Assert.Equal(23, (int)listed.Prop("LastSkipped"));
        }
    }
}
