using System.Collections.Generic;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Systems;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Commands.Systems
{
    /// <summary>SYS-002: complaint button; AI intent recognition and hand-over where AI robots call; predictive dialling declared.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "SystemCapability", DefaultParameterSetName = ReadinessSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestSystemCapabilityCommand : RuleCmdlet
    {
        private const string ReadinessSet = "Readiness";

        /// <summary>The Readiness sheet, as Import-ComplianceWorkbook -Sheet Readiness writes it.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ReadinessSet)]
        public Readiness Readiness { get; set; }

        /// <summary>AI robots call (AI seats or AI outbound calls): the AI capabilities then apply.</summary>
        [Parameter(ParameterSetName = ReadinessSet)]
        public SwitchParameter UsesAi { get; set; }

        /// <summary>A whole workbook, as Import-ComplianceWorkbook writes it without -Sheet; AI use is read from its Seats, Traffic and Company sheets.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
        public ComplianceDataset Dataset { get; set; }

        protected override IReadOnlyList<string> RuleIds { get; } = new[] { SystemCapability.Id };
    }
}
