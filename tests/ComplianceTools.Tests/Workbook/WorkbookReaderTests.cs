using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Workbook;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Workbook
{
    /// <summary>The streaming reader on small workbooks that hold what people really type.</summary>
    public sealed class WorkbookReaderTests : IDisposable
    {
        private readonly TempFolder _tmp = Paths.NewTempFolder();
        private readonly List<ComplianceProblem> _problems = new List<ComplianceProblem>();

        public WorkbookReaderTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose() => _tmp.Dispose();

        private List<T> Read<T>(string path, string sheet) => WorkbookReader.ReadSheet(path, sheet, _problems.Add).Cast<T>().ToList();

        [Fact]
        public void Chinese_english_combined_alias_spaced_and_full_width_headers_all_name_their_columns()
        {
            string path = new XlsxBuilder().Sheet("Seats",
                new object[] { "  坐席编号 SeatId ", "ＡｃｔｉＶｅ", "坐席类型", "所在地", "职场", "OutsourcingTeam" },
                new object[] { "S1", "是", "云坐席", "境内", "上海", "外包-甲" }).Save(_tmp.File("seats-header-variants.xlsx"));

            SeatRow seat = Assert.Single(Read<SeatRow>(path, "Seats"));
            Assert.Empty(_problems);
            Assert.Equal("S1", seat.SeatId);
            Assert.Equal(YesNo.Yes, seat.Activated);
            Assert.Equal(SeatType.Cloud, seat.SeatType);
            Assert.Equal(SeatLocation.Domestic, seat.Location);
            Assert.Equal("上海", seat.Site);
            Assert.Equal("外包-甲", seat.Team);
        }

        [Fact]
        public void Values_as_people_type_them_are_read_numbers_as_text_serials_full_width_percent_and_yes_no_spellings()
        {
            string path = new XlsxBuilder().Sheet("外呼场景",
                new object[] { "场景名称", "AllowedFrom", "允许外呼结束", "平均通话时长", "用户授权方式", "营销短信发送量", "挂断率", "投诉率" },
                new object[] { "信用卡分期营销", "9:00", 0.875, " １２０ ", "Online", "1,200,000", "31%", 0.0001 },
                new object[] { "逾期提醒", "08：30", "21:00", 75.0, "录音确认", 5000.0, "18.5％", "0.02%" }).Save(_tmp.File("scenarios-typed-values.xlsx"));

            var rows = Read<ScenarioRow>(path, "scenarios");
            Assert.Empty(_problems);
            Assert.Equal("09:00", rows[0].AllowedFrom);
            Assert.Equal("21:00", rows[0].AllowedTo);
            Assert.Equal(120, rows[0].AverageCallSeconds);
            Assert.Equal(ConsentMethod.Online, rows[0].ConsentMethod);
            Assert.Equal(1200000L, rows[0].SmsSent);
            Assert.Equal(0.31, rows[0].HangUpRate.Value, 10);
            Assert.Equal("08:30", rows[1].AllowedFrom);
            Assert.Equal(ConsentMethod.Recorded, rows[1].ConsentMethod);
            Assert.Equal(0.185, rows[1].HangUpRate.Value, 10);
            Assert.Equal(0.0002, rows[1].ComplaintRate.Value, 10);
        }

        [Fact]
        public void Dates_as_excel_dates_raw_serials_and_text_and_yes_no_in_every_spelling()
        {
            string path = new XlsxBuilder().Sheet("坐席",
                new object[] { "坐席编号", "是否开通", "开通日期" },
                new object[] { "S1", "Y", XlsxBuilder.Date(2025, 3, 1) },
                new object[] { "S2", "no", 45717.0 },
                new object[] { "S3", 1.0, "2025/3/1" },
                new object[] { "S4", true, "2025年3月1日" },
                new object[] { "S5", "0", "２０２５－０３－０１" },
                new object[] { "S6", " 否 ", "45717" }).Save(_tmp.File("seats-dates-and-yes-no.xlsx"));

            var seats = Read<SeatRow>(path, "坐席");
            Assert.Empty(_problems);
            Assert.Equal(new[] { YesNo.Yes, YesNo.No, YesNo.Yes, YesNo.Yes, YesNo.No, YesNo.No }, seats.Select(s => s.Activated.Value));
            Assert.All(seats, s => Assert.Equal(new DateTime(2025, 3, 1), s.ActivatedOn));
        }

        [Fact]
        public void Every_row_knows_its_file_sheet_and_excel_row_number_past_titles_and_blank_rows()
        {
            string path = new XlsxBuilder().Sheet("坐席 Seats",
                new object[] { "坐席明细表(2025年12月31日)" },
                null,
                new object[] { "坐席编号 SeatId", "是否开通 Activated" },
                new object[] { "S1", "是" },
                null,
                new object[] { "S2", "否" }).Save(_tmp.File("seats-title-and-blank-rows.xlsx"));

            var seats = Read<SeatRow>(path, "Seats");
            Assert.Equal(2, seats.Count);
            Assert.Equal(path, seats[0].Origin.File);
            Assert.Equal("坐席 Seats", seats[0].Origin.Sheet);
            Assert.Equal(4, seats[0].Origin.Row);
            Assert.Equal(6, seats[1].Origin.Row);
        }

        [Fact]
        public void A_bad_cell_is_reported_with_file_sheet_row_column_and_value_and_its_row_is_still_read_with_the_cell_empty()
        {
            string path = new XlsxBuilder().Sheet("Seats",
                new object[] { "坐席编号 SeatId", "坐席类型 SeatType", "是否开通 Activated" },
                new object[] { "S1", "云坐席", "是" },
                new object[] { "S2", "云坐席", "maybe" },
                new object[] { "S3", "云坐席", "否" }).Save(_tmp.File("seats-bad-activated-cell.xlsx"));

            var seats = Read<SeatRow>(path, "Seats");

            Assert.Equal(new[] { "S1", "S2", "S3" }, seats.Select(s => s.SeatId));
            Assert.Null(seats[1].Activated);
            Assert.Equal(YesNo.No, seats[2].Activated);
            ComplianceProblem problem = Assert.Single(_problems);
            Assert.Equal("ComplianceTools.Workbook.InvalidCell", problem.ErrorId);
            Assert.Equal(ProblemKind.InvalidData, problem.Kind);
            Assert.Equal("seats-bad-activated-cell.xlsx, sheet 'Seats', row 3, column C (是否开通 Activated): expected one of 否, 是; found 'maybe'. The cell is left empty and the row is still read.", problem.Message);
            var target = Assert.IsType<SourceLocation>(problem.Target);
            Assert.Equal(3, target.Row);
            Assert.Equal("C (是否开通 Activated)", target.Column);
        }

        [Fact]
        public void Bad_numbers_dates_ratios_and_empty_required_cells_are_each_reported()
        {
            string path = new XlsxBuilder().Sheet("投诉",
                new object[] { "工单号", "来源渠道", "受理时间", "首次响应时间" },
                new object[] { "T1", "12321", "2025-01-02 10:30", "yesterday" },
                new object[] { null, "12300", XlsxBuilder.Date(2025, 1, 2), null },
                new object[] { "T3", "微博", "2025-01-02 10:30", null }).Save(_tmp.File("complaints-bad-cells.xlsx"));

            var rows = Read<ComplaintRow>(path, "Complaints");

            Assert.Equal(3, rows.Count);
            Assert.Equal(new DateTime(2025, 1, 2, 10, 30, 0), rows[0].ReceivedAt);
            Assert.Equal(ComplaintChannel.C12321, rows[0].Source);
            Assert.Equal(ComplaintChannel.C12300, rows[1].Source);
            Assert.Equal(new[] { "2:D (首次响应时间 FirstResponseAt)", "3:A (工单号 TicketId)", "4:B (来源渠道 Source)" }, _problems.Select(p => ((SourceLocation)p.Target).Row + ":" + ((SourceLocation)p.Target).Column));
            Assert.Contains("expected a date between 1950-01-01 and 2099-12-31 (yyyy-mm-dd or an Excel date); found 'yesterday'", _problems[0].Message);
            Assert.Contains("expected a value (the column is required)", _problems[1].Message);
            Assert.Contains("found '微博'", _problems[2].Message);
        }

        [Fact]
        public void A_ratio_above_one_without_a_percent_sign_is_a_bad_cell_not_a_silent_3100_percent()
        {
            string path = new XlsxBuilder().Sheet("Scenarios",
                new object[] { "Scenario", "HangUpRate" },
                new object[] { "A", 31.0 }).Save(_tmp.File("scenarios-ratio-as-whole-number.xlsx"));

            ScenarioRow row = Assert.Single(Read<ScenarioRow>(path, "Scenarios"));
            Assert.Null(row.HangUpRate);
            Assert.Contains("expected a ratio between 0 and 1 (31% or 0.31); found '31'", Assert.Single(_problems).Message);
        }

        [Fact]
        public void Personal_data_in_a_bad_cell_message_is_masked()
        {
            var column = WorkbookSchema.For<ComplaintRow>().Column("ComplainantNumber");
            Assert.Equal("138****5678", CellConverter.Display("13812345678", column));
        }

        [Fact]
        public void A_missing_required_column_is_one_error_naming_the_expected_and_the_seen_headers()
        {
            string path = new XlsxBuilder().Sheet("Seats",
                new object[] { "坐席编号", "类型" },
                new object[] { "S1", "云坐席" }).Save(_tmp.File("seats-without-activated-column.xlsx"));

            var ex = Assert.Throws<ComplianceException>(() => Read<SeatRow>(path, "Seats"));
            Assert.Equal("ComplianceTools.Workbook.ColumnMissing", ex.ErrorId);
            Assert.Equal("seats-without-activated-column.xlsx, sheet 'Seats': required column 是否开通 Activated is missing. Headers found in row 1: '坐席编号', '类型'.", ex.Message);
        }

        [Fact]
        public void A_missing_sheet_is_one_error_naming_the_sheet_and_the_tabs_seen()
        {
            string path = new XlsxBuilder().Sheet("Seats", new object[] { "坐席编号", "是否开通" }).Sheet("Notes", new object[] { "x" }).Save(_tmp.File("no-complaints-sheet.xlsx"));

            var ex = Assert.Throws<ComplianceException>(() => Read<ComplaintRow>(path, "投诉"));
            Assert.Equal("ComplianceTools.Workbook.SheetNotFound", ex.ErrorId);
            Assert.Contains("has no sheet Complaints / 投诉. Sheets found: 'Seats', 'Notes'.", ex.Message);
        }

        [Fact]
        public void An_unknown_sheet_name_is_refused_before_the_file_is_opened()
        {
            var ex = Assert.Throws<ComplianceException>(() => WorkbookReader.ReadSheet(_tmp.File("absent.xlsx"), "Seets", null));
            Assert.Equal("ComplianceTools.Workbook.UnknownSheet", ex.ErrorId);
            Assert.Contains("Seats (坐席)", ex.Message);
        }

        [Fact]
        public void A_file_that_is_not_a_workbook_is_a_clear_error()
        {
            string path = _tmp.File("not-a-workbook.xlsx");
            File.WriteAllText(path, "TicketId,Source\nT1,12321\n");
            var ex = Assert.Throws<ComplianceException>(() => WorkbookReader.ReadDataset(path, null));
            Assert.Equal("ComplianceTools.Workbook.Unreadable", ex.ErrorId);
        }

        [Fact]
        public void The_dataset_holds_present_sheets_parses_forms_and_leaves_missing_sheets_null()
        {
            string path = new XlsxBuilder()
                .Sheet("说明 Instructions", new object[] { "anything" })
                .Sheet("公司信息 Company",
                    new object[] { "字段 Field", "值 Value" },
                    new object[] { "公司名称 CompanyName", "示例公司" },
                    new object[] { "许可证号", "B2-20990001" },
                    new object[] { "ReportYear", "２０２５" },
                    new object[] { "备案坐席数", 100.0 },
                    new object[] { "实名抽检合格率", "98.5%" })
                .Sheet("Seats", new object[] { "SeatId", "Activated" }, new object[] { "S1", "Yes" })
                .Sheet("Staff", new object[] { "Name" }, new object[] { "张三" })
                .Save(_tmp.File("company-seats-and-staff-without-id.xlsx"));

            ComplianceDataset ds = WorkbookReader.ReadDataset(path, _problems.Add);

            Assert.Equal("示例公司", ds.Company.CompanyName);
            Assert.Equal("B2-20990001", ds.Company.LicenceNumber);
            Assert.Equal(2025, ds.Company.ReportYear);
            Assert.Equal(100, ds.Company.SeatsOnFile);
            Assert.Equal(0.985, ds.Company.RealNameSpotCheckPassRate.Value, 10);
            Assert.Single(ds.Seats);
            Assert.Null(ds.Complaints);
            Assert.Null(ds.Staff);
            Assert.Equal(new[] { "Company", "Seats" }, ds.SheetsPresent.OrderBy(s => s));
            ComplianceProblem problem = Assert.Single(_problems);
            Assert.Equal("ComplianceTools.Workbook.ColumnMissing", problem.ErrorId);
            Assert.Same(problem, Assert.Single(ds.Problems));
        }

        [Fact]
        public void Two_tabs_for_one_sheet_keep_the_first_and_report_the_second()
        {
            string path = new XlsxBuilder()
                .Sheet("Seats", new object[] { "SeatId", "Activated" }, new object[] { "S1", "是" })
                .Sheet("坐席", new object[] { "SeatId", "Activated" }, new object[] { "S9", "是" }, new object[] { "S10", "否" })
                .Save(_tmp.File("seats-twice.xlsx"));

            ComplianceDataset ds = WorkbookReader.ReadDataset(path, _problems.Add);

            Assert.Equal("S1", Assert.Single(ds.Seats).SeatId);
            ComplianceProblem problem = Assert.Single(_problems);
            Assert.Equal("ComplianceTools.Workbook.DuplicateSheet", problem.ErrorId);
            Assert.Equal("seats-twice.xlsx: sheets 'Seats' and '坐席' both hold 坐席 Seats; '坐席' is ignored.", problem.Message);
            var counts = WorkbookSchema.CountRows(ds);
            Assert.Equal(1, counts.Single(c => c.Sheet == "Seats").Rows);
            Assert.Null(counts.Single(c => c.Sheet == "Complaints").Rows);
        }

        [Fact]
        public void The_input_file_is_never_changed_and_is_read_while_another_program_holds_it_open_for_writing()
        {
            string path = new XlsxBuilder().Sheet("Seats", new object[] { "SeatId", "Activated" }, new object[] { "S1", "是" }).Save(_tmp.File("seats-open-elsewhere.xlsx"));
            byte[] before = Hash(path);
            DateTime written = File.GetLastWriteTimeUtc(path);
            using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
            {
                Assert.Single(Read<SeatRow>(path, "Seats"));
                Assert.Single(WorkbookReader.ReadDataset(path, _problems.Add).Seats);
            }

            Assert.Equal(before, Hash(path));
            Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        }

        [Fact]
        public void Rows_are_streamed_the_file_is_read_only_as_far_as_the_caller_goes_and_then_released()
        {
            var rows = Enumerable.Range(1, 5000).Select(i => new object[] { "T" + i, "12321", "2025-01-02 10:30" });
            string path = new XlsxBuilder().Sheet("Complaints", new[] { new object[] { "TicketId", "Source", "ReceivedAt" } }.Concat(rows).ToArray()).Save(_tmp.File("complaints-5000.xlsx"));

            var first = WorkbookReader.ReadSheet(path, "Complaints", _problems.Add).Take(3).Cast<ComplaintRow>().ToList();
            Assert.Equal(new[] { "T1", "T2", "T3" }, first.Select(c => c.TicketId));
            using (var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                Assert.True(exclusive.Length > 0);
            }
        }

        private static byte[] Hash(string path)
        {
            using (var sha = SHA256.Create())
            using (var stream = File.OpenRead(path))
            {
                return sha.ComputeHash(stream);
            }
        }
    }
}
