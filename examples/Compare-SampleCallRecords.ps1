<#
.SYNOPSIS
    Generates sample call-record exports and reconciles them with Compare-CallRecord.
.DESCRIPTION
    Writes platform, carrier and privacy-number exports of -Calls calls into a temporary folder, compares
    them, shows the figures beside the generator's expected.json, writes the calls to chase into
    <folder>/reconcile, and removes the folder unless -Keep is given.
.EXAMPLE
    ./examples/Compare-SampleCallRecords.ps1 -Calls 100000
#>
[CmdletBinding()]
param(
    [long] $Calls = 100000,
    [int] $Seed = 1,
    [string] $Folder = (Join-Path ([System.IO.Path]::GetTempPath()) "ComplianceTools-sample-calls-$Seed"),
    [switch] $Keep
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../ComplianceTools.psd1')

$sample = New-CallRecordSample -Calls $Calls -Seed $Seed -OutputDirectory $Folder -Force
try {
    $result = Compare-CallRecord -Platform $sample.Platform -Carrier $sample.Carrier -PrivacyNumber $sample.PrivacyNumber `
        -OutputDirectory (Join-Path $Folder 'reconcile') -Force
    $result
    $result.Platform, $result.Carrier, $result.PrivacyNumber | Format-Table
    $result.Findings | Format-Table RuleId, Status, ValueText, Subject, Reason -Wrap

    $expected = Get-Content $sample.Expected -Raw | ConvertFrom-Json
    foreach ($name in 'PlatformCarrier', 'PlatformPrivacyNumber', 'CarrierPrivacyNumber', 'AllThree', 'Union') {
        [pscustomobject]@{ Figure = $name; Measured = $result.$name; Expected = $expected.$name; Equal = $result.$name -eq $expected.$name }
    }
}
finally {
    if (-not $Keep) {
        Remove-Item -Recurse -Force $Folder
    }
}
