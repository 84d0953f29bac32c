using System;
using System.Linq;
using System.Text.Json.Nodes;
using ComplianceTools.Tests.Graph.Fake;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Graph
{
    /// <summary>Publish-ComplianceTask -Target SharePointList (the target for 21Vianet) against the fake Graph.</summary>
    public sealed class PublishComplianceTaskListTests : GraphTestBase
    {
        private const string Items = "$items = foreach ($i in 1..$args[0]) { [pscustomobject]@{ Key = \"SEAT-001|客户$i|2025\"; Title = \"坐席空置率整改 $i\"; Owner = 'zhangsan@contoso.cn'; DueDate = '2026-03-31'; Description = \"说明 $i\"; Checklist = @('核对坐席台账', '补开通或注销备案') } }; ";
        private static readonly Uri s_site = new Uri("https://contoso.sharepoint.cn/sites/compliance");
        private readonly string _siteId;
        private readonly string _zhangSiteId;

        public PublishComplianceTaskListTests()
        {
            Fake.AddUser("张三", "zhangsan@contoso.cn", "客服部", "E001");
            Fake.AddUser("李四", "lisi@contoso.cn", "质检部", "E002", upn: "li.si@contoso.partner.onmschina.cn");
            _siteId = Fake.AddSite(s_site);
            _zhangSiteId = Fake.AddSiteUser(_siteId, "zhangsan@contoso.cn", "i:0#.f|membership|zhangsan@contoso.cn");
            Ps.Run("Connect-ComplianceGraph -AccessToken $args[0] -GraphEndpoint $args[1] -Environment China", Secure(Fake.Token), Fake.Endpoint).ThrowOnError();
        }

        private ModuleSession.Result Publish(int n, string extra = "")
        {
            return Ps.Run(Items + "$items" + extra + " | Publish-ComplianceTask -Target SharePointList -SiteUrl $args[1] -ListName 年检整改", n, s_site);
        }

        [Fact]
        public void A_skipped_check_becomes_a_list_item_whose_description_says_skipped()
        {
            var r = Ps.Run(PublishComplianceTaskTests.SkippedPlan + "$plan | Publish-ComplianceTask -Target SharePointList -SiteUrl $args[0] -ListName 年检整改", s_site);
            r.ThrowOnError();
            JsonNode fields = Assert.Single(Fake.ListItems(_siteId, "年检整改"))["fields"]!;
            Assert.StartsWith("MAT-001 Provide the data", fields["Title"]!.GetValue<string>());
            Assert.StartsWith("Check result: Skipped.", fields["TaskDescription"]!.GetValue<string>());
        }

        [Fact]
        public void Four_items_in_china_create_the_list_with_its_columns_and_four_items_with_the_owner_as_a_person()
        {
            var r = Publish(4);
            r.ThrowOnError();
            Assert.Equal(4, r.Output.Count);
            Assert.All(r.Output, o => Assert.Equal("Created", o.Text("Action")));
            Assert.All(r.Output, o => Assert.Equal("SharePointList", o.Text("Target")));
            Assert.Equal(new[] { "ComplianceKey", "Owner", "OwnerMail", "DueDate", "Status", "TaskDescription", "Checklist" }, Fake.ListColumns(_siteId, "年检整改"));
            var items = Fake.ListItems(_siteId, "年检整改");
            Assert.Equal(4, items.Count);
            JsonNode fields = items[0]["fields"]!;
            Assert.Equal("坐席空置率整改 1", fields["Title"]!.GetValue<string>());
            Assert.Equal("SEAT-001|客户1|2025", fields["ComplianceKey"]!.GetValue<string>());
            Assert.Equal(_zhangSiteId, fields["OwnerLookupId"]!.GetValue<string>());
            Assert.Equal("2026-03-30T16:00:00Z", fields["DueDate"]!.GetValue<string>());
            Assert.Equal("Open", fields["Status"]!.GetValue<string>());
            Assert.Equal("核对坐席台账\n补开通或注销备案", fields["Checklist"]!.GetValue<string>());
        }

        [Fact]
        public void On_a_chinese_site_the_user_information_list_is_found_as_the_system_list_at_catalogs_users_not_by_its_english_title()
        {
            Publish(1).ThrowOnError();
            Assert.Equal(_zhangSiteId, Fake.ListItems(_siteId, "年检整改")[0]["fields"]!["OwnerLookupId"]!.GetValue<string>());
            Assert.DoesNotContain(Fake.Calls, c => Uri.UnescapeDataString(c.PathAndQuery).Contains("User Information List", StringComparison.Ordinal));
            Assert.Contains(Fake.Calls, c => Uri.UnescapeDataString(c.PathAndQuery).Contains("/lists?$select=id,name,displayName,webUrl,system,list", StringComparison.Ordinal));
        }

        [Fact]
        public void On_an_english_site_the_same_lookup_finds_it_too()
        {
            var site = new Uri("https://contoso.sharepoint.com/sites/compliance-en");
            string siteId = Fake.AddSite(site, chinese: false);
            string zhang = Fake.AddSiteUser(siteId, "zhangsan@contoso.cn", "i:0#.f|membership|zhangsan@contoso.cn");
            Ps.Run(Items + "$items | Publish-ComplianceTask -Target SharePointList -SiteUrl $args[1] -ListName 年检整改", 1, site).ThrowOnError();
            Assert.Equal(zhang, Fake.ListItems(siteId, "年检整改")[0]["fields"]!["OwnerLookupId"]!.GetValue<string>());
        }

        [Theory]
        [InlineData(409)]
        [InlineData(500)]
        [InlineData(400)]
        public void A_create_refused_by_the_unique_key_column_is_already_there_and_updated_not_failed(int answer)
        {
            Fake.DuplicateValueStatus = answer;
            Publish(2).ThrowOnError();
            // Another scheduled run creates item 3 between this run's read and its create.
            Fake.Inject("POST", "/items", FakeGraph.FaultKind.ForeignCreate);
            var r = Publish(3);
            r.ThrowOnError();
            Assert.Equal(new[] { "Unchanged", "Unchanged", "Updated" }, r.Output.Select(o => o.Text("Action")));
            Assert.Contains("SEAT-001|客户3|2025", r.Output[2].Text("Message"));
            var items = Fake.ListItems(_siteId, "年检整改");
            Assert.Equal(3, items.Count);
            Assert.Equal("坐席空置率整改 3", items.Single(i => i["fields"]!["ComplianceKey"]!.GetValue<string>() == "SEAT-001|客户3|2025")["fields"]!["Title"]!.GetValue<string>());
        }

        [Fact]
        public void A_rerun_writes_nothing_even_after_a_user_set_the_status()
        {
            var first = Publish(4);
            Fake.EditListItem(_siteId, "年检整改", first.Output[2].Text("TaskId"), "Status", "Done");
            Fake.ClearCalls();
            var r = Publish(4);
            r.ThrowOnError();
            Assert.All(r.Output, o => Assert.Equal("Unchanged", o.Text("Action")));
            Assert.Empty(Fake.Writes);
        }

        [Fact]
        public void One_changed_due_date_is_one_patch_of_the_fields_with_the_items_etag()
        {
            var first = Publish(3);
            string id = first.Output[0].Text("TaskId");
            string etag = Fake.ListItems(_siteId, "年检整改").Single(i => i["id"]!.GetValue<string>() == id)["@odata.etag"]!.GetValue<string>();
            Fake.ClearCalls();
            var r = Publish(3, " | ForEach-Object { if ($_.Key -eq 'SEAT-001|客户1|2025') { $_.DueDate = '2026-04-30' }; $_ }");
            r.ThrowOnError();
            Assert.Equal(new[] { "Updated", "Unchanged", "Unchanged" }, r.Output.Select(o => o.Text("Action")));
            var write = Assert.Single(Fake.Writes);
            Assert.Equal("PATCH", write.Method);
            Assert.EndsWith("/items/" + id + "/fields", write.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(etag, write.IfMatch);
            Assert.Equal("{\"DueDate\":\"2026-04-29T16:00:00Z\"}", write.Body);
        }

        [Fact]
        public void Lost_answers_and_throttling_still_give_exactly_four_items()
        {
            Fake.Inject("POST", "/lists", FakeGraph.FaultKind.CommitThenDrop);
            Fake.Inject("POST", "/items", FakeGraph.FaultKind.CommitThenUnavailable);
            Fake.Inject("POST", "/items", FakeGraph.FaultKind.Throttle);
            Fake.Inject("POST", "/items", FakeGraph.FaultKind.CommitThenDrop);
            Fake.Inject("GET", "/items", FakeGraph.FaultKind.Unavailable);
            var r = Publish(4);
            r.ThrowOnError();
            Assert.All(r.Output, o => Assert.Equal("Created", o.Text("Action")));
            var items = Fake.ListItems(_siteId, "年检整改");
            Assert.Equal(4, items.Count);
            Assert.Equal(4, items.Select(i => i["fields"]!["ComplianceKey"]!.GetValue<string>()).Distinct().Count());
            Fake.ClearCalls();
            Assert.All(Publish(4).Output, o => Assert.Equal("Unchanged", o.Text("Action")));
            Assert.Empty(Fake.Writes);
        }

        [Fact]
        public void An_owner_who_never_visited_the_site_keeps_the_mail_and_the_result_says_why_the_person_is_empty()
        {
            var r = Publish(1, " | ForEach-Object { $_.Owner = 'LiSi@contoso.cn'; $_ }");
            r.ThrowOnError();
            Assert.Equal("Created", r.Output[0].Text("Action"));
            Assert.Contains("LiSi@contoso.cn", r.Output[0].Text("Message"));
            JsonNode fields = Fake.ListItems(_siteId, "年检整改")[0]["fields"]!;
            Assert.Null(fields["OwnerLookupId"]);
            Assert.Equal("lisi@contoso.cn", fields["OwnerMail"]!.GetValue<string>());
        }

        [Fact]
        public void An_unknown_owner_fails_that_item_only()
        {
            var r = Ps.Run(Items + "$items[0].Owner = 'ghost@contoso.cn'; $items | Publish-ComplianceTask -Target SharePointList -SiteUrl $args[1] -ListName 年检整改", 2, s_site);
            Assert.Equal(new[] { "Failed", "Created" }, r.Output.Select(o => o.Text("Action")));
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Graph.OwnerNotFound,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("ghost@contoso.cn", error.Exception.Message);
            Assert.Single(Fake.ListItems(_siteId, "年检整改"));
        }

        [Fact]
        public void The_same_key_twice_in_one_run_is_one_item_patched_with_a_real_etag()
        {
            var r = Ps.Run("@([pscustomobject]@{ Key = 'K'; Title = 'T'; Owner = 'zhangsan@contoso.cn'; DueDate = '2026-03-31' }, [pscustomobject]@{ Key = 'K'; Title = 'T'; Owner = 'zhangsan@contoso.cn'; DueDate = '2026-04-30' }, [pscustomobject]@{ Key = 'K'; Title = 'T2'; Owner = 'zhangsan@contoso.cn'; DueDate = '2026-04-30' }) | Publish-ComplianceTask -Target SharePointList -SiteUrl $args[0] -ListName 年检整改", s_site);
            r.ThrowOnError();
            Assert.Equal(new[] { "Created", "Updated", "Updated" }, r.Output.Select(o => o.Text("Action")));
            JsonNode fields = Assert.Single(Fake.ListItems(_siteId, "年检整改"))["fields"]!;
            Assert.Equal("T2", fields["Title"]!.GetValue<string>());
            Assert.Equal("2026-04-29T16:00:00Z", fields["DueDate"]!.GetValue<string>());
            Assert.DoesNotContain(Fake.Writes, w => w.IfMatch == "*");
        }

        [Fact]
        public void WhatIf_creates_neither_the_list_nor_items()
        {
            var r = Ps.Run(Items + "$items | Publish-ComplianceTask -Target SharePointList -SiteUrl $args[1] -ListName 年检整改 -WhatIf", 2, s_site);
            r.ThrowOnError();
            Assert.Empty(r.Output);
            Assert.Empty(Fake.Writes);
        }

        [Fact]
        public void An_unknown_site_is_a_clear_error_naming_it()
        {
            var r = Ps.Run(Items + "$items | Publish-ComplianceTask -Target SharePointList -SiteUrl $args[1] -ListName 年检整改", 1, new Uri("https://contoso.sharepoint.cn/sites/nowhere"));
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Graph.SiteNotFound,ComplianceTools.Commands.Publishing.PublishComplianceTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("/sites/nowhere", error.Exception.Message);
        }
    }
}
