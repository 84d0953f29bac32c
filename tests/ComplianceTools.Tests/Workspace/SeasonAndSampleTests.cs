using System;
using System.IO;
using System.Linq;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Engine.Calendar;
using ComplianceTools.Engine.Planning;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Workspace
{
    /// <summary>The season planned by default, and the sample operators per seed.</summary>
    public sealed class SeasonAndSampleTests
    {
        private static SeasonChoice On(int y, int m, int d) => Season.Default(new DateTime(y, m, d), PlanningData.LoadSchedule("Inspection", null), HolidayData.Default);

        [Theory]
        [InlineData(2026, 1, 5, 2026)]     // the season is under way
        [InlineData(2026, 6, 30, 2026)]    // the deadline day itself
        [InlineData(2026, 7, 1, 2027)]     // the day after it
        [InlineData(2026, 12, 5, 2027)]    // the December: the coming season, not the one that is over
        public void The_default_season_is_the_first_whose_inspection_deadline_has_not_passed(int y, int m, int d, int expected)
        {
            Assert.Equal(expected, On(y, m, d).Year);
        }

        [Fact]
        public void December_2026_plans_2027_provisionally_and_says_why()
        {
            SeasonChoice season = On(2026, 12, 5);
            Assert.Equal(2026, season.ReportYear);
            Assert.Equal(new DateTime(2027, 6, 30), season.InspectionDeadline);   // a Wednesday
            Assert.True(season.Provisional);                                        // the holiday data ends with 2026
            Assert.Equal(
                "Season 2027: the 2026 inspection deadline (2026-06-30) passed before 2026-12-05, so the coming season is planned; its deadline is 2027-06-30. "
                + "The holiday data does not cover 2027 (it covers 2004–2026): the season's dates count weekends only and are provisional.",
                season.Reason);
            Assert.False(On(2026, 5, 20).Provisional);
        }

        [Fact]
        public void A_deadline_on_a_day_off_moves_to_the_next_working_day_before_it_is_compared()
        {
            // 30 June 2024 was a Sunday: the deadline is Monday 1 July, so on 1 July 2024 season 2024 is still the one.
            Assert.Equal(new DateTime(2024, 7, 1), On(2024, 6, 20).InspectionDeadline);
            Assert.Equal(2024, On(2024, 7, 1).Year);
        }

        [Fact]
        public void New_ComplianceSchedule_without_a_year_plans_the_season_ahead_and_warns_that_it_is_provisional()
        {
            using var ps = new ModuleSession();
            var r = ps.Run("New-ComplianceSchedule -Kind Inspection -AsOf 2026-12-05 -Owner @{ '*' = 'a@example.com' } -Verbose");
            r.ThrowOnError();
            Assert.All(r.Output, i => Assert.Equal("2027", i.Text("Period")));
            Assert.All(r.Output, i => Assert.True((bool)i.Prop("Provisional")));
            Assert.Contains(r.Warnings, w => w.Contains("does not cover 2027"));
            Assert.Contains(r.Verbose, v => v.StartsWith("Season 2027: the 2026 inspection deadline", StringComparison.Ordinal));
            PlanItemProps(r.Output.Single(i => i.Text("Key") == "SCHED|Inspection|2027|official-deadline"), "2027-06-30");
        }

        private static void PlanItemProps(System.Management.Automation.PSObject item, string due) =>
            Assert.Equal(due, ((DateTime)item.Prop("DueDate")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        [Fact]
        public void Get_ComplianceSeason_gives_the_same_choice()
        {
            using var ps = new ModuleSession();
            var season = ps.Run("Get-ComplianceSeason -AsOf 2026-05-20").Single();
            Assert.Equal(2026, (int)season.Prop("Year"));
            Assert.Equal("Season 2026: its inspection deadline 2026-06-30 has not passed on 2026-05-20.", season.Text("Reason"));
        }

        [Fact]
        public void The_same_year_and_seed_give_the_same_operator_and_different_seeds_different_ones()
        {
            ComplianceDataset a = SampleData.Create(2025, 7);
            ComplianceDataset again = SampleData.Create(2025, 7);
            ComplianceDataset other = SampleData.Create(2025, 8);
            Assert.Equal(a.Company.CompanyName, again.Company.CompanyName);
            Assert.Equal(a.Complaints.Select(c => c.TicketId + c.CallingNumber + c.ReceivedAt), again.Complaints.Select(c => c.TicketId + c.CallingNumber + c.ReceivedAt));
            Assert.NotEqual(a.Company.CompanyName, other.Company.CompanyName);
            Assert.NotEqual(a.Company.LicenceNumber, other.Company.LicenceNumber);
            Assert.NotEqual(a.Seats.Count, other.Seats.Count);
            Assert.NotEqual(SampleData.CompanyName, a.Company.CompanyName);

            // Seeds 1–200 are 200 operators of different names: the benchmark's workspace has no two alike.
            Assert.Equal(200, Enumerable.Range(1, 200).Select(s => SampleProfile.FromSeed(s, 2025).CompanyName).Distinct().Count());
        }

        [Fact]
        public void A_seeded_operator_is_consistent_whatever_its_size()
        {
            foreach (int seed in new[] { 1, 5, 8, 200 })
            {
                ComplianceDataset d = SampleData.Create(2025, seed);
                Assert.Equal(d.Seats.Count, d.Company.SeatsOnFile);
                Assert.InRange(d.Seats.Count, 100, 700);
                Assert.All(d.Seats.Where(s => s.AgentEmployeeId != null), s => Assert.Contains(d.Staff, p => p.EmployeeId == s.AgentEmployeeId));
                Assert.True(d.Complaints.Count > 0);
            }
        }

        [Fact]
        public void New_ComplianceWorkbook_Sample_Seed_writes_the_same_bytes_twice_and_Seed_needs_Sample()
        {
            using var tmp = Paths.NewTempFolder();
            using var ps = new ModuleSession();
            ps.Run("New-ComplianceWorkbook -Path $args[0] -Sample -Seed 3 -Year 2025; New-ComplianceWorkbook -Path $args[1] -Sample -Seed 3 -Year 2025", tmp.File("a.xlsx"), tmp.File("b.xlsx")).ThrowOnError();
            Assert.Equal(SampleWorkbook.Hash(tmp.File("a.xlsx")), SampleWorkbook.Hash(tmp.File("b.xlsx")));
            var company = ps.Run("Import-ComplianceWorkbook $args[0] -Sheet Company", tmp.File("a.xlsx")).Single();
            Assert.Equal(SampleProfile.FromSeed(3, 2025).CompanyName, company.Text("CompanyName"));

            var refused = ps.Run("New-ComplianceWorkbook -Path $args[0] -Seed 3", tmp.File("c.xlsx"));
            Assert.Equal("ComplianceTools.Workbook.SeedWithoutSample", refused.AllErrors.Single().FullyQualifiedErrorId.Split(',')[0]);
            Assert.False(File.Exists(tmp.File("c.xlsx")));
        }
    }
}
