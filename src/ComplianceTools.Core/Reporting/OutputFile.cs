using System;
using System.IO;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Resources;

namespace ComplianceTools.Core.Reporting
{
    /// <summary>
    /// Writes an output file whole or not at all: to a temporary file in the same folder, then moved into
    /// place. An existing file is replaced only with <c>force</c>.
    /// </summary>
    public static class OutputFile
    {
        /// <summary>Fails with ComplianceTools.Output.FileExists when the file exists and force is not given.</summary>
        public static void CheckTarget(string path, bool force)
        {
            string dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!Directory.Exists(dir))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Output.FolderNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.OutputFolderNotFound), dir), path));
            }

            if (Directory.Exists(path))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Output.PathIsFolder", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.OutputPathIsFolder), path), path));
            }

            if (File.Exists(path) && !force)
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Output.FileExists", ProblemKind.ResourceExists, Text.Format(nameof(Strings.OutputFileExists), path), path));
            }
        }

        /// <summary>Runs <paramref name="write"/> on a temporary file beside <paramref name="path"/>, then moves it into place.</summary>
        public static FileInfo Write(string path, bool force, Action<string> write)
        {
            string full = Path.GetFullPath(path);
            CheckTarget(full, force);
            string temp = Path.Combine(Path.GetDirectoryName(full), "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                write(temp);
                if (File.Exists(full))
                {
                    File.Replace(temp, full, null);
                }
                else
                {
                    File.Move(temp, full);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Output.WriteFailed", ProblemKind.WriteError, Text.Format(nameof(Strings.OutputWriteFailed), full, ex.Message), full), ex);
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }

            return new FileInfo(full);
        }
    }
}
