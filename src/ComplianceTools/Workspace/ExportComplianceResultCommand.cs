using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Commands.Common;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Reporting;
using ComplianceTools.Core.Resources;
using ComplianceTools.Core.Workspace;
using ComplianceTools.Engine.Workspace;

namespace ComplianceTools.Commands.Workspace
{
    /// <summary>
    /// Writes findings and plan items as a result file (module/workspace/result.schema.json), outside a workspace too: a
    /// scheduled task keeps its history this way and compares runs with Compare-ComplianceResult.
    /// </summary>
    [Cmdlet(VerbsData.Export, "ComplianceResult", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportComplianceResultCommand : FindingsExportCmdlet
    {
        /// <summary>Who the result is for; default the findings' most common subject.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Client { get; set; }

        /// <summary>The season (the year the filing work happens in); default the findings' report year + 1.</summary>
        [Parameter]
        [ValidateRange(2000, 2200)]
        public int Year { get; set; }

        /// <summary>The baseline files the findings were judged with: their names and SHA-256 are recorded.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Baseline { get; set; }

        /// <summary>The day the result was judged on; default today.</summary>
        [Parameter]
        public DateTime AsOf { get; set; } = DateTime.Today;

        protected override string UnsupportedInputErrorId => "ComplianceTools.Workspace.InputNotSupported";

        protected override void EndProcessing()
        {
            if (Input.Findings.Count == 0 && Input.Items.Count == 0)
            {
                ThrowProblem(new ComplianceProblem("ComplianceTools.Workspace.ResultEmpty", ProblemKind.InvalidData, Text.Format(nameof(Strings.WorkspaceResultEmpty), TargetPath), TargetPath));
            }

            if (!ShouldProcess(TargetPath))
            {
                return;
            }

            var baselines = (Baseline ?? Array.Empty<string>()).Select(ResolvePath).ToList();
            foreach (string missing in baselines.Where(b => !File.Exists(b)))
            {
                ThrowProblem(new ComplianceProblem("ComplianceTools.Baseline.FileNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.BaselineNotFound), missing), missing));
            }

            int? reportYear = ResultFile.ReportYearOf(Input.Findings);
            int season = MyInvocation.BoundParameters.ContainsKey(nameof(Year)) ? Year : (reportYear + 1) ?? AsOf.Year;
            string client = Client ?? Input.Findings.Select(f => f.Subject).Where(s => !string.IsNullOrWhiteSpace(s)).GroupBy(s => s).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? System.IO.Path.GetFileNameWithoutExtension(TargetPath);
            var monitored = Input.Findings.Where(f => f.KeyMonitoring).Select(f => f.RuleId);
            ComplianceResult result = ResultFile.Build(client, season, DateTimeOffset.Now.ToOffset(ReportOptions.ChinaOffset), AsOf, baselines, Input.Findings, Input.Items, monitored, null);
            WriteFile(Run(() => ResultFile.Write(result, TargetPath, Force.IsPresent)));
        }
    }
}
