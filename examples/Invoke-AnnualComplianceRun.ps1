#Requires -Version 5.1
<#
.SYNOPSIS
    The year's compliance run: workbook → audit → rectification plan → schedules → Excel and HTML report and calendar file.

.DESCRIPTION
    The main job of ComplianceTools as one script, for a consultant's laptop or a scheduled task on a server
    (see Register-ComplianceScheduledTask.ps1):

      1. the workbook: -WorkbookPath, or the module's sample (New-ComplianceWorkbook -Sample) when none is given, of
         the season's report year or, when that year is not over yet, of the last complete one;
      2. the audit: Invoke-ComplianceAudit runs every rule of the catalog (with -Baseline for a client or province);
      3. the rectification plan: New-RectificationPlan, owners from the workbook's owners sheet, due dates in China
         working days from -NoticeDate;
      4. the schedules: New-ComplianceSchedule for the annual report and the inspection of the season: -Year, or by
         default the season ahead (Get-ComplianceSeason: the first whose inspection deadline, 30 June, has not passed —
         run in December 2026 that is 2027);
      5. the report: Export-ComplianceReport, once as a workbook and once as a single HTML file that opens in any
         browser (both: a one-page dashboard, findings, evidence, plan, Gantt; the header from the workbook's
         company sheet), and Export-ComplianceTask (.ics calendar whose UIDs are the stable item keys, so next run
         updates the same entries).

    Everything is written under -OutputDirectory; existing files are replaced only with -Force. The script
    writes a summary object: the season planned and why, the files, the counts by status (Red, Yellow, Green; Skipped
    checks that could not run and become "provide the data" items; NotApplicable), the items without owner and the
    overdue ones. Invoke-ComplianceRun runs the same job for every client of a consultant's workspace.

.PARAMETER WorkbookPath
    The client's workbook (.xlsx). Without it the module's sample workbook is created in -OutputDirectory.

.PARAMETER OutputDirectory
    Folder for the report, the calendar file and (without -WorkbookPath) the sample workbook. Created if missing.

.PARAMETER Year
    The season: the year the filing work happens in (the 2026 run files the 2025 report). Default: the first season
    whose inspection deadline has not passed today (Get-ComplianceSeason); a year beyond the shipped holiday data is
    provisional, with a warning.

.PARAMETER NoticeDate
    Day the working-day spans of the rectification plan count from. Default: today.

.PARAMETER Baseline
    Baseline files (client, province) applied to the catalog, later ones win.

.PARAMETER HolidayFile
    China holiday data for years the module does not ship yet (same shape as module/data/cn-public-holidays.json).

.PARAMETER Culture
    The language of the reports: zh-CN (default) or en-US. The checks and the plan run in it too, so the reasons and
    steps in the report are in the report's language whatever the session's.

.PARAMETER Force
    Replace existing output files.

.EXAMPLE
    ./examples/Invoke-AnnualComplianceRun.ps1 -OutputDirectory ./out -Force

    Builds the sample workbook, audits it and writes out/compliance-<year>.xlsx, out/compliance-<year>.html and
    out/compliance-<year>.ics.

.EXAMPLE
    ./examples/Invoke-AnnualComplianceRun.ps1 -WorkbookPath D:\clients\acme\2025.xlsx -OutputDirectory D:\clients\acme\out -Baseline D:\baselines\beijing.json -Force
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $WorkbookPath,

    [Parameter(Mandatory)]
    [string] $OutputDirectory,

    [ValidateRange(2000, 2200)]
    [int] $Year,

    [datetime] $NoticeDate = [datetime]::Today,

    [string[]] $Baseline,

    [string] $HolidayFile,

    [ValidateSet('zh-CN', 'en-US')]
    [string] $Culture = 'zh-CN',

    [switch] $Force
)

$ErrorActionPreference = 'Stop'
# Only the core cmdlets and .NET are used here, so the script runs the same in pwsh, in Windows PowerShell 5.1
# and in the embedded host (dotnet run --project src/ComplianceTools.Host), which has no Utility/Management modules.
function Write-Step([string] $Status, [int] $Percent) {
    $record = [System.Management.Automation.ProgressRecord]::new(1, 'Annual compliance run', $Status)
    if ($Percent -ge 100) { $record.RecordType = 'Completed' } else { $record.PercentComplete = $Percent }
    $PSCmdlet.WriteProgress($record)
}

# The checks write their reasons, and the plan its steps, in the language of the session that runs them. They run in
# the report's language, so a Chinese report made on an English-language server does not carry English reasons. Set,
# run, restore in one call (the pattern of the PowerShell Cookbook's Use-Culture), which Windows PowerShell 5.1 keeps.
function Invoke-InCulture([System.Globalization.CultureInfo] $UICulture, [scriptblock] $Script) {
    $saved = [System.Threading.Thread]::CurrentThread.CurrentUICulture
    try {
        [System.Threading.Thread]::CurrentThread.CurrentUICulture = $UICulture
        & $Script
    }
    finally {
        [System.Threading.Thread]::CurrentThread.CurrentUICulture = $saved
    }
}

if (-not (Get-Module -Name ComplianceTools)) {
    $manifest = [System.IO.Path]::Combine([System.IO.Path]::GetDirectoryName($PSScriptRoot), 'ComplianceTools.psd1')
    if ([System.IO.File]::Exists($manifest)) {
        Import-Module -Name $manifest
    }
    else {
        Import-Module -Name ComplianceTools
    }
}

foreach ($command in 'Get-ComplianceSeason', 'New-ComplianceWorkbook', 'Import-ComplianceWorkbook', 'Invoke-ComplianceAudit', 'New-RectificationPlan', 'New-ComplianceSchedule', 'Export-ComplianceReport', 'Export-ComplianceTask') {
    if (-not (Get-Command -Name $command -Module ComplianceTools -ErrorAction SilentlyContinue)) {
        throw "This ComplianceTools build has no $command; install a release that includes it."
    }
}

$OutputDirectory = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($OutputDirectory)
[System.IO.Directory]::CreateDirectory($OutputDirectory) | Out-Null

$calendar = @{}
if ($HolidayFile) { $calendar.HolidayFile = $HolidayFile }

# 0. The season: -Year, or the season ahead (the one whose inspection deadline has not passed), and why.
if ($PSBoundParameters.ContainsKey('Year')) {
    $seasonReason = "Season $Year`: given with -Year."
}
else {
    $season = Get-ComplianceSeason @calendar
    $Year = $season.Year
    $seasonReason = $season.Reason
}
$rules = @{}
if ($Baseline) { $rules.Baseline = $Baseline }

# 1. The workbook.
if (-not $WorkbookPath) {
    $WorkbookPath = [System.IO.Path]::Combine($OutputDirectory, 'sample-workbook.xlsx')
    $PSCmdlet.WriteVerbose("No -WorkbookPath: creating the sample workbook $WorkbookPath")
    # The sample covers the season's report year, or the last complete year when that one is not over yet: a
    # workbook cannot hold dates after today (season 2027 planned in December 2026 gets the sample of 2025).
    $sampleYear = [Math]::Min($Year - 1, [datetime]::Today.Year - 1)
    New-ComplianceWorkbook -Path $WorkbookPath -Sample -Year $sampleYear -Force:$Force | Out-Null
}

# 2. The workbook read once (its owners sheet assigns the plan), then the audit. The audit also writes a
#    summary object; the findings are what the plan and the report take.
Write-Step 'Audit' 10
$dataset = Import-ComplianceWorkbook -Path $WorkbookPath
$findings = @(Invoke-InCulture $Culture { $dataset | Invoke-ComplianceAudit @rules } | Where-Object { $_ -is [ComplianceTools.Core.Findings.Finding] })

# 3. The rectification plan.
Write-Step 'Rectification plan' 40
$plan = @(Invoke-InCulture $Culture { $findings | New-RectificationPlan -Dataset $dataset -NoticeDate $NoticeDate @calendar })

# 4. The year's schedules.
Write-Step 'Schedules' 60
$schedule = @(Invoke-InCulture $Culture {
    New-ComplianceSchedule -Year $Year -Kind AnnualReport -Dataset $dataset @calendar
    New-ComplianceSchedule -Year $Year -Kind Inspection -Dataset $dataset @calendar
})

# 5. The report and the calendar file.
Write-Step 'Report' 80
$reportPath = [System.IO.Path]::Combine($OutputDirectory, "compliance-$Year.xlsx")
$htmlPath = [System.IO.Path]::Combine($OutputDirectory, "compliance-$Year.html")
$icsPath = [System.IO.Path]::Combine($OutputDirectory, "compliance-$Year.ics")
$everything = @($findings) + @($plan) + @($schedule)
$report = Export-ComplianceReport -Path $reportPath -InputObject $everything -Dataset $dataset -Culture $Culture -Force:$Force
$html = Export-ComplianceReport -Path $htmlPath -InputObject $everything -Dataset $dataset -Culture $Culture -Force:$Force
$tasks = @($plan) + @($schedule) | Export-ComplianceTask -Path $icsPath -Force:$Force
Write-Step 'Done' 100

[pscustomobject]@{
    Season         = $Year
    SeasonReason   = $seasonReason
    Workbook       = $WorkbookPath
    Report         = $report.FullName
    HtmlReport     = $html.FullName
    Calendar       = $tasks.FullName
    Red            = @($findings | Where-Object Status -eq 'Red').Count
    Yellow         = @($findings | Where-Object Status -eq 'Yellow').Count
    Green          = @($findings | Where-Object Status -eq 'Green').Count
    Skipped        = @($findings | Where-Object Status -eq 'Skipped').Count
    NotApplicable  = @($findings | Where-Object Status -eq 'NotApplicable').Count
    PlanItems      = $plan.Count
    ScheduleItems  = $schedule.Count
    WithoutOwner   = @(@($plan) + @($schedule) | Where-Object OwnerMissing).Count
    Overdue        = @(@($plan) + @($schedule) | Where-Object Overdue).Count
}
