using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Complaints;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Complaints
{
    /// <summary>CMPL-004: 12321, 12345 and MIIT complaints linked to number, agent and recording; a reproducible QA sample.</summary>
    public sealed class ComplaintTraceTests : IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public ComplaintTraceTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose() => _ps.Dispose();

        /// <summary>12 months × 5 agents × 4 complaints, each with a recording.</summary>
        private static List<ComplaintRow> Year() =>
            (from m in Enumerable.Range(1, 12)
             from a in Enumerable.Range(1, 5)
             from i in Enumerable.Range(1, 4)
             select new ComplaintRow
             {
                 TicketId = string.Format(CultureInfo.InvariantCulture, "T{0:00}{1}{2}", m, a, i),
                 Source = ComplaintChannel.C12321,
                 ReceivedAt = new DateTime(2025, m, 3 + i),
                 AgentId = "A" + a.ToString(CultureInfo.InvariantCulture),
                 CallingNumber = "13800138" + m.ToString("000", CultureInfo.InvariantCulture),
                 RecordingId = string.Format(CultureInfo.InvariantCulture, "R{0:00}{1}{2}", m, a, i),
             }).ToList();

        [Fact]
        public void Unlinked_complaints_of_the_traced_channels_are_listed_with_masked_numbers_and_yellow()
        {
            var rows = new[]
            {
                new ComplaintRow { TicketId = "T1", Source = ComplaintChannel.C12321, CallingNumber = "13812345678", AgentId = "A1", RecordingId = "R1" },
                new ComplaintRow { TicketId = "T2", Source = ComplaintChannel.Miit, CallingNumber = "13812345679", ReceivedAt = new DateTime(2025, 4, 2) },
                new ComplaintRow { TicketId = "T3", Source = ComplaintChannel.C12300 },
                new ComplaintRow { TicketId = "T4", Source = ComplaintChannel.C12345, AgentId = "A2", RecordingId = "R4" },
            };
            Finding f = ComplaintTrace.Check(CatalogLoader.Default.Get(ComplaintTrace.Id), rows);
            Assert.Equal(Severity.Yellow, f.Severity);
            Assert.Equal(2, f.Value);
            EvidenceItem miit = f.Evidence.Single(e => e.Subject == "T2");
            Assert.Contains("138****5679", miit.Detail);
            Assert.DoesNotContain("13812345679", miit.Detail);
            Assert.Contains("no agent id, no recording", miit.Detail);
            Assert.Contains(f.Evidence, e => e.Subject == "T4");
            Assert.DoesNotContain(f.Evidence, e => e.Subject == "T3");
        }

        [Fact]
        public void The_sample_is_the_same_for_the_same_seed_whatever_the_row_order()
        {
            var rows = Year();
            var first = QualitySample.Draw(rows, 100, 42).Select(s => s.TicketId).ToList();
            var reversed = Enumerable.Reverse(rows).ToList();
            Assert.Equal(first, QualitySample.Draw(reversed, 100, 42).Select(s => s.TicketId).ToList());
            Assert.NotEqual(first, QualitySample.Draw(rows, 100, 43).Select(s => s.TicketId).ToList());
            Assert.Equal(100, first.Distinct().Count());
        }

        [Fact]
        public void The_sample_is_spread_over_every_month_and_every_agent_within_a_month()
        {
            var sample = QualitySample.Draw(Year(), 100, 7);
            var perMonth = sample.GroupBy(s => s.Month).ToDictionary(g => g.Key, g => g.ToList());
            Assert.Equal(12, perMonth.Count);
            Assert.All(perMonth.Values, m => Assert.InRange(m.Count, 8, 9));
            Assert.All(perMonth.Values, m => Assert.Equal(5, m.Select(s => s.AgentId).Distinct().Count()));
            Assert.All(sample, s => Assert.StartsWith("138****", s.CallingNumber));
        }

        [Fact]
        public void Runspace_the_trace_is_yellow_for_an_unlinked_12321_complaint_and_green_when_all_linked()
        {
            const string Rows = @"
                [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = 'T1'; Source = 'C12321'; CallingNumber = '95123'; AgentId = 'A1'; RecordingId = $args[0] },
                [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = 'T2'; Source = 'Miit'; CallingNumber = '95123'; AgentId = 'A2'; RecordingId = 'R2' } | Get-ComplaintTrace";
            Assert.Equal("Green", _ps.Run(Rows, "R1").Single().Text("Severity"));
            var yellow = _ps.Run(Rows, string.Empty).Single();
            Assert.Equal("Yellow", yellow.Text("Severity"));
            Assert.Equal("CMPL-004", yellow.Text("RuleId"));
        }

        [Fact]
        public void Runspace_get_quality_sample_draws_the_same_calls_for_the_same_seed()
        {
            const string Script = @"
                $rows = foreach ($m in 1..12) { foreach ($a in 1..3) { foreach ($i in 1..4) {
                    [ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = 'T{0:00}{1}{2}' -f $m, $a, $i; Source = 'C12321'; ReceivedAt = [datetime]::new(2025, $m, 2 + $i); AgentId = ""A$a""; RecordingId = 'R{0:00}{1}{2}' -f $m, $a, $i } } } }
                ($rows | Get-QualitySample -Count 100 -Seed $args[0] | ForEach-Object { $_.TicketId }) -join ','";
            string a = _ps.Run(Script, 2025).Single().BaseObject.ToString();
            string b = _ps.Run(Script, 2025).Single().BaseObject.ToString();
            string c = _ps.Run(Script, 2026).Single().BaseObject.ToString();
            Assert.Equal(a, b);
            Assert.NotEqual(a, c);
            Assert.Equal(100, a.Split(',').Length);
        }

        [Fact]
        public void Runspace_a_sample_larger_than_the_recorded_calls_warns_and_returns_them_all()
        {
            var r = _ps.Run("[ComplianceTools.Core.Workbook.Sheets.ComplaintRow]@{ TicketId = 'T1'; Source = 'C12321'; RecordingId = 'R1' } | Get-QualitySample -Seed 1");
            Assert.Single(r.Output);
            Assert.Contains("Only 1", Assert.Single(r.Warnings));
        }
    }
}
