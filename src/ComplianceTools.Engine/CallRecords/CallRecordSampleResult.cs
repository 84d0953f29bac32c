using System.Collections.Generic;
using ComplianceTools.Core.CallRecords;

namespace ComplianceTools.Engine.CallRecords
{
    /// <summary>The files New-CallRecordSample wrote and the figures it expects a comparison to find.</summary>
    public sealed class CallRecordSampleResult
    {
        public string Directory { get; set; }

        public string Platform { get; set; }

        public string Carrier { get; set; }

        public string PrivacyNumber { get; set; }

        /// <summary>expected.json: the figures from the generator's own bookkeeping.</summary>
        public string Expected { get; set; }

        public long Calls { get; set; }

        public int Seed { get; set; }

        public long Bytes { get; set; }

        public CallRecordSampleFigures Figures { get; set; }
    }

    /// <summary>Figures of a generated sample, as Compare-CallRecord should report them with a tolerance of 2 s or more.</summary>
    public sealed class CallRecordSampleFigures
    {
        public Dictionary<string, CallSourceStats> Sources { get; set; } = new Dictionary<string, CallSourceStats>();

        public long PlatformCarrier { get; set; }

        public long PlatformPrivacyNumber { get; set; }

        public long CarrierPrivacyNumber { get; set; }

        public long AllThree { get; set; }

        public long Union { get; set; }
    }
}
