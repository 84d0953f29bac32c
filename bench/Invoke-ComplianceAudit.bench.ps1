<#
.SYNOPSIS
    Times Invoke-ComplianceAudit -Path end to end on a workbook of 5,000 seats and 200,000 complaint rows (issue 3's benchmark).
.DESCRIPTION
    Builds the dataset in memory and writes it once as a workbook (New-ComplianceWorkbook -Dataset, cached in the
    temp folder), then runs `Invoke-ComplianceAudit -Path` in a fresh pwsh process per run: reading the workbook
    and auditing it, as a user would. Prints each run's elapsed seconds and the peak working set of that process.
    Run from the repository root after a build:  pwsh -NoProfile -File bench/Invoke-ComplianceAudit.bench.ps1
#>
param(
    [int] $Seats = 5000,
    [int] $Complaints = 200000,
    [int] $Runs = 3
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../ComplianceTools.psd1')
$ns = 'ComplianceTools.Core.Workbook.Sheets'

$d = [ComplianceTools.Core.Workbook.ComplianceDataset]::new()
$d.Path = 'bench.xlsx'
$d.Company = [ComplianceTools.Core.Workbook.Sheets.CompanyProfile]@{ CompanyName = 'Bench'; LicenceNumber = 'B2-20191234'; ReportYear = 2025; CheckDate = [datetime]'2026-03-01'; SeatsOnFile = $Seats }
$d.Readiness = [ComplianceTools.Core.Workbook.Sheets.Readiness]@{ CallLogsSince = [datetime]'2025-06-01'; GatewayLogsSince = [datetime]'2025-06-01'; ComplaintButton = 'Yes'; PredictiveDialling = 'No' }

$seatRows = [System.Collections.Generic.List[ComplianceTools.Core.Workbook.Sheets.SeatRow]]::new()
$staff = [System.Collections.Generic.List[ComplianceTools.Core.Workbook.Sheets.StaffRow]]::new()
$insurance = [System.Collections.Generic.List[ComplianceTools.Core.Workbook.Sheets.SocialInsuranceRow]]::new()
$payroll = [System.Collections.Generic.List[ComplianceTools.Core.Workbook.Sheets.PayrollRow]]::new()
for ($i = 0; $i -lt $Seats; $i++) {
    $id = 'E{0:00000}' -f $i
    $s = [ComplianceTools.Core.Workbook.Sheets.SeatRow]::new(); $s.SeatId = "S$i"; $s.Activated = 'Yes'; $s.AgentEmployeeId = $id; $s.Channel = "CH$($i % 20)"; $seatRows.Add($s)
    $p = [ComplianceTools.Core.Workbook.Sheets.StaffRow]::new(); $p.EmployeeId = $id; $p.Name = "员工$i"; $p.IdNumber = '110101199001{0:000000}' -f $i; $p.IsAgent = 'Yes'; $p.Enabled = 'Yes'; $staff.Add($p)
    $si = [ComplianceTools.Core.Workbook.Sheets.SocialInsuranceRow]::new(); $si.EmployeeId = $id; $si.Name = $p.Name; $si.IdNumber = $p.IdNumber; $si.Month = '2026-01'; $insurance.Add($si)
    $pay = [ComplianceTools.Core.Workbook.Sheets.PayrollRow]::new(); $pay.EmployeeId = $id; $pay.Name = $p.Name; $pay.Month = '2026-01'; $payroll.Add($pay)
}

$traffic = [System.Collections.Generic.List[ComplianceTools.Core.Workbook.Sheets.TrafficRow]]::new()
foreach ($m in 1..12) {
    foreach ($c in 0..19) {
        $t = [ComplianceTools.Core.Workbook.Sheets.TrafficRow]::new(); $t.Month = '2025-{0:00}' -f $m; $t.DisplayNumber = if ($c % 2) { '95{0:000}' -f $c } else { '0105{0:0000000}' -f $c }; $t.Channel = "CH$c"; $t.OutboundCalls = 10000000; $t.Days = 22; $traffic.Add($t)
    }
}

$complaintRows = [System.Collections.Generic.List[ComplianceTools.Core.Workbook.Sheets.ComplaintRow]]::new()
$base = [datetime]'2025-01-01 08:00'
for ($i = 0; $i -lt $Complaints; $i++) {
    $r = [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]::new()
    $r.TicketId = "T$i"; $r.Source = if ($i % 3) { 'C12321' } else { 'C12300' }
    $at = $base.AddMinutes($i * 2.5); $r.ReceivedAt = $at; $r.FirstResponseAt = $at.AddHours(1)
    if ($i % 50) { $r.ClosedAt = $at.AddHours(20); $r.Status = 'Closed' } else { $r.Status = 'Open' }
    $r.CallingNumber = '138{0:00000000}' -f ($i % 5000); $r.Channel = "CH$($i % 20)"; $r.Team = "Team$($i % 7)"
    $complaintRows.Add($r)
}

$d.Seats = $seatRows; $d.Staff = $staff; $d.SocialInsurance = $insurance; $d.Payroll = $payroll; $d.Traffic = $traffic; $d.Complaints = $complaintRows

$book = Join-Path ([IO.Path]::GetTempPath()) "ct-bench-audit-$Seats-$Complaints.xlsx"
if (-not (Test-Path $book)) {
    $d | New-ComplianceWorkbook -Path $book | Out-Null
}

$manifest = (Resolve-Path (Join-Path $PSScriptRoot '../ComplianceTools.psd1')).Path
$probe = @"
Import-Module '$manifest'
`$sw = [Diagnostics.Stopwatch]::StartNew()
`$out = Invoke-ComplianceAudit -Path '$book' -ProgressAction SilentlyContinue
`$sw.Stop()
'{0} {1} {2}' -f `$sw.Elapsed.TotalSeconds, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64, `$out.Count
"@
$results = foreach ($run in 1..$Runs) {
    $line = @(& pwsh -NoProfile -NonInteractive -Command $probe)[-1]
    $seconds, $peak, $count = $line -split " "
    [pscustomobject]@{ Run = $run; Seconds = [math]::Round([double]$seconds, 2); PeakWorkingSetMB = [math]::Round([double]$peak / 1MB); Outputs = [int]$count }
}
$results | Format-Table -AutoSize
$sorted = $results.Seconds | Sort-Object
[pscustomobject]@{
    Workbook         = $book
    WorkbookMB       = [math]::Round((Get-Item $book).Length / 1MB, 1)
    Seats            = $Seats
    ComplaintRows    = $Complaints
    BestSeconds      = $sorted[0]
    MedianSeconds    = $sorted[[int][math]::Floor($sorted.Count / 2)]
    PeakWorkingSetMB = ($results.PeakWorkingSetMB | Measure-Object -Maximum).Maximum
    Target           = '15 s or less end to end'
} | Format-List
