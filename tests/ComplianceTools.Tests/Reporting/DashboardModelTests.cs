using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Reporting;
using ComplianceTools.Engine.Rules;

namespace ComplianceTools.Tests.Reporting
{
    /// <summary>The dashboard's model: what a manager reads, computed from findings and plan items, before any drawing.</summary>
    public sealed class DashboardModelTests
    {
        private static readonly DateTime AsOf = new DateTime(2026, 3, 2); // a Monday

        internal static List<Finding> Findings() => new List<Finding>
        {
            F("SEAT-001", "Seats", FindingStatus.Red, 0.31, 0.30, "gt"),
            F("CMPL-002", "Complaints", FindingStatus.Yellow, 0.975, 0.98, "lt"),
            F("NUM-001", "Numbers", FindingStatus.Green, 0.2, 0.7, "ge"),
            F("TRAIN-001", "Training", FindingStatus.Green, 1.0, 1.0, "lt"),
            F("CMPL-001", "Complaints", FindingStatus.Red, 0.00012, 0.0001, "gt"),
            F("CMPL-001", "Complaints", FindingStatus.Green, 0.00005, 0.0001, "gt", "2025-01"),
            F("CMPL-001", "Complaints", FindingStatus.Red, 0.00023, 0.0001, "gt", "2025-02"),
            F("CMPL-001", "Complaints", FindingStatus.Green, 0.00008, 0.0001, "gt", "2025-03"),
            new Finding { RuleId = "MAT-001", Title = "Materials", Area = "Materials", Status = FindingStatus.Skipped, Subject = "甲公司", Period = "2025", Unit = "count" },
            new Finding { RuleId = "XB-001", Title = "Cross-border", Area = "Filing", Status = FindingStatus.NotApplicable, Subject = "甲公司", Period = "2025", Unit = "count" },
            new Finding { RuleId = "VEN-001", Title = "Vendor check", Area = "Vendors", Status = FindingStatus.Red, Value = 2, Threshold = 0, Comparison = Finding.ParseComparison("gt"), Subject = "乙供应商", Period = "2025", Unit = "count" },
        };

        internal static List<PlanItem> Items() => new List<PlanItem>
        {
            Item("SEAT-001|甲公司|2025", PlanItemKind.Rectification, "SEAT-001 坐席空置率 · 甲公司", "王芳", new DateTime(2026, 2, 27), "SEAT-001"),
            Item("CMPL-001|甲公司|2025", PlanItemKind.Rectification, "CMPL-001 投诉率 · 甲公司", "李雷", new DateTime(2026, 3, 2), "CMPL-001"),
            Item("SCHED|AnnualReport|2026|upload", PlanItemKind.Schedule, "年报:上传提交、获取回执", "李雷", new DateTime(2026, 3, 16), null),
            Item("SCHED|Inspection|2026|review", PlanItemKind.Schedule, "年检:材料初审", null, new DateTime(2026, 3, 17), null),
            Item("TRAIN-001|甲公司|2025", PlanItemKind.Rectification, "TRAIN-001 培训 · 甲公司", "赵敏", new DateTime(2026, 1, 10), "TRAIN-001", PlanStatus.Completed),
            Item("NUM-001|甲公司|2025", PlanItemKind.Rectification, "NUM-001 号码一致率 · 甲公司", "王芳", new DateTime(2026, 5, 30), "NUM-001"),
        };

        private static Finding F(string rule, string area, FindingStatus status, double value, double line, string comparison, string period = "2025")
        {
            return new Finding
            {
                RuleId = rule, Title = rule + " title", Area = area, Status = status, Value = value, Threshold = line, Comparison = Finding.ParseComparison(comparison), Unit = "ratio",
                Subject = "甲公司", Period = period, Reason = "reason", Recommendation = "recommendation",
            };
        }

        private static PlanItem Item(string key, PlanItemKind kind, string title, string owner, DateTime due, string rule, PlanStatus status = PlanStatus.NotStarted)
        {
            return new PlanItem
            {
                Key = key, Kind = kind, Title = title, Owner = owner, OwnerName = owner, OwnerMissing = owner == null, DueDate = due, StartDate = due.AddDays(-10),
                RuleId = rule, Status = status, Area = "Seats", Period = "2025",
            };
        }

        private static ReportDashboard Build(string culture = "en-US", ReportOptions options = null)
        {
            options = options ?? new ReportOptions();
            options.AsOf = AsOf;
            options.RunTime = new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
            options.ModuleVersion = "9.9.9";
            using (UiLanguage.Use(new CultureInfo(culture)))
            {
                return ReportDashboard.Build(Findings(), Items(), options);
            }
        }

        [Fact]
        public void The_tiles_count_findings_by_status_and_items_overdue_or_due_within_14_days()
        {
            ReportDashboard d = Build();
            Assert.Equal((4, 1, 4, 1, 1), (d.Red, d.Yellow, d.Green, d.Skipped, d.NotApplicable));
            Assert.Equal(11, d.FindingCount);
            Assert.Equal(1, d.Overdue);   // SEAT-001, due 27 Feb; the completed TRAIN-001 item of 10 Jan is not overdue
            Assert.Equal(2, d.DueSoon);   // CMPL-001 due today, the upload due 16 March (14 days)
        }

        [Fact]
        public void Each_area_gets_the_worst_status_of_its_findings_in_the_module_order_then_unknown_areas()
        {
            ReportDashboard d = Build();
            Assert.Equal(new[] { "Seats", "Complaints", "Numbers", "Filing", "Materials", "Training", "Vendors" }, d.Areas.Select(a => a.Area).ToArray());
            Assert.Equal(new FindingStatus?[] { FindingStatus.Red, FindingStatus.Red, FindingStatus.Green, null, FindingStatus.Skipped, FindingStatus.Green, FindingStatus.Red }, d.Areas.Select(a => a.Worst).ToArray());
            AreaLight complaints = d.Areas[1];
            Assert.Equal((2, 1, 2), (complaints.Red, complaints.Yellow, complaints.Green));
        }

        [Fact]
        public void Area_names_follow_the_culture_and_an_unknown_area_keeps_its_name()
        {
            Assert.Equal(new[] { "坐席", "投诉", "号码", "备案", "材料", "培训", "Vendors" }, Build("zh-CN").Areas.Select(a => a.Name).ToArray());
            Assert.Equal("Seats", Build("en-US").Areas[0].Name);
        }

        [Fact]
        public void Past_the_lights_available_the_remaining_areas_share_one_light_with_their_worst_status()
        {
            ReportDashboard d = Build();
            var lights = d.LightsUpTo(4);
            Assert.Equal(new[] { "Seats", "Complaints", "Numbers", string.Empty }, lights.Select(a => a.Area).ToArray());
            Assert.Equal("+4", lights[3].Name); // Filing, Materials, Training, Vendors
            Assert.Equal(FindingStatus.Red, lights[3].Worst); // Vendors is Red
        }

        [Fact]
        public void The_complaint_trend_has_the_months_in_order_against_their_line()
        {
            ReportDashboard d = Build();
            Assert.Equal(new[] { "2025-01", "2025-02", "2025-03" }, d.Trend.Select(p => p.Period).ToArray());
            Assert.Equal(new[] { 0.00005, 0.00023, 0.00008 }, d.Trend.Select(p => p.Value).ToArray());
            Assert.Equal(FindingStatus.Red, d.Trend[1].Status);
            Assert.Equal(0.0001, d.TrendLine);
        }

        [Fact]
        public void Rates_are_shares_of_their_own_line_where_over_100_percent_always_means_crossed()
        {
            ReportDashboard d = Build();
            // CMPL-001 year 0.012% / 0.01% = 120%; SEAT-001 31% / 30% = 103%; CMPL-002 must reach 98% and has 97.5%:
            // 98 / 97.5 = 100.5%; TRAIN-001 100% of a 100% floor = 100%; NUM-001 20% against 70% = 29%. Months are in the trend.
            Assert.Equal(new[] { "CMPL-001", "SEAT-001", "CMPL-002", "TRAIN-001", "NUM-001" }, d.Loads.Select(l => l.RuleId).ToArray());
            Assert.Equal(new[] { "120%", "103%", "101%", "100%", "29%" }, d.Loads.Select(l => ReportDashboard.ShareText(l.Share)).ToArray());
            Assert.Equal(5, d.LoadCount);
            Assert.Equal("SEAT-001 SEAT-001 title", d.Loads[1].Label);
        }

        [Theory]
        [InlineData(0.31, 0.30, "gt", 1.0333)]
        [InlineData(0.975, 0.98, "lt", 1.0051)]
        [InlineData(0.5, 0.0, "gt", double.PositiveInfinity)]
        [InlineData(0.0, 0.9, "lt", double.PositiveInfinity)]
        [InlineData(0.0, 0.0, "gt", 0.0)]
        public void A_share_is_value_over_line_upward_and_line_over_value_downward(double value, double line, string comparison, double expected)
        {
            Assert.Equal(expected, ReportDashboard.Share(value, line, Finding.ParseComparison(comparison)).Value, 4);
        }

        [Fact]
        public void A_rule_without_a_direction_has_no_share()
        {
            Assert.Null(ReportDashboard.Share(1, 1, null));
            Assert.Equal(">999%", ReportDashboard.ShareText(double.PositiveInfinity));
        }

        [Fact]
        public void Owners_are_stacked_by_state_the_most_overdue_first_and_nobody_is_named()
        {
            ReportDashboard d = Build();
            Assert.Equal(new[] { "王芳", "李雷", "(no owner)", "赵敏" }, d.Owners.Select(o => o.Owner).ToArray());
            Assert.Equal((1, 0, 1, 0), (d.Owners[0].Overdue, d.Owners[0].DueSoon, d.Owners[0].Open, d.Owners[0].Done));
            Assert.Equal(2, d.Owners[1].DueSoon);
            Assert.True(d.Owners[2].Missing);
            Assert.Equal(1, d.Owners[3].Done);
        }

        [Fact]
        public void The_next_60_days_are_counted_per_week_by_kind_without_overdue_or_done_items()
        {
            ReportDashboard d = Build();
            Assert.Equal(9, d.Weeks.Count); // 2 March to 1 May: the weeks of 2 March … 27 April
            Assert.Equal(new DateTime(2026, 3, 2), d.Weeks[0].Monday);
            Assert.Equal((0, 1), (d.Weeks[0].Schedule, d.Weeks[0].Rectification)); // CMPL-001 due today
            Assert.Equal((2, 0), (d.Weeks[2].Schedule, d.Weeks[2].Rectification)); // 16 and 17 March
            Assert.Equal(3, d.Weeks.Sum(w => w.Total)); // NUM-001 (30 May) is past 60 days
        }

        [Fact]
        public void The_urgency_list_puts_the_most_overdue_first_with_days_left_and_leaves_done_items_out()
        {
            ReportDashboard d = Build();
            Assert.Equal(new[] { "SEAT-001", "CMPL-001", "Annual report", "Inspection", "NUM-001" }, d.Urgent.Select(a => a.Rule).ToArray());
            Assert.Equal(new[] { -3, 0, 14, 15, 89 }, d.Urgent.Select(a => a.DaysLeft).ToArray());
            Assert.Equal("坐席空置率 · 甲公司", d.Urgent[0].Title); // the rule id is its own column
            Assert.Null(d.Urgent[3].Owner);
            Assert.Equal(new[] { "3 d overdue", "today", "14 d" }, d.Urgent.Take(3).Select(a => ReportDashboard.DaysLeftText(a.DaysLeft)).ToArray());
            using (UiLanguage.Use(new CultureInfo("zh-CN")))
            {
                Assert.Equal("逾期3天", ReportDashboard.DaysLeftText(-3));
            }
        }

        [Fact]
        public void The_urgency_list_holds_ten_rows_at_most()
        {
            var items = Enumerable.Range(1, 25).Select(i => Item("K" + i.ToString("00", CultureInfo.InvariantCulture), PlanItemKind.Rectification, "item " + i, "x", AsOf.AddDays(i), "R")).ToList();
            var d = ReportDashboard.Build(Findings(), items, new ReportOptions { AsOf = AsOf });
            Assert.Equal(10, d.Urgent.Count);
            Assert.Equal("item 1", d.Urgent[0].Title);
        }

        [Fact]
        public void The_header_comes_from_the_company_sheet_and_else_from_the_findings()
        {
            ReportDashboard fromFindings = Build();
            Assert.Equal("甲公司", fromFindings.Company); // the most common subject
            Assert.Equal("2025", fromFindings.ReportYear); // the most common year of the periods
            Assert.Null(fromFindings.LicenceNumber);
            Assert.Equal("9.9.9", fromFindings.ModuleVersion);
            Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8)), fromFindings.RunTime); // 01:30 UTC is 09:30 in China
            Assert.Equal(TimeSpan.FromHours(8), fromFindings.RunTime.Offset);

            var company = new CompanyProfile { CompanyName = "示例呼叫中心有限公司", LicenceNumber = "B2-20990001", ReportYear = 2024 };
            ReportDashboard fromSheet = Build(options: new ReportOptions { Company = company });
            Assert.Equal(("示例呼叫中心有限公司", "B2-20990001", "2024"), (fromSheet.Company, fromSheet.LicenceNumber, fromSheet.ReportYear));
        }

        [Fact]
        public void Baselines_are_the_distinct_files_the_findings_were_judged_with()
        {
            var findings = Findings();
            findings[0].Baseline = "guangdong.json, client.json";
            findings[1].Baseline = "guangdong.json";
            var d = ReportDashboard.Build(findings, Items(), new ReportOptions { AsOf = AsOf });
            Assert.Equal(new[] { "client.json", "guangdong.json" }, d.Baselines.ToArray());
            Assert.Empty(Build().Baselines);
        }

        [Fact]
        public void The_module_version_defaults_to_the_assembly_version()
        {
            var d = ReportDashboard.Build(Findings(), Items(), new ReportOptions { AsOf = AsOf });
            Assert.Equal(typeof(ReportDashboard).Assembly.GetName().Version.ToString(3), d.ModuleVersion);
        }

        [Fact]
        public void Findings_made_in_english_are_reported_with_the_catalog_titles_of_the_report_language_and_are_not_changed()
        {
            Finding english;
            using (UiLanguage.Use(new CultureInfo("en-US")))
            {
                english = CatalogLoader.Default.Get("SEAT-001").NewFinding(Severity.Red, 0.32, "甲公司", "2025", "640 of 2000 seats idle");
            }

            var item = new PlanItem { Key = english.Key, Kind = PlanItemKind.Rectification, RuleId = "SEAT-001", Title = "SEAT-001 Seat vacancy rate · 甲公司", DueDate = AsOf };
            var schedule = new PlanItem { Key = "SCHED|AnnualReport|2026|pre-fill", Kind = PlanItemKind.Schedule, Title = "Annual report: pre-fill in the system and cross-check", DueDate = AsOf };
            var options = new ReportOptions { AsOf = AsOf, Catalog = CatalogLoader.Default, Phrases = ReportPhrases.Shipped };
            ReportContent content;
            using (UiLanguage.Use(new CultureInfo("zh-CN")))
            {
                content = ReportContent.Prepare(new[] { english }, new[] { item, schedule }, options);
            }

            Finding shown = Assert.Single(content.Findings);
            Assert.Equal("坐席空置率", shown.Title);
            Assert.StartsWith("空置率超过30%", shown.Recommendation);
            Assert.Equal("年检指引 · 数据关", shown.Source);
            Assert.Equal("640 of 2000 seats idle", shown.Reason); // the check's own words stay as written
            Assert.Equal("SEAT-001 坐席空置率 · 甲公司", content.Items.Single(i => i.Kind == PlanItemKind.Rectification).Title);
            Assert.Equal("年报:系统预填、交叉复核", content.Items.Single(i => i.Kind == PlanItemKind.Schedule).Title);

            Assert.Equal("Seat vacancy rate", english.Title); // the caller's objects are untouched
            Assert.Equal("SEAT-001 Seat vacancy rate · 甲公司", item.Title);
        }

        [Fact]
        public void The_culture_scope_restores_the_ui_culture_it_found()
        {
            CultureInfo before = CultureInfo.CurrentUICulture;
            using (UiLanguage.Use(new CultureInfo("zh-CN")))
            {
                Assert.Equal("zh-CN", CultureInfo.CurrentUICulture.Name);
                using (UiLanguage.Use(new CultureInfo("en-US")))
                {
                    Assert.Equal("en-US", CultureInfo.CurrentUICulture.Name);
                }

                Assert.Equal("zh-CN", CultureInfo.CurrentUICulture.Name);
            }

            Assert.Equal(before, CultureInfo.CurrentUICulture);
        }

        [Fact]
        public void Fit_cuts_text_to_a_display_width_counting_chinese_double()
        {
            Assert.Equal("abc", ReportText.Fit("abc", 3));
            Assert.Equal("abcd…", ReportText.Fit("abcdefgh", 5));
            Assert.Equal("坐席…", ReportText.Fit("坐席空置率", 5));
            Assert.Equal("a b", ReportText.Fit("a\r\n b", 10));
            Assert.True(ReportText.DisplayWidth(ReportText.Fit(new string('长', 500), 40)) <= 40);
        }
    }
}
