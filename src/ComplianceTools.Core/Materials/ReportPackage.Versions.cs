using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook.Sheets;
using Strings = ComplianceTools.Core.Resources.Strings;

namespace ComplianceTools.Core.Materials
{
    /// <summary>MAT-003: the PDF version readable and scanned at minDpi or more; the paper version attested, with both seals.</summary>
    public static partial class ReportPackage
    {
        /// <summary>
        /// The PDF set: every matched PDF opens, is readable without a password, has pages and is scanned at minDpi or
        /// more (below minDpi Yellow, below redDpi Red). Returns the lowest resolution.
        /// </summary>
        private static double? PdfVersion(IReadOnlyList<PackageFile> files, Func<PackageFile, PdfFacts> inspect, double minDpi, double redDpi, List<PackageCheck> checks)
        {
            var pdfs = files.Where(f => f.IsPdf).ToList();
            if (pdfs.Count == 0)
            {
                checks.Add(new PackageCheck(VersionsRuleId, Severity.Red, Text.Format(nameof(Strings.MaterialsNoPdf), List(files.Select(f => f.DisplayPath))), files[0].DisplayPath));
                return null;
            }

            double? lowest = null;
            foreach (PackageFile pdf in pdfs)
            {
                PdfFacts facts = inspect(pdf);
                string name = pdf.DisplayPath;
                switch (facts.State)
                {
                    case PdfState.Empty:
                        checks.Add(new PackageCheck(VersionsRuleId, Severity.Red, Text.Format(nameof(Strings.MaterialsPdfEmpty), name), name));
                        continue;
                    case PdfState.Damaged:
                        checks.Add(new PackageCheck(VersionsRuleId, Severity.Red, Text.Format(nameof(Strings.MaterialsPdfDamaged), name, facts.Detail), name));
                        continue;
                    case PdfState.Encrypted:
                        checks.Add(new PackageCheck(VersionsRuleId, Severity.Red, Text.Format(nameof(Strings.MaterialsPdfEncrypted), name), name));
                        continue;
                    case PdfState.NoPages:
                        checks.Add(new PackageCheck(VersionsRuleId, Severity.Red, Text.Format(nameof(Strings.MaterialsPdfNoPages), name), name));
                        continue;
                }

                if (!facts.LowestDpi.HasValue)
                {
                    checks.Add(new PackageCheck(VersionsRuleId, Severity.Yellow, Text.Format(nameof(Strings.MaterialsPdfNoImage), name, facts.Pages), name));
                    continue;
                }

                double dpi = Math.Round(facts.LowestDpi.Value, 1);
                lowest = lowest.HasValue ? Math.Min(lowest.Value, dpi) : dpi;
                if (dpi < redDpi)
                {
                    checks.Add(new PackageCheck(VersionsRuleId, Severity.Red, Text.Format(nameof(Strings.MaterialsPdfLowDpi), name, facts.LowestDpiPage, Dpi(dpi), Dpi(redDpi)), name));
                }
                else if (dpi < minDpi)
                {
                    checks.Add(new PackageCheck(VersionsRuleId, Severity.Yellow, Text.Format(nameof(Strings.MaterialsPdfLowDpi), name, facts.LowestDpiPage, Dpi(dpi), Dpi(minDpi)), name));
                }
                else
                {
                    checks.Add(new PackageCheck(VersionsRuleId, Severity.Green, Text.Format(nameof(Strings.MaterialsPdfOk), name, facts.Pages, Dpi(dpi), Dpi(minDpi)), name));
                }
            }

            return lowest;
        }

        /// <summary>The paper set, attested per row of the materials sheet: bound, A4, perforation seal, first-page seal, who checked and when.</summary>
        private static void PaperVersion(IReadOnlyList<MaterialRow> rows, Context context, List<PackageCheck> checks)
        {
            if (context.Dataset?.Materials == null)
            {
                checks.Add(new PackageCheck(VersionsRuleId, Severity.Yellow, Text.Get(nameof(Strings.MaterialsPaperNoSheet))));
                return;
            }

            if (rows.Count == 0)
            {
                checks.Add(new PackageCheck(VersionsRuleId, Severity.Yellow, Text.Get(nameof(Strings.MaterialsPaperNoRow)), "Materials"));
                return;
            }

            foreach (MaterialRow row in rows)
            {
                string where = Where(row);
                var attested = new[]
                {
                    (row.PaperBound, nameof(Strings.MaterialsAttrBound)),
                    (row.A4, nameof(Strings.MaterialsAttrA4)),
                    (row.PerforationSeal, nameof(Strings.MaterialsAttrPerforationSeal)),
                    (row.FirstPageSeal, nameof(Strings.MaterialsAttrFirstPageSeal)),
                };
                var no = attested.Where(a => a.Item1 == YesNo.No).Select(a => Text.Get(a.Item2)).ToList();
                var blank = attested.Where(a => !a.Item1.HasValue).Select(a => Text.Get(a.Item2)).ToList();
                bool checkedRecorded = !string.IsNullOrWhiteSpace(row.CheckedBy) && row.CheckedOn.HasValue;
                if (no.Count > 0)
                {
                    checks.Add(new PackageCheck(VersionsRuleId, Severity.Red, Text.Format(nameof(Strings.MaterialsPaperNo), where, List(no)), where));
                }

                if (blank.Count > 0)
                {
                    checks.Add(new PackageCheck(VersionsRuleId, Severity.Yellow, Text.Format(nameof(Strings.MaterialsPaperBlank), where, List(blank)), where));
                }

                if (!checkedRecorded)
                {
                    checks.Add(new PackageCheck(VersionsRuleId, Severity.Yellow, Text.Format(nameof(Strings.MaterialsPaperChecker), where), where));
                }

                if (no.Count == 0 && blank.Count == 0 && checkedRecorded)
                {
                    checks.Add(new PackageCheck(VersionsRuleId, Severity.Green, Text.Format(nameof(Strings.MaterialsPaperOk), where, row.CheckedOn.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), where));
                }
            }
        }
    }
}
