using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Planning;

namespace ComplianceTools.Core.Workspace
{
    /// <summary>
    /// What a run leaves behind (results/&lt;season&gt;/&lt;client&gt;/&lt;run time&gt;.json; Export-ComplianceResult anywhere):
    /// the findings and plan items with their keys, statuses, values and lines, personal data masked, the module version,
    /// and the baselines applied with their SHA-256. Its schema is module/workspace/result.schema.json, versioned by
    /// <see cref="SchemaVersion"/>: a file from a newer version is refused, naming the file.
    /// </summary>
    public sealed class ComplianceResult
    {
        /// <summary>The schema version this module writes; it reads this one and every older one.</summary>
        public const int CurrentSchemaVersion = 1;

        public int SchemaVersion { get; set; } = CurrentSchemaVersion;

        /// <summary>The ComplianceTools version that wrote it.</summary>
        public string ModuleVersion { get; set; }

        /// <summary>The client (operator) the result is for.</summary>
        public string Client { get; set; }

        /// <summary>The filing season planned (the year the filing work happens in).</summary>
        public int Season { get; set; }

        /// <summary>The report year the findings judge (the workbook's; usually <see cref="Season"/> − 1); null when unknown.</summary>
        public int? ReportYear { get; set; }

        /// <summary>When the run was, with its offset (China time for runs of the module).</summary>
        public DateTimeOffset RunTime { get; set; }

        /// <summary>The day overdue items and exceptions were judged on.</summary>
        public DateTime AsOf { get; set; }

        public IReadOnlyList<ResultBaseline> Baselines { get; set; } = Array.Empty<ResultBaseline>();

        /// <summary>Rules on the key-monitoring list in this run (Red in the previous season's result).</summary>
        public IReadOnlyList<string> KeyMonitoring { get; set; } = Array.Empty<string>();

        /// <summary>The factor the key-monitoring Yellow lines were tightened by (planning data); null when no rule was on the list.</summary>
        public double? KeyMonitoringFactor { get; set; }

        /// <summary>Findings without evidence, subjects and reasons masked.</summary>
        public IReadOnlyList<Finding> Findings { get; set; } = Array.Empty<Finding>();

        /// <summary>Plan and schedule items, owners and titles masked.</summary>
        public IReadOnlyList<PlanItem> PlanItems { get; set; } = Array.Empty<PlanItem>();

        /// <summary>The file it was read from or written to.</summary>
        public string Path { get; set; }

        public int Red => Count(FindingStatus.Red);

        public int Yellow => Count(FindingStatus.Yellow);

        public int Green => Count(FindingStatus.Green);

        public int Skipped => Count(FindingStatus.Skipped);

        public int NotApplicable => Count(FindingStatus.NotApplicable);

        public int Overdue => PlanItems.Count(i => i.Overdue);

        /// <summary>Rules with a Red finding, by id.</summary>
        public IReadOnlyList<string> RedRules => Findings.Where(f => f.Status == FindingStatus.Red).Select(f => f.RuleId).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(id => id, StringComparer.Ordinal).ToList();

        private int Count(FindingStatus status) => Findings.Count(f => f.Status == status);

        public override string ToString() => Client + " " + Season + " " + RunTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A baseline a run applied: its name, where it was, and the SHA-256 of its bytes (so a later reader knows whether it changed).</summary>
    public sealed class ResultBaseline
    {
        public ResultBaseline(string name, string path, string sha256)
        {
            Name = name;
            Path = path;
            Sha256 = sha256;
        }

        public string Name { get; }

        public string Path { get; }

        /// <summary>Lower-case hex.</summary>
        public string Sha256 { get; }

        public override string ToString() => Name + " " + Sha256;
    }
}
