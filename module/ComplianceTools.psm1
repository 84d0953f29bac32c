# The script part of ComplianceTools: tab completion for rule ids. The cmdlets are compiled (bin/ComplianceTools.dll).

$ruleIdCompleter = {
    param($commandName, $parameterName, $wordToComplete, $commandAst, $fakeBoundParameters)
    foreach ($rule in Get-ComplianceRule) {
        if ($rule.Id -like "$wordToComplete*") {
            [System.Management.Automation.CompletionResult]::new($rule.Id, $rule.Id, 'ParameterValue', "$($rule.Id) $($rule.Title)")
        }
    }
}

Register-ArgumentCompleter -CommandName Get-ComplianceRule -ParameterName Id -ScriptBlock $ruleIdCompleter

Export-ModuleMember -Cmdlet * -Function @()
