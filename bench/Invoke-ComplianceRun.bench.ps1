<#
.SYNOPSIS
    Times a consultant's workspace of N generated clients end to end: onboarding (Add-ComplianceClient -Sample -Seed)
    and Invoke-ComplianceRun, with the peak memory of each, and the run of a quarter of the clients beside it to show
    that memory does not grow with the number of clients.
.DESCRIPTION
    Run after `dotnet build`, with pwsh 7, on a machine where no tests are running:

        pwsh -NoProfile -File bench/Invoke-ComplianceRun.bench.ps1 -Clients 200 -ThrottleLimit 2
        pwsh -NoProfile -File bench/Invoke-ComplianceRun.bench.ps1 -Clients 20 -Bundled     # the full-size sample each

    1. Generation, in a fresh pwsh: New-ComplianceWorkspace, then Add-ComplianceClient -Sample -Seed 1..N (one fictional
       operator per seed: 100-700 seats, a tenth to a third of the bundled sample; with -Bundled, the bundled sample
       of 2,000 seats and 30,000 complaints for every client), -ThrottleLimit clients at a time (ForEach-Object -Parallel).
    2. The run of the first quarter of the clients (Invoke-ComplianceRun -Client …), in a fresh pwsh.
    3. The run of every client, in a fresh pwsh.
    Each step reports elapsed and CPU seconds and the process's peak working set (module import and JIT included, as a
    user's run pays them). The runs plan season 2026 as of 2026-03-15 so the figures do not depend on the day. Results:
    bench/README.md and the README's benchmark table.
#>
param(
    [int] $Clients = 200,
    [int] $ThrottleLimit = 2,
    [string] $Folder = (Join-Path ([System.IO.Path]::GetTempPath()) 'ct-bench-workspace'),
    [switch] $Bundled,
    [switch] $Keep
)

$ErrorActionPreference = 'Stop'
$manifest = (Resolve-Path (Join-Path $PSScriptRoot '../ComplianceTools.psd1')).Path
$pwsh = (Get-Process -Id $PID).Path
if (Test-Path $Folder) { Remove-Item -Recurse -Force $Folder }

function Measure-Step([string] $Name, [string] $Script, [object[]] $Arguments) {
    $file = Join-Path ([System.IO.Path]::GetTempPath()) "ct-bench-$Name.ps1"
    Set-Content -Path $file -Value $Script -Encoding utf8
    $json = & $pwsh -NoProfile -File $file @Arguments | Select-Object -Last 1
    Remove-Item $file
    $result = $json | ConvertFrom-Json
    [pscustomobject]@{
        Step       = $Name
        Clients    = $result.Clients
        Seconds    = $result.Seconds
        CpuSeconds = $result.CpuSeconds
        PeakMiB    = $result.PeakMiB
        Failed     = $result.Failed
    }
}

$footer = @'
$process = Get-Process -Id $PID
[pscustomobject]@{
    Clients    = $count
    Seconds    = [math]::Round($elapsed.TotalSeconds, 1)
    CpuSeconds = [math]::Round($process.TotalProcessorTime.TotalSeconds, 1)
    PeakMiB    = [math]::Round($process.PeakWorkingSet64 / 1MB)
    Failed     = $failed
} | ConvertTo-Json -Compress
'@

$generate = @'
param($Manifest, $Folder, $Clients, $ThrottleLimit, $Bundled)
Import-Module $Manifest
$elapsed = Measure-Command {
    New-ComplianceWorkspace -Path $Folder -Name 'Benchmark' | Out-Null
    1..$Clients | ForEach-Object -ThrottleLimit $ThrottleLimit -Parallel {
        Import-Module $using:Manifest
        $seed = if ($using:Bundled -eq 'True') { @{} } else { @{ Seed = $_ } }
        Add-ComplianceClient -Workspace $using:Folder -Name ('客户{0:D3}' -f $_) -Province 上海 -LicenceNumber ('B2-2099{0:D4}' -f $_) -Year 2026 -Sample @seed -WarningAction SilentlyContinue | Out-Null
    }
}
$count = (Get-ComplianceClient -Workspace $Folder).Count
$failed = $Clients - $count
'@ + "`n" + $footer

$run = @'
param($Manifest, $Folder, $Take, $ThrottleLimit)
Import-Module $Manifest
$names = @((Get-ComplianceClient -Workspace $Folder).Name | Sort-Object | Select-Object -First $Take)
$entries = $null
$elapsed = Measure-Command { $entries = @(Invoke-ComplianceRun -Workspace $Folder -Client $names -Year 2026 -AsOf 2026-03-15 -ThrottleLimit $ThrottleLimit -NoPublish -WarningAction SilentlyContinue -ErrorAction SilentlyContinue) }
$count = $entries.Count
$failed = @($entries | Where-Object State -ne 'Completed').Count
'@ + "`n" + $footer

$quarter = [math]::Max(1, [math]::Floor($Clients / 4))
$load = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0] } else { 'n/a' }
Write-Host "load average before: $load"
Measure-Step 'generate' $generate @('-Manifest', $manifest, '-Folder', $Folder, '-Clients', $Clients, '-ThrottleLimit', $ThrottleLimit, '-Bundled', [string]$Bundled.IsPresent)
Measure-Step "run-$quarter" $run @('-Manifest', $manifest, '-Folder', $Folder, '-Take', $quarter, '-ThrottleLimit', $ThrottleLimit)
Measure-Step "run-$Clients" $run @('-Manifest', $manifest, '-Folder', $Folder, '-Take', $Clients, '-ThrottleLimit', $ThrottleLimit)
$size = (Get-ChildItem -Recurse -File $Folder | Measure-Object -Property Length -Sum).Sum
Write-Host ("workspace on disk: {0:N0} MB; portfolio: {1}" -f ($size / 1MB), (Join-Path $Folder 'portfolio/portfolio-2026.xlsx'))
if (-not $Keep) { Remove-Item -Recurse -Force $Folder }
