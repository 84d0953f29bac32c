@{
    # The version lives in Directory.Build.props; the publish step stamps it here.
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0b7f3e-4d0e-4b8a-9a57-3c1f2d8a6b21'
    Author               = 'ComplianceTools contributors'
    CompanyName          = 'ComplianceTools'
    Copyright            = '(c) ComplianceTools contributors. MIT licence.'
    Description          = 'Gets Chinese call-center operators through the telecom-licence annual report (年报) and annual inspection (年检): reads workbooks, checks the regulator''s rules, and turns findings into owned, dated to-do items.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'

    RootModule           = 'module/ComplianceTools.psm1'
    # The model loads into the default context at import, so scripts can name its types at once:
    # [ComplianceTools.Core.Workbook.Sheets.ScenarioRow]@{ ... } before any cmdlet has run.
    RequiredAssemblies   = @('bin/ComplianceTools.Core.dll')
    # The resolver loads first, so the engine and its dependencies resolve into the module's own load context.
    NestedModules        = @('bin/ComplianceTools.Resolver.dll', 'bin/ComplianceTools.dll')
    FormatsToProcess     = @('module/ComplianceTools.format.ps1xml')

    CmdletsToExport      = @(
        'Get-ComplianceRule'
        'Get-SeatVacancy'
        'Compare-CallVolume'
        'Test-RevenueConsistency'
        'Test-CallingWindow'
        'Test-AlgorithmFiling'
        'Test-CrossBorderFiling'
        'Test-PrivacyPolicy'
        'Get-CallScenario'
        'Measure-CallScenario'
        'Test-CreditScore'
        'Test-PenaltyRectification'
        'Get-ComplaintTrace'
        'Get-QualitySample'
        'Test-TrainingCoverage'
        'Test-ReportPackage'
        'Get-ComplaintRate'
        'Get-NumberConsistency'
        'Measure-ComplaintHandling'
        'Test-StaffingConsistency'
        'Test-LogRetention'
        'Test-CallbackReadiness'
        'Test-SystemCapability'
        'Get-ComplaintHotspot'
        'Invoke-ComplianceAudit'
        'Get-ComplianceDueDate'
        'Measure-ComplianceWorkingDay'
        'New-RectificationPlan'
        'New-ComplianceSchedule'
        'Export-ComplianceReport'
        'Export-ComplianceTask'
        'Connect-ComplianceGraph'
        'Disconnect-ComplianceGraph'
        'Import-ComplianceDirectory'
        'Publish-ComplianceTask'
        'Copy-ComplianceDocument'
        'Connect-ComplianceWorkplace'
        'Disconnect-ComplianceWorkplace'
        'Send-ComplianceReminder'
        'New-ComplianceWorkbook'
        'Import-ComplianceWorkbook'
        'Compare-CallRecord'
        'New-CallRecordSample'
        'Get-ComplianceSeason'
        'New-ComplianceWorkspace'
        'Add-ComplianceClient'
        'Get-ComplianceClient'
        'Invoke-ComplianceRun'
        'Export-ComplianceResult'
        'Import-ComplianceResult'
        'Compare-ComplianceResult'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('Compliance', 'CallCenter', 'China', 'Telecom', 'MIIT', 'Excel', 'Planner', 'WeCom', 'DingTalk')
            ReleaseNotes = 'See CHANGELOG.md in the module folder.'
        }
    }
}
