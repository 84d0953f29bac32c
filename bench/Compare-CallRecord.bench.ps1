<#
.SYNOPSIS
    Benchmark of Compare-CallRecord: 1 million and 10 million calls (optionally 30 million), each run in a
    fresh pwsh process; prints a markdown table (elapsed, rows/s, peak working set) for bench/README.md.
.DESCRIPTION
    Sample exports are generated once with New-CallRecordSample and cached under the temp folder (not in
    the repository); -Clean removes them afterwards. Every run is checked against the generator's
    expected.json, so a fast wrong answer cannot pass. Build the module in Release first:
    dotnet build -c Release
.EXAMPLE
    ./bench/Compare-CallRecord.bench.ps1 -Calls 1000000, 10000000 -Clean
#>
[CmdletBinding()]
param(
    [long[]] $Calls = @(1000000, 10000000),
    [int] $Seed = 1,
    [string] $DataRoot = (Join-Path ([System.IO.Path]::GetTempPath()) 'ComplianceTools-bench-callrecords'),
    [int] $Runs = 1,
    # Passed to Compare-CallRecord; a small limit shows that memory follows the limit, not the data size.
    [int] $MemoryLimitMB = 384,
    [switch] $Clean
)

$ErrorActionPreference = 'Stop'
$manifest = Join-Path $PSScriptRoot '../ComplianceTools.psd1' | Resolve-Path
$pwsh = (Get-Process -Id $PID).Path

function Get-LoadText {
    if (Test-Path /proc/loadavg) { return (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' }
    return 'n/a'
}

$cpu = if (Test-Path /proc/cpuinfo) { ((Get-Content /proc/cpuinfo | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -split ':\s*', 2)[1] } else { $env:PROCESSOR_IDENTIFIER }
$memKiB = [double]((Get-Content /proc/meminfo -ErrorAction SilentlyContinue | Select-Object -First 1) -replace '\D', '')
$machine = '{0} cores, {1}, {2:N0} GiB RAM' -f [Environment]::ProcessorCount, $cpu, ($memKiB / 1MB)

$rows = foreach ($n in $Calls) {
    $dir = Join-Path $DataRoot "calls-$n-seed-$Seed"
    $expectedPath = Join-Path $dir 'expected.json'
    if (-not (Test-Path $expectedPath)) {
        $need = $n * 250L
        $drive = [System.IO.DriveInfo]::new([System.IO.Path]::GetPathRoot($DataRoot))
        if ($drive.AvailableFreeSpace -lt $need * 1.2) {
            throw ('{0:N1} GB free under {1}; {2:N0} calls need about {3:N1} GB.' -f ($drive.AvailableFreeSpace / 1GB), $DataRoot, $n, ($need / 1GB))
        }

        Write-Host "Generating $n calls in $dir …"
        & $pwsh -NoProfile -Command "Import-Module '$manifest'; New-CallRecordSample -Calls $n -Seed $Seed -OutputDirectory '$dir' -Force | Out-Null"
        if ($LASTEXITCODE) { throw "Generation failed ($LASTEXITCODE)." }
    }

    $expected = Get-Content $expectedPath -Raw | ConvertFrom-Json
    $bytes = (Get-ChildItem $dir -Filter *.csv | Measure-Object Length -Sum).Sum
    $totalRows = $expected.Platform.Rows + $expected.Carrier.Rows + $expected.PrivacyNumber.Rows
    for ($run = 1; $run -le $Runs; $run++) {
        $load = Get-LoadText
        $script = @"
Import-Module '$manifest'
`$r = Compare-CallRecord -Platform '$dir/platform.csv' -Carrier '$dir/carrier.csv' -PrivacyNumber '$dir/privacy-number.csv' -MemoryLimitMB $MemoryLimitMB -WarningAction SilentlyContinue
`$p = [System.Diagnostics.Process]::GetCurrentProcess()
[pscustomobject]@{
    Elapsed = `$r.Elapsed.TotalSeconds; Read = `$r.ReadElapsed.TotalSeconds; Match = `$r.MatchElapsed.TotalSeconds
    PeakWorkingSet = `$p.PeakWorkingSet64; Cpu = `$p.TotalProcessorTime.TotalSeconds; Partitions = `$r.Partitions; Spilled = `$r.Spilled
    Union = `$r.Union; AllThree = `$r.AllThree; PlatformCarrier = `$r.PlatformCarrier; PlatformPrivacyNumber = `$r.PlatformPrivacyNumber; CarrierPrivacyNumber = `$r.CarrierPrivacyNumber
    Unique = @(`$r.Platform.Unique, `$r.Carrier.Unique, `$r.PrivacyNumber.Unique); Duplicates = @(`$r.Platform.Duplicates, `$r.Carrier.Duplicates, `$r.PrivacyNumber.Duplicates)
} | ConvertTo-Json -Compress
"@
        $json = & $pwsh -NoProfile -Command $script
        if ($LASTEXITCODE) { throw "Compare-CallRecord failed ($LASTEXITCODE)." }
        $m = $json | Select-Object -Last 1 | ConvertFrom-Json
        $ok = $m.Union -eq $expected.Union -and $m.AllThree -eq $expected.AllThree -and $m.PlatformCarrier -eq $expected.PlatformCarrier -and
            $m.PlatformPrivacyNumber -eq $expected.PlatformPrivacyNumber -and $m.CarrierPrivacyNumber -eq $expected.CarrierPrivacyNumber -and
            $m.Unique[0] -eq $expected.Platform.Unique -and $m.Unique[1] -eq $expected.Carrier.Unique -and $m.Unique[2] -eq $expected.PrivacyNumber.Unique -and
            $m.Duplicates[0] -eq $expected.Platform.Duplicates -and $m.Duplicates[1] -eq $expected.Carrier.Duplicates -and $m.Duplicates[2] -eq $expected.PrivacyNumber.Duplicates
        [pscustomobject]@{
            Calls = $n; Limit = $MemoryLimitMB; Rows = $totalRows; GB = [math]::Round($bytes / 1GB, 2); Elapsed = [math]::Round($m.Elapsed, 2)
            Read = [math]::Round($m.Read, 2); Match = [math]::Round($m.Match, 2); RowsPerSecond = [math]::Round($totalRows / $m.Elapsed)
            PeakMiB = [math]::Round($m.PeakWorkingSet / 1MB); CpuSeconds = [math]::Round($m.Cpu, 1); Partitions = $m.Partitions; Spilled = $m.Spilled
            Load = $load; Correct = $ok
        }
    }
}

$date = (Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm') + ' UTC'
"Date: $date; machine: $machine"
''
'| calls | -MemoryLimitMB | rows | GB | elapsed s | read s | match s | rows/s | peak MiB | process CPU s | partitions | spilled | load avg (1/5/15 min) before | figures = expected.json |'
'|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|'
foreach ($r in $rows) {
    '| {0:N0} | {13} | {1:N0} | {2} | {3} | {4} | {5} | {6:N0} | {7:N0} | {8} | {9} | {10} | {11} | {12} |' -f $r.Calls, $r.Rows, $r.GB, $r.Elapsed, $r.Read, $r.Match, $r.RowsPerSecond, $r.PeakMiB, $r.CpuSeconds, $r.Partitions, $r.Spilled, $r.Load, $r.Correct, $r.Limit
}

if ($Clean) {
    Remove-Item -Recurse -Force $DataRoot
}
