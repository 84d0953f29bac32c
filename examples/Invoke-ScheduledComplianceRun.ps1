<#
.SYNOPSIS
    The nightly compliance run of a call-center operator: sign in with a certificate, keep today's staff
    roster, audit the annual-report workbook, plan the rectifications and publish them as owned, dated tasks.

.DESCRIPTION
    Meant for a Windows scheduled task running as a service account, with the app registration's certificate
    (private key) in LocalMachine\My or the account's CurrentUser\My. Publishing is exactly once: run it every
    night; items already published are Unchanged and cost no write, a moved due date is one update.

    Global tenant: tasks go to a Planner plan (-PlanId). Microsoft 365 operated by 21Vianet (-Environment China)
    has no Planner: tasks go to a SharePoint list of the compliance site (-SiteUrl, -ListName).

.EXAMPLE
    # Register once (as an administrator):
    $action  = New-ScheduledTaskAction -Execute 'pwsh.exe' -Argument '-NoProfile -File C:\Compliance\Invoke-ScheduledComplianceRun.ps1 -TenantId contoso.partner.onmschina.cn -ClientId 3f6a0c1e-0000-4000-8000-1c21b0000000 -Thumbprint 6D1E4A0000000000000000000000000000009F20 -Environment China -WorkbookPath D:\年报\2025.xlsx -SiteUrl https://contoso.sharepoint.cn/sites/compliance -ListName 年检整改'
    $trigger = New-ScheduledTaskTrigger -Daily -At 2am
    Register-ScheduledTask -TaskName 'ComplianceTools nightly' -Action $action -Trigger $trigger -User 'CONTOSO\svc-compliance' -Password (Read-Host 'Password')
#>
[CmdletBinding(DefaultParameterSetName = 'Planner')]
param(
    [Parameter(Mandatory)] [string] $TenantId,
    [Parameter(Mandatory)] [string] $ClientId,
    [Parameter(Mandatory)] [string] $Thumbprint,
    [ValidateSet('Global', 'China')] [string] $Environment = 'Global',

    # The annual-report workbook (年报) the audit reads.
    [Parameter(Mandatory)] [string] $WorkbookPath,

    [Parameter(Mandatory, ParameterSetName = 'Planner')] [string] $PlanId,
    [Parameter(ParameterSetName = 'Planner')] [string] $BucketName = '年检整改',

    [Parameter(Mandatory, ParameterSetName = 'List')] [uri] $SiteUrl,
    [Parameter(Mandatory, ParameterSetName = 'List')] [string] $ListName,

    # Where the run leaves its results (a CSV per run); never a token.
    [string] $LogFolder = (Join-Path $PSScriptRoot 'runs')
)

$ErrorActionPreference = 'Stop'
Import-Module ComplianceTools

$stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
New-Item -ItemType Directory -Path $LogFolder -Force | Out-Null

Connect-ComplianceGraph -TenantId $TenantId -ClientId $ClientId -CertificateThumbprint $Thumbprint -Environment $Environment | Out-Null
try {
    # Today's roster from Entra ID, kept beside the run as evidence (mobile numbers come masked).
    Import-ComplianceDirectory | Export-Csv -Path (Join-Path $LogFolder "staff-$stamp.csv") -NoTypeInformation -Encoding utf8

    # Audit the workbook; the plan takes owners from its owner sheet and deadlines from the calendar.
    $dataset = Import-ComplianceWorkbook -Path $WorkbookPath
    $findings = $dataset | Invoke-ComplianceAudit
    $plan = $findings | New-RectificationPlan -Dataset $dataset

    $publish = @{ ErrorAction = 'Continue' }
    if ($PSCmdlet.ParameterSetName -eq 'List') {
        $publish += @{ Target = 'SharePointList'; SiteUrl = $SiteUrl; ListName = $ListName }
    }
    else {
        $publish += @{ PlanId = $PlanId; BucketName = $BucketName }
    }

    # One result per item: Created, Updated, Unchanged or Failed (an owner not found fails that item only).
    $results = $plan | Publish-ComplianceTask @publish
    $results | Export-Csv -Path (Join-Path $LogFolder "publish-$stamp.csv") -NoTypeInformation -Encoding utf8

    $failed = @($results | Where-Object Action -eq 'Failed')
    if ($failed.Count -gt 0) {
        Write-Warning ("{0} item(s) could not be published; see publish-{1}.csv" -f $failed.Count, $stamp)
        exit 2
    }
}
finally {
    Disconnect-ComplianceGraph
}
