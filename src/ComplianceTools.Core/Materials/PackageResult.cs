using System;
using System.Collections.Generic;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Core.Materials
{
    /// <summary>What the materials checks look at: the files of the package folder and, when given, the workbook's sheets.</summary>
    public sealed class PackageInput
    {
        public PackageInput(string folder, IReadOnlyList<PackageFile> files, ComplianceDataset dataset, string subject, string period)
        {
            Folder = folder;
            Files = files ?? Array.Empty<PackageFile>();
            Dataset = dataset;
            Subject = subject;
            Period = period;
        }

        /// <summary>Full path of the package folder.</summary>
        public string Folder { get; }

        public IReadOnlyList<PackageFile> Files { get; }

        /// <summary>Materials, SocialInsurance, Seats and Traffic sheets; null when no workbook was given.</summary>
        public ComplianceDataset Dataset { get; }

        /// <summary>Subject of the findings: the company, else the folder name (part of Finding.Key).</summary>
        public string Subject { get; }

        /// <summary>Period of the findings: the report year, or empty.</summary>
        public string Period { get; }
    }

    /// <summary>The checklist (a row per required document) and the findings (one per enabled rule).</summary>
    public sealed class PackageResult
    {
        public PackageResult(IReadOnlyList<PackageChecklistItem> checklist, IReadOnlyList<Finding> findings)
        {
            Checklist = checklist;
            Findings = findings;
        }

        public IReadOnlyList<PackageChecklistItem> Checklist { get; }

        public IReadOnlyList<Finding> Findings { get; }
    }
}
