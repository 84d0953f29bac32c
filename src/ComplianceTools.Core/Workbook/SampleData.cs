using System;
using System.Collections.Generic;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Workbook
{
    /// <summary>
    /// The sample operator of New-ComplianceWorkbook -Sample: a fictional call center (示例呼叫中心有限公司)
    /// at realistic size (2,000 seats, 30,000 complaints, 12 months of traffic, about 1,500 staff) built so
    /// that some rules fail and others pass. Deterministic: the same year gives the same data (no clock; a
    /// Random seeded from the year). With a seed, another operator of its own (<see cref="SampleProfile.FromSeed"/>). Personal data is invented: ID numbers use the unassigned region 999999,
    /// phone numbers the 100 prefix no Chinese subscriber number has, mail the reserved example.com domain.
    /// </summary>
    public static partial class SampleData
    {
        public const string CompanyName = "示例呼叫中心有限公司";

        /// <summary>Seats on file; 1,360 are activated, so the vacancy rate is 640 / 2,000 = 32% (SEAT-001 Red).</summary>
        public const int SeatsOnFile = 2000;

        public const int SeatsActivated = 1360;

        public const int Complaints = 30000;

        /// <summary>Months whose 12321/12300 complaints exceed 0.01% of outbound calls (CMPL-001 Red there).</summary>
        public static readonly IReadOnlyList<int> ComplaintSpikeMonths = new[] { 3, 7, 8, 11 };

        /// <summary>The document and package date written for a sample year, so its file is the same every time.</summary>
        public static DateTime Timestamp(int year) => new DateTime(year + 1, 1, 1);

        public static ComplianceDataset Create(int year) => Create(year, SampleProfile.Default(year));

        /// <summary>A fictional operator of its own per seed (see <see cref="SampleProfile.FromSeed"/>): the same year and seed give the same data.</summary>
        public static ComplianceDataset Create(int year, int seed) => Create(year, SampleProfile.FromSeed(seed, year));

        public static ComplianceDataset Create(int year, SampleProfile profile)
        {
            if (year < 2000 || year > 2100)
            {
                throw new ArgumentOutOfRangeException(nameof(year), year, "2000-2100");
            }

            return new Generator(year, profile ?? SampleProfile.Default(year)).Build();
        }

        private sealed class Team
        {
            public Team(string name, string channel, string site, int agents)
            {
                Name = name;
                Channel = channel;
                Site = site;
                AgentCount = agents;
            }

            public string Name { get; }

            public string Channel { get; }

            public string Site { get; }

            public int AgentCount { get; }

            public List<StaffRow> Agents { get; } = new List<StaffRow>();
        }

        private sealed class Display
        {
            public Display(string number, NumberType type, Team team, string scenario, double share, double aiShare, string gateway)
            {
                Number = number;
                Type = type;
                Team = team;
                Scenario = scenario;
                Share = share;
                AiShare = aiShare;
                Gateway = gateway;
            }

            public string Number { get; }

            public NumberType Type { get; }

            public Team Team { get; }

            public string Scenario { get; }

            public double Share { get; }

            public double AiShare { get; }

            public string Gateway { get; }

            public long YearCalls { get; set; }
        }
    }
}
