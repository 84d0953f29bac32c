using System;
using System.Linq;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Planning
{
    /// <summary>New-RectificationPlan and New-ComplianceSchedule through a real runspace.</summary>
    public sealed class PlanningCmdletTests : IDisposable
    {
        private const string Findings = @"
$f = @(
  Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69
  [ComplianceTools.Core.Findings.Finding]@{ RuleId = 'CMPL-001'; Title = '投诉率'; Area = 'Complaints'; Severity = 'Red'; Value = 0.00023; Threshold = 0.0001; Unit = 'ratio'; Subject = '示例'; Period = '2025' }
  [ComplianceTools.Core.Findings.Finding]@{ RuleId = 'DATA-001'; Title = 'Volumes'; Area = 'Data'; Severity = 'Red'; Subject = '示例'; Period = '2025'; Recommendation = 'Reconcile the sources.' }
  [ComplianceTools.Core.Findings.Finding]@{ RuleId = 'NUM-001'; Title = 'Numbers'; Area = 'Numbers'; Severity = 'Green'; Subject = '示例'; Period = '2025' }
)
$rows = [ComplianceTools.Core.Workbook.Sheets.OwnerRow[]]@(
  [ComplianceTools.Core.Workbook.Sheets.OwnerRow]@{ Area = '坐席'; Owner = '王芳'; Mail = 'wang.fang@example.com' }
)
";

        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void Findings_down_the_pipeline_become_owned_items_and_a_missing_owner_is_flagged_and_warned()
        {
            var r = _ps.Run(Findings + "$f | New-RectificationPlan -NoticeDate '2025-09-26' -OwnerRow $rows -Owner @{ Complaints = 'li.lei@example.com' }");
            Assert.Empty(r.AllErrors);
            Assert.Equal(new[] { "SEAT-001|Seats|", "CMPL-001|示例|2025", "CMPL-001|示例|2025|reply", "DATA-001|示例|2025" }, r.Output.Select(o => o.Text("Key")).ToArray());
            var seat = r.Output[0];
            Assert.Equal("wang.fang@example.com", seat.Text("Owner"));
            Assert.Equal("王芳", seat.Text("OwnerName"));
            Assert.Equal(new DateTime(2025, 10, 16), (DateTime)seat.Prop("DueDate"));
            Assert.Equal("Urgent", seat.Text("Priority"));
            Assert.Equal("li.lei@example.com", r.Output[1].Text("Owner"));
            var data = r.Output[3];
            Assert.True((bool)data.Prop("OwnerMissing"));
            Assert.Contains(r.Warnings, w => w.Contains("Data", StringComparison.Ordinal) && w.Contains("OwnerMissing", StringComparison.Ordinal));
        }

        [Fact]
        public void Other_module_objects_such_as_the_audit_summary_are_passed_over_and_foreign_ones_reported()
        {
            var r = _ps.Run("@((Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69), (Get-ComplianceDueDate 2025-09-26 1), 'text') | New-RectificationPlan -Owner @{ '*' = 'lead@example.com' } -Verbose");
            Assert.Equal("SEAT-001|Seats|", Assert.Single(r.Output).Text("Key"));
            Assert.Equal("ComplianceTools.Planning.InputNotSupported,ComplianceTools.Commands.Planning.NewRectificationPlanCommand", Assert.Single(r.Errors).FullyQualifiedErrorId);
            Assert.Contains(r.Verbose, v => v.Contains("DueDateResult", StringComparison.Ordinal));
        }

        [Fact]
        public void Include_green_plans_green_findings_too()
        {
            var r = _ps.Run(Findings + "$f | New-RectificationPlan -NoticeDate '2025-09-26' -Owner @{ '*' = 'lead@example.com' } -IncludeGreen");
            Assert.Contains(r.Output, o => o.Text("RuleId") == "NUM-001");
            Assert.Empty(r.Warnings);
        }

        [Fact]
        public void The_2026_annual_report_schedule_has_the_prefill_phase_due_saturday_14_february()
        {
            var r = _ps.Run("New-ComplianceSchedule -Year 2026 -Kind AnnualReport -Owner @{ '*' = 'lead@example.com' } -AsOf '2026-02-20'");
            var prefill = r.Output.Single(o => o.Text("Key") == "SCHED|AnnualReport|2026|pre-fill");
            Assert.Equal(new DateTime(2026, 2, 14), (DateTime)prefill.Prop("DueDate"));
            Assert.True((bool)prefill.Prop("Overdue"));
            Assert.Equal("Schedule", prefill.Text("Kind"));
        }

        [Fact]
        public void An_unknown_kind_is_refused_by_the_parameter()
        {
            var r = _ps.Run("New-ComplianceSchedule -Year 2026 -Kind Audit");
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ParameterArgumentValidationError,ComplianceTools.Commands.Planning.NewComplianceScheduleCommand", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void A_planning_file_changes_the_span_of_red_findings()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string file = tmp.File("planning.json");
                System.IO.File.WriteAllText(file, "{ \"severities\": { \"Red\": { \"workingDays\": 5, \"priority\": \"Urgent\" } } }");
                var r = _ps.Run("Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69 | New-RectificationPlan -NoticeDate '2025-09-26' -Owner @{ Seats = 'w@example.com' } -PlanningFile $args[0]", file);
                Assert.Equal(new DateTime(2025, 10, 10), (DateTime)r.Single().Prop("DueDate")); // 28, 29, 30 Sep, 9, 10 Oct
            }
        }

        [Fact]
        public void A_bad_planning_file_names_the_file_and_line()
        {
            using (var tmp = Paths.NewTempFolder())
            {
                string file = tmp.File("planning.json");
                System.IO.File.WriteAllText(file, "{\n \"severities\": {\n  \"Red\": { \"workingDays\": -1 }\n }\n}");
                var r = _ps.Run("Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69 | New-RectificationPlan -PlanningFile $args[0]", file);
                var error = Assert.Single(r.AllErrors);
                Assert.Equal("ComplianceTools.Planning.FileInvalid,ComplianceTools.Commands.Planning.NewRectificationPlanCommand", error.FullyQualifiedErrorId);
                Assert.Contains("line 3", error.Exception.Message);
            }
        }
    }
}
