#Requires -Version 5.1
<#
.SYNOPSIS
    Registers Invoke-AnnualComplianceRun.ps1 as a Windows scheduled task.

.DESCRIPTION
    For IT admins who want the compliance run on a Windows server every week (or month): creates a task in the
    \ComplianceTools\ folder of Task Scheduler with the ScheduledTasks module. The task starts PowerShell
    (pwsh.exe when installed, else Windows PowerShell) with -NoProfile -NonInteractive and runs
    Invoke-AnnualComplianceRun.ps1 with -WorkbookPath, -OutputDirectory and -Force, so each run replaces last
    run's report and calendar file (the calendar's UIDs are stable: importing it again updates the entries).

    The task runs as the given account without a stored password (S4U logon: no network credentials; keep the
    workbook and output folder on local disk or grant the machine account access), or as SYSTEM with -AsSystem.
    Nothing secret is written into the task.

    This works on Windows only (Task Scheduler); elsewhere it stops with a clear error. Use cron or a systemd
    timer to run Invoke-AnnualComplianceRun.ps1 on Linux.

.PARAMETER WorkbookPath
    The client's workbook the task audits.

.PARAMETER OutputDirectory
    Where each run writes the report and the calendar file.

.PARAMETER TaskName
    Name of the task in \ComplianceTools\. Default: AnnualComplianceRun.

.PARAMETER At
    Time of day the task starts. Default: 07:00.

.PARAMETER DaysOfWeek
    Weekdays the task runs on. Default: Monday.

.PARAMETER UserId
    Account the task runs as (S4U, no password stored). Default: the current user.

.PARAMETER AsSystem
    Run as NT AUTHORITY\SYSTEM instead.

.PARAMETER Baseline
    Baseline files passed to the run.

.PARAMETER Force
    Replace an existing task of the same name.

.EXAMPLE
    .\examples\Register-ComplianceScheduledTask.ps1 -WorkbookPath D:\compliance\2025.xlsx -OutputDirectory D:\compliance\out

    Every Monday at 07:00 the current user's task audits the workbook and refreshes the report.

.EXAMPLE
    .\examples\Register-ComplianceScheduledTask.ps1 -WorkbookPath D:\compliance\2025.xlsx -OutputDirectory D:\compliance\out -DaysOfWeek Monday, Thursday -At 06:30 -AsSystem -Force
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [string] $WorkbookPath,

    [Parameter(Mandatory)]
    [string] $OutputDirectory,

    [string] $TaskName = 'AnnualComplianceRun',

    [datetime] $At = '07:00',

    [System.DayOfWeek[]] $DaysOfWeek = [System.DayOfWeek]::Monday,

    [string] $UserId,

    [switch] $AsSystem,

    [string[]] $Baseline,

    [switch] $Force
)

$ErrorActionPreference = 'Stop'

$onWindows = if ($PSVersionTable.PSEdition -eq 'Desktop') { $true } else { [bool] $IsWindows }
if (-not $onWindows) {
    throw 'Register-ComplianceScheduledTask.ps1 needs Windows Task Scheduler (the ScheduledTasks module). On Linux or macOS, run examples/Invoke-AnnualComplianceRun.ps1 from cron or a systemd timer instead.'
}
if (-not (Get-Module -ListAvailable -Name ScheduledTasks)) {
    throw 'The ScheduledTasks module is not available on this Windows installation.'
}

if (-not $UserId) {
    $UserId = [System.Security.Principal.WindowsIdentity]::GetCurrent().Name
}

$runScript = Join-Path $PSScriptRoot 'Invoke-AnnualComplianceRun.ps1'
$WorkbookPath = (Resolve-Path -LiteralPath $WorkbookPath).ProviderPath
$OutputDirectory = [System.IO.Path]::GetFullPath($OutputDirectory)

$pwsh = Get-Command -Name pwsh.exe -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
$exe = if ($pwsh) { $pwsh.Source } else { Join-Path $env:SystemRoot 'System32\WindowsPowerShell\v1.0\powershell.exe' }

function Quote([string] $value) { '"' + $value.Replace('"', '\"') + '"' }
$arguments = @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'RemoteSigned', '-File', (Quote $runScript),
    '-WorkbookPath', (Quote $WorkbookPath), '-OutputDirectory', (Quote $OutputDirectory), '-Force')
if ($Baseline) {
    $arguments += '-Baseline'
    $arguments += (($Baseline | ForEach-Object { Quote ((Resolve-Path -LiteralPath $_).ProviderPath) }) -join ',')
}

$action = New-ScheduledTaskAction -Execute $exe -Argument ($arguments -join ' ') -WorkingDirectory (Split-Path -Parent $runScript)
$trigger = New-ScheduledTaskTrigger -Weekly -DaysOfWeek $DaysOfWeek -At $At
$principal = if ($AsSystem) {
    New-ScheduledTaskPrincipal -UserId 'NT AUTHORITY\SYSTEM' -LogonType ServiceAccount -RunLevel Limited
}
else {
    New-ScheduledTaskPrincipal -UserId $UserId -LogonType S4U -RunLevel Limited
}
$settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -ExecutionTimeLimit (New-TimeSpan -Hours 2) -MultipleInstances IgnoreNew

$existing = Get-ScheduledTask -TaskPath '\ComplianceTools\' -TaskName $TaskName -ErrorAction SilentlyContinue
if ($existing -and -not $Force) {
    throw "A task \ComplianceTools\$TaskName exists; use -Force to replace it."
}

if ($PSCmdlet.ShouldProcess("\ComplianceTools\$TaskName", 'Register scheduled task')) {
    Register-ScheduledTask -TaskPath '\ComplianceTools\' -TaskName $TaskName -Action $action -Trigger $trigger -Principal $principal -Settings $settings `
        -Description 'ComplianceTools: audit the workbook, plan rectifications, refresh the report and calendar.' -Force:$Force
}
