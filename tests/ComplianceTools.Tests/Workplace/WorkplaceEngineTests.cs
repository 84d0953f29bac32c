using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Privacy;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Workplace.Connection;
using ComplianceTools.Workplace.Owners;
using ComplianceTools.Workplace.Reminders;

namespace ComplianceTools.Tests.Workplace
{
    /// <summary>Engine unit tests: the token cache, masking, contacts, due dates, the key line, the digest and the robot signature.</summary>
    public sealed class WorkplaceEngineTests
    {
        [Fact]
        public void A_token_is_reused_until_five_minutes_before_it_expires_then_fetched_again()
        {
            DateTimeOffset now = new DateTimeOffset(2026, 3, 24, 8, 0, 0, TimeSpan.Zero);
            var cache = new TokenCache(() => now);
            int fetches = 0;
            (string, TimeSpan) Fetch() => ("t" + ++fetches, TimeSpan.FromSeconds(7200));

            Assert.Equal("t1", cache.Get("WeCom|corp|1", Fetch).Token);
            now = now.AddSeconds(6899);
            Assert.Equal("t1", cache.Get("WeCom|corp|1", Fetch).Token);
            now = now.AddSeconds(1);
            Assert.Equal("t2", cache.Get("WeCom|corp|1", Fetch).Token);
            Assert.Equal(2, cache.Fetches("WeCom|corp|1"));
        }

        [Fact]
        public void A_token_the_service_refused_is_replaced_once_even_when_two_callers_report_it()
        {
            var cache = new TokenCache(() => DateTimeOffset.UnixEpoch);
            int fetches = 0;
            (string, TimeSpan) Fetch() => ("t" + ++fetches, TimeSpan.FromHours(2));
            string first = cache.Get("k", Fetch).Token;
            Assert.Equal("t2", cache.Get("k", Fetch, rejected: first).Token);
            // A second caller that saw the same refusal gets the new token, not a third one.
            Assert.Equal("t2", cache.Get("k", Fetch, rejected: first).Token);
            Assert.Equal(2, fetches);
        }

        [Fact]
        public void A_short_lived_token_is_refreshed_a_tenth_of_its_life_ahead_not_every_call()
        {
            DateTimeOffset now = DateTimeOffset.UnixEpoch;
            var cache = new TokenCache(() => now);
            int fetches = 0;
            (string, TimeSpan) Fetch() => ("t" + ++fetches, TimeSpan.FromSeconds(200));
            cache.Get("k", Fetch);
            now = now.AddSeconds(179);
            cache.Get("k", Fetch);
            Assert.Equal(1, fetches);
            now = now.AddSeconds(1);
            cache.Get("k", Fetch);
            Assert.Equal(2, fetches);
        }

        [Theory]
        [InlineData("zhangsan@contoso.cn", "z*******@contoso.cn")]
        [InlineData("li@contoso.cn", "l***@contoso.cn")]
        [InlineData("13800138000", "138****8000")]
        [InlineData("+86 138 0013 8000", "86138****8000")]
        [InlineData("王芳", "王*")]
        public void Owners_are_masked_as_mail_mobile_or_name(string given, string masked)
        {
            Assert.Equal(masked, Mask.Contact(given));
        }

        [Fact]
        public void Contacts_come_from_the_owners_sheet_and_roster_by_mail_mobile_or_name_and_disagreeing_rows_are_ambiguous()
        {
            var book = new ContactBook(
                new[] { new OwnerRow { Area = "Seats", Owner = "王芳", Mail = "wang.fang@contoso.cn" }, new OwnerRow { Area = "Data", Owner = "李雷", Mobile = "13800138004" } },
                new[] { new StaffRow { Name = "王芳", Mail = "Wang.Fang@contoso.cn", Mobile = "+86 138-0013-8002" }, new StaffRow { Name = "李雷", Mobile = "13800138005" } });
            Contact byMail = book.Find("WANG.FANG@contoso.cn", out bool ambiguous);
            Assert.False(ambiguous);
            Assert.Equal("13800138002", byMail.Mobile);
            Assert.Equal("13800138002", book.Find("王芳", out _).Mobile);
            Assert.Equal("WANG.FANG@contoso.cn", byMail.Mail);
            Assert.Null(book.Find("李雷", out ambiguous));
            Assert.True(ambiguous);
            // A mail is a contact of its own (WeCom can look it up); nobody's mobile is known.
            Contact stranger = book.Find("nobody@contoso.cn", out ambiguous);
            Assert.False(ambiguous);
            Assert.Equal("nobody@contoso.cn", stranger.Mail);
            Assert.Null(stranger.Mobile);
        }

        [Theory]
        [InlineData("13800138000", "13800138000")]
        [InlineData("+86 138 0013 8000", "13800138000")]
        [InlineData("8613800138000", "13800138000")]
        [InlineData("１３８００１３８０００", "13800138000")]
        [InlineData("010-62345678", null)]
        [InlineData("zhang@contoso.cn", null)]
        [InlineData("张三", null)]
        public void Mobiles_are_eleven_digits_starting_with_one(string text, string expected)
        {
            Assert.Equal(expected, Mobiles.Normalize(text));
        }

        [Fact]
        public void A_date_alone_is_a_due_day_and_a_time_or_offset_is_a_due_moment()
        {
            DueDates.Parse("2026-03-31", out DateTime? day, out DateTimeOffset? time);
            Assert.Equal(new DateTime(2026, 3, 31), day);
            Assert.Null(time);
            DueDates.Parse("2026-03-31 18:00", out day, out time);
            Assert.Null(day);
            Assert.Equal(new DateTimeOffset(2026, 3, 31, 18, 0, 0, TimeSpan.FromHours(8)), time);
            DueDates.Parse("2026-03-31T23:30:00Z", out _, out time);
            var item = new PlanItem { DueTime = time };
            Assert.Equal(new DateTime(2026, 4, 1), item.DueDate);
            Assert.Equal(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero), item.DueMoment());
            Assert.Equal(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.FromHours(8)), new PlanItem { DueDate = new DateTime(2026, 3, 31) }.DueMoment());
            Assert.Null(new PlanItem().DueMoment());
        }

        [Fact]
        public void A_description_cut_to_fit_keeps_its_key_line_whole()
        {
            string text = TaskKey.Compose(new string('说', 1200), "SEAT-001|客户1|2025", 1000);
            Assert.Equal(1000, text.Length);
            Assert.EndsWith("…\n\nComplianceTools-Key: SEAT-001|客户1|2025", text, StringComparison.Ordinal);
            Assert.Equal("SEAT-001|客户1|2025", TaskKey.Read(text));
            Assert.Equal("短\n\nComplianceTools-Key: K", TaskKey.Compose("短", "K", 1000));
        }

        [Fact]
        public void A_long_digest_is_cut_to_the_byte_limit_and_says_how_many_items_are_left_out()
        {
            var items = Enumerable.Range(1, 200).Select(i => new PlanItem { Key = "K" + i, Title = "整改事项第" + i + "项，核对台账", DueDate = new DateTime(2026, 3, 20).AddDays(i % 15), Owner = "zhangsan@contoso.cn" }).ToList();
            IReadOnlyList<PlanItem> due = ReminderDigest.Select(items, new DateTime(2026, 3, 24), 7);
            string text = ReminderDigest.Compose(due, new DateTime(2026, 3, 24), 7, new CultureInfo("zh-CN"), withOwners: true, maxBytes: 1900);
            Assert.True(Encoding.UTF8.GetByteCount(text) <= 1900, Encoding.UTF8.GetByteCount(text).ToString(CultureInfo.InvariantCulture));
            int listed = text.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal));
            Assert.EndsWith("……另有 " + (due.Count - listed) + " 项", text, StringComparison.Ordinal);
            Assert.True(listed > 10);
            // 20 March + 0…14 days; up to 31 March (24 March + 7) is i % 15 ≤ 11: 13 × 12 for i ≤ 195, then 196–200.
            Assert.Equal(161, due.Count);
        }

        [Fact]
        public void The_robot_signature_matches_dingtalks_published_algorithm()
        {
            // Python: quote_plus(b64encode(hmac.new(secret, f"{ts}\n{secret}", sha256).digest())) for these values.
            Assert.Equal("iOId1s5ofWkHlMOFUyIc%2BJuvCbnsyOxcysJAtmukYgg%3D", ReminderSender.Sign("1577262236757", "SECb53c3a7b4c5d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f9"));
        }

        [Theory]
        [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
        [InlineData("https://wecom-proxy.contoso.cn/qyapi", "https://wecom-proxy.contoso.cn/qyapi/")]
        public void An_endpoint_is_a_root_with_a_trailing_slash(string given, string expected)
        {
            Assert.Equal(expected, WorkplaceEndpoints.Resolve(WorkplacePlatform.WeCom, new Uri(given)).ToString());
        }

        [Fact]
        public void Plain_http_to_another_host_and_an_address_with_a_query_are_refused()
        {
            Assert.Equal("ComplianceTools.Workplace.InsecureEndpoint", Assert.Throws<ComplianceTools.Core.Common.ComplianceException>(() => WorkplaceEndpoints.Resolve(WorkplacePlatform.DingTalk, new Uri("http://10.0.0.5"))).ErrorId);
            Assert.Equal("ComplianceTools.Workplace.InvalidEndpoint", Assert.Throws<ComplianceTools.Core.Common.ComplianceException>(() => WorkplaceEndpoints.Resolve(WorkplacePlatform.WeCom, new Uri("https://qyapi.weixin.qq.com/?x=1"))).ErrorId);
            Assert.Equal("https://oapi.dingtalk.com/", WorkplaceEndpoints.ResolveOld(null).ToString());
        }
    }
}
