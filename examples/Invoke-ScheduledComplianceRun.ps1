<#
.SYNOPSIS
    The nightly compliance run of a call-center operator: audit the annual-report workbook, plan the
    rectifications, publish them as owned, dated tasks where the staff work (Microsoft 365, WeCom or DingTalk),
    and send each owner the daily digest of what is overdue or due this week.

.DESCRIPTION
    Meant for a Windows scheduled task running as a service account. Publishing is exactly once: run it every
    night; items already published are Unchanged and cost no write, a moved due date is one update.

    Microsoft 365 (-TenantId, -ClientId, -Thumbprint: the app registration's certificate with its private key in
    LocalMachine\My or the account's CurrentUser\My): today's roster from Entra ID is kept as evidence, and the
    plan goes to a Planner plan (-PlanId) or, in Microsoft 365 operated by 21Vianet (-Environment China), which
    has no Planner, to a SharePoint list of the compliance site (-SiteUrl, -ListName).

    WeCom or DingTalk (-Workplace, -WorkplaceAppId, -AgentId, -SecretPath): the plan goes to WeCom schedules or
    DingTalk to-dos (-Operator for DingTalk), owners found by the mails and mobiles of the workbook's owners
    sheet and staff roster; then the daily digest goes to each owner (or, with -ReminderWebhook, to a group robot).
    The app secret is read from a file written once by the service account:
        Read-Host -AsSecureString 'App secret' | Export-Clixml D:\Compliance\wecom-secret.xml
    (on Windows, Export-Clixml protects a SecureString with DPAPI for that account and machine).

    Either or both: give the Microsoft 365 parameters, the workplace parameters, or all of them.

.EXAMPLE
    # Register once (as an administrator): WeCom only, every day at 07:30, the digest included.
    $action  = New-ScheduledTaskAction -Execute 'pwsh.exe' -Argument '-NoProfile -File C:\Compliance\Invoke-ScheduledComplianceRun.ps1 -WorkbookPath D:\年报\2025.xlsx -Workplace WeCom -WorkplaceAppId ww7c2e4d0b5a1f3e9d -AgentId 1000002 -SecretPath D:\Compliance\wecom-secret.xml'
    $trigger = New-ScheduledTaskTrigger -Daily -At 7:30am
    Register-ScheduledTask -TaskName 'ComplianceTools daily' -Action $action -Trigger $trigger -User 'CONTOSO\svc-compliance' -Password (Read-Host 'Password')

.EXAMPLE
    # 21Vianet and DingTalk: the list for the record, to-dos and the digest where people work.
    .\Invoke-ScheduledComplianceRun.ps1 -TenantId contoso.partner.onmschina.cn -ClientId 3f6a0c1e-0000-4000-8000-1c21b0000000 -Thumbprint 6D1E4A0000000000000000000000000000009F20 -Environment China -SiteUrl https://contoso.sharepoint.cn/sites/compliance -ListName 年检整改 -WorkbookPath D:\年报\2025.xlsx -Workplace DingTalk -WorkplaceAppId dingxxxxxxxxxxxxxxxx -AgentId 3020100001 -SecretPath D:\Compliance\dingtalk-secret.xml -Operator wang.fang@contoso.cn
#>
[CmdletBinding()]
param(
    # The annual-report workbook (年报) the audit reads; its owners sheet and roster say who owns what.
    [Parameter(Mandatory)] [string] $WorkbookPath,

    # Microsoft 365 (optional).
    [string] $TenantId,
    [string] $ClientId,
    [string] $Thumbprint,
    [ValidateSet('Global', 'China')] [string] $Environment = 'Global',
    [string] $PlanId,
    [string] $BucketName = '年检整改',
    [uri] $SiteUrl,
    [string] $ListName,

    # WeCom or DingTalk (optional).
    [ValidateSet('WeCom', 'DingTalk')] [string] $Workplace,
    # WeCom: the CorpId; DingTalk: the AppKey.
    [string] $WorkplaceAppId,
    [long] $AgentId,
    # A file holding the app secret as an Export-Clixml'd SecureString.
    [string] $SecretPath,
    # DingTalk: on whose behalf the to-dos are made (a mobile, or a mail or name in the workbook).
    [string] $Operator,
    # A group robot's webhook: one digest to the group instead of one per owner.
    [uri] $ReminderWebhook,
    # The DingTalk robot's signing secret, as an Export-Clixml'd SecureString.
    [string] $ReminderWebhookSecretPath,
    [int] $ReminderDays = 7,

    # Where the run leaves its results (a CSV per step); never a token or a secret.
    [string] $LogFolder = (Join-Path $PSScriptRoot 'runs')
)

$ErrorActionPreference = 'Stop'
Import-Module ComplianceTools

$stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
New-Item -ItemType Directory -Path $LogFolder -Force | Out-Null
$failed = 0

# Audit the workbook; the plan takes owners from its owners sheet and deadlines from the calendar.
$dataset = Import-ComplianceWorkbook -Path $WorkbookPath
$findings = $dataset | Invoke-ComplianceAudit
$plan = $findings | New-RectificationPlan -Dataset $dataset

if ($TenantId) {
    Connect-ComplianceGraph -TenantId $TenantId -ClientId $ClientId -CertificateThumbprint $Thumbprint -Environment $Environment | Out-Null
    try {
        # Today's roster from Entra ID, kept beside the run as evidence (mobile numbers come masked).
        Import-ComplianceDirectory | Export-Csv -Path (Join-Path $LogFolder "staff-$stamp.csv") -NoTypeInformation -Encoding utf8

        $publish = @{ ErrorAction = 'Continue' }
        if ($SiteUrl) {
            $publish += @{ Target = 'SharePointList'; SiteUrl = $SiteUrl; ListName = $ListName }
        }
        else {
            $publish += @{ PlanId = $PlanId; BucketName = $BucketName }
        }

        # One result per item: Created, Updated, Unchanged or Failed (an owner not found fails that item only).
        $results = $plan | Publish-ComplianceTask @publish
        $results | Export-Csv -Path (Join-Path $LogFolder "publish-m365-$stamp.csv") -NoTypeInformation -Encoding utf8
        $failed += @($results | Where-Object Action -eq 'Failed').Count
    }
    finally {
        Disconnect-ComplianceGraph
    }
}

if ($Workplace) {
    $connect = @{ Platform = $Workplace; AgentId = $AgentId }
    $secret = Import-Clixml -Path $SecretPath
    if ($Workplace -eq 'WeCom') { $connect += @{ CorpId = $WorkplaceAppId; Secret = $secret } }
    else { $connect += @{ AppKey = $WorkplaceAppId; AppSecret = $secret } }
    Connect-ComplianceWorkplace @connect | Out-Null
    try {
        # WeCom: whole-day schedules in the calendar 年检整改; DingTalk: to-dos. Each owner gets one message listing
        # what was created or changed for them; a completed DingTalk to-do is left alone.
        $publish = @{ Target = $Workplace; Dataset = $dataset; ErrorAction = 'Continue' }
        if ($Workplace -eq 'DingTalk') { $publish += @{ Operator = $Operator } }
        $results = $plan | Publish-ComplianceTask @publish
        $results | Export-Csv -Path (Join-Path $LogFolder "publish-$($Workplace.ToLowerInvariant())-$stamp.csv") -NoTypeInformation -Encoding utf8
        $failed += @($results | Where-Object Action -eq 'Failed').Count

        # The daily digest: what is overdue or due within $ReminderDays, to each owner or to the group (in Chinese, masked).
        $remind = @{ Target = $Workplace; Days = $ReminderDays; Dataset = $dataset; ErrorAction = 'Continue' }
        if ($ReminderWebhook) { $remind += @{ Webhook = $ReminderWebhook } }
        if ($ReminderWebhookSecretPath) { $remind += @{ WebhookSecret = (Import-Clixml -Path $ReminderWebhookSecretPath) } }
        $plan | Send-ComplianceReminder @remind | Export-Csv -Path (Join-Path $LogFolder "reminders-$stamp.csv") -NoTypeInformation -Encoding utf8
    }
    finally {
        Disconnect-ComplianceWorkplace
    }
}

if ($failed -gt 0) {
    Write-Warning ("{0} item(s) could not be published; see the publish-*-{1}.csv files in {2}" -f $failed, $stamp, $LogFolder)
    exit 2
}
