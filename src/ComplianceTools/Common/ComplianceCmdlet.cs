using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Privacy;
using ComplianceTools.Core.Rules;

namespace ComplianceTools.Commands.Common
{
    /// <summary>
    /// Shared plumbing of every cmdlet: the rule catalog with -Baseline applied, turning engine problems into
    /// ErrorRecords with stable ids, precise categories and the offending item as target, and the privacy net of
    /// every stream but output: error, warning, verbose, debug and progress text pass through
    /// <see cref="Core.Privacy.Mask.Text"/> (these methods hide the PSCmdlet ones, so every cmdlet of the module
    /// writes through them).
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
                WriteWarning(Text.Format(nameof(Core.Resources.Strings.RuleDisabled), ruleId));
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

        /// <summary>
        /// Writes a file the command made as the FileSystem provider gives it (Get-Item's object, with its mode, size and
        /// provider path), so it shows as any file does; the plain FileInfo when the provider cannot give it.
        /// </summary>
        protected void WriteFile(System.IO.FileInfo file)
        {
            if (file == null)
            {
                return;
            }

            try
            {
                WriteObject(InvokeProvider.Item.Get(new[] { file.FullName }, false, true), true);
            }
            catch (Exception ex) when (ex is ProviderNotFoundException || ex is ItemNotFoundException || ex is DriveNotFoundException || ex is NotSupportedException)
            {
                WriteObject(file);
            }
        }

        /// <summary>A warning with any phone or ID number in it masked.</summary>
        protected new void WriteWarning(string text) => base.WriteWarning(Mask.Text(text));

        /// <summary>A verbose message with any phone or ID number in it masked.</summary>
        protected new void WriteVerbose(string text) => base.WriteVerbose(Mask.Text(text));

        /// <summary>A debug message with any phone or ID number in it masked.</summary>
        protected new void WriteDebug(string text) => base.WriteDebug(Mask.Text(text));

        /// <summary>A progress record whose activity, status and operation have any phone or ID number masked.</summary>
        protected new void WriteProgress(ProgressRecord record)
        {
            if (record != null)
            {
                record.Activity = Mask.Text(record.Activity);
                record.StatusDescription = Mask.Text(record.StatusDescription);
                record.CurrentOperation = Mask.Text(record.CurrentOperation);
            }

            base.WriteProgress(record);
        }

        /// <summary>An error record whose message, details and target have any phone or ID number masked.</summary>
        protected new void WriteError(ErrorRecord record) => base.WriteError(Scrub(record));

        /// <summary>Stops the command with an error record whose message, details and target have any phone or ID number masked.</summary>
        protected new void ThrowTerminatingError(ErrorRecord record) => base.ThrowTerminatingError(Scrub(record));

        /// <summary>The error record of a problem: message, recommended action and target masked, id and category kept.</summary>
        internal static ErrorRecord ToErrorRecord(ComplianceProblem problem, Exception inner)
        {
            ComplianceProblem safe = Scrub(problem);
            Exception exception;
            if (ReferenceEquals(safe, problem) && inner is ComplianceException same && ReferenceEquals(same.Problem, problem))
            {
                exception = inner;
            }
            else
            {
                // The inner exception travels along only when its own message holds nothing personal.
                Exception cause = inner is ComplianceException ce ? ce.InnerException : inner;
                exception = new ComplianceException(safe, cause != null && Mask.Text(cause.Message) == cause.Message ? cause : null);
            }

            var record = new ErrorRecord(exception, safe.ErrorId, Map(safe.Kind), safe.Target);
            if (!string.IsNullOrEmpty(safe.RecommendedAction))
            {
                record.ErrorDetails = new ErrorDetails(safe.Message) { RecommendedAction = safe.RecommendedAction };
            }

            return record;
        }

        /// <summary>A problem with its message, recommended action and target masked (the same object when nothing needed masking).</summary>
        internal static ComplianceProblem Scrub(ComplianceProblem problem)
        {
            string message = Mask.Text(problem.Message);
            string action = Mask.Text(problem.RecommendedAction);
            string targetText = problem.Target?.ToString();
            string target = Mask.Text(targetText);
            if (message == problem.Message && action == problem.RecommendedAction && (problem.Target == null || (problem.Target is string text && text == target)))
            {
                return problem;
            }

            return new ComplianceProblem(problem.ErrorId, problem.Kind, message, target, action);
        }

        private static ErrorRecord Scrub(ErrorRecord record)
        {
            if (record == null)
            {
                return null;
            }

            if (record.Exception is ComplianceException ce)
            {
                ComplianceProblem safe = Scrub(ce.Problem);
                return ReferenceEquals(safe, ce.Problem) ? record : ToErrorRecord(safe, ce.InnerException);
            }

            string message = record.Exception?.Message;
            string details = record.ErrorDetails?.Message;
            string targetText = record.TargetObject as string;
            if (Mask.Text(message) == message && Mask.Text(details) == details && Mask.Text(targetText) == targetText)
            {
                return record;
            }

            var copy = new ErrorRecord(new InvalidOperationException(Mask.Text(message)), record.FullyQualifiedErrorId, record.CategoryInfo.Category, targetText != null ? Mask.Text(targetText) : record.TargetObject);
            if (record.ErrorDetails != null)
            {
                copy.ErrorDetails = new ErrorDetails(Mask.Text(details)) { RecommendedAction = Mask.Text(record.ErrorDetails.RecommendedAction) };
            }

            return copy;
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
