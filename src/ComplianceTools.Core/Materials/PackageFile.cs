using System;

namespace ComplianceTools.Core.Materials
{
    /// <summary>One file of the package folder, as listed (nothing in the folder is opened for writing).</summary>
    public sealed class PackageFile
    {
        public PackageFile(string fullPath, string relativePath, long length)
        {
            FullPath = fullPath;
            RelativePath = relativePath;
            Length = length;
        }

        public string FullPath { get; }

        /// <summary>Path below the package folder with '/' separators: 通用材料/营业执照.pdf.</summary>
        public string RelativePath { get; }

        public long Length { get; }

        public bool IsPdf => RelativePath.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);

        /// <summary>The relative path as shown in output: ID and mobile numbers in a file name are masked (PIPL).</summary>
        public string DisplayPath => PackagePaths.Display(RelativePath);

        public override string ToString() => DisplayPath;
    }

    /// <summary>What opening a PDF found. Produced by the engine (PdfPig); Core only reads it.</summary>
    public enum PdfState
    {
        /// <summary>Opens, not encrypted against reading, has pages.</summary>
        Readable,

        /// <summary>Zero bytes.</summary>
        Empty,

        /// <summary>Cannot be parsed, or truncated (no %%EOF at the end).</summary>
        Damaged,

        /// <summary>Needs a password to be read.</summary>
        Encrypted,

        /// <summary>Opens but has no page.</summary>
        NoPages,
    }

    /// <summary>The facts about one PDF the materials checks need: can it be read, how many pages, how sharp is the scan.</summary>
    public sealed class PdfFacts
    {
        public PdfState State { get; set; }

        public int Pages { get; set; }

        /// <summary>Lowest scan resolution over the pages that carry an image (the largest image of each page), in dots per inch; null when no page has an image.</summary>
        public double? LowestDpi { get; set; }

        /// <summary>The 1-based page with <see cref="LowestDpi"/>.</summary>
        public int? LowestDpiPage { get; set; }

        /// <summary>Pages that carry at least one image.</summary>
        public int PagesWithImages { get; set; }

        /// <summary>What the PDF library said when it could not read the file.</summary>
        public string Detail { get; set; }
    }

    /// <summary>How paths of the package are shown.</summary>
    public static class PackagePaths
    {
        /// <summary>A path with ID, mobile and landline numbers masked (the one masking path), so a file named after a person's ID does not leak it.</summary>
        public static string Display(string path) => Privacy.Mask.Text(path);

        /// <summary>'/'-separated path of <paramref name="fullPath"/> below <paramref name="folder"/>.</summary>
        public static string Relative(string folder, string fullPath)
        {
            string root = folder.TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
            string rel = fullPath.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? fullPath.Substring(root.Length) : fullPath;
            return rel.Replace(System.IO.Path.DirectorySeparatorChar, '/');
        }
    }
}
