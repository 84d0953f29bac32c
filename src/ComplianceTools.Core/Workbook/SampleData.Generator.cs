using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Workbook
{
    // The generator behind SampleData: every sheet of the sample operator, from one seeded Random.
    public static partial class SampleData
    {
        private sealed class Generator
        {
            private const double RevenuePerCall = 0.052;
            private static readonly string[] Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢".Select(c => c.ToString()).ToArray();
            private static readonly string[] Given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建文斌宇浩凯健俊帆帅旭宁欣怡晨晓雪琳倩颖婷雯博昊然轩泽瑞嘉思佳子梓睿".Select(c => c.ToString()).ToArray();
            private static readonly double[] Season = { 0.92, 0.85, 1.02, 1.00, 1.03, 1.01, 1.05, 1.04, 1.00, 1.02, 1.06, 1.00 };

            private readonly int _year;
            private readonly SampleProfile _profile;
            private readonly Random _rng;
            private int _seatsOnFile;
            private readonly List<Team> _teams;
            private readonly List<Display> _displays;
            private readonly long[] _monthCalls = new long[12];
            private readonly long[] _monthShortCalls = new long[12];

            public Generator(int year, SampleProfile profile)
            {
                _year = year;
                _profile = profile;
                _rng = new Random(profile.RandomSeed);
                _teams = new List<Team>
                {
                    new Team("自营一部", "移动通道A", "上海浦东职场", profile.Activated(400)),
                    new Team("自营二部", "联通通道B", "上海浦东职场", profile.Activated(300)),
                    new Team("外包-示例甲公司", "电信通道C", "合肥职场", profile.Activated(220)),
                    new Team("外包-示例乙公司", "移动通道D", "成都职场", profile.Activated(200)),
                    new Team("外包-示例丙公司", "融合通道E", "西安职场", profile.Activated(140)),
                };
                Team t1 = _teams[0], t2 = _teams[1], ta = _teams[2], tb = _teams[3], tc = _teams[4];
                _displays = new List<Display>
                {
                    new Display("95099001", NumberType.Short95, t1, "信用卡分期营销", 0.16, 0, "GW-SH-01"),
                    new Display("95099002", NumberType.Short95, t2, "逾期提醒", 0.15, 0, "GW-SH-01"),
                    new Display("95099003", NumberType.Short95, t1, "政务服务回访", 0.14, 0.40, "GW-SH-02"),
                    new Display("95099004", NumberType.Short95, ta, "理财产品推介", 0.15, 0, "GW-SH-02"),
                    new Display("96099001", NumberType.Short96, tc, "居民满意度调查", 0.06, 0.30, "GW-SH-03"),
                    new Display("96099002", NumberType.Short96, tc, "逾期提醒(晚间批次)", 0.06, 0, "GW-SH-03"),
                    new Display("021-00000011", NumberType.Landline, t2, "逾期提醒", 0.05, 0, "GW-SH-04"),
                    new Display("021-00000012", NumberType.Landline, ta, "信用卡分期营销", 0.045, 0, "GW-SH-04"),
                    new Display("021-00000013", NumberType.Landline, tb, "理财产品推介", 0.045, 0, "GW-SH-04"),
                    new Display("021-00000014", NumberType.Landline, t1, "政务服务回访", 0.04, 0, "GW-SH-04"),
                    new Display("10000000201", NumberType.Mobile, tb, "信用卡分期营销", 0.06, 0, "GW-SH-05"),
                    new Display("10000000202", NumberType.Mobile, ta, "逾期提醒", 0.04, 0, "GW-SH-05"),
                };
            }

            public ComplianceDataset Build()
            {
                var data = new ComplianceDataset { Path = null };
                List<StaffRow> staff = BuildStaff();
                data.Staff = staff;
                data.Seats = BuildSeats();
                var leavers = staff.Where(s => s.Enabled == YesNo.No).ToDictionary(s => s.EmployeeId, s => LeaveMonth(s));
                var missingPayroll = new HashSet<string>(Pick(_teams.SelectMany(t => t.Agents).ToList(), 3).Select(a => a.EmployeeId));
                data.SocialInsurance = BuildInsurance(staff, leavers);
                data.Payroll = BuildPayroll(staff, leavers, missingPayroll);
                data.Traffic = BuildTraffic();
                data.Numbers = BuildNumbers();
                data.Complaints = BuildComplaints();
                data.Scenarios = BuildScenarios();
                data.Scripts = BuildScripts();
                data.Revenue = BuildRevenue();
                data.Penalties = BuildPenalties();
                data.Training = BuildTraining();
                data.Materials = BuildMaterials();
                data.Owners = BuildOwners();
                data.CallbackTests = BuildCallbackTests();
                data.Company = BuildCompany();
                data.Readiness = BuildReadiness();
                foreach (SheetSchema sheet in WorkbookSchema.Sheets)
                {
                    data.SheetsPresent.Add(sheet.Name);
                }

                return data;
            }

            private static int LeaveMonth(StaffRow s) => 3 + (int.Parse(s.EmployeeId.Substring(1), CultureInfo.InvariantCulture) % 7);

            private List<StaffRow> BuildStaff()
            {
                var staff = new List<StaffRow>();
                int n = 0;
                foreach (Team team in _teams)
                {
                    for (int i = 0; i < team.AgentCount; i++)
                    {
                        StaffRow agent = Person(++n, "客服中心-" + team.Name, "坐席员", YesNo.Yes, YesNo.Yes);
                        team.Agents.Add(agent);
                        staff.Add(agent);
                    }
                }

                string[][] others =
                {
                    new[] { "客服中心", "班组长" }, new[] { "质检部", "质检专员" }, new[] { "运营管理部", "运营专员" },
                    new[] { "信息技术部", "运维工程师" }, new[] { "人力行政部", "人事专员" }, new[] { "财务部", "会计" },
                };
                for (int i = 0; i < _profile.Scaled(240); i++)
                {
                    string[] job = others[i % others.Length];
                    staff.Add(Person(++n, job[0], job[1], YesNo.No, YesNo.Yes));
                }

                for (int i = 0; i < _profile.Scaled(8); i++)
                {
                    staff.Add(Person(++n, "人力行政部", "行政专员", YesNo.No, YesNo.No));
                }

                return staff;
            }

            private StaffRow Person(int n, string department, string title, YesNo agent, YesNo enabled)
            {
                string id = "E" + n.ToString("D5", CultureInfo.InvariantCulture);
                string name = Surnames[_rng.Next(Surnames.Length)] + Given[_rng.Next(Given.Length)] + (_rng.Next(3) == 0 ? string.Empty : Given[_rng.Next(Given.Length)]);
                return new StaffRow
                {
                    EmployeeId = id,
                    Name = name,
                    IdNumber = IdNumber(),
                    Mobile = "1000" + n.ToString("D7", CultureInfo.InvariantCulture),
                    Department = department,
                    JobTitle = title,
                    IsAgent = agent,
                    Enabled = enabled,
                    HireDate = new DateTime(_year - 6, 1, 1).AddDays(_rng.Next(365 * 6)),
                    Mail = id.ToLowerInvariant() + "@example.com",
                };
            }

            /// <summary>An 18-character resident ID number with a valid check digit, in the unassigned region 999999.</summary>
            private string IdNumber()
            {
                DateTime birth = new DateTime(1975, 1, 1).AddDays(_rng.Next(365 * 28));
                string body = "999999" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + _rng.Next(1000).ToString("D3", CultureInfo.InvariantCulture);
                int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
                int sum = 0;
                for (int i = 0; i < 17; i++)
                {
                    sum += (body[i] - '0') * weights[i];
                }

                return body + "10X98765432"[sum % 11];
            }

            private List<SeatRow> BuildSeats()
            {
                var seats = new List<SeatRow>();
                var agents = new Queue<KeyValuePair<Team, StaffRow>>(_teams.SelectMany(t => t.Agents.Select(a => new KeyValuePair<Team, StaffRow>(t, a))));
                AddSeats(seats, SeatType.Physical, _profile.Scaled(1200), _profile.Activated(1000), agents);
                AddSeats(seats, SeatType.Cloud, _profile.Scaled(600), _profile.Activated(260), agents);
                AddSeats(seats, SeatType.AI, _profile.Scaled(200), _profile.Activated(100), agents);
                _seatsOnFile = seats.Count;
                return seats;
            }

            private void AddSeats(List<SeatRow> seats, SeatType type, int count, int activated, Queue<KeyValuePair<Team, StaffRow>> agents)
            {
                var active = new HashSet<int>(Pick(Enumerable.Range(0, count).ToList(), Math.Min(count, activated)));
                for (int i = 0; i < count; i++)
                {
                    var seat = new SeatRow
                    {
                        SeatId = "S" + (seats.Count + 1).ToString("D4", CultureInfo.InvariantCulture),
                        SeatType = type,
                        Location = SeatLocation.Domestic,
                        Activated = active.Contains(i) ? YesNo.Yes : YesNo.No,
                    };
                    Team team;
                    if (seat.Activated == YesNo.Yes && type != SeatType.AI && agents.Count > 0)
                    {
                        KeyValuePair<Team, StaffRow> next = agents.Dequeue();
                        team = next.Key;
                        seat.AgentEmployeeId = next.Value.EmployeeId;
                    }
                    else
                    {
                        team = type == SeatType.AI ? _teams[0] : _teams[i % _teams.Count];
                    }

                    seat.Team = team.Name;
                    seat.Channel = type == SeatType.AI ? "融合通道E" : team.Channel;
                    seat.Site = type == SeatType.Physical ? team.Site : type == SeatType.Cloud ? "云坐席(居家办公)" : "AI外呼平台";
                    if (seat.Activated == YesNo.Yes)
                    {
                        seat.ActivatedOn = new DateTime(_year - 3, 1, 1).AddDays(_rng.Next(365 * 3 - 184));
                    }
                    else if (_rng.Next(10) < 6)
                    {
                        seat.ActivatedOn = new DateTime(_year - 3, 1, 1).AddDays(_rng.Next(365 * 2));
                        seat.DeactivatedOn = new DateTime(_year, 1, 1).AddDays(_rng.Next(330));
                    }

                    seats.Add(seat);
                }
            }

            private List<SocialInsuranceRow> BuildInsurance(List<StaffRow> staff, Dictionary<string, int> leavers)
            {
                var rows = new List<SocialInsuranceRow>();
                for (int m = 1; m <= 12; m++)
                {
                    foreach (StaffRow s in staff)
                    {
                        if (leavers.TryGetValue(s.EmployeeId, out int left) && m > left)
                        {
                            continue;
                        }

                        rows.Add(new SocialInsuranceRow { EmployeeId = s.EmployeeId, Name = s.Name, IdNumber = s.IdNumber, Month = Month(m), Amount = 1850 + (Seed(s) % 75) * 10 });
                    }
                }

                return rows;
            }

            private List<PayrollRow> BuildPayroll(List<StaffRow> staff, Dictionary<string, int> leavers, HashSet<string> missing)
            {
                var rows = new List<PayrollRow>();
                for (int m = 1; m <= 12; m++)
                {
                    foreach (StaffRow s in staff)
                    {
                        if (missing.Contains(s.EmployeeId) || (leavers.TryGetValue(s.EmployeeId, out int left) && m > left))
                        {
                            continue;
                        }

                        double pay = (s.IsAgent == YesNo.Yes ? 5200 : 7800) + (Seed(s) % 300) * 10 + ((m * 37 + Seed(s)) % 50) * 8.5;
                        rows.Add(new PayrollRow { EmployeeId = s.EmployeeId, Name = s.Name, IdNumber = s.IdNumber, Month = Month(m), NetPay = Math.Round(pay, 2) });
                    }
                }

                return rows;
            }

            private static int Seed(StaffRow s) => int.Parse(s.EmployeeId.Substring(1), CultureInfo.InvariantCulture) * 7919 % 10007;

            private List<TrafficRow> BuildTraffic()
            {
                var rows = new List<TrafficRow>();
                for (int m = 1; m <= 12; m++)
                {
                    foreach (Display d in _displays)
                    {
                        long calls = (long)Math.Round(5000000 * _profile.Scale * Season[m - 1] * d.Share * (0.98 + (_rng.NextDouble() * 0.04)));
                        _monthCalls[m - 1] += calls;
                        d.YearCalls += calls;
                        if (d.Type == NumberType.Short95 || d.Type == NumberType.Short96)
                        {
                            _monthShortCalls[m - 1] += calls;
                        }

                        rows.Add(new TrafficRow
                        {
                            Month = Month(m),
                            DisplayNumber = d.Number,
                            Channel = d.Team.Channel,
                            Team = d.Team.Name,
                            Scenario = d.Scenario,
                            OutboundCalls = calls,
                            AiOutboundCalls = (long)Math.Round(calls * d.AiShare),
                            ConnectedCalls = (long)Math.Round(calls * (0.38 + (_rng.NextDouble() * 0.07))),
                            CallsInForbiddenWindow = d.Scenario == "逾期提醒(晚间批次)" && _profile.EveningCalls ? 80 + _rng.Next(61) : 0,
                            Days = Weekdays(m),
                        });
                    }
                }

                return rows;
            }

            private int Weekdays(int month)
            {
                int days = 0;
                for (var d = new DateTime(_year, month, 1); d.Month == month; d = d.AddDays(1))
                {
                    if (d.DayOfWeek != DayOfWeek.Saturday && d.DayOfWeek != DayOfWeek.Sunday)
                    {
                        days++;
                    }
                }

                return days;
            }

            private List<NumberResourceRow> BuildNumbers()
            {
                var rows = _displays.Select((d, i) => new NumberResourceRow
                {
                    Number = d.Number,
                    NumberType = d.Type,
                    FiledGateway = d.Gateway,
                    Trunk = "SIP-TRUNK-" + (1 + (i / 3)).ToString("D2", CultureInfo.InvariantCulture),
                    Status = NumberStatus.InUse,
                    AllocatedOn = new DateTime(_year - 3 + (i % 3), 1 + (i % 12), 10),
                    Revenue = d.Type == NumberType.Short95 || d.Type == NumberType.Short96 ? Math.Round(d.YearCalls * RevenuePerCall, 2) : (double?)null,
                }).ToList();
                rows.Add(new NumberResourceRow { Number = "021-00000019", NumberType = NumberType.Landline, FiledGateway = "GW-SH-04", Trunk = "SIP-TRUNK-05", Status = NumberStatus.Suspended, AllocatedOn = new DateTime(_year - 4, 6, 1) });
                return rows;
            }

            private List<ComplaintRow> BuildComplaints()
            {
                var list = new List<ComplaintRow>();
                Display cluster = _displays.First(d => d.Number == "10000000201");
                long totalCalls = _monthCalls.Sum();
                var harassment = new int[12];
                for (int m = 1; m <= 12; m++)
                {
                    bool spike = _profile.ComplaintSpikeMonths.Contains(m);
                    harassment[m - 1] = (int)Math.Round(_monthCalls[m - 1] * (spike ? 0.000160 : 0.000075));
                }

                int others = _profile.Scaled(Complaints) - harassment.Sum();
                int othersLeft = others;
                for (int m = 1; m <= 12; m++)
                {
                    int normal = (int)Math.Round(_monthCalls[m - 1] * 0.000075);
                    for (int i = 0; i < harassment[m - 1]; i++)
                    {
                        Display d = i >= normal ? cluster : PickDisplay();
                        list.Add(Complaint(m, _rng.Next(100) < 22 ? ComplaintChannel.C12300 : ComplaintChannel.C12321, d));
                    }

                    int count = m == 12 ? othersLeft : (int)Math.Round((double)others * _monthCalls[m - 1] / totalCalls);
                    othersLeft -= count;
                    for (int i = 0; i < count; i++)
                    {
                        int roll = _rng.Next(236);
                        ComplaintChannel channel = roll < 26 ? ComplaintChannel.C12345 : roll < 36 ? ComplaintChannel.Miit : ComplaintChannel.Own;
                        list.Add(Complaint(m, channel, PickDisplay()));
                    }
                }

                list = list.OrderBy(c => c.ReceivedAt).ThenBy(c => c.CallingNumber, StringComparer.Ordinal).ToList();
                for (int i = 0; i < list.Count; i++)
                {
                    ComplaintRow c = list[i];
                    c.TicketId = "T" + _year.ToString(CultureInfo.InvariantCulture) + (i + 1).ToString("D6", CultureInfo.InvariantCulture);
                    c.RecordingId = "REC-" + c.ReceivedAt.Value.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + (i + 1).ToString("D6", CultureInfo.InvariantCulture);
                    c.FirstResponseAt = c.ReceivedAt.Value.AddMinutes(5 + _rng.Next(106));
                    c.ClosedAt = c.ReceivedAt.Value.AddMinutes(60 + _rng.Next(19 * 60));
                    c.Status = TicketStatus.Closed;
                }

                // The last 360 tickets (late December) are still open: closure rate 98.8% (CMPL-002 Green).
                int open = _profile.Scaled(360);
                for (int i = list.Count - open; i < list.Count; i++)
                {
                    list[i].ClosedAt = null;
                    list[i].Status = TicketStatus.Open;
                }

                // 2.5% of the closed tickets were answered or closed late (CMPL-003 Yellow: about 96% on time).
                var closed = Enumerable.Range(0, list.Count - open).ToList();
                foreach (int i in Pick(closed, (int)Math.Round((list.Count - open) * 0.025)))
                {
                    ComplaintRow c = list[i];
                    if (_rng.Next(2) == 0)
                    {
                        c.FirstResponseAt = c.ReceivedAt.Value.AddMinutes(130 + _rng.Next(270));
                        c.ClosedAt = c.FirstResponseAt.Value.AddMinutes(60 + _rng.Next(600));
                    }
                    else
                    {
                        c.ClosedAt = c.ReceivedAt.Value.AddHours(25 + _rng.Next(36));
                    }
                }

                // 37 complaints from 12321, 12345 and MIIT cannot be traced to an agent or a recording (CMPL-004).
                var traced = Enumerable.Range(0, list.Count).Where(i => list[i].Source == ComplaintChannel.C12321 || list[i].Source == ComplaintChannel.C12345 || list[i].Source == ComplaintChannel.Miit).ToList();
                List<int> unlinked = Pick(traced, Math.Min(traced.Count, _profile.Scaled(37)));
                for (int k = 0; k < unlinked.Count; k++)
                {
                    if (k < _profile.Scaled(25))
                    {
                        list[unlinked[k]].RecordingId = null;
                    }
                    else
                    {
                        list[unlinked[k]].AgentId = null;
                    }
                }

                return list;
            }

            private ComplaintRow Complaint(int month, ComplaintChannel channel, Display d)
            {
                int days = DateTime.DaysInMonth(_year, month);
                DateTime received = new DateTime(_year, month, 1 + _rng.Next(days)).AddMinutes((8 * 60) + _rng.Next(14 * 60));
                List<StaffRow> agents = d.Team.Agents;
                return new ComplaintRow
                {
                    Source = channel,
                    ReceivedAt = received,
                    ComplainantNumber = "1009" + _rng.Next(10000000).ToString("D7", CultureInfo.InvariantCulture),
                    CallingNumber = d.Number,
                    Channel = d.Team.Channel,
                    Team = d.Team.Name,
                    AgentId = agents[_rng.Next(agents.Count)].EmployeeId,
                };
            }

            private Display PickDisplay()
            {
                double roll = _rng.NextDouble();
                foreach (Display d in _displays)
                {
                    roll -= d.Share;
                    if (roll < 0)
                    {
                        return d;
                    }
                }

                return _displays[_displays.Count - 1];
            }

            private List<ScenarioRow> BuildScenarios()
            {
                return new List<ScenarioRow>
                {
                    new ScenarioRow { Scenario = "信用卡分期营销", Category = "金融营销", AllowedFrom = "09:00", AllowedTo = "20:00", AverageCallSeconds = 48, ConsentMethod = ConsentMethod.Online, SmsSent = 1200000, SmsUnsubscribeReplies = 8400, UnsubscribeRate = 0.007 },
                    new ScenarioRow { Scenario = "理财产品推介", Category = "金融营销", AllowedFrom = "09:00", AllowedTo = "20:00", AverageCallSeconds = 62, ConsentMethod = ConsentMethod.Recorded, SmsSent = 800000, SmsUnsubscribeReplies = 4000, UnsubscribeRate = 0.005 },
                    new ScenarioRow { Scenario = "逾期提醒", Category = "催收", AllowedFrom = "09:00", AllowedTo = "21:00", AverageCallSeconds = 75, ConsentMethod = ConsentMethod.ExistingCustomer, HangUpRate = 0.18, ComplaintRate = 0.00008, UnsubscribeRate = 0.09004 },
                    new ScenarioRow { Scenario = "逾期提醒(晚间批次)", Category = "催收", AllowedFrom = "09:00", AllowedTo = _profile.EveningCalls ? "22:30" : "21:00", AverageCallSeconds = 70, ConsentMethod = ConsentMethod.ExistingCustomer, HangUpRate = 0.22, ComplaintRate = 0.0001, UnsubscribeRate = 0.11005 },
                    new ScenarioRow { Scenario = "政务服务回访", Category = "政务回访", AllowedFrom = "09:00", AllowedTo = "18:00", AverageCallSeconds = 95, ConsentMethod = ConsentMethod.ExistingCustomer, HangUpRate = 0.06, UnsubscribeRate = 0.012 },
                    new ScenarioRow { Scenario = "居民满意度调查", Category = "社调", AllowedFrom = "09:00", AllowedTo = "20:00", AverageCallSeconds = 180, ConsentMethod = ConsentMethod.Recorded, HangUpRate = 0.25, UnsubscribeRate = 0.025 },
                };
            }

            private List<ScriptRow> BuildScripts()
            {
                var texts = new Dictionary<string, string[]>
                {
                    ["信用卡分期营销"] = new[] { "您好,这里是示例银行信用卡中心,您的账单可办理信用卡分期,本月手续费享八折。", "您好,您名下信用卡有一笔大额消费,可申请信用卡分期,最长24期。", "您好,信用卡分期活动即将结束,回复短信即可办理。", "您好,您的信用卡分期额度已提升,请问是否需要了解?" },
                    ["理财产品推介"] = new[] { "您好,示例银行为您推荐一款稳健型理财产品,起购金额1万元。", "您好,您关注的理财产品本周开放申购,是否需要客户经理联系您?", "您好,本行新发理财产品风险等级R2,请问方便介绍吗?" },
                    ["逾期提醒"] = new[] { "您好,这是示例银行的逾期提醒,您的信用卡账单已逾期3天,请尽快还款。", "您好,逾期提醒:您的贷款本期应还款尚未到账,请于今日内处理。", "您好,您的账户存在逾期,逾期提醒如有疑问请致电官方客服。" },
                    ["逾期提醒(晚间批次)"] = new[] { "您好,逾期提醒:您今日的还款尚未到账,请留意。", "您好,这是晚间批次的逾期提醒,请于明日前完成还款。" },
                    ["政务服务回访"] = new[] { "您好,这里是12345政务服务回访,您此前反映的问题已办结,请问是否满意?", "您好,政务服务回访:请对本次办事体验打分。", "您好,您办理的业务已完成,政务服务回访占用您一分钟时间。" },
                    ["居民满意度调查"] = new[] { "您好,我们正在开展居民满意度社会调查,占用您两分钟时间。", "您好,社会调查:请问您对所在社区公共服务是否满意?", "您好,本次社调为匿名调查,请问方便回答几个问题吗?" },
                };
                var scripts = new List<ScriptRow>();
                foreach (KeyValuePair<string, string[]> scenario in texts)
                {
                    long calls = _displays.Where(d => d.Scenario == scenario.Key).Sum(d => d.YearCalls);
                    for (int i = 0; i < scenario.Value.Length; i++)
                    {
                        long share = i == scenario.Value.Length - 1 ? calls - scripts.Where(s => s.Scenario == scenario.Key).Sum(s => s.Calls ?? 0) : calls / scenario.Value.Length;
                        scripts.Add(new ScriptRow { ScriptId = "HS-" + (scripts.Count + 1).ToString("D3", CultureInfo.InvariantCulture), Scenario = scenario.Key, Text = scenario.Value[i], Calls = share });
                    }
                }

                // One script still filed under 其他, which is always rejected (SCN-001 Red).
                if (_profile.ScriptInOther)
                {
                    scripts.Add(new ScriptRow { ScriptId = "HS-" + (scripts.Count + 1).ToString("D3", CultureInfo.InvariantCulture), Scenario = "其他", Text = "您好,您的会员积分即将到期,可兑换话费或礼品,详情请回复短信。", Calls = _profile.Scaled(12800) });
                }
                return scripts;
            }

            private List<RevenueRow> BuildRevenue()
            {
                var rows = new List<RevenueRow>();
                for (int m = 1; m <= 12; m++)
                {
                    long platform = _monthCalls[m - 1];
                    long carrier = (long)Math.Round(platform / 1.068);
                    double revenue = Math.Round(_monthShortCalls[m - 1] * RevenuePerCall, 2);
                    rows.Add(new RevenueRow
                    {
                        Month = Month(m),
                        NumberRevenue = revenue,
                        SettlementInvoiced = Math.Round(revenue / 1.22, 2),
                        PlatformCalls = platform,
                        CarrierCalls = carrier,
                        PrivacyNumberCalls = (long)Math.Round(carrier * 1.012),
                        FinanceRevenue = Math.Round(revenue * 1.004, 2),
                    });
                }

                return rows;
            }

            private List<PenaltyRow> BuildPenalties()
            {
                return new List<PenaltyRow>
                {
                    new PenaltyRow { DecisionNumber = "沪通管罚〔" + (_year - 2) + "〕12号", Authority = "上海市通信管理局", DecisionDate = new DateTime(_year - 2, 6, 15), Matter = "未按规定处理用户投诉", RectificationReport = "整改报告-沪通管罚" + (_year - 2) + "-12.pdf", Status = PenaltyStatus.Closed },
                    new PenaltyRow { DecisionNumber = "沪市监罚〔" + (_year - 1) + "〕0345号", Authority = "上海市市场监督管理局", DecisionDate = new DateTime(_year - 1, 9, 3), Matter = "营销外呼中作引人误解的宣传", RectificationReport = "整改报告-沪市监罚" + (_year - 1) + "-0345.pdf", Status = PenaltyStatus.Closed },
                    new PenaltyRow { DecisionNumber = "沪通管罚〔" + _year + "〕07号", Authority = "上海市通信管理局", DecisionDate = new DateTime(_year, 11, 20), Matter = "22:00后仍有外呼", Status = PenaltyStatus.Open },
                };
            }

            private List<TrainingRow> BuildTraining()
            {
                var agents = _teams.SelectMany(t => t.Agents).ToList();
                List<int> gaps = Pick(Enumerable.Range(0, agents.Count).ToList(), 12);
                var absent = new HashSet<int>(gaps.Take(3));
                var noCertificate = new HashSet<int>(gaps.Skip(3).Take(5));
                var noPaper = new HashSet<int>(gaps.Skip(8));
                var rows = new List<TrainingRow>();
                for (int i = 0; i < agents.Count; i++)
                {
                    if (absent.Contains(i))
                    {
                        continue;
                    }

                    rows.Add(new TrainingRow
                    {
                        EmployeeId = agents[i].EmployeeId,
                        Name = agents[i].Name,
                        Year = _year,
                        CertificateNumber = noCertificate.Contains(i) ? null : "HG" + _year + "-" + (i + 1).ToString("D5", CultureInfo.InvariantCulture),
                        SignedIn = YesNo.Yes,
                        ExamPaper = noPaper.Contains(i) ? YesNo.No : YesNo.Yes,
                        Score = 70 + _rng.Next(31),
                    });
                }

                return rows;
            }

            private List<MaterialRow> BuildMaterials()
            {
                string[] documents =
                {
                    "营业执照", "增值电信业务经营许可证正本", "增值电信业务经营许可证副本", "公司章程", "股权结构表", "审计报告", "法定代表人身份证",
                    "社保缴费清单", "码号资源使用台账", "坐席明细表", "呼叫流量月报", "用户投诉处理记录", "信息安全责任制报告", "AI外呼算法备案表",
                };
                return documents.Select((d, i) => new MaterialRow
                {
                    Document = d,
                    File = (i + 1).ToString("D2", CultureInfo.InvariantCulture) + "-" + d + ".pdf",
                    PaperBound = YesNo.Yes,
                    A4 = YesNo.Yes,
                    PerforationSeal = YesNo.Yes,
                    FirstPageSeal = YesNo.Yes,
                    CheckedBy = "周敏",
                    CheckedOn = new DateTime(_year + 1, 3, 1),
                    AuditFirm = d == "审计报告" ? "示例会计师事务所(特殊普通合伙)" : null,
                    SecuritiesQualified = d == "审计报告" ? YesNo.Yes : (YesNo?)null,
                    AuditOpinion = d == "审计报告" ? Sheets.AuditOpinion.Unqualified : (AuditOpinion?)null,
                }).ToList();
            }

            private static List<OwnerRow> BuildOwners()
            {
                string[,] owners =
                {
                    { "Seats", "陈静" }, { "Complaints", "刘洋" }, { "Numbers", "王磊" }, { "Staff", "赵娜" }, { "Systems", "孙浩" },
                    { "Data", "周敏" }, { "Revenue", "吴芳" }, { "Scenarios", "郑凯" }, { "Filing", "冯雪" }, { "Credit", "何宇" },
                    { "Penalties", "高明" }, { "Training", "林欣" }, { "Materials", "罗晨" },
                };
                var rows = new List<OwnerRow>();
                for (int i = 0; i < owners.GetLength(0); i++)
                {
                    rows.Add(new OwnerRow { Area = owners[i, 0], Owner = owners[i, 1], Mail = owners[i, 0].ToLowerInvariant() + ".owner@example.com" });
                }

                return rows;
            }

            private List<CallbackTestRow> BuildCallbackTests()
            {
                double[] seconds = { 8.5, 12.0, 42.0, 9.8, 15.2, 11.1 };
                return _displays.Where(d => d.Type == NumberType.Short95 || d.Type == NumberType.Short96).Select((d, i) => new CallbackTestRow
                {
                    Number = d.Number,
                    TestedAt = new DateTime(_year + 1, 3, 10, 10, 0, 0).AddMinutes(15 * i),
                    LandedGateway = d.Gateway,
                    Connected = YesNo.Yes,
                    ConnectSeconds = seconds[i],
                }).ToList();
            }

            private CompanyProfile BuildCompany()
            {
                return new CompanyProfile
                {
                    CompanyName = _profile.CompanyName,
                    LicenceNumber = _profile.LicenceNumber,
                    LicenceScope = _profile.LicenceScope,
                    Province = _profile.Province,
                    BusinessCategory = "B24 呼叫中心业务",
                    ReportYear = _year,
                    CheckDate = new DateTime(_year + 1, 3, 15),
                    SeatsOnFile = _seatsOnFile,
                    AiCapabilityDeclared = YesNo.Yes,

                    // The website ICP number where the algorithm filing number (网信算备…号) belongs (ALG-001 Red).
                    AlgorithmFilingNumber = _profile.AlgorithmFilingNumber,
                    HasOverseasSeats = YesNo.No,
                    PrivacyPolicyDate = new DateTime(_year - _profile.PrivacyPolicyAge, 5, 1),
                    PrivacyPolicyHasSensitiveList = YesNo.Yes,
                    CreditScore = _profile.CreditScore,
                    RealNameSpotCheckPassRate = 0.985,
                };
            }

            private Readiness BuildReadiness()
            {
                return new Readiness
                {
                    CallLogsSince = new DateTime(_year, 7, 1),
                    GatewayLogsSince = new DateTime(_year, 8, 1),
                    ComplaintButton = YesNo.Yes,
                    AiIntentRecognition = YesNo.Yes,
                    AiHumanHandover = YesNo.Yes,
                    PredictiveDialling = YesNo.Yes,
                    PredictiveDiallingDeclared = YesNo.Yes,
                    ComplaintDrillDate = new DateTime(_year + 1, 2, 20),
                };
            }

            private string Month(int m) => _year.ToString(CultureInfo.InvariantCulture) + "-" + m.ToString("D2", CultureInfo.InvariantCulture);

            /// <summary>A deterministic random choice of <paramref name="count"/> items, in their original order.</summary>
            private List<T> Pick<T>(List<T> items, int count)
            {
                var indexes = Enumerable.Range(0, items.Count).ToArray();
                for (int i = 0; i < count; i++)
                {
                    int j = i + _rng.Next(indexes.Length - i);
                    int t = indexes[i];
                    indexes[i] = indexes[j];
                    indexes[j] = t;
                }

                return indexes.Take(count).OrderBy(i => i).Select(i => items[i]).ToList();
            }
        }
    }
}
