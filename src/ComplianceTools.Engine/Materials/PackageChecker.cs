using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Materials;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Engine.Materials
{
    /// <summary>
    /// Test-ReportPackage and the audit: lists the package folder (read-only, nested folders, any file
    /// names), reads the matched PDFs with <see cref="PdfInspector"/>, and hands both to
    /// <see cref="ReportPackage.Evaluate"/>. Nothing in the folder is created, renamed, moved or written.
    /// </summary>
    public static class PackageChecker
    {
        /// <summary>Checks the package in <paramref name="folder"/>. A folder that cannot be listed is reported and skipped; a damaged PDF is a Red row, not an error.</summary>
        /// <param name="progress">Called before each PDF is read: index, PDFs in the folder (an upper bound), file.</param>
        public static PackageResult Check(string folder, ComplianceDataset dataset, RuleCatalog catalog, Action<ComplianceProblem> report, Action<int, int, string> progress = null, string subject = null, string period = null)
        {
            string full = FullFolder(folder);
            IReadOnlyList<PackageFile> files = List(full, report);
            int total = files.Count(f => f.IsPdf);
            int done = 0;
            PdfFacts Inspect(PackageFile file)
            {
                progress?.Invoke(++done, Math.Max(total, done), file.DisplayPath);
                return PdfInspector.Inspect(file.FullPath);
            }

            var input = new PackageInput(
                full,
                files,
                dataset,
                subject ?? (string.IsNullOrWhiteSpace(dataset?.Company?.CompanyName) ? Path.GetFileName(full) : dataset.Company.CompanyName.Trim()),
                period ?? dataset?.Company?.ReportYear?.ToString(CultureInfo.InvariantCulture));
            return ReportPackage.Evaluate(catalog, input, Inspect);
        }

        /// <summary>The folder the workbook names in Company.PackageFolder, relative to the workbook (or to <paramref name="baseDirectory"/>); null when it names none.</summary>
        public static string FolderFromDataset(ComplianceDataset dataset, string baseDirectory)
        {
            string named = dataset?.Company?.PackageFolder;
            if (string.IsNullOrWhiteSpace(named))
            {
                return null;
            }

            string root = string.IsNullOrEmpty(dataset.Path) ? baseDirectory : Path.GetDirectoryName(Path.GetFullPath(dataset.Path));
            return Path.GetFullPath(Path.Combine(root ?? Environment.CurrentDirectory, named.Trim()));
        }

        /// <summary>Every file below the folder, sorted by relative path. Office lock files (~$…) are left out; linked folders are not followed.</summary>
        public static IReadOnlyList<PackageFile> List(string folder, Action<ComplianceProblem> report)
        {
            string root = FullFolder(folder);
            var files = new List<PackageFile>();
            var pending = new Stack<DirectoryInfo>();
            pending.Push(new DirectoryInfo(root));
            while (pending.Count > 0)
            {
                DirectoryInfo dir = pending.Pop();
                FileInfo[] here;
                DirectoryInfo[] below;
                try
                {
                    here = dir.GetFiles();
                    below = dir.GetDirectories();
                }
                catch (Exception ex) when (ex is UnauthorizedAccessException || ex is IOException || ex is SecurityException)
                {
                    report?.Invoke(new ComplianceProblem("ComplianceTools.Materials.FolderUnreadable", ProblemKind.ReadError, Text.Format(nameof(Strings.MaterialsFolderUnreadable), dir.FullName, ex.Message), dir.FullName));
                    continue;
                }

                foreach (FileInfo file in here)
                {
                    if (!file.Name.StartsWith("~$", StringComparison.Ordinal))
                    {
                        files.Add(new PackageFile(file.FullName, PackagePaths.Relative(root, file.FullName), file.Length));
                    }
                }

                foreach (DirectoryInfo sub in below)
                {
                    if ((sub.Attributes & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push(sub);
                    }
                }
            }

            files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
            return files;
        }

        private static string FullFolder(string folder)
        {
            string full = string.IsNullOrWhiteSpace(folder) ? null : Path.GetFullPath(folder);
            if (full == null || !Directory.Exists(full))
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.Materials.FolderNotFound",
                    ProblemKind.ObjectNotFound,
                    Text.Format(nameof(Strings.MaterialsFolderNotFound), full ?? folder),
                    full ?? folder));
            }

            // "材料包/" and "材料包" are the same folder; a drive or file-system root keeps its separator.
            return string.Equals(Path.GetPathRoot(full), full, StringComparison.Ordinal) ? full : full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        }
    }
}
