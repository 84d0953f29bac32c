using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ComplianceTools.Core.CallRecords;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Privacy;

namespace ComplianceTools.Engine.CallRecords
{
    /// <summary>
    /// The files of -OutputDirectory: rejected rows and, per source, the calls found only there. Each is
    /// written to a temporary file in the same folder and moved into place at the end (whole or nothing).
    /// The folder's files of these names are this cmdlet's: any of them already there is refused without -Force;
    /// with -Force, one this run does not write (a source not given, not readable, or whose every row was
    /// rejected) is removed, so an earlier run's result never sits beside this one's as if it were new.
    /// </summary>
    internal sealed class CallRecordOutput : IDisposable
    {
        public const string RejectedName = "rejected-rows.csv";

        private readonly bool _includePersonalData;
        private readonly bool _force;
        private readonly string _directory;
        private readonly IReadOnlyList<string> _files;
        private readonly Dictionary<string, string> _temps = new Dictionary<string, string>();
        private readonly StreamWriter _rejected;
        private readonly StreamWriter[] _only = new StreamWriter[3];
        private bool _committed;

        public CallRecordOutput(string directory, IEnumerable<CallSource> sources, bool force, bool includePersonalData, IReadOnlyList<string> inputFiles)
        {
            _includePersonalData = includePersonalData;
            _force = force;
            _directory = directory;
            _files = inputFiles;
            var targets = new List<string> { Path.Combine(directory, RejectedName) };
            foreach (CallSource s in sources)
            {
                targets.Add(OnlyPath(directory, s));
            }

            foreach (string target in Owned(directory))
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

        /// <summary>The files moved into place by <see cref="Commit"/>.</summary>
        public IReadOnlyList<string> Written { get; private set; } = Array.Empty<string>();

        /// <summary>Files of an earlier run removed by <see cref="Commit"/>.</summary>
        public IReadOnlyList<string> Removed { get; private set; } = Array.Empty<string>();

        /// <summary>Every file name of the folder this cmdlet owns: rejected-rows.csv and only-in-*.csv of each source.</summary>
        public static IEnumerable<string> Owned(string directory)
        {
            yield return Path.Combine(directory, RejectedName);
            foreach (CallSource s in (CallSource[])Enum.GetValues(typeof(CallSource)))
            {
                yield return OnlyPath(directory, s);
            }
        }

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

        /// <summary>
        /// Closes the temporary files and moves into place the rejected rows and the only-in files of <paramref name="sources"/>;
        /// the other temporary files are dropped, and (with -Force) owned files of an earlier run that were not written now are removed.
        /// </summary>
        public void Commit(ISet<CallSource> sources)
        {
            CloseAll();
            var written = new List<string>();
            foreach (KeyValuePair<string, string> pair in _temps)
            {
                bool keep = pair.Key == Path.Combine(_directory, RejectedName) || (sources != null && sources.Any(s => OnlyPath(_directory, s) == pair.Key));
                if (!keep)
                {
                    File.Delete(pair.Value);
                    continue;
                }

                if (File.Exists(pair.Key))
                {
                    File.Delete(pair.Key);
                }

                File.Move(pair.Value, pair.Key);
                written.Add(pair.Key);
            }

            var removed = new List<string>();
            if (_force)
            {
                foreach (string owned in Owned(_directory))
                {
                    if (!written.Contains(owned) && File.Exists(owned))
                    {
                        File.Delete(owned);
                        removed.Add(owned);
                    }
                }
            }

            Written = written;
            Removed = removed;
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
            string temp = Core.Reporting.OutputFile.TemporaryPath(target);
            _temps[target] = temp;
            return new StreamWriter(new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), new UTF8Encoding(true));
        }
    }
}
