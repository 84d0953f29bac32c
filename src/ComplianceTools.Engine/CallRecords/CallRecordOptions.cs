using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using ComplianceTools.Core.CallRecords;
using ComplianceTools.Core.Common;

namespace ComplianceTools.Engine.CallRecords
{
    /// <summary>One source of a comparison: its files and how to read them.</summary>
    public sealed class CallRecordSourceInput
    {
        public CallRecordSourceInput(CallSource source, IEnumerable<string> files)
        {
            Source = source;
            Files = new List<string>(files ?? Array.Empty<string>());
        }

        public CallSource Source { get; }

        /// <summary>Full paths of the files (wildcards already expanded).</summary>
        public IList<string> Files { get; }

        /// <summary>The text encoding; null to detect (BOM, else UTF-8 when valid, else GB18030).</summary>
        public Encoding Encoding { get; set; }

        /// <summary>The time zone of times written without Z or offset; null for China Standard Time (or UTC when the start column's header says UTC).</summary>
        public CallTimeZone TimeZone { get; set; }

        /// <summary>Header of the caller column, overriding discovery.</summary>
        public string CallerColumn { get; set; }

        /// <summary>Header of the start column, overriding discovery.</summary>
        public string StartColumn { get; set; }
    }

    /// <summary>A time zone as the comparer uses it: a fixed offset, or a zone with daylight-saving rules.</summary>
    public sealed class CallTimeZone
    {
        private CallTimeZone(string name, int offsetSeconds, TimeZoneInfo zone)
        {
            Name = name;
            OffsetSeconds = offsetSeconds;
            Zone = zone;
        }

        /// <summary>China Standard Time, UTC+8, no daylight saving.</summary>
        public static CallTimeZone ChinaStandardTime { get; } = new CallTimeZone("China Standard Time", 8 * 3600, null);

        public static CallTimeZone Utc { get; } = new CallTimeZone("UTC", 0, null);

        public string Name { get; }

        /// <summary>Seconds east of UTC when <see cref="Zone"/> is null.</summary>
        public int OffsetSeconds { get; }

        /// <summary>A zone with rules, or null for a fixed offset.</summary>
        public TimeZoneInfo Zone { get; }

        /// <summary>Parses 'UTC', '+08:00', 'UTC+8', 'China Standard Time', 'Asia/Shanghai' or any system zone id.</summary>
        public static CallTimeZone Parse(string text)
        {
            string value = (text ?? string.Empty).Trim();
            if (value.Length == 0)
            {
                throw Unknown(text);
            }

            string upper = value.ToUpperInvariant();
            if (upper == "UTC" || upper == "Z" || upper == "GMT" || upper == "ETC/UTC")
            {
                return Utc;
            }

            if (upper == "CHINA STANDARD TIME" || upper == "CST" || upper == "ASIA/SHANGHAI" || upper == "ASIA/CHONGQING" || upper == "PRC" || upper == "BEIJING")
            {
                return ChinaStandardTime;
            }

            string offset = upper.StartsWith("UTC", StringComparison.Ordinal) || upper.StartsWith("GMT", StringComparison.Ordinal) ? upper.Substring(3) : upper;
            if (offset.Length > 0 && (offset[0] == '+' || offset[0] == '-'))
            {
                int sign = offset[0] == '-' ? -1 : 1;
                string[] parts = offset.Substring(1).Split(':');
                string hh = parts[0];
                string mm = parts.Length > 1 ? parts[1] : "0";
                if (parts.Length == 1 && hh.Length == 4)
                {
                    mm = hh.Substring(2);
                    hh = hh.Substring(0, 2);
                }

                if (int.TryParse(hh, NumberStyles.None, CultureInfo.InvariantCulture, out int h) && int.TryParse(mm, NumberStyles.None, CultureInfo.InvariantCulture, out int m) && h <= 14 && m < 60)
                {
                    return new CallTimeZone(value, sign * ((h * 3600) + (m * 60)), null);
                }

                throw Unknown(text);
            }

            try
            {
                TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(value);
                var rules = zone.GetAdjustmentRules();
                return rules.Length == 0 ? new CallTimeZone(zone.Id, (int)zone.BaseUtcOffset.TotalSeconds, null) : new CallTimeZone(zone.Id, (int)zone.BaseUtcOffset.TotalSeconds, zone);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException || ex is InvalidTimeZoneException)
            {
                throw Unknown(text);
            }
        }

        public override string ToString() => Name;

        private static ComplianceException Unknown(string text) => new ComplianceException(new ComplianceProblem(
            "ComplianceTools.CallRecords.TimeZoneUnknown", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.CallRecordTimeZoneUnknown), text), text));
    }

    /// <summary>Everything Compare-CallRecord needs.</summary>
    public sealed class CallRecordOptions
    {
        public IList<CallRecordSourceInput> Sources { get; } = new List<CallRecordSourceInput>();

        /// <summary>Starts may differ by this many seconds and still be one call.</summary>
        public int ToleranceSeconds { get; set; } = 2;

        /// <summary>The source DATA-001 compares the others against.</summary>
        public CallSource Reference { get; set; } = CallSource.Carrier;

        /// <summary>Bytes of keys kept in memory before they are partitioned to temporary files.</summary>
        public long MemoryBudgetBytes { get; set; } = 384L * 1024 * 1024;

        /// <summary>Folder for the temporary partition files; the system temp folder by default.</summary>
        public string TempDirectory { get; set; }

        /// <summary>Folder for rejected rows and calls found in one source only; null for none.</summary>
        public string OutputDirectory { get; set; }

        public bool Force { get; set; }

        /// <summary>Write callers unmasked in the files of -OutputDirectory.</summary>
        public bool IncludePersonalData { get; set; }

        public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

        /// <summary>Problems that do not stop the run (a missing file, a file without the columns).</summary>
        public Action<ComplianceProblem> Report { get; set; }

        /// <summary>Live figures for progress; read from another thread.</summary>
        public CallRecordProgress Progress { get; set; }

        public CancellationToken Cancellation { get; set; }

        /// <summary>Reads encoding names (utf-8, gb18030, gbk …), with the code-page encodings registered.</summary>
        public static Encoding ParseEncoding(string name)
        {
            CallRecordReader.RegisterCodePages();
            try
            {
                string n = (name ?? string.Empty).Trim();
                if (n.Equals("utf8", StringComparison.OrdinalIgnoreCase) || n.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
                {
                    return new UTF8Encoding(false);
                }

                return Encoding.GetEncoding(n);
            }
            catch (ArgumentException)
            {
                throw new ComplianceException(new ComplianceProblem(
                    "ComplianceTools.CallRecords.EncodingUnknown", ProblemKind.InvalidArgument, Text.Format(nameof(Core.Resources.Strings.CallRecordEncodingUnknown), name), name));
            }
        }
    }

    /// <summary>Live progress of a comparison, updated by worker threads.</summary>
    public sealed class CallRecordProgress
    {
        private readonly List<FileProgress> _files = new List<FileProgress>();

        public IReadOnlyList<FileProgress> Files
        {
            get
            {
                lock (_files)
                {
                    return _files.ToArray();
                }
            }
        }

        public int PartitionsDone;

        public int Partitions;

        public volatile bool Matching;

        internal void Add(FileProgress file)
        {
            lock (_files)
            {
                _files.Add(file);
            }
        }

        /// <summary>One file being read.</summary>
        public sealed class FileProgress
        {
            public CallSource Source { get; set; }

            public string Path { get; set; }

            public long Length { get; set; }

            public long BytesRead;

            public long Rows;

            public long StartedTicks;

            public long FinishedTicks;

            public volatile bool Started;

            public volatile bool Done;
        }
    }
}
