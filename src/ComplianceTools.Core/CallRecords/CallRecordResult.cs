using System;
using System.Collections.Generic;
using ComplianceTools.Core.Findings;

namespace ComplianceTools.Core.CallRecords
{
    /// <summary>The three call-record sources of the annual report's data clean-up.</summary>
    public enum CallSource
    {
        /// <summary>The call-center platform's own records (呼叫中心平台).</summary>
        Platform = 0,

        /// <summary>The carrier statement (运营商对账单).</summary>
        Carrier = 1,

        /// <summary>The privacy-number (AXB) platform's export (隐私号平台); keyed on the real caller.</summary>
        PrivacyNumber = 2,
    }

    /// <summary>Why a row was rejected.</summary>
    public enum CallRecordRejectReason
    {
        /// <summary>The row has a different number of fields than the header.</summary>
        FieldCount,

        /// <summary>The caller has fewer than 5 digits (empty, NULL).</summary>
        CallerMissing,

        /// <summary>The caller has more than 17 digits: not a phone number.</summary>
        CallerTooLong,

        /// <summary>The start is not a real time (2025-02-30, month 13, hour 25, 0000-00-00, NULL).</summary>
        StartInvalid,
    }

    /// <summary>The figures of one source.</summary>
    public sealed class CallSourceStats
    {
        public CallSource Source { get; set; }

        /// <summary>Files read for this source.</summary>
        public int Files { get; set; }

        /// <summary>Data rows read, headers excluded.</summary>
        public long Rows { get; set; }

        /// <summary>Rows rejected (bad field count, caller or start).</summary>
        public long Rejected { get; set; }

        /// <summary>Rows rejected, by reason (reasons with no row left out).</summary>
        public IReadOnlyDictionary<CallRecordRejectReason, long> RejectedBy { get; set; } = new Dictionary<CallRecordRejectReason, long>();

        /// <summary>True when no row of the source could be used (none read, or every one rejected): the source was not read, and says nothing about the calls.</summary>
        public bool Unusable => Rows - Rejected <= 0;

        /// <summary>The reason most rows were rejected for, or null.</summary>
        public CallRecordRejectReason? CommonestRejection
        {
            get
            {
                CallRecordRejectReason? best = null;
                long count = 0;
                foreach (KeyValuePair<CallRecordRejectReason, long> pair in RejectedBy)
                {
                    if (pair.Value > count)
                    {
                        best = pair.Key;
                        count = pair.Value;
                    }
                }

                return best;
            }
        }

        /// <summary>Rows with the caller and start second of an earlier row of this source.</summary>
        public long Duplicates { get; set; }

        /// <summary>Distinct calls: Rows − Rejected − Duplicates.</summary>
        public long Unique { get; set; }

        /// <summary>Calls found in this source alone.</summary>
        public long Only { get; set; }

        /// <summary>Calls found in another source but not in this one.</summary>
        public long Missing { get; set; }

        public override string ToString() => Source + ": " + Unique + " unique";
    }

    /// <summary>A file read, with what was found in it.</summary>
    public sealed class CallRecordFile
    {
        public CallSource Source { get; set; }

        public string Path { get; set; }

        public long Bytes { get; set; }

        public long Rows { get; set; }

        /// <summary>Encoding used (utf-8, gb18030 …); empty for .xlsx.</summary>
        public string Encoding { get; set; }

        /// <summary>Headers of the caller and start columns used.</summary>
        public string CallerColumn { get; set; }

        public string StartColumn { get; set; }

        public override string ToString() => Source + " " + System.IO.Path.GetFileName(Path);
    }

    /// <summary>A rejected row: where it is, why, and its text with phone numbers masked.</summary>
    public sealed class CallRecordRejection
    {
        public CallSource Source { get; set; }

        public string File { get; set; }

        /// <summary>Where the row is: the physical line of a text file (blank lines and line breaks inside quoted fields counted, as an editor shows it), or the sheet row of an .xlsx (blank rows counted, as Excel numbers it).</summary>
        public long Line { get; set; }

        public CallRecordRejectReason Reason { get; set; }

        /// <summary>The row, fields joined by the delimiter, phone numbers masked.</summary>
        public string Row { get; set; }

        public override string ToString() => System.IO.Path.GetFileName(File) + ":" + Line + " " + Reason;
    }

    /// <summary>The outcome of Compare-CallRecord.</summary>
    public sealed class CallRecordComparison
    {
        public CallSourceStats Platform { get; set; }

        public CallSourceStats Carrier { get; set; }

        public CallSourceStats PrivacyNumber { get; set; }

        /// <summary>Calls matched between platform and carrier (null when either was not given).</summary>
        public long? PlatformCarrier { get; set; }

        public long? PlatformPrivacyNumber { get; set; }

        public long? CarrierPrivacyNumber { get; set; }

        /// <summary>Calls found in all three sources (null when one was not given).</summary>
        public long? AllThree { get; set; }

        /// <summary>Distinct calls across the sources.</summary>
        public long Union { get; set; }

        /// <summary>Calls found in every source given.</summary>
        public long InAll { get; set; }

        public int ToleranceSeconds { get; set; }

        public CallSource Reference { get; set; }

        public IReadOnlyList<CallRecordFile> Files { get; set; } = Array.Empty<CallRecordFile>();

        /// <summary>The first rejected rows (up to 1000; all of them go to -OutputDirectory).</summary>
        public IReadOnlyList<CallRecordRejection> Rejections { get; set; } = Array.Empty<CallRecordRejection>();

        /// <summary>Files written to -OutputDirectory.</summary>
        public IReadOnlyList<string> OutputFiles { get; set; } = Array.Empty<string>();

        /// <summary>Files of an earlier run in -OutputDirectory that this run did not write (a source not given, or not readable), removed with -Force so no stale result sits beside the new ones.</summary>
        public IReadOnlyList<string> RemovedFiles { get; set; } = Array.Empty<string>();

        public TimeSpan Elapsed { get; set; }

        /// <summary>Part of <see cref="Elapsed"/> spent reading and normalizing the files.</summary>
        public TimeSpan ReadElapsed { get; set; }

        /// <summary>Part of <see cref="Elapsed"/> spent sorting, de-duplicating and matching keys.</summary>
        public TimeSpan MatchElapsed { get; set; }

        /// <summary>Partitions the keys were matched in; above 1 with Spilled, keys went to temporary files.</summary>
        public int Partitions { get; set; }

        public bool Spilled { get; set; }

        public IReadOnlyList<Finding> Findings { get; set; } = Array.Empty<Finding>();

        /// <summary>The stats of a source, or null when it was not given.</summary>
        public CallSourceStats Get(CallSource source)
        {
            switch (source)
            {
                case CallSource.Platform: return Platform;
                case CallSource.Carrier: return Carrier;
                default: return PrivacyNumber;
            }
        }

        /// <summary>Calls matched between two sources (null when either was not given).</summary>
        public long? Matched(CallSource a, CallSource b)
        {
            if (a == b)
            {
                return Get(a)?.Unique;
            }

            int mask = (1 << (int)a) | (1 << (int)b);
            switch (mask)
            {
                case 3: return PlatformCarrier;
                case 5: return PlatformPrivacyNumber;
                default: return CarrierPrivacyNumber;
            }
        }
    }
}
