using System;
using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Systems;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Systems
{
    /// <summary>SYS-001: call and gateway logs go back at least 6 months from the check date.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "LogRetention", DefaultParameterSetName = FiguresSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestLogRetentionCommand : RuleCmdlet
    {
        private const string ReadinessSet = "Readiness";
        private const string FiguresSet = "Figures";

        /// <summary>The Readiness sheet, as Import-ComplianceWorkbook -Sheet Readiness writes it.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ReadinessSet)]
        public Readiness Readiness { get; set; }

        /// <summary>A whole workbook, as Import-ComplianceWorkbook writes it without -Sheet.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>The earliest date the call logs reach back to.</summary>
        [Parameter(ParameterSetName = FiguresSet)]
        public DateTime CallLogsSince { get; set; }

        /// <summary>The earliest date the gateway logs reach back to.</summary>
        [Parameter(ParameterSetName = FiguresSet)]
        public DateTime GatewayLogsSince { get; set; }

        /// <summary>The check date; default the Company sheet's CheckDate, else today.</summary>
        [Parameter]
        public DateTime AsOf { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { LogRetention.Id };

        protected override void EndProcessing()
        {
            if (ParameterSetName == FiguresSet && !MyInvocation.BoundParameters.ContainsKey(nameof(CallLogsSince)) && !MyInvocation.BoundParameters.ContainsKey(nameof(GatewayLogsSince)))
            {
                ThrowProblem(new ComplianceProblem("ComplianceTools.Systems.LogDatesMissing", ProblemKind.InvalidArgument, Text.Get(nameof(Core.Resources.Strings.LogFiguresMissing)), LogRetention.Id));
            }

            base.EndProcessing();
        }
    }
}
