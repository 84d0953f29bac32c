using System;
using System.Collections.Generic;
using System.Globalization;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.Workspace
{
    /// <summary>How a client's run ended.</summary>
    public enum ClientRunState
    {
        /// <summary>The main job ran: findings, plan, report, calendar and result written.</summary>
        Completed,

        /// <summary>The client could not be run (its workbook, client.json or a baseline); the error names the client and the file.</summary>
        Failed,

        /// <summary>-WhatIf, or the run was stopped before the client's turn.</summary>
        NotRun,
    }

    /// <summary>One client's line of the portfolio (Invoke-ComplianceRun's output, a row of the portfolio workbook).</summary>
    public sealed class PortfolioEntry
    {
        public string Client { get; set; }

        public string Province { get; set; }

        public string LicenceNumber { get; set; }

        /// <summary>The season planned.</summary>
        public int Season { get; set; }

        /// <summary>Why that season: the default season's reason (its inspection deadline against the run date), or -Year.</summary>
        public string SeasonReason { get; set; }

        public ClientRunState State { get; set; }

        /// <summary>The worst status (Red, Yellow, Skipped, Green); null when the client did not run.</summary>
        public FindingStatus? Worst { get; set; }

        public int Red { get; set; }

        public int Yellow { get; set; }

        public int Green { get; set; }

        public int Skipped { get; set; }

        public int NotApplicable { get; set; }

        /// <summary>Findings an accepted deviation covers (counted in their status too).</summary>
        public int Excepted { get; set; }

        /// <summary>The rules with Red findings, the most findings first (then Yellow ones when there is no Red), at most five.</summary>
        public IReadOnlyList<string> WorstRules { get; set; } = Array.Empty<string>();

        /// <summary>The next regulator's date on or after the run date (guide B: entry opens, system closes, official deadline).</summary>
        public DateTime? NextDeadline { get; set; }

        /// <summary>What falls due then.</summary>
        public string NextDeadlineTitle { get; set; }

        /// <summary>Days from the run date to <see cref="NextDeadline"/>.</summary>
        public int? DaysToDeadline { get; set; }

        /// <summary>Plan and schedule items due before the run date.</summary>
        public int Overdue { get; set; }

        /// <summary>Who owns the overdue items, masked (张*, l***@example.com); "(none)" for items nobody owns.</summary>
        public IReadOnlyList<string> OverdueOwners { get; set; } = Array.Empty<string>();

        /// <summary>Rules on the key-monitoring list this season.</summary>
        public IReadOnlyList<string> KeyMonitoring { get; set; } = Array.Empty<string>();

        /// <summary>Changes against the latest result of the previous season; null when there is none.</summary>
        public ChangeSummary SinceLastYear { get; set; }

        public int PlanItems { get; set; }

        public int ScheduleItems { get; set; }

        /// <summary>True when a date rests on a year the holiday data does not cover.</summary>
        public bool Provisional { get; set; }

        /// <summary>What publishing did ("WeCom: 12 created, 3 unchanged"); empty when the client does not publish.</summary>
        public string Published { get; set; } = string.Empty;

        public string Report { get; set; }

        public string HtmlReport { get; set; }

        public string Calendar { get; set; }

        public string Result { get; set; }

        /// <summary>The portfolio workbook the run wrote.</summary>
        public string Portfolio { get; set; }

        /// <summary>Why the client did not run (the error's message); empty otherwise.</summary>
        public string Error { get; set; } = string.Empty;

        public string WorstRulesText => string.Join(", ", WorstRules);

        public string OverdueOwnersText => string.Join(", ", OverdueOwners);

        public string KeyMonitoringText => string.Join(", ", KeyMonitoring);

        public string NextDeadlineText => NextDeadline.HasValue ? NextDeadline.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;

        public override string ToString() => Client + " " + State + " " + Worst;
    }
}
