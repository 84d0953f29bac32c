using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using ComplianceTools.Core.CallRecords;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Privacy;

namespace ComplianceTools.Engine.CallRecords
{
    /// <summary>
    /// The files of -OutputDirectory: rejected rows and, per source, the calls found only there. Each is
    /// written to a temporary file in the same folder and moved into place at the end (whole or nothing).
    /// </summary>
    internal sealed class CallRecordOutput : IDisposable
    {
        public const string RejectedName = "rejected-rows.csv";

        private readonly bool _includePersonalData;
        private readonly IReadOnlyList<string> _files;
        private readonly Dictionary<string, string> _temps = new Dictionary<string, string>();
        private readonly StreamWriter _rejected;
        private readonly StreamWriter[] _only = new StreamWriter[3];
        private bool _committed;

        public CallRecordOutput(string directory, IEnumerable<CallSource> sources, bool force, bool includePersonalData, IReadOnlyList<string> inputFiles)
        {
            _includePersonalData = includePersonalData;
            _files = inputFiles;
            var targets = new List<string> { Path.Combine(directory, RejectedName) };
            foreach (CallSource s in sources)
            {
                targets.Add(OnlyPath(directory, s));
            }

            foreach (string target in targets)
            {
                if (File.Exists(target) && !force)
                {
                    throw new ComplianceException(new ComplianceProblem(
                        "ComplianceTools.CallRecords.OutputExists", ProblemKind.ResourceExists, Text.Format(nameof(Core.Resources.Strings.CallRecordOutputExists), target), target));
                }
            }

            Directory.CreateDirectory(directory);
            Targets = targets;
            _rejected = Open(targets[0]);
            _rejected.WriteLine("Source,File,Line,Reason,Row");
            foreach (CallSource s in sources)
            {
                StreamWriter w = Open(OnlyPath(directory, s));
                w.WriteLine("Caller,StartUtc,StartChinaTime,File,Line");
                _only[(int)s] = w;
            }
        }

        public IReadOnlyList<string> Targets { get; }

        public static string OnlyPath(string directory, CallSource source) => Path.Combine(directory, "only-in-" + source + ".csv");

        /// <summary>Makes a value safe for a CSV cell that Excel opens: quoted when needed, never a formula.</summary>
        public static string Cell(string value)
        {
            string v = value ?? string.Empty;
            if (v.Length > 0 && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
            {
                v = "'" + v;
            }

            if (v.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0)
            {
                v = "\"" + v.Replace("\"", "\"\"") + "\"";
            }

            return v;
        }

        public void Rejected(CallRecordRejection r)
        {
            lock (_rejected)
            {
                _rejected.Write(r.Source.ToString());
                _rejected.Write(',');
                _rejected.Write(Cell(r.File));
                _rejected.Write(',');
                _rejected.Write(r.Line.ToString(CultureInfo.InvariantCulture));
                _rejected.Write(',');
                _rejected.Write(r.Reason.ToString());
                _rejected.Write(',');
                _rejected.WriteLine(Cell(r.Row));
            }
        }

        public void Only(int source, long caller, KeyEntry entry)
        {
            string number = CallerNumber.Format(caller);
            if (!_includePersonalData)
            {
                number = Mask.Phone(number);
            }

            DateTime utc = CallTime.ToUtc(entry.Start);
            string line = Cell(number) + "," + utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "," + utc.AddHours(8).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                + "," + Cell(entry.File >= 0 && entry.File < _files.Count ? _files[entry.File] : string.Empty) + "," + entry.Line.ToString(CultureInfo.InvariantCulture);
            StreamWriter w = _only[source];
            lock (w)
            {
                w.WriteLine(line);
            }
        }

        /// <summary>Closes the temporary files and moves each into place.</summary>
        public void Commit()
        {
            CloseAll();
            foreach (KeyValuePair<string, string> pair in _temps)
            {
                if (File.Exists(pair.Key))
                {
                    File.Delete(pair.Key);
                }

                File.Move(pair.Value, pair.Key);
            }

            _committed = true;
        }

        public void Dispose()
        {
            if (_committed)
            {
                return;
            }

            CloseAll();
            foreach (string temp in _temps.Values)
            {
                try
                {
                    File.Delete(temp);
                }
                catch (IOException)
                {
                }
            }
        }

        private void CloseAll()
        {
            _rejected?.Dispose();
            foreach (StreamWriter w in _only)
            {
                w?.Dispose();
            }
        }

        private StreamWriter Open(string target)
        {
            string temp = Path.Combine(Path.GetDirectoryName(target), "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            _temps[target] = temp;
            return new StreamWriter(new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), new UTF8Encoding(true));
        }
    }
}
