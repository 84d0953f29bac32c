# The README's "For consultants" commands, as a consultant runs them in pwsh (and Windows PowerShell 5.1).
BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $Root 'ComplianceTools.psd1') -Force
    $script:Workspace = Join-Path $TestDrive 'Compliance'
}

Describe 'A consultant''s workspace' {
    It 'onboards clients from a list and a sample, runs them all and writes the portfolio' {
        New-ComplianceWorkspace -Path $Workspace -Name '华南合规咨询' -Culture en-US | Out-Null
        $baselines = Join-Path $Workspace 'baselines'
        '{ "name": "Guangdong", "rules": { "SEAT-001": { "red": 0.40 } } }' | Set-Content (Join-Path $baselines '广东.json') -Encoding utf8
        $csv = Join-Path $TestDrive 'clients.csv'
        @(
            [pscustomobject]@{ Name = '深圳甲呼叫中心'; Province = '广东'; LicenceNumber = '粤B2-20220001' }
            [pscustomobject]@{ Name = '上海乙客服'; Province = '上海'; LicenceNumber = 'B2-20220002' }
        ) | Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
        $added = @(Import-Csv $csv | Add-ComplianceClient -Workspace $Workspace -Year 2026 -Sample -Seed 8)
        $added.Count | Should -Be 2
        $added[0].BaselineNames | Should -Be '广东.json'
        Test-Path (Join-Path $Workspace 'clients/深圳甲呼叫中心/schedule-2026.ics') | Should -BeTrue

        $lines = @(Get-ComplianceClient $Workspace | Invoke-ComplianceRun -Year 2026 -AsOf 2026-03-02 -ThrottleLimit 2 -WarningAction SilentlyContinue)
        $lines.Count | Should -Be 2
        $lines | ForEach-Object { $_.State | Should -Be 'Completed' }
        $lines | ForEach-Object { Test-Path $_.Report | Should -BeTrue }
        Test-Path (Join-Path $Workspace 'portfolio/portfolio-2026.xlsx') | Should -BeTrue

        # The same operator (seed 8, 117 seats, 33% vacant) judged with 广东's 40% line and with the catalog's 30%: its vacancy is between them.
        $vacancy = (Import-ComplianceResult $lines[0].Result).Findings | Where-Object RuleId -eq 'SEAT-001'
        $vacancy.Value | Should -BeGreaterThan 0.30
        $vacancy.Value | Should -BeLessOrEqual 0.40
        $seat = { param($Client) ((Import-ComplianceResult ($lines | Where-Object Client -eq $Client).Result).Findings | Where-Object RuleId -eq 'SEAT-001').Status }
        & $seat '深圳甲呼叫中心' | Should -Be 'Green'
        & $seat '上海乙客服' | Should -Be 'Red'
    }
}
