using System.Collections.Generic;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Engine.Reporting
{
    /// <summary>What the portfolio's dashboard shows besides the report's parts: the workspace, the season, a light per client.</summary>
    internal sealed class PortfolioPage
    {
        public string Workspace { get; set; }

        public int Season { get; set; }

        public string SeasonReason { get; set; }

        public IReadOnlyList<Client> Clients { get; set; } = new List<Client>();

        public sealed class Client
        {
            public string Name { get; set; }

            /// <summary>False when the client could not be run.</summary>
            public bool Ran { get; set; }

            public FindingStatus? Worst { get; set; }

            public int Red { get; set; }

            public int Yellow { get; set; }

            public int Skipped { get; set; }
        }
    }
}
