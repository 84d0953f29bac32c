# examples/Register-ComplianceScheduledTask.ps1: the IT admin's weekly compliance run in Windows Task Scheduler.
# Registering needs Windows and an elevated session (the S4U principal) and changes the machine's Task Scheduler, so
# those tests run only when COMPLIANCETOOLS_TEST_TASK_SCHEDULER=1: the Windows CI runners (Windows PowerShell 5.1 and
# PowerShell 7) set it; elsewhere they are skipped. The argument checks and the refusal off Windows run everywhere they
# apply. Every task the tests register is named ct-test-<run>-* in \ComplianceTools\ and removed afterwards.
# SampleWorkbook: the sample of 2025, written once by tests/Invoke-PesterTests.ps1 (read only); without it, written here.
param([string] $SampleWorkbook)

BeforeDiscovery {
    $onWindows = if ($PSVersionTable.PSEdition -eq 'Desktop') { $true } else { [bool] $IsWindows }
    $registering = $onWindows -and $env:COMPLIANCETOOLS_TEST_TASK_SCHEDULER -eq '1'
}

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Register = Join-Path $Root 'examples/Register-ComplianceScheduledTask.ps1'
    $script:Run = 'ct-test-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:Folder = '\ComplianceTools\'

    function script:Get-TestTask([string] $Name) {
        Get-ScheduledTask -TaskPath $Folder -TaskName $Name -ErrorAction SilentlyContinue
    }
}

Describe 'Registering the weekly run in Task Scheduler' {
    Context 'on any system' {
        It 'rejects a weekday or a time it cannot read, at binding, before anything happens' {
            { & $Register -WorkbookPath 'book.xlsx' -OutputDirectory 'out' -DaysOfWeek 'Funday' } |
                Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
            { & $Register -WorkbookPath 'book.xlsx' -OutputDirectory 'out' -At 'half past seven' } |
                Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
        }
    }

    Context 'off Windows' -Skip:$onWindows {
        It 'refuses with a clear error that points to cron or a systemd timer' {
            { & $Register -WorkbookPath (Join-Path $TestDrive 'book.xlsx') -OutputDirectory (Join-Path $TestDrive 'out') } |
                Should -Throw '*needs Windows Task Scheduler*cron or a systemd timer*'
        }
    }

    Context 'on Windows, with COMPLIANCETOOLS_TEST_TASK_SCHEDULER=1 (real tasks; an elevated session)' -Skip:(-not $registering) {
        BeforeAll {
            Import-Module (Join-Path $Root 'ComplianceTools.psd1') -Force
            $script:Book = $SampleWorkbook
            if (-not $Book) {
                $script:Book = Join-Path $TestDrive 'sample-2025.xlsx'
                New-ComplianceWorkbook -Path $Book -Sample -Year 2025 | Out-Null
            }
            $script:BookFull = (Resolve-Path -LiteralPath $Book).ProviderPath
        }

        AfterAll {
            Get-ScheduledTask -TaskPath $Folder -ErrorAction SilentlyContinue |
                Where-Object { $_.TaskName -like "$Run-*" } |
                ForEach-Object { Unregister-ScheduledTask -TaskPath $Folder -TaskName $_.TaskName -Confirm:$false }
        }

        It 'registers nothing with -WhatIf' {
            $name = "$Run-whatif"
            & $Register -WorkbookPath $Book -OutputDirectory (Join-Path $TestDrive 'whatif') -TaskName $name -WhatIf
            Get-TestTask $name | Should -BeNullOrEmpty
        }

        It 'stops on a workbook that does not exist and registers nothing' {
            $name = "$Run-missing"
            { & $Register -WorkbookPath (Join-Path $TestDrive 'missing.xlsx') -OutputDirectory (Join-Path $TestDrive 'out') -TaskName $name } |
                Should -Throw -ErrorId 'PathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand'
            Get-TestTask $name | Should -BeNullOrEmpty
        }

        It 'registers PowerShell running the main job on the workbook every Monday at 07:00, as the current user with no stored password' {
            $name = "$Run-weekly"
            $out = Join-Path $TestDrive 'weekly'
            & $Register -WorkbookPath $Book -OutputDirectory $out -TaskName $name
            $task = Get-TestTask $name
            $task | Should -Not -BeNullOrEmpty
            $action = @($task.Actions)[0]
            $action.Execute | Should -Match '\\(pwsh|powershell)\.exe$'
            $action.Arguments | Should -BeLike '-NoProfile -NonInteractive -ExecutionPolicy RemoteSigned -File "*\examples\Invoke-AnnualComplianceRun.ps1" *'
            $action.Arguments | Should -BeLike ('* -WorkbookPath "' + $BookFull + '" -OutputDirectory "' + [IO.Path]::GetFullPath($out) + '" -Force')
            $trigger = @($task.Triggers)[0]
            $trigger.CimClass.CimClassName | Should -Be 'MSFT_TaskWeeklyTrigger'
            $trigger.DaysOfWeek | Should -Be 2          # the weekly trigger's day mask: Sunday 1, Monday 2, Tuesday 4, ...
            $trigger.StartBoundary | Should -Match 'T07:00:00'
            $task.Principal.LogonType | Should -Be 'S4U'
            $task.Principal.UserId | Should -Match ([regex]::Escape($env:USERNAME) + '$')
            $task.Settings.ExecutionTimeLimit | Should -Be 'PT2H'
            $task.Settings.MultipleInstances | Should -Be 'IgnoreNew'
            $task.Settings.StartWhenAvailable | Should -BeTrue
        }

        It 'refuses to replace a task of the same name without -Force, and replaces it with -Force' {
            $name = "$Run-replace"
            $out = Join-Path $TestDrive 'replace'
            & $Register -WorkbookPath $Book -OutputDirectory $out -TaskName $name
            { & $Register -WorkbookPath $Book -OutputDirectory $out -TaskName $name -At '06:30' } |
                Should -Throw "*\ComplianceTools\$name exists; use -Force*"
            @(@(Get-TestTask $name).Triggers)[0].StartBoundary | Should -Match 'T07:00:00'

            & $Register -WorkbookPath $Book -OutputDirectory $out -TaskName $name -DaysOfWeek Monday, Thursday -At '06:30' -AsSystem -Force
            $task = Get-TestTask $name
            @($task.Triggers)[0].DaysOfWeek | Should -Be 18   # Monday 2 + Thursday 16
            @($task.Triggers)[0].StartBoundary | Should -Match 'T06:30:00'
            $task.Principal.UserId | Should -Match 'SYSTEM$'
            $task.Principal.LogonType | Should -Be 'ServiceAccount'
        }

        It 'runs when started: the task audits the workbook and writes this year''s report and calendar' {
            $name = "$Run-started"
            $out = Join-Path $TestDrive 'started'
            & $Register -WorkbookPath $Book -OutputDirectory $out -TaskName $name
            $before = (Get-ScheduledTaskInfo -TaskPath $Folder -TaskName $name).LastRunTime
            Start-ScheduledTask -TaskPath $Folder -TaskName $name
            $deadline = [datetime]::Now.AddMinutes(10)
            do {
                Start-Sleep -Seconds 5
                $info = Get-ScheduledTaskInfo -TaskPath $Folder -TaskName $name
                $state = (Get-TestTask $name).State
            } while (($state -eq 'Running' -or $info.LastRunTime -eq $before) -and [datetime]::Now -lt $deadline)

            $state | Should -Not -Be 'Running'
            $info.LastTaskResult | Should -Be 0
            $year = [datetime]::Today.Year
            Test-Path (Join-Path $out "compliance-$year.xlsx") | Should -BeTrue
            Get-Content (Join-Path $out "compliance-$year.ics") -TotalCount 1 | Should -Be 'BEGIN:VCALENDAR'
        }
    }
}
