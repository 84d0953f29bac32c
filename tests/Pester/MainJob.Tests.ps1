# The README's main command and pipelines, as a user runs them in pwsh.
# SampleWorkbook: the sample of 2025, written once by tests/Invoke-PesterTests.ps1 (read only); without it, written here.
param([string] $SampleWorkbook)

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $Root 'ComplianceTools.psd1') -Force
    $script:Book = $SampleWorkbook
    if (-not $Book) {
        $script:Book = Join-Path $TestDrive 'sample.xlsx'
        New-ComplianceWorkbook -Path $Book -Sample -Year 2025 | Out-Null
    }
}

Describe 'The main job on the bundled sample' {
    It 'audits the sample, plans, schedules and writes the report and calendar' {
        $out = Join-Path $TestDrive 'run'
        $summary = & (Join-Path $Root 'examples/Invoke-AnnualComplianceRun.ps1') -OutputDirectory $out -Year 2026 -NoticeDate '2026-03-02'
        $summary.Season | Should -Be 2026
        $summary.SeasonReason | Should -Be 'Season 2026: given with -Year.'
        $summary.Red | Should -Be 13
        $summary.WithoutOwner | Should -Be 0
        Test-Path $summary.Report | Should -BeTrue
        Get-Content $summary.Calendar -TotalCount 1 | Should -Be 'BEGIN:VCALENDAR'
    }

    It 'writes the reasons in the report''s language, whatever the session''s' {
        $out = Join-Path $TestDrive 'english-session'
        $saved = [System.Threading.Thread]::CurrentThread.CurrentUICulture
        try {
            [System.Threading.Thread]::CurrentThread.CurrentUICulture = 'en-US'
            $summary = & (Join-Path $Root 'examples/Invoke-AnnualComplianceRun.ps1') -OutputDirectory $out -Year 2026 -NoticeDate '2026-03-02'
        }
        finally {
            [System.Threading.Thread]::CurrentThread.CurrentUICulture = $saved
        }
        $html = Get-Content -LiteralPath $summary.HtmlReport -Raw -Encoding utf8
        # CMPL-001 for the year, as the guide's client: 6,273 complaints over 60,004,216 outbound calls.
        $html | Should -Match ([regex]::Escape('12321/12300受理投诉6,273件,外呼通话量60,004,216:投诉率0.0105%,红线'))
        $html | Should -Not -Match 'against a line of'
    }
}

Describe 'From the materials package to a plan' {
    It 'plans every package finding that is not Green, owned by the workbook''s Materials owner' {
        $package = New-Item -ItemType Directory -Path (Join-Path $TestDrive '2025年检材料包')
        Set-Content -Path (Join-Path $package '营业执照.txt') -Value 'not a scan'
        $dataset = Import-ComplianceWorkbook -Path $Book
        $items = Test-ReportPackage -Path $package -Dataset $dataset | Where-Object Status -ne Green | New-RectificationPlan -Dataset $dataset -NoticeDate '2026-03-02'
        $items.Count | Should -BeGreaterThan 0
        $items.RuleId | Sort-Object -Unique | Should -Contain 'MAT-001'
        $items | ForEach-Object { $_.OwnerMissing | Should -BeFalse }
        $items | ForEach-Object { $_.DueDate | Should -BeGreaterThan ([datetime]'2026-03-02') }
    }
}
