using System;
using System.Collections.Generic;
using System.Globalization;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Rules;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Reporting
{
    /// <summary>How a compliance report (xlsx or HTML) is written: its language, its as-of day, the company it is for.</summary>
    public sealed class ReportOptions
    {
        /// <summary>China Standard Time: UTC+8 all year (no daylight saving since 1991).</summary>
        public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

        /// <summary>The language of the report's own labels, rule titles and recommendations: zh-CN (the default) or en-US.</summary>
        public CultureInfo Culture { get; set; } = new CultureInfo("zh-CN");

        /// <summary>When the report was made; shown in China time. Default: now.</summary>
        public DateTimeOffset? RunTime { get; set; }

        /// <summary>The day "overdue", "due in 14 days" and "days left" count from. Default: the run time's day in China.</summary>
        public DateTime? AsOf { get; set; }

        /// <summary>The company profile of the workbook (name, licence number, report year); the findings' subject and period when absent.</summary>
        public CompanyProfile Company { get; set; }

        /// <summary>The rule catalog, for rule titles, recommendations and guide names in <see cref="Culture"/>.</summary>
        public RuleCatalog Catalog { get; set; }

        /// <summary>Texts known in both languages (plan and schedule titles) that are put into <see cref="Culture"/> where a title holds them.</summary>
        public IEnumerable<LocalizedText> Phrases { get; set; }

        /// <summary>Write a report with no findings and no plan items; without it such a report is refused (ComplianceTools.Report.Empty).</summary>
        public bool AllowEmpty { get; set; }

        /// <summary>
        /// Changes against the client's previous run (Compare-ComplianceResult); when given, the report gains a "since last
        /// run" sheet (xlsx) and section (HTML). Null: no such part.
        /// </summary>
        public IReadOnlyList<Workspace.FindingChange> Changes { get; set; }

        /// <summary>When the run <see cref="Changes"/> compare against was made.</summary>
        public DateTimeOffset? ChangesSince { get; set; }

        /// <summary>
        /// Show owners as given (names, mail addresses). Without it a report masks them (刘*, l********@example.com),
        /// keeping two owners apart where their masks would read alike, for a report that leaves the company.
        /// </summary>
        public bool IncludePersonalData { get; set; }

        /// <summary>The module version shown in the header; default the version of this assembly.</summary>
        public string ModuleVersion { get; set; }

        internal DateTimeOffset EffectiveRunTime => (RunTime ?? DateTimeOffset.UtcNow).ToOffset(ChinaOffset);

        internal DateTime EffectiveAsOf => (AsOf ?? EffectiveRunTime.DateTime).Date;

        internal string EffectiveModuleVersion => !string.IsNullOrEmpty(ModuleVersion) ? ModuleVersion : ModuleInfo.Version;
    }
}
