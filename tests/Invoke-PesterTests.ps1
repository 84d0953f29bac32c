<#
.SYNOPSIS
    Runs the Pester suite (tests/Pester) against the built module and prints "pester: N passed, N failed".
.DESCRIPTION
    Uses Pester 5 from ../shared/tools/Pester when that folder exists beside the checkout (this project's machine),
    else the Pester 5 installed on the machine (Install-Module Pester -MinimumVersion 5.5; the CI runners do that).
    Build first: dotnet build. Runs in PowerShell 7 (pwsh) and in Windows PowerShell 5.1 (powershell.exe); tests that
    need PowerShell 7 or Windows say so and are skipped elsewhere.

    The sample workbook (2,000 seats, 30,000 complaints) takes seconds to write, so it is written once here, read-only,
    and handed to every test file that declares a SampleWorkbook parameter; such a file run on its own writes its own.
#>
[CmdletBinding()]
param(
    [string] $Path = (Join-Path $PSScriptRoot 'Pester'),
    [ValidateSet('JUnitXml', 'NUnitXml', 'NUnit3')]
    [string] $OutputFormat = 'JUnitXml',
    [string] $OutputPath = (Join-Path $PSScriptRoot '../TestResults/pester.xml')
)

$ErrorActionPreference = 'Stop'
$shared = Join-Path $PSScriptRoot '../../shared/tools/Pester/5.9.0/Pester.psd1'
if (Test-Path $shared) {
    Import-Module $shared
}
else {
    Import-Module Pester -MinimumVersion 5.5
}

$files = @(Get-ChildItem -Path $Path -Filter '*.Tests.ps1' -Recurse -File | Sort-Object FullName)
$readers = @($files | Where-Object { (Get-Command -Name $_.FullName).Parameters.ContainsKey('SampleWorkbook') } | ForEach-Object { $_.FullName })
$sampleFolder = $null
$sample = $null
if ($readers.Count -gt 0) {
    Import-Module (Join-Path $PSScriptRoot '../ComplianceTools.psd1')
    $sampleFolder = Join-Path ([IO.Path]::GetTempPath()) ('ct-pester-' + [guid]::NewGuid().ToString('N').Substring(0, 12))
    New-Item -ItemType Directory -Path $sampleFolder | Out-Null
    $sample = Join-Path $sampleFolder 'sample-2025.xlsx'
    New-ComplianceWorkbook -Path $sample -Sample -Year 2025 | Out-Null
    (Get-Item $sample).IsReadOnly = $true
}

$containers = foreach ($file in $files) {
    if ($readers -contains $file.FullName) {
        New-PesterContainer -Path $file.FullName -Data @{ SampleWorkbook = $sample }
    }
    else {
        New-PesterContainer -Path $file.FullName
    }
}

$configuration = New-PesterConfiguration
$configuration.Run.Container = @($containers)
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = $OutputFormat
$configuration.TestResult.OutputPath = $OutputPath
try {
    $result = Invoke-Pester -Configuration $configuration
}
finally {
    if ($sampleFolder) {
        (Get-Item $sample).IsReadOnly = $false
        Remove-Item -Path $sampleFolder -Recurse -Force
    }
}
"pester: $($result.PassedCount) passed, $($result.FailedCount) failed"
exit [int]($result.Result -ne 'Passed')
