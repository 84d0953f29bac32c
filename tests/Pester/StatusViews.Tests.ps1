# What a user sees of Status in the console: the default table, list and wide views, and the README filter.
# SampleWorkbook: the sample of 2025, written once by tests/Invoke-PesterTests.ps1 (read only); without it, written here.
param([string] $SampleWorkbook)

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $Root 'ComplianceTools.psd1') -Force
    $script:Book = $SampleWorkbook
    if (-not $Book) {
        $script:Book = Join-Path $TestDrive 'views-2025.xlsx'
        New-ComplianceWorkbook -Path $Book -Sample -Year 2025 | Out-Null
    }
    $script:Findings = @(Import-ComplianceWorkbook -Path $Book | Invoke-ComplianceAudit | Where-Object RuleId)
}

Describe 'Status in the views' {
    It 'shows Skipped, not Green, for a check that did not run, in the table, list and wide views' {
        $skipped = $Findings | Where-Object RuleId -eq 'MAT-001'
        $skipped.Status | Should -Be 'Skipped'
        $skipped.Severity | Should -BeNullOrEmpty
        ($skipped | Format-Table | Out-String) | Should -Match 'MAT-001\s+Skipped'
        ($skipped | Format-List | Out-String) | Should -Match 'Status\s+:\s+Skipped'
        ($skipped | Format-Wide | Out-String) | Should -Match 'MAT-001 Skipped'
    }

    It 'shows the line a finding was judged against and whose it is' {
        $seat = $Findings | Where-Object RuleId -eq 'SEAT-001'
        ($seat | Format-Table | Out-String) | Should -Match 'SEAT-001\s+Red\s+32%\s+> 30%\s+Guide\s+2025'
        ($seat | Format-List | Out-String) | Should -Match 'ThresholdOrigin\s+:\s+Guide \('
    }

    It 'keeps the skipped checks when the README filters out Green' {
        $work = $Findings | Where-Object Status -ne Green
        $work.RuleId | Should -Contain 'MAT-004'
        $work.RuleId | Should -Contain 'DATA-002'
        @($work | Where-Object Status -eq 'Skipped').Count | Should -Be 5
    }

    It 'prints the audit summary with skipped counts and a note when nothing was evaluated' {
        $summary = Invoke-ComplianceAudit -Dataset ([ComplianceTools.Core.Workbook.ComplianceDataset]::new()) -Rule MAT-001, DATA-002 | Select-Object -Last 1
        ($summary | Format-List | Out-String) | Should -Match 'Nothing was evaluated'
        $summary.Worst | Should -Be 'Skipped'
    }
}
