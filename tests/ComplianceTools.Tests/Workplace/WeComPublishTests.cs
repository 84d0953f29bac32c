using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ComplianceTools.Tests.Infrastructure;
using ComplianceTools.Tests.Workplace.Fake;

namespace ComplianceTools.Tests.Workplace
{
    /// <summary>Publish-ComplianceTask -Target WeCom against the fake WeCom: whole-day schedules in the module's calendar, exactly once, with faults.</summary>
    public sealed class WeComPublishTests : WorkplaceTestBase
    {
        /// <summary>N items as a script would write them, owned by 张三 (found by his company mail).</summary>
        private const string Items = "$items = foreach ($i in 1..$args[0]) { [pscustomobject]@{ Key = \"SEAT-001|客户$i|2025\"; Title = \"坐席空置率整改 $i\"; Owner = 'zhangsan@contoso.cn'; DueDate = '2026-03-31'; Description = \"备案坐席 100 个中 31 个未开通 ($i)\"; Checklist = @('核对坐席台账', '补开通或注销备案') } }; ";

        /// <summary>31 March 2026, 00:00 China Standard Time, in Unix seconds: a whole-day schedule starts there.</summary>
        private static readonly long s_march31 = new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeSeconds();

        private readonly FakeWeCom _wecom = new FakeWeCom();

        public WeComPublishTests()
        {
            _wecom.AddUser("ZhangSan", mobile: "13800138000", mail: "zhangsan@contoso.cn");
            _wecom.AddUser("LiSi", mobile: "13800138001", mail: "lisi@contoso.cn");
            _wecom.AddUser("WangFang", mobile: "13800138002", personalMail: "wangfang@163.com");
            _wecom.AddUser("ZhaoLiu", mobile: "13800138003", mail: "zhaoliu@contoso.cn", visible: false);
            Connect().ThrowOnError();
        }

        public override void Dispose()
        {
            base.Dispose();
            _wecom.Dispose();
        }

        private ModuleSession.Result Connect(string secret = null) =>
            Ps.Run("Connect-ComplianceWorkplace -Platform WeCom -CorpId $args[0] -AgentId $args[1] -Secret $args[2] -Endpoint $args[3] -StateFolder $args[4]", FakeWeCom.CorpId, FakeWeCom.AgentId, Secure(secret ?? _wecom.Secret), _wecom.Endpoint, State.FullName);

        private ModuleSession.Result Publish(int n, string extra = "", string parameters = "") =>
            Ps.Run(Items + "$items" + extra + " | Publish-ComplianceTask -Target WeCom" + parameters, n);

        private string CalendarId => Assert.Single(_wecom.Calendars())["cal_id"]!.GetValue<string>();

        [Fact]
        public void Five_items_become_five_whole_day_schedules_in_one_calendar_made_once_with_owner_reminders_and_key()
        {
            var r = Publish(5);
            r.ThrowOnError();
            Assert.Equal(Enumerable.Repeat("Created", 5), Actions(r));
            Assert.All(r.Output, o => Assert.Equal("WeCom", o.Text("Target")));
            Assert.Equal("z*******@contoso.cn", r.Output[0].Text("Owner"));
            Assert.Equal(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.FromHours(8)), (DateTimeOffset)r.Output[0].Prop("DueDate"));

            JsonObject calendar = Assert.Single(_wecom.Calendars());
            Assert.Equal("年检整改", calendar["summary"]!.GetValue<string>());
            var schedules = _wecom.Schedules(CalendarId);
            Assert.Equal(5, schedules.Count);
            JsonObject first = schedules.Single(s => s["schedule_id"]!.GetValue<string>() == r.Output[0].Text("TaskId"));
            Assert.Equal("坐席空置率整改 1", first["summary"]!.GetValue<string>());
            Assert.Equal(1, first["is_whole_day"]!.GetValue<int>());
            Assert.Equal(s_march31, first["start_time"]!.GetValue<long>());
            Assert.Equal(s_march31 + 86399, first["end_time"]!.GetValue<long>());
            Assert.Equal(new[] { "ZhangSan" }, first["attendees"]!.AsArray().Select(a => a!["userid"]!.GetValue<string>()));
            Assert.Equal(new[] { -54000, 32400 }, first["reminders"]!["remind_time_diffs"]!.AsArray().Select(d => d!.GetValue<int>()));
            Assert.Equal(8, first["reminders"]!["timezone"]!.GetValue<int>());
            Assert.Equal("备案坐席 100 个中 31 个未开通 (1)\n\n□ 核对坐席台账\n□ 补开通或注销备案\n\nComplianceTools-Key: SEAT-001|客户1|2025", first["description"]!.GetValue<string>());

            // One app message for the run, not one per item.
            FakeWeCom.Message message = Assert.Single(_wecom.Messages());
            Assert.Equal("ZhangSan", message.ToUser);
            Assert.True(message.Delivered);
            Assert.StartsWith("【年检整改】有 5 项事项新建或变更：\n- 2026-03-31 坐席空置率整改 1 (新建)\n", message.Content, StringComparison.Ordinal);
            Assert.Contains("owner told at the end of the run", r.Output[0].Text("Message"));
            Assert.Equal(1, _wecom.TokenRequests);

            string state = File.ReadAllText(Path.Combine(State.FullName, "wecom-calendars.json"));
            Assert.Contains(CalendarId, state);
            Assert.Contains(FakeWeCom.CorpId, state);
        }

        [Fact]
        public void An_owner_wecom_will_not_message_keeps_the_schedules_and_is_one_warning_naming_the_owner_masked()
        {
            _wecom.Disabled.Add("ZhangSan"); // found by mail, then refused at message/send (81013: no valid recipient)
            var r = Publish(3);
            r.ThrowOnError();
            Assert.Equal(Enumerable.Repeat("Created", 3), Actions(r)); // the schedules are there: a notice never fails an item
            Assert.Equal(3, _wecom.Schedules(CalendarId).Count);
            string warning = Assert.Single(r.Warnings, w => w.Contains("could not be told", StringComparison.Ordinal));
            Assert.StartsWith("z*******@contoso.cn could not be told of 3 item(s): errcode 81013", warning, StringComparison.Ordinal);
            Assert.DoesNotContain("zhangsan", string.Join("\n", r.Warnings), StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void A_rerun_finds_every_schedule_by_its_key_and_writes_nothing()
        {
            Publish(5).ThrowOnError();
            _wecom.ClearCalls();
            var r = Publish(5);
            r.ThrowOnError();
            Assert.Equal(Enumerable.Repeat("Unchanged", 5), Actions(r));
            Assert.Empty(_wecom.Writes);
            Assert.Equal(5, _wecom.Schedules(CalendarId).Count);
            Assert.Equal(1, _wecom.TokenRequests);
        }

        [Fact]
        public void Schedules_read_over_several_short_pages_are_all_found()
        {
            _wecom.PageLimit = 2;
            Publish(5).ThrowOnError();
            _wecom.ClearCalls();
            Assert.Equal(Enumerable.Repeat("Unchanged", 5), Actions(Publish(5)));
            Assert.Equal(4, _wecom.Calls.Count(c => c.Path.EndsWith("get_by_calendar", StringComparison.Ordinal)));
            Assert.Empty(_wecom.Writes);
        }

        [Fact]
        public void A_changed_due_date_is_one_overwrite_of_that_schedule_and_one_message_to_its_owner()
        {
            var first = Publish(3);
            string id = first.Output[1].Text("TaskId");
            _wecom.ClearCalls();
            var r = Publish(3, " | ForEach-Object { if ($_.Key -eq 'SEAT-001|客户2|2025') { $_.DueDate = '2026-04-15' }; $_ }");
            r.ThrowOnError();
            Assert.Equal(new[] { "Unchanged", "Updated", "Unchanged" }, Actions(r));
            Assert.StartsWith("date", r.Output[1].Text("Message"), StringComparison.Ordinal);
            Assert.Equal(new[] { "/cgi-bin/oa/schedule/update", "/cgi-bin/message/send" }, _wecom.Writes.Select(w => w.Path));

            JsonNode update = _wecom.Writes.First().Json!;
            Assert.Equal(1, update["skip_attendees"]!.GetValue<int>());
            Assert.Equal(id, update["schedule"]!["schedule_id"]!.GetValue<string>());
            JsonObject schedule = _wecom.Schedules(CalendarId).Single(s => s["schedule_id"]!.GetValue<string>() == id);
            Assert.Equal(new DateTimeOffset(2026, 4, 15, 0, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeSeconds(), schedule["start_time"]!.GetValue<long>());
            Assert.Equal(new[] { "ZhangSan" }, schedule["attendees"]!.AsArray().Select(a => a!["userid"]!.GetValue<string>()));
            Assert.Equal(new[] { -54000, 32400 }, schedule["reminders"]!["remind_time_diffs"]!.AsArray().Select(d => d!.GetValue<int>()));
            Assert.EndsWith("ComplianceTools-Key: SEAT-001|客户2|2025", schedule["description"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("【年检整改】有 1 项事项新建或变更：\n- 2026-04-15 坐席空置率整改 2 (变更)", _wecom.Messages().Last().Content);
        }

        [Fact]
        public void A_new_owner_replaces_the_attendee_of_the_same_schedule_and_is_told()
        {
            var first = Publish(2);
            var r = Publish(2, " | ForEach-Object { if ($_.Key -eq 'SEAT-001|客户1|2025') { $_.Owner = '13800138001' }; $_ }");
            r.ThrowOnError();
            Assert.Equal(new[] { "Updated", "Unchanged" }, Actions(r));
            Assert.Equal("138****8001", r.Output[0].Text("Owner"));
            Assert.Equal(first.Output[0].Text("TaskId"), r.Output[0].Text("TaskId"));
            JsonObject schedule = _wecom.Schedules(CalendarId).Single(s => s["schedule_id"]!.GetValue<string>() == r.Output[0].Text("TaskId"));
            Assert.Equal(new[] { "LiSi" }, schedule["attendees"]!.AsArray().Select(a => a!["userid"]!.GetValue<string>()));
            Assert.Equal("LiSi", _wecom.Messages().Last().ToUser);
            Assert.Equal(2, _wecom.Schedules(CalendarId).Count);
        }

        [Theory]
        [InlineData(42001)]
        [InlineData(40014)]
        public void Rate_limits_outages_lost_answers_and_a_token_expired_mid_run_still_give_exactly_five_schedules(long expiredCode)
        {
            _wecom.ExpiredCode = expiredCode;
            _wecom.Inject("get_by_calendar", FaultKind.ServerError);
            _wecom.Inject("schedule/add", FaultKind.CommitThenDrop);
            _wecom.Inject("schedule/add", FaultKind.RateLimit);
            _wecom.Inject("schedule/add", FaultKind.SystemBusy);
            _wecom.Inject("schedule/add", FaultKind.CommitThenServerError);
            _wecom.Inject("message/send", FaultKind.ExpireToken);
            _wecom.Inject("message/send", FaultKind.Concurrency);

            var r = Publish(5);
            r.ThrowOnError();
            Assert.Equal(Enumerable.Repeat("Created", 5), Actions(r));
            var schedules = _wecom.Schedules(CalendarId);
            Assert.Equal(5, schedules.Count);
            Assert.Equal(5, schedules.Select(s => s["description"]!.GetValue<string>()).Distinct().Count());
            Assert.Equal(5, r.Output.Select(o => o.Text("TaskId")).Distinct().Count());
            // One token at connect, one more after the early expiry: never one per request.
            Assert.Equal(2, _wecom.TokenRequests);
            Assert.Contains("坐席空置率整改 5", Assert.Single(_wecom.Messages(), m => m.Delivered).Content);

            _wecom.ClearCalls();
            Assert.Equal(Enumerable.Repeat("Unchanged", 5), Actions(Publish(5)));
            Assert.Empty(_wecom.Writes);
        }

        [Fact]
        public void Sixty_items_for_one_owner_are_one_message_not_sixty_that_wecom_would_silently_drop_past_thirty_a_minute()
        {
            var r = Publish(60);
            r.ThrowOnError();
            Assert.Equal(60, _wecom.Schedules(CalendarId).Count);
            FakeWeCom.Message message = Assert.Single(_wecom.Messages());
            Assert.True(message.Delivered);
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(message.Content) <= 2048);
            int listed = message.Content.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal));
            Assert.InRange(listed, 30, 59);
            Assert.EndsWith("……另有 " + (60 - listed) + " 项", message.Content, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(46004)]
        [InlineData(60111)]
        public void An_unknown_owner_fails_that_item_only_naming_the_owner_masked_and_why(long notFound)
        {
            _wecom.UnknownUserCode = notFound;
            var r = Ps.Run(Items + "$items[1].Owner = '13900001234'; $items | Publish-ComplianceTask -Target WeCom", 3);
            Assert.Equal(new[] { "Created", "Failed", "Created" }, Actions(r));
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Workplace.OwnerNotFound,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("139****1234", error.Exception.Message);
            Assert.Contains("SEAT-001|客户2|2025", error.Exception.Message);
            Assert.Contains("errcode " + notFound, error.Exception.Message);
            Assert.DoesNotContain("13900001234", r.AllStreamsText());
            Assert.Equal(2, _wecom.Schedules(CalendarId).Count);
        }

        [Fact]
        public void An_owner_outside_the_apps_visible_range_fails_that_item_saying_so()
        {
            var r = Ps.Run(Items + "$items[0].Owner = 'zhaoliu@contoso.cn'; $items | Publish-ComplianceTask -Target WeCom", 2);
            Assert.Equal(new[] { "Failed", "Created" }, Actions(r));
            string message = Assert.Single(r.AllErrors).Exception.Message;
            Assert.Contains("z******@contoso.cn", message);
            Assert.Contains("visible range", message);
        }

        [Fact]
        public void An_owner_named_in_the_owners_sheet_is_found_by_the_mobile_there_and_a_personal_mail_is_tried_after_the_company_one()
        {
            string dataset = "$ds = [ComplianceTools.Core.Workbook.ComplianceDataset]::new(); $ds.Owners = [ComplianceTools.Core.Workbook.Sheets.OwnerRow[]]@([ComplianceTools.Core.Workbook.Sheets.OwnerRow]@{ Area = '坐席'; Owner = '王芳'; Mobile = '138 0013 8002' }); ";
            var r = Ps.Run(Items + dataset + "$items[0].Owner = '王芳'; $items[1].Owner = 'wangfang@163.com'; $items | Publish-ComplianceTask -Target WeCom -Dataset $ds", 2);
            r.ThrowOnError();
            Assert.Equal(new[] { "Created", "Created" }, Actions(r));
            Assert.Equal("王*", r.Output[0].Text("Owner"));
            Assert.All(_wecom.Schedules(CalendarId), s => Assert.Equal("WangFang", s["attendees"]![0]!["userid"]!.GetValue<string>()));
            Assert.DoesNotContain("13800138002", r.AllStreamsText());
        }

        [Fact]
        public void A_wrong_secret_is_one_authentication_error_and_neither_secret_nor_token_reaches_any_stream_or_file()
        {
            var wrong = Connect("not-the-secret");
            var error = Assert.Single(wrong.AllErrors);
            Assert.Equal("ComplianceTools.Workplace.AuthenticationFailed,ComplianceTools.Commands.Workplace.ConnectComplianceWorkplaceCommand", error.FullyQualifiedErrorId);
            Assert.Contains("errcode 40001", error.Exception.Message);

            Connect().ThrowOnError();
            var r = Ps.Run("$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; " + Items + "$items | Publish-ComplianceTask -Target WeCom -Verbose", 3);
            r.ThrowOnError();
            Assert.Contains(r.Verbose, v => v.StartsWith("POST /cgi-bin/oa/schedule/add -> 200", StringComparison.Ordinal));
            string everything = Everything(r) + Everything(wrong);
            Assert.DoesNotContain(_wecom.Secret, everything);
            Assert.DoesNotContain("not-the-secret", everything);
            Assert.All(_wecom.IssuedTokens(), t => Assert.DoesNotContain(t, everything));
            Assert.DoesNotContain("access_token=", everything);
        }

        [Fact]
        public void A_secret_reset_in_the_middle_of_a_run_stops_it_with_one_authentication_error_not_one_per_item()
        {
            Publish(1).ThrowOnError();
            _wecom.RotateSecret();
            var r = Publish(4);
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Workplace.AuthenticationFailed,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", error.FullyQualifiedErrorId);
            Assert.DoesNotContain(r.Output, o => o.Text("Action") == "Failed");
        }

        [Fact]
        public void When_wecom_takes_only_its_fixed_reminder_list_the_day_before_becomes_one_day_before()
        {
            _wecom.StrictReminders = true;
            var r = Publish(3);
            r.ThrowOnError();
            Assert.Equal(Enumerable.Repeat("Created", 3), Actions(r));
            Assert.All(_wecom.Schedules(CalendarId), s => Assert.Equal(new[] { -86400, 32400 }, s["reminders"]!["remind_time_diffs"]!.AsArray().Select(d => d!.GetValue<int>())));
            Assert.Equal(4, _wecom.Calls.Count(c => c.Path.EndsWith("schedule/add", StringComparison.Ordinal)));
        }

        [Fact]
        public void WhatIf_sends_nothing_not_even_the_calendar_and_keeps_no_state()
        {
            var r = Publish(3, parameters: " -WhatIf");
            r.ThrowOnError();
            Assert.Empty(r.Output);
            Assert.Empty(_wecom.Writes);
            Assert.Empty(_wecom.Calendars());
            Assert.False(File.Exists(Path.Combine(State.FullName, "wecom-calendars.json")));
        }

        [Fact]
        public void An_existing_calendar_given_by_id_is_used_and_an_unknown_one_is_a_clear_error()
        {
            string calendar = _wecom.AddCalendar("合规日历");
            var r = Ps.Run(Items + "$items | Publish-ComplianceTask -Target WeCom -CalendarId $args[1]", 2, calendar);
            r.ThrowOnError();
            Assert.Equal(2, _wecom.Schedules(calendar).Count);
            Assert.DoesNotContain(_wecom.Calls, c => c.Path.EndsWith("calendar/add", StringComparison.Ordinal));

            var unknown = Ps.Run(Items + "$items | Publish-ComplianceTask -Target WeCom -CalendarId wcjgewCwAAnone", 1);
            Assert.Equal("ComplianceTools.Workplace.CalendarNotFound,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", Assert.Single(unknown.AllErrors).FullyQualifiedErrorId);
        }

        [Fact]
        public void The_calendar_is_found_again_through_the_state_file_in_a_new_session()
        {
            Publish(2).ThrowOnError();
            Ps.Run("Disconnect-ComplianceWorkplace").ThrowOnError();
            using (var other = new ModuleSession())
            {
                other.Run("Connect-ComplianceWorkplace -Platform WeCom -CorpId $args[0] -AgentId $args[1] -Secret $args[2] -Endpoint $args[3] -StateFolder $args[4]", FakeWeCom.CorpId, FakeWeCom.AgentId, Secure(_wecom.Secret), _wecom.Endpoint, State.FullName).ThrowOnError();
                var r = other.Run(Items + "$items | Publish-ComplianceTask -Target WeCom", 3);
                r.ThrowOnError();
                Assert.Equal(new[] { "Unchanged", "Unchanged", "Created" }, Actions(r));
            }

            Assert.Single(_wecom.Calendars());
        }

        [Fact]
        public void A_cancelled_schedule_is_made_again_and_a_deleted_calendar_is_replaced_with_a_warning()
        {
            var first = Publish(1);
            _wecom.CancelSchedule(first.Output[0].Text("TaskId"));
            Assert.Equal(new[] { "Created" }, Actions(Publish(1)));
            Assert.Single(_wecom.Schedules(CalendarId));

            _wecom.DeleteCalendar(CalendarId);
            var r = Publish(1);
            Assert.Equal(new[] { "Created" }, Actions(r));
            Assert.Contains(r.Warnings, w => w.Contains("年检整改", StringComparison.Ordinal));
            Assert.Single(_wecom.Calendars());
        }

        [Fact]
        public void After_disconnect_publishing_says_to_connect_first_and_sends_nothing()
        {
            Ps.Run("Disconnect-ComplianceWorkplace -Platform WeCom").ThrowOnError();
            _wecom.ClearCalls();
            var error = Assert.Single(Publish(1).AllErrors);
            Assert.Equal("ComplianceTools.Workplace.NotConnected,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Connect-ComplianceWorkplace -Platform WeCom", error.Exception.Message);
            Assert.Empty(_wecom.Calls);
        }

        [Fact]
        public void A_server_ip_wecom_does_not_trust_is_one_clear_error_at_connect()
        {
            Ps.Run("Disconnect-ComplianceWorkplace").ThrowOnError();
            _wecom.Inject("gettoken", FaultKind.IpNotAllowed);
            var error = Assert.Single(Connect().AllErrors);
            Assert.Equal("ComplianceTools.Workplace.IpNotAllowed,ComplianceTools.Commands.Workplace.ConnectComplianceWorkplaceCommand", error.FullyQualifiedErrorId);
            Assert.Contains("errcode 60020", error.Exception.Message);
        }

        [Fact]
        public void The_readme_pipeline_plan_to_wecom_publishes_each_plan_item_once()
        {
            string plan = "$plan = [ComplianceTools.Core.Findings.Finding]@{ RuleId = 'MAT-001'; Title = '通用材料'; Area = 'Materials'; Status = 'Skipped'; Subject = '示例'; Period = '2025'; Reason = 'The Company sheet names no package folder.' } | New-RectificationPlan -Owner @{ '*' = 'zhangsan@contoso.cn' } -NoticeDate 2026-03-02; ";
            var r = Ps.Run(plan + "$plan | Publish-ComplianceTask -Target WeCom");
            r.ThrowOnError();
            Assert.Equal(new[] { "Created" }, Actions(r));
            JsonObject schedule = Assert.Single(_wecom.Schedules(CalendarId));
            Assert.StartsWith("MAT-001 Provide the data: 通用材料", schedule["summary"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(new DateTimeOffset(2026, 4, 30, 0, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeSeconds(), schedule["start_time"]!.GetValue<long>());
            Assert.Equal(new[] { "Unchanged" }, Actions(Ps.Run(plan + "$plan | Publish-ComplianceTask -Target WeCom")));
        }

        [Fact]
        public void The_readme_pipeline_from_the_sample_workbook_publishes_every_plan_item_once_and_sends_each_owner_a_digest()
        {
            foreach (string area in new[] { "Seats", "Complaints", "Numbers", "Staff", "Systems", "Data", "Revenue", "Scenarios", "Filing", "Credit", "Penalties", "Training", "Materials" })
            {
                _wecom.AddUser(area + "Owner", mail: area.ToLowerInvariant() + ".owner@example.com");
            }

            using TempFolder work = Paths.NewTempFolder();
            string book = work.File("acme-2025.xlsx");
            Ps.Run("New-ComplianceWorkbook -Path $args[0] -Sample -Year 2025", book).ThrowOnError();
            const string Pipeline = "$book = Import-ComplianceWorkbook -Path $args[0]; $plan = $book | Invoke-ComplianceAudit | Where-Object RuleId | New-RectificationPlan -Dataset $book -NoticeDate 2026-03-02 -AsOf 2026-03-24; ";
            var first = Ps.Run(Pipeline + "$plan.Count; $plan | Publish-ComplianceTask -Target WeCom -Dataset $book", book);
            first.ThrowOnError();
            int items = (int)first.Output[0].BaseObject;
            Assert.True(items > 5, items.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Repeat("Created", items), first.Output.Skip(1).Select(o => o.Text("Action")));
            Assert.Equal(items, _wecom.Schedules(CalendarId).Count);

            _wecom.ClearCalls();
            var again = Ps.Run(Pipeline + "$plan | Publish-ComplianceTask -Target WeCom -Dataset $book", book);
            Assert.Equal(Enumerable.Repeat("Unchanged", items), Actions(again));
            Assert.Empty(_wecom.Writes);

            var digest = Ps.Run(Pipeline + "$plan | Send-ComplianceReminder -Target WeCom -Dataset $book -AsOf 2026-03-24 -Days 30", book);
            digest.ThrowOnError();
            Assert.NotEmpty(digest.Output);
            Assert.All(digest.Output, o => Assert.True((bool)o.Prop("Sent")));
            Assert.Equal(digest.Output.Count, _wecom.Messages().Count(m => m.Type == "markdown" && m.Delivered));
            Assert.All(_wecom.Messages().Where(m => m.Type == "markdown"), m => Assert.StartsWith("**年检整改提醒 · 2026-03-24**", m.Content, StringComparison.Ordinal));
        }

        [Fact]
        public void An_item_without_a_due_date_fails_alone_since_a_schedule_needs_a_day()
        {
            var r = Ps.Run(Items + "$items[0].DueDate = $null; $items | Publish-ComplianceTask -Target WeCom", 2);
            Assert.Equal(new[] { "Failed", "Created" }, Actions(r));
            Assert.Equal("ComplianceTools.Workplace.DueDateRequired,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", Assert.Single(r.AllErrors).FullyQualifiedErrorId);
        }
    }
}
