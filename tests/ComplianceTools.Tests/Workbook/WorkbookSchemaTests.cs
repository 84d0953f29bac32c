using System.Linq;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Tests.Workbook
{
    /// <summary>The schema read from the attributed row classes: what writer and reader both rely on.</summary>
    public sealed class WorkbookSchemaTests
    {
        [Fact]
        public void Seventeen_sheets_in_order_each_held_by_a_dataset_property()
        {
            var sheets = WorkbookSchema.Sheets;
            Assert.Equal(17, sheets.Count);
            Assert.Equal("Company", sheets[0].Name);
            Assert.Equal(SheetLayout.Form, sheets[0].Layout);
            Assert.Equal("Readiness", sheets[1].Name);
            Assert.Equal("Seats", sheets[2].Name);
            Assert.Equal("CallbackTests", sheets[16].Name);
            Assert.Equal(sheets.Select(s => s.Order).OrderBy(o => o), sheets.Select(s => s.Order));
            Assert.All(sheets, s => Assert.NotNull(s.DatasetProperty));
            Assert.Equal(17, sheets.Select(s => s.DatasetProperty.Name).Distinct().Count());
        }

        [Fact]
        public void No_header_or_alias_names_two_columns_of_one_sheet()
        {
            Assert.All(WorkbookSchema.Sheets, s => Assert.Empty(s.Ambiguous));
        }

        [Fact]
        public void Columns_keep_declaration_order_and_know_their_kind()
        {
            var seats = WorkbookSchema.For<SeatRow>();
            Assert.Equal("SeatId", seats.Columns[0].Name);
            Assert.Equal("坐席编号 SeatId", seats.Columns[0].Header);
            Assert.True(seats.Columns[0].Required);
            Assert.Equal(ColumnKind.Choice, seats.Column("Activated").Kind);
            Assert.Equal(new[] { "否", "是" }, seats.Column("Activated").Choices.Select(c => c.Label));
            Assert.Equal(ColumnKind.Date, seats.Column("ActivatedOn").Kind);
            Assert.Equal(ColumnKind.DateTime, WorkbookSchema.For<ComplaintRow>().Column("ReceivedAt").Kind);
            Assert.Equal(ColumnKind.Ratio, WorkbookSchema.For<ScenarioRow>().Column("HangUpRate").Kind);
            Assert.Equal(ColumnKind.Month, WorkbookSchema.For<TrafficRow>().Column("Month").Kind);
            Assert.Equal(ColumnKind.TimeOfDay, WorkbookSchema.For<ScenarioRow>().Column("AllowedFrom").Kind);
            Assert.Equal(ColumnKind.Long, WorkbookSchema.For<TrafficRow>().Column("OutboundCalls").Kind);
        }

        [Theory]
        [InlineData("坐席编号 SeatId", "SeatId")]
        [InlineData("SeatId", "SeatId")]
        [InlineData("坐席编号", "SeatId")]
        [InlineData("  坐席编号　　SeatId ", "SeatId")]
        [InlineData("ｓｅａｔｉｄ", "SeatId")]
        [InlineData("坐席编号(SeatId)", "SeatId")]
        [InlineData("坐席编号（SeatId）", "SeatId")]
        [InlineData("SeatId 坐席编号", "SeatId")]
        [InlineData("坐席号", "SeatId")]
        [InlineData("*是否开通", "Activated")]
        [InlineData("实际开通", "Activated")]
        [InlineData("工号", "AgentEmployeeId")]
        public void A_header_names_its_column_in_any_accepted_form(string header, string column)
        {
            Assert.Equal(column, WorkbookSchema.For<SeatRow>().FindColumn(header)?.Name);
        }

        [Theory]
        [InlineData("Seats", "Seats")]
        [InlineData("seats", "Seats")]
        [InlineData("坐席", "Seats")]
        [InlineData("坐席 Seats", "Seats")]
        [InlineData("投诉", "Complaints")]
        [InlineData("Complaints", "Complaints")]
        [InlineData("社保缴费 SocialInsurance", "SocialInsurance")]
        [InlineData("公司信息", "Company")]
        public void A_sheet_is_found_by_its_english_chinese_or_tab_name(string name, string sheet)
        {
            Assert.Equal(sheet, WorkbookSchema.FindSheet(name)?.Name);
        }

        [Fact]
        public void An_unknown_header_or_sheet_is_not_guessed()
        {
            Assert.Null(WorkbookSchema.For<SeatRow>().FindColumn("备注"));
            Assert.Null(WorkbookSchema.FindSheet("说明 Instructions"));
        }
    }
}
