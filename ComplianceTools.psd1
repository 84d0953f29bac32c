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
    # The resolver loads first, so the engine and its dependencies resolve into the module's own load context.
    NestedModules        = @('bin/ComplianceTools.Resolver.dll', 'bin/ComplianceTools.dll')
    FormatsToProcess     = @('module/ComplianceTools.format.ps1xml')

    CmdletsToExport      = @(
        'Get-ComplianceRule'
        'Get-SeatVacancy'
        'Compare-CallRecord'
        'New-CallRecordSample'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('Compliance', 'CallCenter', 'China', 'Telecom', 'MIIT', 'Excel', 'Planner')
            ProjectUri   = 'https://example.invalid/ComplianceTools'
            ReleaseNotes = 'See CHANGELOG.md.'
        }
    }
}
