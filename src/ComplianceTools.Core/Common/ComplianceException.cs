using System;

namespace ComplianceTools.Core.Common
{
    /// <summary>How a problem is reported to PowerShell; the cmdlet layer maps it to an ErrorCategory.</summary>
    public enum ProblemKind
    {
        InvalidArgument,
        InvalidData,
        ObjectNotFound,
        ReadError,
        WriteError,
        ResourceExists,
        NotSpecified,
        AuthenticationError,
        ConnectionError,
        LimitsExceeded,
        OperationStopped,

        /// <summary>Not an error: something the user should know (a row read as unknown); cmdlets write it as a warning.</summary>
        Warning,
    }

    /// <summary>
    /// A problem the user can act on: a stable namespaced id (ComplianceTools.Catalog.ThresholdInvalid),
    /// a kind, the offending item (file, sheet, row, column, rule id) and a message in the user's language.
    /// </summary>
    public sealed class ComplianceProblem
    {
        public ComplianceProblem(string errorId, ProblemKind kind, string message, object target = null, string recommendedAction = null)
        {
            ErrorId = errorId ?? throw new ArgumentNullException(nameof(errorId));
            Kind = kind;
            Message = message;
            Target = target;
            RecommendedAction = recommendedAction;
        }

        public string ErrorId { get; }

        public ProblemKind Kind { get; }

        public string Message { get; }

        public object Target { get; }

        public string RecommendedAction { get; }

        public override string ToString() => ErrorId + ": " + Message;
    }

    /// <summary>Thrown by the engine for a problem that stops the current operation.</summary>
    [Serializable]
    public sealed class ComplianceException : Exception
    {
        public ComplianceException(ComplianceProblem problem, Exception inner = null)
            : base(problem?.Message, inner)
        {
            Problem = problem ?? throw new ArgumentNullException(nameof(problem));
        }

        public ComplianceProblem Problem { get; }

        public string ErrorId => Problem.ErrorId;
    }

    /// <summary>Where a value came from, for messages that name file, sheet, row and column.</summary>
    public sealed class SourceLocation
    {
        public SourceLocation(string file, string sheet = null, int? row = null, string column = null)
        {
            File = file;
            Sheet = sheet;
            Row = row;
            Column = column;
        }

        public string File { get; }

        public string Sheet { get; }

        public int? Row { get; }

        public string Column { get; }

        public SourceLocation WithColumn(string column) => new SourceLocation(File, Sheet, Row, column);

        public override string ToString()
        {
            string name = System.IO.Path.GetFileName(File ?? string.Empty);
            var sb = new System.Text.StringBuilder(name);
            if (!string.IsNullOrEmpty(Sheet))
            {
                sb.Append('!').Append(Sheet);
            }

            if (Row.HasValue)
            {
                // A sheet has rows; a text file (JSON, CSV) has lines.
                sb.Append(string.IsNullOrEmpty(Sheet) ? " line " : " row ").Append(Row.Value);
            }

            if (!string.IsNullOrEmpty(Column))
            {
                sb.Append(" column ").Append(Column);
            }

            return sb.ToString();
        }
    }
}
