using System;
using System.Collections;
using System.Collections.Generic;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Resources;

namespace ComplianceTools.Commands.Common
{
    /// <summary>
    /// Findings and plan items from a cmdlet's input, as Export-ComplianceReport and Export-ComplianceResult take them:
    /// arrays and lists unrolled (as -InputObject @($findings, $plan) gives them), other module objects (the audit's
    /// summary) passed over with a verbose line, anything else an error with the cmdlet's id.
    /// </summary>
    internal sealed class ReportInput
    {
        private readonly string _errorId;
        private readonly Action<string> _verbose;
        private readonly Action<ComplianceProblem> _problem;

        public ReportInput(string errorId, Action<string> verbose, Action<ComplianceProblem> problem)
        {
            _errorId = errorId;
            _verbose = verbose;
            _problem = problem;
        }

        public List<Finding> Findings { get; } = new List<Finding>();

        public List<PlanItem> Items { get; } = new List<PlanItem>();

        public void Collect(object item, int depth = 0)
        {
            switch (item)
            {
                case null:
                    break;
                case System.Management.Automation.PSObject wrapped:
                    Collect(wrapped.BaseObject, depth);
                    break;
                case Finding finding:
                    Findings.Add(finding);
                    break;
                case PlanItem planItem:
                    Items.Add(planItem);
                    break;
                case IEnumerable list when !(item is string) && !(item is IDictionary) && depth < 8:
                    foreach (object element in list)
                    {
                        Collect(element, depth + 1);
                    }

                    break;
                case object other when other.GetType().Namespace?.StartsWith("ComplianceTools.", StringComparison.Ordinal) == true:
                    _verbose(Text.Format(nameof(Strings.InputSkipped), other.GetType().Name));
                    break;
                default:
                    _problem(new ComplianceProblem(_errorId, ProblemKind.InvalidArgument, Text.Format(nameof(Strings.ReportInputNotSupported), item.GetType().FullName), item));
                    break;
            }
        }
    }
}
