using System;
using System.Linq;
using ComplianceTools.Tests.Infrastructure;
using ComplianceTools.Tests.Workplace.Fake;

namespace ComplianceTools.Tests.Workplace
{
    /// <summary>Send-ComplianceReminder: the daily digest to each owner or to a group robot, Chinese by default, masked.</summary>
    public sealed class SendComplianceReminderTests : WorkplaceTestBase
    {
        /// <summary>
        /// As of 24 March 2026 with 7 days: K1 is overdue (20 March), K2 (27 March), K3 (30 March) and the ownerless
        /// K6 (26 March) are due within 7 days; K4 (30 April) is later and K5 is completed: neither is in a digest.
        /// </summary>
        private const string Items = "$items = @("
            + "[pscustomobject]@{ Key = 'K1'; Title = '坐席空置率整改'; Owner = 'zhangsan@contoso.cn'; DueDate = '2026-03-20' }, "
            + "[pscustomobject]@{ Key = 'K2'; Title = '投诉台账补录'; Owner = 'zhangsan@contoso.cn'; DueDate = '2026-03-27' }, "
            + "[pscustomobject]@{ Key = 'K3'; Title = '回拨测试 13812345678 复测'; Owner = '13800138001'; DueDate = '2026-03-30' }, "
            + "[pscustomobject]@{ Key = 'K4'; Title = '年报上传'; Owner = '13800138001'; DueDate = '2026-04-30' }, "
            + "[pscustomobject]@{ Key = 'K5'; Title = '培训签到'; Owner = '13800138001'; DueDate = '2026-03-25'; Status = 'Completed' }, "
            + "[pscustomobject]@{ Key = 'K6'; Title = '材料盖章'; Owner = $null; DueDate = '2026-03-26' }); ";

        private readonly FakeWeCom _wecom = new FakeWeCom();
        private readonly FakeDingTalk _dingtalk = new FakeDingTalk();
        private readonly (string UserId, string UnionId) _li;

        public SendComplianceReminderTests()
        {
            _wecom.AddUser("ZhangSan", mobile: "13800138000", mail: "zhangsan@contoso.cn");
            _wecom.AddUser("LiSi", mobile: "13800138001", mail: "lisi@contoso.cn");
            _li = _dingtalk.AddUser("agent0042", "13800138001");
        }

        public override void Dispose()
        {
            base.Dispose();
            _wecom.Dispose();
            _dingtalk.Dispose();
        }

        private void ConnectWeCom() =>
            Ps.Run("Connect-ComplianceWorkplace -Platform WeCom -CorpId $args[0] -AgentId $args[1] -Secret $args[2] -Endpoint $args[3] -StateFolder $args[4]", FakeWeCom.CorpId, FakeWeCom.AgentId, Secure(_wecom.Secret), _wecom.Endpoint, State.FullName).ThrowOnError();

        [Fact]
        public void Each_owner_gets_one_chinese_app_message_with_their_overdue_and_due_soon_items_only()
        {
            ConnectWeCom();
            var r = Ps.Run(Items + "$items | Send-ComplianceReminder -Target WeCom -AsOf 2026-03-24");
            r.ThrowOnError();
            Assert.Equal(new[] { "z*******@contoso.cn", "138****8001" }, r.Output.Select(o => o.Text("Recipient")));
            Assert.Equal(new[] { 2, 1 }, r.Output.Select(o => (int)o.Prop("Items")));
            Assert.Equal(new[] { 1, 0 }, r.Output.Select(o => (int)o.Prop("Overdue")));
            Assert.All(r.Output, o => Assert.True((bool)o.Prop("Sent")));

            var messages = _wecom.Messages();
            Assert.Equal(2, messages.Count);
            FakeWeCom.Message zhang = messages.Single(m => m.ToUser == "ZhangSan");
            Assert.Equal("markdown", zhang.Type);
            Assert.Equal("**年检整改提醒 · 2026-03-24**\n逾期 1 项，7 天内到期 1 项。\n\n**已逾期**\n- 2026-03-20 坐席空置率整改\n\n**7 天内到期**\n- 2026-03-27 投诉台账补录", zhang.Content);
            FakeWeCom.Message li = messages.Single(m => m.ToUser == "LiSi");
            Assert.Contains("- 2026-03-30 回拨测试 138****5678 复测", li.Content);
            Assert.DoesNotContain("年报上传", li.Content);
            Assert.DoesNotContain("培训签到", li.Content);
        }

        [Fact]
        public void A_webhook_sends_one_group_message_with_owners_masked_and_the_robot_key_in_no_stream()
        {
            var r = Ps.Run("$VerbosePreference = 'Continue'; " + Items + "$items | Send-ComplianceReminder -Target WeCom -Webhook $args[0] -AsOf 2026-03-24 -Verbose", _wecom.Webhook);
            r.ThrowOnError();
            var result = r.Single();
            Assert.Equal(4, (int)result.Prop("Items"));
            Assert.Equal("group", result.Text("Recipient"));
            Assert.Equal(1, (int)result.Prop("Overdue"));
            string text = Assert.Single(_wecom.RobotMessages());
            Assert.Contains("- 2026-03-20 坐席空置率整改 · z*******@contoso.cn", text);
            Assert.Contains("- 2026-03-30 回拨测试 138****5678 复测 · 138****8001", text);
            Assert.Contains("- 2026-03-26 材料盖章 · 无负责人", text);
            Assert.DoesNotContain(_wecom.RobotKey, Everything(r));
            Assert.Contains(r.Verbose, v => v == "POST /cgi-bin/webhook/send -> 200");
        }

        [Fact]
        public void A_signed_dingtalk_robot_gets_the_digest_and_a_wrong_secret_is_one_clear_error()
        {
            var r = Ps.Run(Items + "$items | Send-ComplianceReminder -Target DingTalk -Webhook $args[0] -WebhookSecret $args[1] -AsOf 2026-03-24", _dingtalk.RobotWebhook, Secure(_dingtalk.RobotSecret));
            r.ThrowOnError();
            string text = Assert.Single(_dingtalk.RobotMessages());
            Assert.StartsWith("**年检整改提醒 · 2026-03-24**", text, StringComparison.Ordinal);
            Assert.DoesNotContain(_dingtalk.RobotSecret, Everything(r));
            Assert.DoesNotContain(_dingtalk.RobotToken, Everything(r));

            var wrong = Ps.Run(Items + "$items | Send-ComplianceReminder -Target DingTalk -Webhook $args[0] -WebhookSecret $args[1] -AsOf 2026-03-24", _dingtalk.RobotWebhook, Secure("SECwrong"));
            var error = Assert.Single(wrong.AllErrors);
            Assert.Equal("ComplianceTools.Workplace.WebhookRefused,ComplianceTools.Commands.Publishing.SendComplianceReminderCommand", error.FullyQualifiedErrorId);
            Assert.Contains("310000", error.Exception.Message);
            Assert.Single(_dingtalk.RobotMessages());
        }

        [Fact]
        public void A_robot_rate_limit_is_waited_out()
        {
            _dingtalk.Inject("robot/send", FaultKind.RateLimit);
            var r = Ps.Run(Items + "$items | Send-ComplianceReminder -Target DingTalk -Webhook $args[0] -WebhookSecret $args[1] -AsOf 2026-03-24", _dingtalk.RobotWebhook, Secure(_dingtalk.RobotSecret));
            r.ThrowOnError();
            Assert.Single(_dingtalk.RobotMessages());
            Assert.Equal(2, _dingtalk.Calls.Count(c => c.Path == "/robot/send"));
        }

        [Fact]
        public void DingTalk_owners_get_a_markdown_work_notification_as_the_app()
        {
            Ps.Run("Connect-ComplianceWorkplace -Platform DingTalk -AppKey $args[0] -AgentId $args[1] -AppSecret $args[2] -Endpoint $args[3]", _dingtalk.AppKey, FakeDingTalk.AgentId, Secure(_dingtalk.AppSecret), _dingtalk.Endpoint).ThrowOnError();
            var r = Ps.Run(Items + "$items | Where-Object { $_.Owner -ne 'zhangsan@contoso.cn' } | Send-ComplianceReminder -Target DingTalk -AsOf 2026-03-24");
            r.ThrowOnError();
            var result = r.Single();
            Assert.Equal("138****8001", result.Text("Recipient"));
            var note = Assert.Single(_dingtalk.Notifications());
            Assert.Equal(_li.UserId, note.ToUser);
            Assert.Contains("回拨测试", note.Msg);
            var call = _dingtalk.Calls.Single(c => c.Path.EndsWith("asyncsend_v2", StringComparison.Ordinal));
            Assert.Equal("markdown", call.Json!["msg"]!["msgtype"]!.GetValue<string>());
            Assert.Equal(FakeDingTalk.AgentId, call.Json!["agent_id"]!.GetValue<long>());
        }

        [Fact]
        public void WhatIf_shows_each_digest_and_sends_nothing()
        {
            ConnectWeCom();
            var r = Ps.Run(Items + "$items | Send-ComplianceReminder -Target WeCom -AsOf 2026-03-24 -WhatIf");
            r.ThrowOnError();
            Assert.Equal(2, r.Output.Count);
            Assert.All(r.Output, o => Assert.False((bool)o.Prop("Sent")));
            Assert.Contains("坐席空置率整改", r.Output[0].Text("Text"));
            Assert.Empty(_wecom.Messages());
        }

        [Fact]
        public void In_english_when_asked_and_an_unknown_owner_is_one_error_while_the_others_get_theirs()
        {
            ConnectWeCom();
            var r = Ps.Run(Items + "$items[1].Owner = '13900001234'; $items | Send-ComplianceReminder -Target WeCom -AsOf 2026-03-24 -Language en-US");
            Assert.Equal(2, r.Output.Count);
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Workplace.OwnerNotFound,ComplianceTools.Commands.Publishing.SendComplianceReminderCommand", error.FullyQualifiedErrorId);
            Assert.Contains("139****1234", error.Exception.Message);
            FakeWeCom.Message zhang = _wecom.Messages().Single(m => m.ToUser == "ZhangSan");
            Assert.StartsWith("**Compliance to-dos · 2026-03-24**\n1 overdue, 0 due within 7 days.", zhang.Content, StringComparison.Ordinal);
        }

        [Fact]
        public void Nothing_due_sends_nothing()
        {
            ConnectWeCom();
            var r = Ps.Run(Items + "$items | Send-ComplianceReminder -Target WeCom -AsOf 2025-01-01 -Days 3");
            r.ThrowOnError();
            Assert.Empty(r.Output);
            Assert.Empty(_wecom.Messages());
        }
    }
}
