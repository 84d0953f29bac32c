# User-style pipelines against the built module, in real PowerShell: PowerShell 7 (pwsh) here and in CI, and Windows
# PowerShell 5.1 on the Windows CI runner. A new session is the PowerShell running the tests (pwsh or powershell.exe).
BeforeDiscovery {
    $desktop = $PSVersionTable.PSEdition -eq 'Desktop'
}

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Manifest = Join-Path $Root 'ComplianceTools.psd1'
    $script:PowerShell = (Get-Process -Id $PID).Path
    Import-Module $Manifest -Force
}

Describe 'Importing ComplianceTools' {
    It 'exports the cmdlets the manifest lists and nothing else' {
        $listed = (Import-PowerShellDataFile $Manifest).CmdletsToExport | Sort-Object
        $exported = (Get-Module ComplianceTools).ExportedCommands.Keys | Sort-Object
        $exported | Should -Be $listed
    }

    It 'imports in a new session right after the build' {
        $out = & $PowerShell -NoProfile -NonInteractive -Command "Import-Module '$Manifest'; (Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69).Severity.ToString()"
        $LASTEXITCODE | Should -Be 0
        $out | Should -Be 'Red'
    }

    It 'lets scripts name its types' {
        [ComplianceTools.Core.Findings.Severity]::Red | Should -BeOfType ([ComplianceTools.Core.Findings.Severity])
    }
}

Describe 'Get-SeatVacancy (SEAT-001)' {
    It 'is Green at 29% (100 on file, 71 activated)' {
        $f = Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 71
        $f.Severity | Should -Be 'Green'
        $f.Value | Should -Be 0.29
    }

    It 'is Red at 31% (100 on file, 69 activated)' {
        $f = Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69
        $f.Severity | Should -Be 'Red'
        $f.ValueText | Should -Be '31%'
    }

    It 'takes seat rows from the pipeline and lists the vacant seats as evidence' {
        $seats = 1..10 | ForEach-Object {
            [ComplianceTools.Core.Workbook.Sheets.SeatRow]@{ SeatId = 'S{0:00}' -f $_; Activated = if ($_ -le 6) { 'Yes' } else { 'No' } }
        }
        $f = $seats | Get-SeatVacancy
        $f.Value | Should -Be 0.4
        $f.Severity | Should -Be 'Red'
        $f.Evidence.Subject | Should -Be @('S07', 'S08', 'S09', 'S10')
    }

    It 'turns 31% Green under a baseline that raises the line to 40%' {
        $baseline = Join-Path $TestDrive 'province.json'
        '{ "rules": { "SEAT-001": { "red": 0.40 } } }' | Set-Content -Path $baseline -Encoding utf8
        (Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69 -Baseline $baseline).Severity | Should -Be 'Green'
    }

    It 'reports 0 seats on file as a clear error' {
        { Get-SeatVacancy -SeatsOnFile 0 -SeatsActivated 0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ComplianceTools.Seats.NoSeatsOnFile,ComplianceTools.Commands.Seats.GetSeatVacancyCommand'
    }

    It 'names the file and line of a bad baseline' {
        $baseline = Join-Path $TestDrive 'bad.json'
        "{`n  `"rules`": {`n    `"SEAT-001`": { `"red`": 40 }`n  }`n}" | Set-Content -Path $baseline -Encoding utf8
        $err = $null
        try { Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69 -Baseline $baseline -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ComplianceTools.Baseline.ThresholdInvalid,*'
        $err.TargetObject | Should -Be 'bad.json line 3'
        $err.Exception.Message | Should -Match 'write 0.40 for 40%'
    }
}

Describe 'Help' {
    It 'shows parameters and an example for Get-SeatVacancy' {
        $help = Get-Help Get-SeatVacancy -Full
        $help.examples.example.Count | Should -BeGreaterThan 0
        ($help.parameters.parameter.name) | Should -Contain 'SeatsOnFile'
        ($help | Out-String) | Should -Match 'Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69'
    }
}

# PowerShell 7 only: Windows PowerShell 5.1 has no AssemblyLoadContext (there the resolver loads from the module folder).
Describe 'Dependency isolation in real pwsh' -Skip:$desktop {
    It 'runs on its own Newtonsoft.Json after the session loaded pwsh''s own' {
        $baseline = Join-Path $TestDrive 'b.json'
        '{ "rules": { "SEAT-001": { "red": 0.40 } } }' | Set-Content -Path $baseline -Encoding utf8
        $script = @"
`$null = ConvertTo-Json @{ warm = 1 }
`$hostCopy = [Newtonsoft.Json.JsonConvert].Assembly
Import-Module '$Manifest'
(Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 69 -Baseline '$baseline').Severity.ToString()
`$engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'ComplianceTools.Engine' }
`$ours = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$engine).Assemblies | Where-Object { `$_.GetName().Name -eq 'Newtonsoft.Json' }
Split-Path -Leaf (Split-Path -Parent `$ours.Location)
[object]::ReferenceEquals(`$ours, `$hostCopy)
"@
        $out = & $PowerShell -NoProfile -NonInteractive -Command $script
        $LASTEXITCODE | Should -Be 0
        $out | Should -Be @('Green', 'dependencies', 'False')
    }
}

Describe 'Publishing' {
    It 'assembles a versioned folder that imports by name from PSModulePath' {
        $version = ([xml](Get-Content (Join-Path $Root 'Directory.Build.props'))).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
        & dotnet build (Join-Path $Root 'src/ComplianceTools/ComplianceTools.csproj') -t:PublishModule -nologo -v:q | Out-Null
        $LASTEXITCODE | Should -Be 0
        $published = Join-Path $Root "out/ComplianceTools/$version"
        Test-Path (Join-Path $published 'ComplianceTools.psd1') | Should -BeTrue
        $modules = Join-Path $TestDrive 'Modules'
        New-Item -ItemType Directory -Path (Join-Path $modules 'ComplianceTools') -Force | Out-Null
        Copy-Item -Path $published -Destination (Join-Path $modules 'ComplianceTools') -Recurse
        $sep = [IO.Path]::PathSeparator
        $out = & $PowerShell -NoProfile -NonInteractive -Command "`$env:PSModulePath = '$modules$sep' + `$env:PSModulePath; Import-Module ComplianceTools; (Get-Module ComplianceTools).Version.ToString(); (Get-SeatVacancy -SeatsOnFile 100 -SeatsActivated 71).Severity.ToString(); (Get-Help Get-SeatVacancy).Synopsis"
        $LASTEXITCODE | Should -Be 0
        $out[0] | Should -Be $version
        $out[1] | Should -Be 'Green'
        $out[2] | Should -Match 'SEAT-001'
    }
}
