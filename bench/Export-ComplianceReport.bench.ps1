<#
.SYNOPSIS
    Times Export-ComplianceReport on a large input: N findings with 4 evidence rows each, and their plan items.
.DESCRIPTION
    Run after `dotnet build`: ./bench/Export-ComplianceReport.bench.ps1 -Findings 5000
    Result on the 2-core shared build machine (pwsh 7.6, Linux), 5,000 findings, 20,000 evidence rows,
    5,000 plan items: 17 s, one run (the workbook is 1.4 MB). One finding: 1.6 s in a fresh session, mostly loading EPPlus.
#>
param(
    [int] $Findings = 5000,
    [string] $Path = (Join-Path ([System.IO.Path]::GetTempPath()) 'ct-bench-report.xlsx')
)

Import-Module (Join-Path $PSScriptRoot '../ComplianceTools.psd1')
$evidence = [ComplianceTools.Core.Findings.EvidenceItem[]](1..4 | ForEach-Object {
        [ComplianceTools.Core.Findings.EvidenceItem]::new("T-$_", "ticket detail 示例 $_", $_, "complaints.xlsx row $_")
    })
$all = foreach ($i in 1..$Findings) {
    [ComplianceTools.Core.Findings.Finding]@{
        RuleId = 'CMPL-004'; Title = 'Complaint trace'; Area = 'Complaints'; Severity = 'Yellow'; Value = 0.5; Threshold = 0.1
        Unit = 'ratio'; Subject = "Number $i"; Period = '2025'; Reason = 'unlinked complaints 示例'; Evidence = $evidence
    }
}
$plan = $all | New-RectificationPlan -Owner @{ '*' = 'owner@example.com' } -NoticeDate 2025-09-26
$time = Measure-Command { @($all) + @($plan) | Export-ComplianceReport -Path $Path -Force | Out-Null }
[pscustomobject]@{
    Findings     = $Findings
    EvidenceRows = 4 * $Findings
    PlanItems    = @($plan).Count
    Seconds      = [math]::Round($time.TotalSeconds, 1)
    Bytes        = (Get-Item $Path).Length
}
Remove-Item $Path
