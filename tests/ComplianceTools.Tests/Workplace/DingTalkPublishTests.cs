using System;
using System.Linq;
using System.Text.Json.Nodes;
using ComplianceTools.Tests.Infrastructure;
using ComplianceTools.Tests.Workplace.Fake;

namespace ComplianceTools.Tests.Workplace
{
    /// <summary>Publish-ComplianceTask -Target DingTalk against the fake DingTalk: to-dos by source id, exactly once, completed ones left alone.</summary>
    public sealed class DingTalkPublishTests : WorkplaceTestBase
    {
        /// <summary>N items owned by 李四, given by his mobile.</summary>
        private const string Items = "$items = foreach ($i in 1..$args[0]) { [pscustomobject]@{ Key = \"CMPL-001|客户$i|2025\"; Title = \"投诉率整改 $i\"; Owner = '13800138001'; DueDate = '2026-03-31'; Description = \"12321 投诉率 0.012% ($i)\"; Checklist = @('定位投诉号码', '隔离外呼') } }; ";

        /// <summary>31 March 2026, 18:00 China time (the end of the working day), in Unix milliseconds.</summary>
        private static readonly long s_dueMs = new DateTimeOffset(2026, 3, 31, 18, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();

        private readonly FakeDingTalk _dingtalk = new FakeDingTalk();
        private readonly (string UserId, string UnionId) _zhang;
        private readonly (string UserId, string UnionId) _li;

        public DingTalkPublishTests()
        {
            _zhang = _dingtalk.AddUser("manager01", "13800138000");
            _li = _dingtalk.AddUser("agent0042", "13800138001");
            _dingtalk.AddUser("left0007", "13800138009", active: false);
            Connect().ThrowOnError();
        }

        public override void Dispose()
        {
            base.Dispose();
            _dingtalk.Dispose();
        }

        private ModuleSession.Result Connect(string secret = null) =>
            Ps.Run("Connect-ComplianceWorkplace -Platform DingTalk -AppKey $args[0] -AgentId $args[1] -AppSecret $args[2] -Endpoint $args[3]", _dingtalk.AppKey, FakeDingTalk.AgentId, Secure(secret ?? _dingtalk.AppSecret), _dingtalk.Endpoint);

        private ModuleSession.Result Publish(int n, string extra = "", string parameters = "") =>
            Ps.Run(Items + "$items" + extra + " | Publish-ComplianceTask -Target DingTalk -Operator 13800138000" + parameters, n);

        [Fact]
        public void A_work_notification_dingtalk_refuses_keeps_the_todos_and_is_one_warning_naming_the_owner_masked()
        {
            // Connected with another app's agent id: the to-dos need none, the work notification is refused (40056).
            Ps.Run("Connect-ComplianceWorkplace -Platform DingTalk -AppKey $args[0] -AgentId $args[1] -AppSecret $args[2] -Endpoint $args[3]", _dingtalk.AppKey, FakeDingTalk.AgentId + 1, Secure(_dingtalk.AppSecret), _dingtalk.Endpoint).ThrowOnError();
            var r = Publish(2);
            r.ThrowOnError();
            Assert.Equal(Enumerable.Repeat("Created", 2), Actions(r)); // a notice never fails an item
            Assert.Equal(2, _dingtalk.Tasks().Count);
            string warning = Assert.Single(r.Warnings, w => w.Contains("could not be told", StringComparison.Ordinal));
            Assert.StartsWith("138****8001 could not be told of 2 item(s): errcode 40056", warning, StringComparison.Ordinal);
        }

        [Fact]
        public void Four_items_become_four_todos_keyed_by_source_id_due_at_the_end_of_the_working_day_with_their_owner_told()
        {
            var r = Publish(4);
            r.ThrowOnError();
            Assert.Equal(Enumerable.Repeat("Created", 4), Actions(r));
            Assert.All(r.Output, o => Assert.Equal("DingTalk", o.Text("Target")));
            Assert.Equal("138****8001", r.Output[0].Text("Owner"));
            Assert.Equal(new DateTimeOffset(2026, 3, 31, 18, 0, 0, TimeSpan.FromHours(8)), (DateTimeOffset)r.Output[0].Prop("DueDate"));

            var tasks = _dingtalk.Tasks();
            Assert.Equal(4, tasks.Count);
            JsonObject first = tasks.Single(t => t["id"]!.GetValue<string>() == r.Output[0].Text("TaskId"));
            Assert.Equal("CMPL-001|客户1|2025", first["sourceId"]!.GetValue<string>());
            Assert.Equal("投诉率整改 1", first["subject"]!.GetValue<string>());
            Assert.Equal("12321 投诉率 0.012% (1)\n\n□ 定位投诉号码\n□ 隔离外呼", first["description"]!.GetValue<string>());
            Assert.Equal(s_dueMs, first["dueTime"]!.GetValue<long>());
            Assert.Equal(new[] { _li.UnionId }, first["executorIds"]!.AsArray().Select(e => e!.GetValue<string>()));
            Assert.Equal(_zhang.UnionId, first["creatorId"]!.GetValue<string>());
            Assert.False(first["done"]!.GetValue<bool>());

            // One work notification for the run, listing the four.
            var note = Assert.Single(_dingtalk.Notifications());
            Assert.Equal(_li.UserId, note.ToUser);
            Assert.True(note.Delivered);
            Assert.StartsWith("【年检整改】有 4 项事项新建或变更：\n- 2026-03-31 18:00 投诉率整改 1 (新建)", note.Msg, StringComparison.Ordinal);
            Assert.Equal(1, _dingtalk.TokenRequests);
        }

        [Fact]
        public void A_rerun_finds_each_todo_by_its_source_id_and_writes_nothing()
        {
            Publish(4).ThrowOnError();
            _dingtalk.ClearCalls();
            var r = Publish(4);
            r.ThrowOnError();
            Assert.Equal(Enumerable.Repeat("Unchanged", 4), Actions(r));
            Assert.Empty(_dingtalk.Writes);
            Assert.Equal(4, _dingtalk.Calls.Count(c => c.Path.Contains("/tasks/sources/", StringComparison.Ordinal)));
            Assert.Equal(4, _dingtalk.Tasks().Count);
        }

        [Fact]
        public void A_changed_due_date_is_one_put_of_the_due_time_alone_and_the_owner_is_told()
        {
            var first = Publish(3);
            _dingtalk.ClearCalls();
            var r = Publish(3, " | ForEach-Object { if ($_.Key -eq 'CMPL-001|客户3|2025') { $_.DueDate = '2026-04-15T12:00:00+08:00' }; $_ }");
            r.ThrowOnError();
            Assert.Equal(new[] { "Unchanged", "Unchanged", "Updated" }, Actions(r));
            var writes = _dingtalk.Writes.ToList();
            Assert.Equal(2, writes.Count);
            Assert.Equal("PUT", writes[0].Method);
            Assert.EndsWith("/tasks/" + first.Output[2].Text("TaskId"), writes[0].Path, StringComparison.Ordinal);
            long due = new DateTimeOffset(2026, 4, 15, 12, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
            Assert.Equal("{\"dueTime\":" + due + "}", writes[0].Body);
            Assert.Contains("asyncsend_v2", writes[1].Path, StringComparison.Ordinal);
            Assert.Equal(due, _dingtalk.Tasks().Single(t => t["sourceId"]!.GetValue<string>() == "CMPL-001|客户3|2025")["dueTime"]!.GetValue<long>());
            Assert.DoesNotContain(_dingtalk.Writes, w => w.Method == "PUT" && w.Json!["done"] != null);
        }

        [Fact]
        public void A_todo_its_owner_completed_is_reported_completed_and_never_touched_or_reopened()
        {
            var first = Publish(3);
            _dingtalk.Complete(first.Output[1].Text("TaskId"));
            _dingtalk.ClearCalls();
            var r = Publish(3, " | ForEach-Object { $_.DueDate = '2026-05-29'; $_ }");
            r.ThrowOnError();
            Assert.Equal(new[] { "Updated", "Completed", "Updated" }, Actions(r));
            Assert.Equal(2, _dingtalk.Writes.Count(w => w.Method == "PUT"));
            Assert.DoesNotContain(_dingtalk.Writes, w => w.Path.EndsWith(first.Output[1].Text("TaskId"), StringComparison.Ordinal));
            JsonObject done = _dingtalk.Tasks().Single(t => t["id"]!.GetValue<string>() == first.Output[1].Text("TaskId"));
            Assert.True(done["done"]!.GetValue<bool>());
            Assert.Equal(s_dueMs, done["dueTime"]!.GetValue<long>());
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Throttling_outages_lost_answers_and_tokens_expired_on_both_hosts_still_give_exactly_four_todos(bool wrapped)
        {
            _dingtalk.WrapOldErrors = wrapped;
            _dingtalk.Inject("/tasks/sources/", FaultKind.ServerError);
            _dingtalk.Inject("/tasks/sources/", FaultKind.ExpireToken);
            _dingtalk.Inject("/tasks", FaultKind.CommitThenDrop, method: "POST");
            _dingtalk.Inject("/tasks", FaultKind.RateLimit, method: "POST");
            _dingtalk.Inject("/tasks", FaultKind.FlowControl, method: "POST");
            _dingtalk.Inject("/tasks", FaultKind.CommitThenServerError, method: "POST");
            _dingtalk.Inject("/tasks", FaultKind.LockError, method: "POST");
            _dingtalk.Inject("asyncsend_v2", FaultKind.ExpireToken);
            _dingtalk.Inject("getbymobile", FaultKind.IpBan);
            _dingtalk.Inject("asyncsend_v2", FaultKind.RateLimit);

            var r = Publish(4);
            r.ThrowOnError();
            Assert.Equal(Enumerable.Repeat("Created", 4), Actions(r));
            var tasks = _dingtalk.Tasks();
            Assert.Equal(4, tasks.Count);
            Assert.Equal(4, tasks.Select(t => t["sourceId"]!.GetValue<string>()).Distinct().Count());
            Assert.Equal(4, r.Output.Select(o => o.Text("TaskId")).Distinct().Count());
            // The token at connect, then one fetch per early expiry (new host, then old host).
            Assert.Equal(3, _dingtalk.TokenRequests);

            _dingtalk.ClearCalls();
            Assert.Equal(Enumerable.Repeat("Unchanged", 4), Actions(Publish(4)));
            Assert.Empty(_dingtalk.Writes);
        }

        [Theory]
        [InlineData(404)]
        [InlineData(400)]
        public void Either_answer_for_a_source_id_nobody_has_means_create_it(int status)
        {
            _dingtalk.SourceNotFoundStatus = status;
            var r = Publish(2);
            r.ThrowOnError();
            Assert.Equal(new[] { "Created", "Created" }, Actions(r));
            Assert.Equal(new[] { "Unchanged", "Unchanged" }, Actions(Publish(2)));
            Assert.Equal(2, _dingtalk.Tasks().Count);
        }

        [Fact]
        public void When_source_ids_are_unique_a_create_meeting_another_runs_todo_takes_that_one_instead_of_failing()
        {
            _dingtalk.UniqueSourceIds = true;
            _dingtalk.Inject("/tasks", FaultKind.ForeignCreate, method: "POST");
            var r = Publish(1);
            r.ThrowOnError();
            Assert.Equal(new[] { "Updated" }, Actions(r));
            Assert.Contains("CMPL-001|客户1|2025", r.Output[0].Text("Message"));
            JsonObject task = Assert.Single(_dingtalk.Tasks());
            Assert.Equal("投诉率整改 1", task["subject"]!.GetValue<string>());
        }

        [Fact]
        public void An_owner_dingtalk_does_not_know_by_mobile_fails_that_item_only_masked_and_a_mail_without_a_mobile_says_dingtalk_needs_one()
        {
            var r = Ps.Run(Items + "$items[0].Owner = '13900001234'; $items[1].Owner = '13800138009'; $items[2].Owner = 'lisi@contoso.cn'; $items | Publish-ComplianceTask -Target DingTalk -Operator 13800138000", 4);
            Assert.Equal(new[] { "Failed", "Failed", "Failed", "Created" }, Actions(r));
            var errors = r.AllErrors.ToList();
            Assert.Equal(3, errors.Count);
            Assert.Equal("ComplianceTools.Workplace.OwnerNotFound,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", errors[0].FullyQualifiedErrorId);
            Assert.Contains("139****1234", errors[0].Exception.Message);
            Assert.Contains("errcode 60121", errors[0].Exception.Message);
            Assert.Contains("138****8009", errors[1].Exception.Message);
            Assert.Equal("ComplianceTools.Workplace.OwnerNoMobile,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", errors[2].FullyQualifiedErrorId);
            Assert.Contains("l***@contoso.cn", errors[2].Exception.Message);
            string all = r.AllStreamsText();
            Assert.DoesNotContain("13900001234", all);
            Assert.DoesNotContain("lisi@contoso.cn", all);
            Assert.Single(_dingtalk.Tasks());
        }

        [Fact]
        public void A_mail_owner_is_found_through_the_staff_roster_mobile_in_the_dataset()
        {
            string dataset = "$ds = [ComplianceTools.Core.Workbook.ComplianceDataset]::new(); $ds.Staff = [ComplianceTools.Core.Workbook.Sheets.StaffRow[]]@([ComplianceTools.Core.Workbook.Sheets.StaffRow]@{ EmployeeId = 'E042'; Name = '李四'; Mail = 'lisi@contoso.cn'; Mobile = '+86 138 0013 8001' }); ";
            var r = Ps.Run(Items + dataset + "$items[0].Owner = 'LiSi@contoso.cn'; $items | Publish-ComplianceTask -Target DingTalk -Operator 13800138000 -Dataset $ds", 1);
            r.ThrowOnError();
            Assert.Equal(new[] { _li.UnionId }, Assert.Single(_dingtalk.Tasks())["executorIds"]!.AsArray().Select(e => e!.GetValue<string>()));
        }

        [Fact]
        public void A_wrong_app_secret_is_one_authentication_error_and_nothing_secret_reaches_any_stream()
        {
            var wrong = Connect("not-the-app-secret");
            var error = Assert.Single(wrong.AllErrors);
            Assert.Equal("ComplianceTools.Workplace.AuthenticationFailed,ComplianceTools.Commands.Workplace.ConnectComplianceWorkplaceCommand", error.FullyQualifiedErrorId);
            Assert.Contains("invalidClientIdOrSecret", error.Exception.Message);

            Connect().ThrowOnError();
            var r = Ps.Run("$VerbosePreference = 'Continue'; " + Items + "$items | Publish-ComplianceTask -Target DingTalk -Operator 13800138000 -Verbose", 2);
            r.ThrowOnError();
            string everything = Everything(r) + Everything(wrong);
            Assert.DoesNotContain(_dingtalk.AppSecret, everything);
            Assert.DoesNotContain("not-the-app-secret", everything);
            Assert.All(_dingtalk.IssuedTokens(), t => Assert.DoesNotContain(t, everything));
            Assert.DoesNotContain("13800138000", everything);
            Assert.All(_dingtalk.Calls.Where(c => c.Path.StartsWith("/v1.0/todo", StringComparison.Ordinal)), c => Assert.DoesNotContain("access_token", c.Query, StringComparison.Ordinal));
        }

        [Fact]
        public void A_secret_reset_mid_run_stops_it_with_one_authentication_error()
        {
            Publish(1).ThrowOnError();
            _dingtalk.RotateSecret();
            var r = Publish(3);
            Assert.Equal("ComplianceTools.Workplace.AuthenticationFailed,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", Assert.Single(r.AllErrors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Without_an_operator_or_with_one_dingtalk_does_not_know_nothing_is_published()
        {
            var none = Ps.Run(Items + "$items | Publish-ComplianceTask -Target DingTalk", 2);
            Assert.Equal("ComplianceTools.Publishing.OperatorRequired,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", Assert.Single(none.AllErrors).FullyQualifiedErrorId);
            var unknown = Ps.Run(Items + "$items | Publish-ComplianceTask -Target DingTalk -Operator 13911112222", 2);
            var error = Assert.Single(unknown.AllErrors);
            Assert.Equal("ComplianceTools.Workplace.OperatorNotFound,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("139****2222", error.Exception.Message);
            Assert.Empty(_dingtalk.Tasks());
        }

        [Fact]
        public void WhatIf_writes_nothing()
        {
            var r = Publish(2, parameters: " -WhatIf");
            r.ThrowOnError();
            Assert.Empty(r.Output);
            Assert.Empty(_dingtalk.Writes);
        }

        [Fact]
        public void Parameters_of_another_target_are_refused_before_anything_is_sent()
        {
            var r = Ps.Run(Items + "$items | Publish-ComplianceTask -Target DingTalk -Operator 13800138000 -CalendarName 年检整改", 1);
            Assert.Equal("ComplianceTools.Publishing.ParameterMismatch,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", Assert.Single(r.AllErrors).FullyQualifiedErrorId);
            var list = Ps.Run(Items + "$items | Publish-ComplianceTask -Target SharePointList -ListName 年检整改", 1);
            Assert.Equal("ComplianceTools.Publishing.TargetNeedsParameters,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", Assert.Single(list.AllErrors).FullyQualifiedErrorId);
            Assert.Empty(_dingtalk.Writes);
        }
    }
}
