using System.IO;
using System.Linq;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Seats
{
    /// <summary>SEAT-001 through a real runspace: the issue's cases, checked by hand: (100 − 71) / 100 = 29%.</summary>
    public sealed class GetSeatVacancyTests : System.IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void Seventy_one_of_a_hundred_activated_is_29_percent_and_green()
        {
            var f = _ps.Run("Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 71").Single();
            Assert.Equal("SEAT-001", f.Text("RuleId"));
            Assert.Equal(0.29, (double)f.Prop("Value"), 10);
            Assert.Equal("Green", f.Text("Severity"));
            Assert.Equal("29%", f.Text("ValueText"));
        }

        [Fact]
        public void Sixty_nine_of_a_hundred_activated_is_31_percent_and_red()
        {
            var f = _ps.Run("Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69").Single();
            Assert.Equal(0.31, (double)f.Prop("Value"), 10);
            Assert.Equal("Red", f.Text("Severity"));
            Assert.Equal("> 30%", f.Text("ThresholdText"));
            Assert.False(string.IsNullOrEmpty(f.Text("Recommendation")));
        }

        [Fact]
        public void A_baseline_raising_the_line_to_40_percent_turns_31_percent_green()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string baseline = tmp.File("province.json");
                File.WriteAllText(baseline, "{ \"name\": \"province\", \"rules\": { \"SEAT-001\": { \"red\": 0.40 } } }");
                var f = _ps.Run("Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69 -Baseline $args[0]", baseline).Single();
                Assert.Equal("Green", f.Text("Severity"));
                Assert.Equal(0.40, (double)f.Prop("Threshold"), 10);
                Assert.Equal("province.json", f.Text("Baseline"));
            }
        }

        [Fact]
        public void Zero_seats_on_file_is_a_clear_error_not_a_division_by_zero_and_the_rule_is_skipped_with_it()
        {
            var r = _ps.Run("Get-SeatVacancy -SeatsOnFile 0 -SeatsActivated 0");
            Assert.Equal("Skipped", Assert.Single(r.Output).Text("Status"));
            Assert.Contains("Seats on file is 0", r.Output[0].Text("Reason"));
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Seats.NoSeatsOnFile,ComplianceTools.Commands.Seats.GetSeatVacancyCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Seats on file is 0", error.Exception.Message);
        }

        [Fact]
        public void Messages_follow_the_chinese_ui_culture()
        {
            using (var zh = new ModuleSession("zh-CN"))
            {
                var f = zh.Run("Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69").Single();
                Assert.Equal("坐席空置率", f.Text("Title"));
                Assert.Contains("备案坐席100个中有31个未开通", f.Text("Reason"));
            }
        }

        [Fact]
        public void A_seat_with_an_empty_activation_field_is_unknown_not_vacant_and_warned_about_by_row()
        {
            const string script = @"
$seats = @(
    1..7 | ForEach-Object { [ComplianceTools.Core.Workbook.Sheets.SeatRow]@{ SeatId = ""S$_""; Activated = 'Yes'; Origin = [ComplianceTools.Core.Common.SourceLocation]::new('/data/2025.xlsx', '坐席', $_ + 1) } }
    1..3 | ForEach-Object { [ComplianceTools.Core.Workbook.Sheets.SeatRow]@{ SeatId = ""V$_""; Activated = 'No' } }
    1..2 | ForEach-Object { [ComplianceTools.Core.Workbook.Sheets.SeatRow]@{ SeatId = ""U$_""; Origin = [ComplianceTools.Core.Common.SourceLocation]::new('/data/2025.xlsx', '坐席', 20 + $_) } }
)
$seats | Get-SeatVacancy";
            var r = _ps.Run(script);
            Assert.Empty(r.AllErrors);
            var f = Assert.Single(r.Output);
            Assert.Equal(0.3, (double)f.Prop("Value"), 10);   // 3 vacant of the 10 seats whose activation is known; 30% is not above 30%
            Assert.Equal("Green", f.Text("Status"));
            Assert.Contains("2 of 12 seats have no activation value", f.Text("Reason"));
            Assert.Equal(2, r.Warnings.Count);
            Assert.Equal("2025.xlsx!坐席 row 21 column Activated: seat U1 has no activation value (Yes or No); it is counted as unknown, not as vacant, and left out of the vacancy rate.", r.Warnings[0]);
            var evidence = ((System.Collections.IEnumerable)f.Prop("Evidence")).Cast<object>().Select(o => o.ToString()).ToList();
            Assert.Contains(evidence, e => e.StartsWith("U2: activation not stated", System.StringComparison.Ordinal));
        }

        [Fact]
        public void When_no_seat_says_whether_it_is_activated_the_check_is_skipped_and_says_what_to_fill_in()
        {
            var r = _ps.Run("1..4 | ForEach-Object { [ComplianceTools.Core.Workbook.Sheets.SeatRow]@{ SeatId = \"U$_\" } } | Get-SeatVacancy");
            var f = Assert.Single(r.Output);
            Assert.Equal("Skipped", f.Text("Status"));
            Assert.Null(f.Prop("Severity"));
            Assert.Contains("fill in the Activated column", f.Text("Reason"));
        }
    }
}
