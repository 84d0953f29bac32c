<#
.SYNOPSIS
    Runs the Pester suite (tests/Pester) against the built module and prints "pester: N passed, N failed".
.DESCRIPTION
    Uses Pester 5 from ../shared/tools/Pester when that folder exists beside the checkout (CI), else the
    Pester 5 installed on the machine (Install-Module Pester -MinimumVersion 5.5). Build first: dotnet build.
#>
[CmdletBinding()]
param(
    [string] $Path = (Join-Path $PSScriptRoot 'Pester'),
    [ValidateSet('JUnitXml', 'NUnitXml', 'NUnit3')]
    [string] $OutputFormat = 'JUnitXml'
)

$ErrorActionPreference = 'Stop'
$shared = Join-Path $PSScriptRoot '../../shared/tools/Pester/5.9.0/Pester.psd1'
if (Test-Path $shared) {
    Import-Module $shared
}
else {
    Import-Module Pester -MinimumVersion 5.5
}

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = $OutputFormat
$configuration.TestResult.OutputPath = Join-Path $PSScriptRoot '../TestResults/pester.xml'
$result = Invoke-Pester -Configuration $configuration
"pester: $($result.PassedCount) passed, $($result.FailedCount) failed"
exit [int]($result.Result -ne 'Passed')
