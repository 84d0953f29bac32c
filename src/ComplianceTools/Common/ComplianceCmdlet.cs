using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Rules;

namespace ComplianceTools.Commands.Common
{
    /// <summary>
    /// Shared plumbing of every cmdlet: the rule catalog with -Baseline applied, and turning engine
    /// problems into ErrorRecords with stable ids, precise categories and the offending item as target.
    /// </summary>
    public abstract class ComplianceCmdlet : PSCmdlet
    {
        private RuleCatalog _catalog;

        /// <summary>The catalog after the baselines given by -Baseline (for cmdlets that have it).</summary>
        protected RuleCatalog Catalog
        {
            get
            {
                if (_catalog == null)
                {
                    _catalog = LoadCatalog(BaselinePaths);
                }

                return _catalog;
            }
        }

        /// <summary>Baseline files named by the cmdlet's -Baseline parameter; none by default.</summary>
        protected virtual IEnumerable<string> BaselinePaths => Enumerable.Empty<string>();

        /// <summary>The rule, or a terminating error when a baseline disabled it.</summary>
        protected RuleDefinition EnabledRule(string ruleId)
        {
            RuleDefinition rule = Catalog.Get(ruleId);
            if (!rule.Enabled)
            {
                WriteWarning(Text.Format("RuleDisabled", ruleId));
            }

            return rule;
        }

        protected RuleCatalog LoadCatalog(IEnumerable<string> paths)
        {
            var resolved = (paths ?? Enumerable.Empty<string>()).Select(ResolvePath).ToList();
            try
            {
                return Engine.Rules.CatalogLoader.Load(resolved);
            }
            catch (BaselineException ex)
            {
                foreach (ComplianceProblem problem in ex.Problems.Take(ex.Problems.Count - 1))
                {
                    WriteProblem(problem);
                }

                ThrowProblem(ex.Problems[ex.Problems.Count - 1]);
                return null;
            }
        }

        /// <summary>
        /// Holds a cmdlet parameter that stands for a rule parameter (-Count for CMPL-004's sampleSize) to the rule's spec,
        /// so the same limits apply whether the value comes from the command line or a baseline.
        /// </summary>
        protected void CheckAgainstRule(string ruleId, string ruleParameter, string cmdletParameter, object value)
        {
            ParameterSpec spec = Catalog.Get(ruleId).ParameterSpecs[ruleParameter];
            object plain = value is int i ? (double)i : value is long l ? (double)l : value;
            ParameterError error = spec.Validate(plain).FirstOrDefault();
            if (error != null)
            {
                ThrowProblem(new ComplianceProblem(
                    "ComplianceTools.Parameter.OutOfRange",
                    ProblemKind.InvalidArgument,
                    Text.Format(nameof(Core.Resources.Strings.ParameterOutOfRange), cmdletParameter, error.Expected, ruleId + "." + ruleParameter),
                    cmdletParameter));
            }
        }

        /// <summary>A path as the user gave it, resolved against the current PowerShell location.</summary>
        protected string ResolvePath(string path)
        {
            return SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        }

        /// <summary>Writes a non-terminating error for a problem (a warning for <see cref="ProblemKind.Warning"/>); the rest of the input goes on.</summary>
        protected void WriteProblem(ComplianceProblem problem)
        {
            if (problem.Kind == ProblemKind.Warning)
            {
                WriteWarning(problem.Message);
                return;
            }

            WriteError(ToErrorRecord(problem, null));
        }

        /// <summary>Stops the command with a problem.</summary>
        protected void ThrowProblem(ComplianceProblem problem, Exception inner = null)
        {
            ThrowTerminatingError(ToErrorRecord(problem, inner));
        }

        /// <summary>Runs an engine call; a ComplianceException becomes a terminating error with its id.</summary>
        protected T Run<T>(Func<T> action)
        {
            try
            {
                return action();
            }
            catch (ComplianceException ex)
            {
                ThrowProblem(ex.Problem, ex);
                return default(T);
            }
        }

        /// <summary>Runs an engine call; a ComplianceException becomes a non-terminating error, and false.</summary>
        protected bool TryRun(Action action)
        {
            try
            {
                action();
                return true;
            }
            catch (ComplianceException ex)
            {
                WriteError(ToErrorRecord(ex.Problem, ex));
                return false;
            }
        }

        internal static ErrorRecord ToErrorRecord(ComplianceProblem problem, Exception inner)
        {
            Exception exception = inner as ComplianceException ?? new ComplianceException(problem, inner);
            var record = new ErrorRecord(exception, problem.ErrorId, Map(problem.Kind), problem.Target?.ToString() ?? problem.Target);
            if (!string.IsNullOrEmpty(problem.RecommendedAction))
            {
                record.ErrorDetails = new ErrorDetails(problem.Message) { RecommendedAction = problem.RecommendedAction };
            }

            return record;
        }

        private static ErrorCategory Map(ProblemKind kind)
        {
            switch (kind)
            {
                case ProblemKind.InvalidArgument: return ErrorCategory.InvalidArgument;
                case ProblemKind.InvalidData: return ErrorCategory.InvalidData;
                case ProblemKind.ObjectNotFound: return ErrorCategory.ObjectNotFound;
                case ProblemKind.ReadError: return ErrorCategory.ReadError;
                case ProblemKind.WriteError: return ErrorCategory.WriteError;
                case ProblemKind.ResourceExists: return ErrorCategory.ResourceExists;
                case ProblemKind.AuthenticationError: return ErrorCategory.AuthenticationError;
                case ProblemKind.ConnectionError: return ErrorCategory.ConnectionError;
                case ProblemKind.LimitsExceeded: return ErrorCategory.LimitsExceeded;
                case ProblemKind.OperationStopped: return ErrorCategory.OperationStopped;
                default: return ErrorCategory.NotSpecified;
            }
        }
    }

    /// <summary>A check: takes -Baseline and emits findings.</summary>
    public abstract class ComplianceCheckCmdlet : ComplianceCmdlet
    {
        /// <summary>Baseline files (JSON) that override thresholds, parameters or disable rules; later files win.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Baseline { get; set; }

        protected override IEnumerable<string> BaselinePaths => Baseline ?? Enumerable.Empty<string>();
    }
}
