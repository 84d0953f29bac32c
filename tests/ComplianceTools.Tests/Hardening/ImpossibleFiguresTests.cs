using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Workbook;
using ComplianceTools.Tests.Infrastructure;
using ComplianceTools.Tests.Workbook;

namespace ComplianceTools.Tests.Hardening
{
    /// <summary>
    /// Issue 13, family 4: figures that cannot be true are refused, not computed. Each is a located error for its cell,
    /// the row keeps its other values and the rest of the sheet is read; a sheet and a row given as text refuse alike.
    /// </summary>
    public sealed class ImpossibleFiguresTests : IDisposable
    {
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public void Dispose() => _tmp.Dispose();

        public static TheoryData<Type, string, object, string> Impossible => new TheoryData<Type, string, object, string>
        {
            // row type, column, the cell, what the error says is expected
            { typeof(TrafficRow), "OutboundCalls", -1200.0, "a whole number of 0 or more" },
            { typeof(TrafficRow), "OutboundCalls", "-1,200", "a whole number of 0 or more" },
            { typeof(TrafficRow), "Days", 32.0, "a whole number from 0 to 31" },
            { typeof(CompanyProfile), "SeatsOnFile", -5.0, "a whole number of 0 or more" },
            { typeof(CompanyProfile), "CreditScore", 101.0, "a number from 0 to 100" },
            { typeof(CompanyProfile), "CreditScore", -0.5, "a number from 0 to 100" },
            { typeof(CompanyProfile), "ReportYear", 25.0, "a whole number from 2000 to 2099" },
            { typeof(RevenueRow), "NumberRevenue", -100.5, "a number of 0 or more" },
            { typeof(RevenueRow), "CarrierCalls", "-3", "a whole number of 0 or more" },
            { typeof(ScenarioRow), "SmsSent", -1.0, "a whole number of 0 or more" },
            { typeof(PayrollRow), "NetPay", "-8000", "a number of 0 or more" },
            { typeof(Readiness), "CallLogsSince", "2099-01-01", "a date no later than today" },
            { typeof(ComplaintRow), "ReceivedAt", "2099-03-01 08:00", "a date no later than today" },
            { typeof(ComplaintRow), "ReceivedAt", 2025.0, "2025 is a year, not an Excel date" },
            { typeof(ComplaintRow), "ReceivedAt", "202501", "202501 is a year and month, not an Excel date" },
            { typeof(PenaltyRow), "DecisionDate", "110101199003071234", "the cell holds an ID number" },
            { typeof(SeatRow), "ActivatedOn", "1900-01-01", "a date between 1950-01-01 and 2099-12-31" },
            { typeof(TrafficRow), "Month", 2025.0, "2025 is a year only" },
        };

        [Theory]
        [MemberData(nameof(Impossible))]
        public void An_impossible_figure_is_refused_by_the_converter_every_sheet_and_text_row_use(Type rowType, string column, object cell, string expected)
        {
            ColumnSchema schema = WorkbookSchema.For(rowType).Column(column);
            Assert.False(CellConverter.TryConvert(cell, schema, out object value, out string message));
            Assert.Null(value);
            Assert.Contains(expected, message);

            var ex = Assert.Throws<ComplianceException>(() => TextRows.Build(rowType, new Dictionary<string, object> { [schema.ChineseName] = cell }));
            Assert.Contains(expected, ex.Message);
        }

        [Theory]
        [InlineData(typeof(CompanyProfile), "CreditScore", 100.0)]
        [InlineData(typeof(CompanyProfile), "CreditScore", 0.0)]
        [InlineData(typeof(TrafficRow), "OutboundCalls", 0.0)]
        [InlineData(typeof(TrafficRow), "Month", 202501.0)]
        [InlineData(typeof(Readiness), "CallLogsSince", "2025-07-01")]
        public void Figures_on_the_edge_of_the_range_are_accepted(Type rowType, string column, object cell)
        {
            Assert.True(CellConverter.TryConvert(cell, WorkbookSchema.For(rowType).Column(column), out _, out string message), message);
        }

        [Fact]
        public void A_negative_count_is_a_located_error_and_the_rest_of_the_sheet_is_read()
        {
            string path = new XlsxBuilder().Sheet("呼叫流量",
                new object[] { "月份", "外显号码", "外呼量", "AI外呼量" },
                new object[] { "2025-01", "95000001", 1000.0, 10.0 },
                new object[] { "2025-02", "95000001", -1000.0, 20.0 },
                new object[] { 2025.0, "95000001", 3000.0, 30.0 },
                new object[] { "2025-04", "95000001", 4000.0, 40.0 }).Save(_tmp.File("traffic-negative.xlsx"));
            var problems = new List<ComplianceProblem>();

            var rows = WorkbookReader.ReadSheet(path, "Traffic", problems.Add).Cast<TrafficRow>().ToList();

            Assert.Equal(4, rows.Count);
            Assert.Equal(new long?[] { 1000, null, 3000, 4000 }, rows.Select(r => r.OutboundCalls).ToArray());
            Assert.Equal(20L, rows[1].AiOutboundCalls);
            Assert.Null(rows[2].Month);
            Assert.Equal(new[] { "3:C (外呼量 OutboundCalls)", "4:A (月份 Month)" }, problems.Select(p => ((SourceLocation)p.Target).Row + ":" + ((SourceLocation)p.Target).Column));
            Assert.All(problems, p => Assert.Equal("ComplianceTools.Workbook.InvalidCell", p.ErrorId));
            Assert.Contains("traffic-negative.xlsx, sheet '呼叫流量', row 3, column C (外呼量 OutboundCalls): expected a whole number of 0 or more; found '-1000'", problems[0].Message);
        }

        [Fact]
        public void A_year_typed_into_a_date_formatted_cell_is_named_for_what_it_is()
        {
            // Excel stores 2025 typed into a yyyy-mm-dd cell as the serial 2025, shown as 1905-07-17.
            string path = new XlsxBuilder().Sheet("检查准备",
                new object[] { "字段", "值" },
                new object[] { "呼叫日志最早日期", new DateTime(1905, 7, 17) },
                new object[] { "网关日志最早日期", XlsxBuilder.Date(2025, 8, 1) }).Save(_tmp.File("readiness-year.xlsx"));
            var problems = new List<ComplianceProblem>();

            var readiness = (Readiness)WorkbookReader.ReadSheet(path, "Readiness", problems.Add).Single();

            Assert.Null(readiness.CallLogsSince);
            Assert.Equal(new DateTime(2025, 8, 1), readiness.GatewayLogsSince);
            Assert.Contains("row 2, column B (呼叫日志最早日期 CallLogsSince): expected a full date (2025-03-01): 2025 is a year, not an Excel date; found '1905-07-17 00:00'", Assert.Single(problems).Message);
        }
    }
}
