<#
.SYNOPSIS
    Times Export-ComplianceReport on a large input, as a workbook and as an HTML file: N findings with 4 evidence
    rows each, and their plan items.
.DESCRIPTION
    Run after `dotnet build`, on a machine where no tests are running:

        pwsh -NoProfile -File bench/Export-ComplianceReport.bench.ps1 -Findings 5000

    Each format is written by a fresh pwsh process (module import, EPPlus load and JIT included, as a user's run
    pays them), after the input has been built; the time is Measure-Command around Export-ComplianceReport alone.
    Reports the findings, evidence rows and plan items, the seconds, the file size and the process's peak working set.
    Results: bench/README.md and the README's benchmark table.
#>
param(
    [int] $Findings = 5000,
    [ValidateSet('xlsx', 'html')]
    [string[]] $Format = @('xlsx', 'html'),
    [string] $Folder = [System.IO.Path]::GetTempPath()
)

$manifest = Join-Path $PSScriptRoot '../ComplianceTools.psd1'
$pwsh = (Get-Process -Id $PID).Path
foreach ($extension in $Format) {
    $path = Join-Path $Folder "ct-bench-report.$extension"
    $script = @'
param($Manifest, $Findings, $Path)
Import-Module $Manifest
$evidence = [ComplianceTools.Core.Findings.EvidenceItem[]](1..4 | ForEach-Object {
        [ComplianceTools.Core.Findings.EvidenceItem]::new("T-$_", "ticket detail 示例 $_", $_, "complaints.xlsx row $_")
    })
$all = foreach ($i in 1..$Findings) {
    [ComplianceTools.Core.Findings.Finding]@{
        RuleId = 'CMPL-004'; Title = 'Complaint trace'; Area = 'Complaints'; Severity = 'Yellow'; Value = 0.5; Threshold = 0.1; Comparison = 'GreaterThan'
        Unit = 'ratio'; Subject = "Number $i"; Period = '2025'; Reason = 'unlinked complaints 示例'; Evidence = $evidence
    }
}
$plan = $all | New-RectificationPlan -Owner @{ '*' = 'owner@example.com' } -NoticeDate 2025-09-26
$time = Measure-Command { Export-ComplianceReport -Path $Path -InputObject (@($all) + @($plan)) -Force | Out-Null }
$process = Get-Process -Id $PID
[pscustomobject]@{
    Findings     = $Findings
    EvidenceRows = 4 * $Findings
    PlanItems    = @($plan).Count
    Seconds      = [math]::Round($time.TotalSeconds, 1)
    Bytes        = (Get-Item $Path).Length
    PeakMiB      = [math]::Round($process.PeakWorkingSet64 / 1MB)
} | ConvertTo-Json -Compress
'@
    $scriptFile = Join-Path $Folder 'ct-bench-report.ps1'
    Set-Content -Path $scriptFile -Value $script -Encoding utf8
    $json = & $pwsh -NoProfile -File $scriptFile -Manifest $manifest -Findings $Findings -Path $path | Select-Object -Last 1
    $result = $json | ConvertFrom-Json
    [pscustomobject]@{
        Format       = $extension
        Findings     = $result.Findings
        EvidenceRows = $result.EvidenceRows
        PlanItems    = $result.PlanItems
        Seconds      = $result.Seconds
        MB           = [math]::Round($result.Bytes / 1MB, 1)
        PeakMiB      = $result.PeakMiB
    }
    Remove-Item $path, $scriptFile -ErrorAction SilentlyContinue
}
