# The pipelines the README shows, run as a user runs them in pwsh.
# SampleWorkbook: the sample of 2025, written once by tests/Invoke-PesterTests.ps1 (read only); without it, written here.
param([string] $SampleWorkbook)

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $Root 'ComplianceTools.psd1') -Force
    $script:Book = $SampleWorkbook
    if (-not $Book) {
        $script:Book = Join-Path $TestDrive 'acme-2025.xlsx'
        New-ComplianceWorkbook -Path $Book -Sample -Year 2025 | Out-Null
    }
}

Describe 'README pipelines' {
    It 'audits with a baseline, plans every finding and writes the report' {
        $baseline = Join-Path $TestDrive 'guangdong.json'
        '{ "name": "Guangdong", "rules": { "SEAT-001": { "red": 0.40 }, "TRAIN-001": { "enabled": false } } }' | Set-Content $baseline -Encoding utf8
        $book     = Import-ComplianceWorkbook -Path $Book
        $findings = $book | Invoke-ComplianceAudit -Baseline $baseline | Where-Object RuleId
        $plan     = $findings | New-RectificationPlan -Dataset $book -NoticeDate 2026-03-02
        $report   = $findings + $plan | Export-ComplianceReport -Path (Join-Path $TestDrive 'acme-2025-report.xlsx') -Dataset $book
        $page     = $findings + $plan | Export-ComplianceReport -Path (Join-Path $TestDrive 'acme-2025-report.html') -Dataset $book -Culture en-US

        ($findings | Where-Object RuleId -eq 'SEAT-001').Severity | Should -Be 'Green'   # 32% under a 40% line
        $off = $findings | Where-Object RuleId -eq 'TRAIN-001'                           # switched off, and saying so
        $off.Status | Should -Be 'NotApplicable'
        $off.Reason | Should -Be 'switched off by the baseline guangdong.json: this rule was not checked'
        $plan.Count | Should -BeGreaterThan 0
        $plan | ForEach-Object { $_.OwnerMissing | Should -BeFalse }
        (Get-Item $report.FullName).Length | Should -BeGreaterThan 0
        $html = Get-Content $page.FullName -Raw
        $html | Should -Match '<h1>Compliance report · 示例呼叫中心有限公司</h1>'
        $html | Should -Match 'Content-Security-Policy'
        $html | Should -Match 'guangdong\.json'   # the baseline applied, in the header
    }

    It 'checks one sheet, and two figures for a what-if' {
        $seat = Import-ComplianceWorkbook -Path $Book -Sheet 坐席 | Get-SeatVacancy
        $seat.Severity | Should -Be 'Red'
        $seat.ValueText | Should -Be '32%'
        (Get-ComplaintRate -Complaints 12 -OutboundCalls 100000).Severity | Should -Be 'Red'    # 0.012% > 0.01%
        (Get-ComplaintRate -Complaints 10 -OutboundCalls 100000).Severity | Should -Be 'Green'  # 0.01% is on the line
    }

    It 'reconciles generated call records to the generator''s own expected figures' {
        $dir = Join-Path $TestDrive 'cdr'
        New-CallRecordSample -Calls 20000 -Seed 7 -OutputDirectory $dir | Out-Null
        $expected = Get-Content (Join-Path $dir 'expected.json') -Raw | ConvertFrom-Json
        $result = Compare-CallRecord -Platform (Join-Path $dir 'platform*') -Carrier (Join-Path $dir 'carrier*') -PrivacyNumber (Join-Path $dir 'privacy*')
        $result.Union | Should -Be $expected.Union
        $result.AllThree | Should -Be $expected.AllThree
        $result.Platform.Unique | Should -Be $expected.Platform.Unique
        $result.Carrier.Duplicates | Should -Be $expected.Carrier.Duplicates
        $result.PrivacyNumber.Rejected | Should -Be $expected.PrivacyNumber.Rejected
    }
}
