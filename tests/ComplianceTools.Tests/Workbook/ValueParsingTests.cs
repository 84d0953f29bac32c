using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Workbook;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Workbook
{
    /// <summary>
    /// One parser per kind of value (issue 14 item 4): the cases where the two converters, the two month parsers and
    /// the two months-between helpers used to disagree, each with the answer now given everywhere.
    /// </summary>
    public sealed class ValueParsingTests : IDisposable
    {
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public void Dispose() => _tmp.Dispose();

        [Theory]
        [InlineData("2025-09-02", "2026-03-01", 5)]
        [InlineData("2025-09-01", "2026-03-01", 6)]
        // Both helpers: 6. A month added to 31 August ends on 28 February.
        [InlineData("2025-08-31", "2026-02-28", 6)]
        // The privacy-policy helper said 0 (28 < 30), the log helper 1: 30 January + 1 month is 28 February.
        [InlineData("2025-01-30", "2025-02-28", 1)]
        [InlineData("2024-01-31", "2024-02-29", 1)]
        [InlineData("2025-03-31", "2025-04-29", 0)]
        [InlineData("2025-03-31", "2025-04-30", 1)]
        [InlineData("2026-03-01", "2025-09-01", 0)]
        public void Whole_months_between_two_dates_treat_month_ends_one_way(string since, string asOf, int months)
        {
            Assert.Equal(months, MonthKey.MonthsBetween(Day(since), Day(asOf)));
        }

        [Fact]
        public void Months_between_ignore_the_time_of_day()
        {
            Assert.Equal(6, MonthKey.MonthsBetween(new DateTime(2025, 9, 1, 23, 0, 0), new DateTime(2026, 3, 1, 1, 0, 0)));
        }

        [Theory]
        [InlineData("2025.3", "2025-03")]
        [InlineData("２０２５-０３", "2025-03")]
        [InlineData("2025年3月1日 8时", "2025-03")]
        [InlineData(" 2025 / 3 ", "2025-03")]
        public void Months_the_two_parsers_read_differently_now_read_the_same(string text, string key)
        {
            Assert.True(MonthKey.TryNormalize(text, out string actual), text);
            Assert.Equal(key, actual);
            Assert.Equal(key, Cell<TrafficRow>("Month", text));
        }

        [Theory]
        [InlineData("2025-02-30")]
        [InlineData("2025-03-99xyz")]
        [InlineData("0000-05")]
        [InlineData("2025")]
        [InlineData("45717")]
        public void Text_that_is_not_a_real_month_is_refused_everywhere(string text)
        {
            Assert.False(MonthKey.TryNormalize(text, out _), text);
            Assert.False(Convert<TrafficRow>("Month", text, out _, out _), text);
        }

        [Theory]
        [InlineData("2025年3月1日 8时", "2025-03-01 08:00:00")]
        [InlineData("20250301080000", "2025-03-01 08:00:00")]
        [InlineData("20250301 0800", "2025-03-01 08:00:00")]
        [InlineData("2025-03-01 8", "2025-03-01 08:00:00")]
        [InlineData("2025-03-01T00:00:00Z", "2025-03-01 08:00:00")]
        [InlineData("2025-03-01T08:00:00+08:00", "2025-03-01 08:00:00")]
        [InlineData("2025-03-01T09:00:00+09:00", "2025-03-01 08:00:00")]
        [InlineData("45717.5000000001", "2025-03-01 12:00:00")]
        [InlineData("２０２５年３月１日", "2025-03-01 00:00:00")]
        public void Dates_one_parser_read_and_the_other_did_not_are_read_by_cells_and_text_rows(string text, string expected)
        {
            Assert.True(TimeText.TryParse(text, out DateTime parsed), text);
            Assert.Equal(expected, Show(parsed));
            Assert.Equal(expected, Show((DateTime)CellValue<ComplaintRow>("ReceivedAt", text)));
            var row = (ComplaintRow)TextRows.Build(typeof(ComplaintRow), new Dictionary<string, object> { ["受理时间"] = text });
            Assert.Equal(expected, Show(row.ReceivedAt.Value));
        }

        [Theory]
        [InlineData("2025")]
        [InlineData("202501")]
        [InlineData("110101199003071234")]
        [InlineData("2025-02-29 08:00")]
        public void A_year_a_month_or_an_id_number_is_not_a_date_anywhere(string text)
        {
            Assert.False(TimeText.TryParse(text, out _), text);
            Assert.False(Convert<ComplaintRow>("ReceivedAt", text, out _, out _), text);
            var ex = Assert.Throws<ComplianceException>(() => TextRows.Build(typeof(ComplaintRow), new Dictionary<string, object> { ["ReceivedAt"] = text }));
            Assert.Equal("ComplianceTools.Workbook.BadValue", ex.ErrorId);
            Assert.DoesNotContain("199003071234", ex.Message);
        }

        [Fact]
        public void A_whole_number_column_refuses_a_fraction_in_a_sheet_and_in_a_text_row_alike()
        {
            // Text rows used to round 2.5 seats to 2; the sheet refused it.
            Assert.False(Convert<CompanyProfile>("SeatsOnFile", "2.5", out _, out _));
            var ex = Assert.Throws<ComplianceException>(() => TextRows.Build(typeof(TrafficRow), new Dictionary<string, object> { ["外呼量"] = "2.5" }));
            Assert.Contains("OutboundCalls (外呼量): '2.5' is not a whole number of 0 or more", ex.Message);
        }

        [Fact]
        public void Text_rows_read_percentages_and_normalise_months_as_sheets_do()
        {
            var scenario = (ScenarioRow)TextRows.Build(typeof(ScenarioRow), new Dictionary<string, object> { ["Scenario"] = "A", ["挂断率"] = "31%" });
            Assert.Equal(0.31, scenario.HangUpRate.Value, 10);
            var traffic = (TrafficRow)TextRows.Build(typeof(TrafficRow), new Dictionary<string, object> { ["月份"] = "2025/3", ["外呼量"] = "1,200" });
            Assert.Equal("2025-03", traffic.Month);
            Assert.Equal(1200L, traffic.OutboundCalls);
        }

        [Fact]
        public void A_sheet_and_a_text_row_accept_and_refuse_the_same_cells()
        {
            var cells = new (string Column, string Text)[]
            {
                ("OutboundCalls", "1,200"), ("OutboundCalls", "-5"), ("OutboundCalls", "１２００"), ("OutboundCalls", "12.5"),
                ("Month", "2025年3月"), ("Month", "2025-13"), ("Days", "31"), ("Days", "32"), ("Days", "#N/A"),
            };
            string path = new XlsxBuilder().Sheet("呼叫流量",
                new object[] { "月份", "外显号码", "外呼量", "外呼天数" },
                new object[] { "2025-01", "95000001", cells[0].Text, null },
                new object[] { "2025-01", "95000001", cells[1].Text, null },
                new object[] { "2025-01", "95000001", cells[2].Text, null },
                new object[] { "2025-01", "95000001", cells[3].Text, null },
                new object[] { cells[4].Text, "95000001", "1", null },
                new object[] { cells[5].Text, "95000001", "1", null },
                new object[] { "2025-01", "95000001", "1", cells[6].Text },
                new object[] { "2025-01", "95000001", "1", cells[7].Text },
                new object[] { "2025-01", "95000001", "1", cells[8].Text }).Save(_tmp.File("same-cells.xlsx"));
            var problems = new List<ComplianceProblem>();
            var rows = WorkbookReader.ReadSheet(path, "Traffic", problems.Add).Cast<TrafficRow>().ToList();
            var badRows = problems.Select(p => ((SourceLocation)p.Target).Row.Value - 2).ToList();

            for (int i = 0; i < cells.Length; i++)
            {
                bool textRowOk;
                try
                {
                    TextRows.Build(typeof(TrafficRow), new Dictionary<string, object> { [cells[i].Column] = cells[i].Text });
                    textRowOk = true;
                }
                catch (ComplianceException)
                {
                    textRowOk = false;
                }

                Assert.True(textRowOk == !badRows.Contains(i), cells[i].Column + " '" + cells[i].Text + "': sheet " + (badRows.Contains(i) ? "refused" : "accepted") + ", text row " + (textRowOk ? "accepted" : "refused"));
            }

            Assert.Equal(new[] { 1, 3, 5, 7, 8 }, badRows.ToArray());
            Assert.Equal(1200L, rows[0].OutboundCalls);
            Assert.Equal(1200L, rows[2].OutboundCalls);
            Assert.Equal("2025-03", rows[4].Month);
        }

        private static DateTime Day(string text) => DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string Show(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        private static bool Convert<TRow>(string column, object raw, out object value, out string expected)
        {
            return CellConverter.TryConvert(raw, WorkbookSchema.For<TRow>().Column(column), out value, out expected);
        }

        private static object CellValue<TRow>(string column, object raw)
        {
            Assert.True(Convert<TRow>(column, raw, out object value, out string expected), expected);
            return value;
        }

        private static string Cell<TRow>(string column, object raw) => (string)CellValue<TRow>(column, raw);
    }
}
