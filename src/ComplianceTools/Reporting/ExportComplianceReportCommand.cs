using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Core.Resources;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Engine.Reporting;
using ComplianceTools.Engine.Rules;

namespace ComplianceTools.Commands.Reporting
{
    /// <summary>
    /// Findings, plan items and schedule items from the pipeline into one report: an Excel workbook (.xlsx) or a
    /// single self-contained HTML file (.html, .htm), both opening on a one-page dashboard.
    /// </summary>
    [Cmdlet(VerbsData.Export, "ComplianceReport", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportComplianceReportCommand : FindingsExportCmdlet
    {
        /// <summary>The workbook (Import-ComplianceWorkbook): the header's company, licence number and report year come from its company sheet.</summary>
        [Parameter]
        public ComplianceDataset Dataset { get; set; }

        /// <summary>The report's language: zh-CN (default) or en-US.</summary>
        [Parameter]
        [ValidateSet("zh-CN", "en-US", IgnoreCase = true)]
        public string Culture { get; set; } = "zh-CN";

        /// <summary>The day overdue, due-in-14-days and days left count from; default today in China.</summary>
        [Parameter]
        public DateTime? AsOf { get; set; }

        /// <summary>Write the report even when no finding and no plan item came in.</summary>
        [Parameter]
        public SwitchParameter AllowEmpty { get; set; }

        /// <summary>Show owners as given (names, mail addresses); without it the report masks them (刘*, l*******@example.com).</summary>
        [Parameter]
        public SwitchParameter IncludePersonalData { get; set; }

        protected override string UnsupportedInputErrorId => "ComplianceTools.Report.InputNotSupported";

        protected override void EndProcessing()
        {
            var options = new ReportOptions
            {
                Culture = CultureInfo.GetCultureInfo(Culture),
                AsOf = AsOf?.Date,
                Company = Dataset?.Company,
                Catalog = CatalogLoader.Default,
                Phrases = ReportPhrases.Shipped,
                AllowEmpty = AllowEmpty.IsPresent,
                IncludePersonalData = IncludePersonalData.IsPresent,
            };
            Run(() =>
            {
                ReportContent.CheckNotEmpty(TargetPath, Input.Findings, Input.Items, options);
                return true;
            });

            if (!ShouldProcess(TargetPath))
            {
                return;
            }

            var progress = new ProgressRecord(1, "Export-ComplianceReport", TargetPath);
            WriteProgress(progress);
            bool html = IsHtml(TargetPath);
            FileInfo file = Run(() => html
                ? HtmlReportWriter.Write(TargetPath, Input.Findings, Input.Items, options, Force.IsPresent)
                : ComplianceReportWriter.Write(TargetPath, Input.Findings, Input.Items, options, Force.IsPresent));
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            WriteFile(file);
        }

        private static bool IsHtml(string path)
        {
            string extension = System.IO.Path.GetExtension(path);
            return string.Equals(extension, ".html", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".htm", StringComparison.OrdinalIgnoreCase);
        }
    }
}
