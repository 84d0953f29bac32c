using System;
using System.Linq;
using System.Text.Json.Nodes;
using ComplianceTools.Tests.Graph.Fake;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Graph
{
    /// <summary>Publish-ComplianceTask to Planner against the fake Graph: exactly once, with faults.</summary>
    public sealed class PublishComplianceTaskTests : GraphTestBase
    {
        /// <summary>N items as another cmdlet (or a script) would write them: plain objects bound by property name.</summary>
        private const string Items = "$items = foreach ($i in 1..$args[0]) { [pscustomobject]@{ Key = \"SEAT-001|客户$i|2025\"; Title = \"坐席空置率整改 $i\"; Owner = 'zhangsan@contoso.cn'; DueDate = '2026-03-31'; Description = \"备案坐席 100 个中 31 个未开通 ($i)\"; Checklist = @('核对坐席台账', '补开通或注销备案') } }; ";

        private readonly string _zhang;
        private readonly string _li;
        private readonly string _plan;

        public PublishComplianceTaskTests()
        {
            _zhang = Fake.AddUser("张三", "zhangsan@contoso.cn", "客服部", "E001");
            _li = Fake.AddUser("李四", "lisi@contoso.cn", "质检部", "E002", upn: "li.si@contoso.partner.onmschina.cn");
            _plan = Fake.AddPlan("年检整改");
            Connect();
        }

        private ModuleSession.Result Publish(int n, string extra = "")
        {
            return Ps.Run(Items + "$items" + extra + " | Publish-ComplianceTask -PlanId $args[1] -BucketName 年检整改", n, _plan);
        }

        [Fact]
        public void Five_items_become_five_tasks_in_the_named_bucket_owned_dated_and_keyed()
        {
            var r = Publish(5);
            r.ThrowOnError();
            Assert.Equal(5, r.Output.Count);
            Assert.All(r.Output, o => Assert.Equal("Created", o.Text("Action")));
            Assert.Equal("SEAT-001|客户1|2025", r.Output[0].Text("Key"));
            Assert.Equal(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.FromHours(8)), (DateTimeOffset)r.Output[0].Prop("DueDate"));
            Assert.Equal("zhangsan@contoso.cn", r.Output[0].Text("Owner"));

            var bucket = Assert.Single(Fake.Buckets(_plan));
            Assert.Equal("年检整改", bucket["name"]!.GetValue<string>());
            var tasks = Fake.Tasks(_plan);
            Assert.Equal(5, tasks.Count);
            JsonObject first = tasks.Single(t => t["id"]!.GetValue<string>() == r.Output[0].Text("TaskId"));
            Assert.Equal("坐席空置率整改 1", first["title"]!.GetValue<string>());
            Assert.Equal(bucket["id"]!.GetValue<string>(), first["bucketId"]!.GetValue<string>());
            Assert.Equal("2026-03-30T16:00:00Z", first["dueDateTime"]!.GetValue<string>());
            Assert.Equal(new[] { _zhang }, first["assignments"]!.AsObject().Select(a => a.Key));
            JsonObject details = Fake.Details(first["id"]!.GetValue<string>());
            Assert.Equal("备案坐席 100 个中 31 个未开通 (1)\n\nComplianceTools-Key: SEAT-001|客户1|2025", details["description"]!.GetValue<string>());
            Assert.Equal(new[] { "核对坐席台账", "补开通或注销备案" }, details["checklist"]!.AsObject().Select(c => c.Value!["title"]!.GetValue<string>()).OrderBy(t => t, StringComparer.Ordinal));
        }

        /// <summary>A check that could not run, as the audit writes it, planned as "provide the data".</summary>
        internal const string SkippedPlan = "$plan = [ComplianceTools.Core.Findings.Finding]@{ RuleId = 'MAT-001'; Title = '通用材料'; Area = 'Materials'; Status = 'Skipped'; Subject = '示例'; Period = '2025'; Reason = 'The Company sheet names no package folder.' } | New-RectificationPlan -Owner @{ '*' = 'zhangsan@contoso.cn' } -NoticeDate 2026-03-02; ";

        [Fact]
        public void A_skipped_check_is_published_as_a_provide_the_data_task_that_says_skipped()
        {
            var r = Ps.Run(SkippedPlan + "$plan | Publish-ComplianceTask -PlanId $args[0] -BucketName 年检整改", _plan);
            r.ThrowOnError();
            Assert.Equal("Created", Assert.Single(r.Output).Text("Action"));
            JsonObject task = Assert.Single(Fake.Tasks(_plan));
            Assert.StartsWith("MAT-001 Provide the data: 通用材料", task["title"]!.GetValue<string>());
            Assert.Equal("2026-04-29T16:00:00Z", task["dueDateTime"]!.GetValue<string>());
            string description = Fake.Details(task["id"]!.GetValue<string>())["description"]!.GetValue<string>();
            Assert.StartsWith("Check result: Skipped.\nThe Company sheet names no package folder.", description);
        }

        [Fact]
        public void A_rerun_finds_every_task_by_its_key_and_writes_nothing()
        {
            Publish(5).ThrowOnError();
            Fake.ClearCalls();
            var r = Publish(5);
            r.ThrowOnError();
            Assert.All(r.Output, o => Assert.Equal("Unchanged", o.Text("Action")));
            Assert.Equal(5, r.Output.Count);
            Assert.Empty(Fake.Writes);
            Assert.Equal(5, Fake.Tasks(_plan).Count);
        }

        [Fact]
        public void One_changed_due_date_is_one_patch_with_the_tasks_etag()
        {
            var first = Publish(3);
            string id = first.Output[1].Text("TaskId");
            string etag = Fake.Tasks(_plan).Single(t => t["id"]!.GetValue<string>() == id)["@odata.etag"]!.GetValue<string>();
            Fake.ClearCalls();

            var r = Publish(3, " | ForEach-Object { if ($_.Key -eq 'SEAT-001|客户2|2025') { $_.DueDate = '2026-04-15T18:00:00+08:00' }; $_ }");
            r.ThrowOnError();
            Assert.Equal(new[] { "Unchanged", "Updated", "Unchanged" }, r.Output.Select(o => o.Text("Action")));
            Assert.Equal("dueDateTime", r.Output[1].Text("Message"));
            var write = Assert.Single(Fake.Writes);
            Assert.Equal("PATCH", write.Method);
            Assert.Equal("/v1.0/planner/tasks/" + id, write.PathAndQuery);
            Assert.Equal(etag, write.IfMatch);
            Assert.Equal("2026-04-15T10:00:00Z", Fake.Tasks(_plan).Single(t => t["id"]!.GetValue<string>() == id)["dueDateTime"]!.GetValue<string>());
        }

        [Fact]
        public void A_task_renamed_by_a_user_is_still_found_by_its_key_and_not_created_again()
        {
            var first = Publish(2);
            Fake.RenameTask(first.Output[0].Text("TaskId"), "坐席整改(张三跟进)");
            var r = Publish(2);
            r.ThrowOnError();
            Assert.Equal(new[] { "Updated", "Unchanged" }, r.Output.Select(o => o.Text("Action")));
            Assert.Equal(first.Output[0].Text("TaskId"), r.Output[0].Text("TaskId"));
            Assert.Equal(2, Fake.Tasks(_plan).Count);
        }

        [Fact]
        public void A_patch_meeting_someone_elses_edit_gets_412_reads_again_and_succeeds()
        {
            Publish(1).ThrowOnError();
            Fake.Inject("PATCH", "/planner/tasks/", FakeGraph.FaultKind.ConcurrentEdit);
            Fake.ClearCalls();
            var r = Publish(1, " | ForEach-Object { $_.DueDate = '2026-05-01'; $_ }");
            r.ThrowOnError();
            Assert.Equal("Updated", r.Output[0].Text("Action"));
            Assert.Equal(2, Fake.Writes.Count(w => w.Method == "PATCH"));
            Assert.Equal("2026-04-30T16:00:00Z", Fake.Tasks(_plan)[0]["dueDateTime"]!.GetValue<string>());
        }

        [Fact]
        public void A_409_on_a_patch_is_read_again_and_retried_like_a_412()
        {
            Publish(1).ThrowOnError();
            Fake.Inject("PATCH", "/planner/tasks/", FakeGraph.FaultKind.VersionConflict);
            Fake.ClearCalls();
            var r = Publish(1, " | ForEach-Object { $_.DueDate = '2026-05-01'; $_ }");
            r.ThrowOnError();
            Assert.Equal("Updated", r.Output[0].Text("Action"));
            Assert.Equal(2, Fake.Writes.Count(w => w.Method == "PATCH"));
            Assert.Equal("2026-04-30T16:00:00Z", Fake.Tasks(_plan)[0]["dueDateTime"]!.GetValue<string>());
        }

        [Fact]
        public void A_403_naming_a_planner_limit_fails_that_item_naming_the_limit_and_not_a_permission()
        {
            Fake.Inject("POST", "/planner/tasks", FakeGraph.FaultKind.PlannerLimit, code: "MaximumTasksCreatedByUser");
            var r = Publish(3);
            Assert.Equal(new[] { "Failed", "Created", "Created" }, r.Output.Select(o => o.Text("Action")));
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Graph.PlannerLimit,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal("LimitsExceeded", error.CategoryInfo.Category.ToString());
            Assert.Contains("MaximumTasksCreatedByUser", error.Exception.Message);
            Assert.DoesNotContain("Tasks.ReadWrite.All", error.Exception.Message);
            Assert.Equal(2, Fake.Tasks(_plan).Count);
        }

        [Fact]
        public void A_lost_create_answered_503_with_retry_after_waits_that_long_before_reading_the_plan_back()
        {
            Publish(1).ThrowOnError();
            Fake.Inject("POST", "/planner/tasks", FakeGraph.FaultKind.CommitThenUnavailable);
            var r = Ps.Run(Items + "$items | Publish-ComplianceTask -PlanId $args[1] -BucketName 年检整改 -Verbose", 2, _plan);
            r.ThrowOnError();
            Assert.Equal(new[] { "Unchanged", "Created" }, r.Output.Select(o => o.Text("Action")));
            int lost = r.Verbose.ToList().FindIndex(v => v.StartsWith("POST /v1.0/planner/tasks -> 503", StringComparison.Ordinal));
            int wait = r.Verbose.ToList().FindIndex(v => v == "waiting 1 s (Retry-After, before reading back)");
            int readBack = r.Verbose.ToList().FindLastIndex(v => v.StartsWith("GET /v1.0/planner/plans/" + _plan + "/tasks", StringComparison.Ordinal));
            Assert.True(lost >= 0 && wait > lost && readBack > wait, string.Join("\n", r.Verbose));
            Assert.Equal(2, Fake.Tasks(_plan).Count);
        }

        [Fact]
        public void No_request_ever_says_if_match_star()
        {
            Publish(3).ThrowOnError();
            Fake.RenameTask(Fake.Tasks(_plan)[0]["id"]!.GetValue<string>(), "改过的标题");
            Publish(3, " | ForEach-Object { $_.DueDate = '2026-06-30'; $_.Checklist = @('只剩一步'); $_ }").ThrowOnError();
            Assert.Contains(Fake.Writes, w => w.Method == "PATCH");
            Assert.All(Fake.Writes.Where(w => w.Method == "PATCH"), w => Assert.StartsWith("W/\"", w.IfMatch, StringComparison.Ordinal));
        }

        [Fact]
        public void Throttling_outages_and_lost_answers_still_give_exactly_five_tasks()
        {
            Fake.Inject("POST", "/planner/tasks", FakeGraph.FaultKind.CommitThenUnavailable);
            Fake.Inject("POST", "/planner/tasks", FakeGraph.FaultKind.Throttle);
            Fake.Inject("POST", "/planner/tasks", FakeGraph.FaultKind.CommitThenDrop);
            Fake.Inject("POST", "/planner/tasks", FakeGraph.FaultKind.Unavailable);
            Fake.Inject("POST", "/planner/buckets", FakeGraph.FaultKind.CommitThenUnavailable);
            Fake.Inject("GET", "/planner/plans/", FakeGraph.FaultKind.GatewayTimeout);
            Fake.Inject("PATCH", "/details", FakeGraph.FaultKind.CommitThenUnavailable);
            Fake.Inject("GET", "/details", FakeGraph.FaultKind.Throttle);

            var r = Publish(5);
            r.ThrowOnError();
            Assert.All(r.Output, o => Assert.Equal("Created", o.Text("Action")));
            var tasks = Fake.Tasks(_plan);
            Assert.Equal(5, tasks.Count);
            Assert.Single(Fake.Buckets(_plan));
            Assert.Equal(5, tasks.Select(t => Fake.Details(t["id"]!.GetValue<string>())["description"]!.GetValue<string>()).Distinct().Count());
            Assert.Equal(5, r.Output.Select(o => o.Text("TaskId")).Distinct().Count());
            // The lost creates were sent 7 times in all for 5 tasks: 5 + the 503-without-commit + the 429.
            Assert.Equal(7, Fake.Calls.Count(c => c.Method == "POST" && c.PathAndQuery == "/v1.0/planner/tasks"));

            Fake.ClearCalls();
            Assert.All(Publish(5).Output, o => Assert.Equal("Unchanged", o.Text("Action")));
            Assert.Empty(Fake.Writes);
        }

        [Fact]
        public void Owners_resolve_by_mail_or_upn_in_any_case_even_when_mail_differs_from_upn()
        {
            var r = Ps.Run("@([pscustomobject]@{ Key = 'K1'; Title = 'T1'; Owner = 'LiSi@Contoso.CN' }, [pscustomobject]@{ Key = 'K2'; Title = 'T2'; Owner = 'li.si@contoso.partner.onmschina.cn', 'ZHANGSAN@contoso.cn' }) | Publish-ComplianceTask -PlanId $args[0]", _plan);
            r.ThrowOnError();
            var tasks = Fake.Tasks(_plan);
            Assert.Equal(new[] { _li }, tasks.Single(t => t["title"]!.GetValue<string>() == "T1")["assignments"]!.AsObject().Select(a => a.Key));
            Assert.Equal(new[] { _li, _zhang }.OrderBy(x => x), tasks.Single(t => t["title"]!.GetValue<string>() == "T2")["assignments"]!.AsObject().Select(a => a.Key).OrderBy(x => x));
            Assert.Contains(Fake.Calls, c => Uri.UnescapeDataString(c.PathAndQuery).Contains("mail eq 'LiSi@Contoso.CN' or userPrincipalName eq 'LiSi@Contoso.CN'", StringComparison.Ordinal));
        }

        [Fact]
        public void An_unknown_owner_fails_that_item_only_with_an_error_naming_the_owner()
        {
            var r = Ps.Run(Items + "$items[1].Owner = 'nobody@contoso.cn'; $items | Publish-ComplianceTask -PlanId $args[1]", 3, _plan);
            Assert.Equal(new[] { "Created", "Failed", "Created" }, r.Output.Select(o => o.Text("Action")));
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Graph.OwnerNotFound,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("nobody@contoso.cn", error.Exception.Message);
            Assert.Equal("nobody@contoso.cn", error.TargetObject);
            Assert.Equal(2, Fake.Tasks(_plan).Count);
        }

        [Fact]
        public void Twenty_one_checklist_items_fail_the_item_naming_plannners_limit_of_twenty()
        {
            var r = Ps.Run("[pscustomobject]@{ Key = 'K1'; Title = 'T1'; Owner = 'zhangsan@contoso.cn'; Checklist = [string[]](1..21) } | Publish-ComplianceTask -PlanId $args[0]", _plan);
            Assert.Equal("Failed", r.Output.Single().Text("Action"));
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Graph.PlannerLimit,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("21", error.Exception.Message);
            Assert.Contains("20", error.Exception.Message);
            Assert.Empty(Fake.Tasks(_plan));
            var twenty = Ps.Run("[pscustomobject]@{ Key = 'K1'; Title = 'T1'; Owner = 'zhangsan@contoso.cn'; Checklist = [string[]](1..20) } | Publish-ComplianceTask -PlanId $args[0]", _plan);
            Assert.Equal("Created", twenty.Single().Text("Action"));
        }

        [Fact]
        public void A_plan_holding_nine_thousand_tasks_fails_a_new_item_naming_the_limit_and_still_updates_known_ones()
        {
            using var big = new FakeGraph(pageSize: 1000);
            big.AddUser("张三", "zhangsan@contoso.cn");
            string plan = big.AddPlan("满了的计划");
            big.AddHandMadeTasks(plan, 8999);
            Ps.Run("Connect-ComplianceGraph -AccessToken $args[0] -GraphEndpoint $args[1]", Secure(big.Token), big.Endpoint).ThrowOnError();
            Ps.Run("[pscustomobject]@{ Key = 'K1'; Title = 'T1'; Owner = 'zhangsan@contoso.cn' } | Publish-ComplianceTask -PlanId $args[0]", plan).ThrowOnError();

            var r = Ps.Run("@([pscustomobject]@{ Key = 'K1'; Title = 'T1 改'; Owner = 'zhangsan@contoso.cn' }, [pscustomobject]@{ Key = 'K2'; Title = 'T2'; Owner = 'zhangsan@contoso.cn' }) | Publish-ComplianceTask -PlanId $args[0]", plan);
            Assert.Equal(new[] { "Updated", "Failed" }, r.Output.Select(o => o.Text("Action")));
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Graph.PlannerLimit,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("9000", error.Exception.Message.Replace(",", string.Empty, StringComparison.Ordinal));
            Assert.Equal(9000, big.Tasks(plan).Count);
        }

        [Fact]
        public void WhatIf_reports_and_writes_nothing()
        {
            Publish(1, " | ForEach-Object { $_ }").ThrowOnError();
            Fake.ClearCalls();
            var r = Ps.Run(Items + "$items | Publish-ComplianceTask -PlanId $args[1] -BucketName 年检整改 -WhatIf", 3, _plan);
            r.ThrowOnError();
            Assert.Equal(new[] { "Unchanged" }, r.Output.Select(o => o.Text("Action")));
            Assert.Empty(Fake.Writes);
            Assert.Single(Fake.Tasks(_plan));
        }

        [Fact]
        public void A_due_date_with_its_own_offset_keeps_it_and_a_bare_date_is_china_standard_time()
        {
            var r = Ps.Run("@([pscustomobject]@{ Key = 'K1'; Title = 'T1'; Owner = 'zhangsan@contoso.cn'; DueDate = '2026-03-31T18:00:00+02:00' }, [pscustomobject]@{ Key = 'K2'; Title = 'T2'; Owner = 'zhangsan@contoso.cn'; DueDate = [datetime]'2026-03-31 18:00' }) | Publish-ComplianceTask -PlanId $args[0]", _plan);
            r.ThrowOnError();
            var tasks = Fake.Tasks(_plan);
            Assert.Equal("2026-03-31T16:00:00Z", tasks.Single(t => t["title"]!.GetValue<string>() == "T1")["dueDateTime"]!.GetValue<string>());
            Assert.Equal("2026-03-31T10:00:00Z", tasks.Single(t => t["title"]!.GetValue<string>() == "T2")["dueDateTime"]!.GetValue<string>());
            Assert.Equal(TimeSpan.FromHours(2), ((DateTimeOffset)r.Output[0].Prop("DueDate")).Offset);
        }

        [Fact]
        public void The_same_key_twice_in_one_run_is_one_task_patched_with_a_real_etag()
        {
            var r = Ps.Run("@([pscustomobject]@{ Key = 'K'; Title = 'T'; Owner = 'zhangsan@contoso.cn'; DueDate = '2026-03-31' }, [pscustomobject]@{ Key = 'K'; Title = 'T'; Owner = 'zhangsan@contoso.cn'; DueDate = '2026-04-30' }) | Publish-ComplianceTask -PlanId $args[0]", _plan);
            r.ThrowOnError();
            Assert.Equal(new[] { "Created", "Updated" }, r.Output.Select(o => o.Text("Action")));
            Assert.Equal("2026-04-29T16:00:00Z", Assert.Single(Fake.Tasks(_plan))["dueDateTime"]!.GetValue<string>());
            Assert.All(Fake.Writes.Where(w => w.Method == "PATCH"), w => Assert.StartsWith("W/\"", w.IfMatch, StringComparison.Ordinal));
        }

        [Fact]
        public void An_unknown_plan_is_a_clear_error()
        {
            var error = Assert.Single(Ps.Run("[pscustomobject]@{ Key = 'K1'; Title = 'T1' } | Publish-ComplianceTask -PlanId no-such-plan").AllErrors);
            Assert.Equal("ComplianceTools.Graph.PlanNotFound,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void In_china_the_planner_target_is_refused_naming_the_list_target_and_export()
        {
            Ps.Run("Connect-ComplianceGraph -AccessToken $args[0] -GraphEndpoint $args[1] -Environment China", Secure(Fake.Token), Fake.Endpoint).ThrowOnError();
            var error = Assert.Single(Ps.Run("[pscustomobject]@{ Key = 'K1'; Title = 'T1' } | Publish-ComplianceTask -PlanId $args[0]", _plan).AllErrors);
            Assert.Equal("ComplianceTools.Graph.PlannerNotInChina,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("-Target SharePointList", error.Exception.Message);
            Assert.Contains("Export-ComplianceTask", error.Exception.Message);
            Assert.DoesNotContain(Fake.Calls, c => c.PathAndQuery.Contains("planner", StringComparison.Ordinal));
        }
    }
}
