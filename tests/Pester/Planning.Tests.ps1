# User-style pipelines of the calendar, planning and export cmdlets, in real PowerShell 7 (pwsh).
BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $Root 'ComplianceTools.psd1') -Force
}

Describe 'Working days (China)' {
    It 'puts the 10th working day after Friday 2025-09-26 on 2025-10-16' {
        (Get-ComplianceDueDate -From 2025-09-26 -WorkingDays 10).DueDate | Should -Be ([datetime]'2025-10-16')
    }

    It 'warns and marks provisional a date in 2027, which the data does not cover' {
        $due = Get-ComplianceDueDate -From 2026-12-25 -WorkingDays 10 -WarningVariable w -WarningAction SilentlyContinue
        $due.Provisional | Should -BeTrue
        $w | Should -Not -BeNullOrEmpty
    }
}

Describe 'From findings to a report and a calendar' {
    BeforeAll {
        $script:findings = @(
            Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69
            [ComplianceTools.Core.Findings.Finding]@{ RuleId = 'CMPL-001'; Title = '投诉率'; Area = 'Complaints'; Severity = 'Red'; Value = 0.00023; Threshold = 0.0001; Unit = 'ratio'; Subject = '=HYPERLINK("x")'; Period = '2025' }
        )
        $script:plan = $findings | New-RectificationPlan -NoticeDate 2025-09-26 -Owner @{ '*' = 'compliance@example.com' }
        $script:schedule = New-ComplianceSchedule -Year 2026 -Kind AnnualReport -Owner @{ '*' = 'compliance@example.com' } -AsOf 2026-01-01
    }

    It 'gives every item an owner and a due date on a working day' {
        foreach ($item in @($plan) + @($schedule)) {
            $item.Owner | Should -Be 'compliance@example.com'
            (Get-ComplianceDueDate -From $item.DueDate -WorkingDays 0).DueDate | Should -Be $item.DueDate
            (Measure-ComplianceWorkingDay -From $item.DueDate.AddDays(-1) -To $item.DueDate).WorkingDays | Should -Be 1
        }
    }

    It 'gives the same keys on a second run' {
        ($findings | New-RectificationPlan -NoticeDate 2025-09-26 -Owner @{ '*' = 'x@example.com' }).Key | Should -Be $plan.Key
    }

    It 'writes the workbook and the calendar, and refuses to overwrite without -Force' {
        $xlsx = Join-Path $TestDrive 'report.xlsx'
        $ics = Join-Path $TestDrive 'tasks.ics'
        (@($findings) + @($plan) + @($schedule) | Export-ComplianceReport -Path $xlsx).Length | Should -BeGreaterThan 0
        (@($plan) + @($schedule) | Export-ComplianceTask -Path $ics).Name | Should -Be 'tasks.ics'
        Get-Content -Path $ics -Raw | Should -Match 'UID:SCHED\|AnnualReport\|2026\|pre-fill@compliancetools'
        { $findings | Export-ComplianceReport -Path $xlsx -ErrorAction Stop } | Should -Throw -ErrorId 'ComplianceTools.Output.FileExists,ComplianceTools.Commands.Reporting.ExportComplianceReportCommand'
    }
}
