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
    /// Issue 13, family 5: the workbook read is the one the user sees. A hidden sheet never wins over a visible one of
    /// the same meaning, two columns of one meaning are an error, and a cell showing an Excel error or holding a formula
    /// without a saved result is an error naming the cell, not an empty value.
    /// </summary>
    public sealed class WorkbookAsSeenTests : IDisposable
    {
        private readonly TempFolder _tmp = Paths.NewTempFolder();
        private readonly List<ComplianceProblem> _problems = new List<ComplianceProblem>();

        public void Dispose() => _tmp.Dispose();

        [Theory]
        [InlineData("hidden")]
        [InlineData("veryHidden")]
        public void A_hidden_sheet_is_never_chosen_over_a_visible_one_of_the_same_meaning(string state)
        {
            // The hidden copy comes first, as an old version left behind in the file.
            string path = new XlsxBuilder()
                .Sheet("坐席 Seats", new object[] { "坐席编号", "是否开通" }, new object[] { "OLD1", "是" }).State(state)
                .Sheet("Seats", new object[] { "坐席编号", "是否开通" }, new object[] { "S1", "是" }, new object[] { "S2", "否" })
                .Save(_tmp.File("seats-hidden-" + state + ".xlsx"));

            ComplianceDataset ds = WorkbookReader.ReadDataset(path, _problems.Add);

            Assert.Equal(new[] { "S1", "S2" }, ds.Seats.Select(s => s.SeatId));
            ComplianceProblem warning = Assert.Single(_problems);
            Assert.Equal(ProblemKind.Warning, warning.Kind);
            Assert.Equal("ComplianceTools.Workbook.HiddenSheetIgnored", warning.ErrorId);
            Assert.Contains("sheet '坐席 Seats' is hidden and means the same as the visible sheet 'Seats'", warning.Message);

            Assert.Equal(new[] { "S1", "S2" }, WorkbookReader.ReadSheet(path, "坐席", null).Cast<SeatRow>().Select(s => s.SeatId));
        }

        [Fact]
        public void A_hidden_sheet_with_no_visible_rival_is_read_with_a_warning()
        {
            string path = new XlsxBuilder()
                .Sheet("Seats", new object[] { "坐席编号", "是否开通" }, new object[] { "S1", "是" }).State("hidden")
                .Save(_tmp.File("seats-only-hidden.xlsx"));

            ComplianceDataset ds = WorkbookReader.ReadDataset(path, _problems.Add);

            Assert.Equal("S1", Assert.Single(ds.Seats).SeatId);
            Assert.Equal("ComplianceTools.Workbook.HiddenSheetRead", Assert.Single(_problems).ErrorId);
        }

        [Fact]
        public void Two_columns_of_one_meaning_are_a_located_error_not_first_wins()
        {
            // 是否开通 and its alias 实际开通 side by side, disagreeing.
            string path = new XlsxBuilder()
                .Sheet("坐席", new object[] { "坐席编号", "是否开通", "实际开通" }, new object[] { "S1", "是", "否" })
                .Sheet("投诉", new object[] { "工单号", "来源渠道", "受理时间" }, new object[] { "T1", "12321", "2025-03-01 08:00" })
                .Save(_tmp.File("seats-two-activated-columns.xlsx"));

            ComplianceDataset ds = WorkbookReader.ReadDataset(path, _problems.Add);

            Assert.Null(ds.Seats);
            Assert.Single(ds.Complaints);
            ComplianceProblem error = Assert.Single(_problems);
            Assert.Equal("ComplianceTools.Workbook.DuplicateColumn", error.ErrorId);
            Assert.Equal("seats-two-activated-columns.xlsx, sheet '坐席', row 1: columns B '是否开通' and C '实际开通' both mean 是否开通 Activated. The sheet is not read until one of them is removed or renamed.", error.Message);
            Assert.Equal("C (是否开通 Activated)", ((SourceLocation)error.Target).Column);
        }

        [Fact]
        public void A_form_field_given_twice_is_an_error_and_left_empty()
        {
            string path = new XlsxBuilder()
                .Sheet("公司信息", new object[] { "字段", "值" }, new object[] { "公司名称", "示例" }, new object[] { "码号信用分", 92.0 }, new object[] { "信用分", 61.0 })
                .Save(_tmp.File("company-credit-twice.xlsx"));

            var company = (CompanyProfile)WorkbookReader.ReadSheet(path, "Company", _problems.Add).Single();

            Assert.Equal("示例", company.CompanyName);
            Assert.Null(company.CreditScore);
            ComplianceProblem error = _problems.Single(p => p.ErrorId == "ComplianceTools.Workbook.DuplicateField");
            Assert.Contains("rows 3 and 4 both give 码号信用分 CreditScore", error.Message);
        }

        [Fact]
        public void Error_values_and_formulas_without_a_saved_result_are_errors_naming_the_cell()
        {
            string path = new XlsxBuilder().Sheet("呼叫流量",
                new object[] { "月份", "外显号码", "外呼量", "接通量" },
                new object[] { "2025-01", "95000001", XlsxBuilder.Error("#DIV/0!"), 10.0 },
                new object[] { "2025-02", "95000001", XlsxBuilder.FormulaWithoutValue("SUM(Z1:Z9)"), 20.0 },
                new object[] { "2025-03", "95000001", "#N/A", 30.0 },
                new object[] { "2025-04", "95000001", 4000.0, 40.0 }).Save(_tmp.File("traffic-formulas.xlsx"));

            var rows = WorkbookReader.ReadSheet(path, "Traffic", _problems.Add).Cast<TrafficRow>().ToList();

            Assert.Equal(4, rows.Count);
            Assert.Equal(new long?[] { null, null, null, 4000 }, rows.Select(r => r.OutboundCalls).ToArray());
            Assert.Equal(new long?[] { 10, 20, 30, 40 }, rows.Select(r => r.ConnectedCalls).ToArray());
            Assert.Equal(new[] { "ComplianceTools.Workbook.FormulaError", "ComplianceTools.Workbook.FormulaError", "ComplianceTools.Workbook.InvalidCell" }, _problems.Select(p => p.ErrorId));
            Assert.Equal(new[] { 2, 3, 4 }, _problems.Select(p => ((SourceLocation)p.Target).Row.Value));
            Assert.Contains("row 2, column C (外呼量 OutboundCalls): the cell shows the Excel error #DIV/0!", _problems[0].Message);
            Assert.Contains("row 3, column C (外呼量 OutboundCalls): the cell holds a formula whose result was never saved", _problems[1].Message);
            Assert.Contains("expected a value, not the Excel error #N/A", _problems[2].Message);
        }
    }
}
