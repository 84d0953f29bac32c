using System;
using System.IO;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Resources;

namespace ComplianceTools.Core.Reporting
{
    /// <summary>
    /// Writes an output file whole or not at all: to a temporary file in the same folder, then moved into
    /// place. An existing file is replaced only with <c>force</c>. The temporary name is short (.ct-xxxxxxxx.tmp),
    /// so it never pushes a valid file name past the file system's limit.
    /// </summary>
    public static class OutputFile
    {
        /// <summary>The longest file name (UTF-16 characters on Windows, UTF-8 bytes elsewhere) most file systems take.</summary>
        public const int MaxNameLength = 255;

        /// <summary>A temporary file beside <paramref name="path"/>, with a short name of its own.</summary>
        public static string TemporaryPath(string path)
        {
            string dir = Path.GetDirectoryName(Path.GetFullPath(path));
            return Path.Combine(dir, ".ct-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        }

        /// <summary>Fails with ComplianceTools.Output.NameTooLong when the file name is longer than file systems take.</summary>
        public static void CheckName(string path)
        {
            string name = Path.GetFileName(path) ?? string.Empty;
            int bytes = System.Text.Encoding.UTF8.GetByteCount(name);
            if (name.Length > MaxNameLength || bytes > MaxNameLength)
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Output.NameTooLong", ProblemKind.InvalidArgument, Text.Format(nameof(Strings.OutputNameTooLong), name.Substring(0, Math.Min(40, name.Length)), bytes, MaxNameLength), path));
            }
        }

        /// <summary>Fails with ComplianceTools.Output.FileExists when the file exists and force is not given.</summary>
        public static void CheckTarget(string path, bool force)
        {
            string dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!Directory.Exists(dir))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Output.FolderNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.OutputFolderNotFound), dir), path));
            }

            CheckName(path);
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
            string temp = TemporaryPath(full);
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
