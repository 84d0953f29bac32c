using System;
using System.IO;
using System.Text;
using System.Threading;
using ComplianceTools.Core.CallRecords;
using ComplianceTools.Core.Common;
using Newtonsoft.Json;

namespace ComplianceTools.Engine.CallRecords
{
    /// <summary>
    /// Writes the three exports of N calls, deterministic by seed, in the shapes seen in the field: the
    /// platform in China time with formatted numbers and quoted notes (commas, line breaks); the carrier
    /// statement with Chinese headers, CRLF and a BOM; the privacy-number export in UTC with the virtual
    /// X number beside the real caller. 1–6% of calls missing per source, 1–3% duplicate rows, 0.01%
    /// malformed rows, clock skews of 0–2 s. The expected figures come from the generator's own
    /// bookkeeping of which call went where, never from running the comparison.
    /// </summary>
    public static partial class CallRecordSample
    {
        private static readonly string[] s_areas = { "21", "10", "20", "755", "571", "28", "27", "25" };

        public static CallRecordSampleResult Generate(long calls, int seed, string directory, bool force, CancellationToken cancel = default(CancellationToken))
        {
            if (calls < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(calls));
            }

            try
            {
                return GenerateCore(calls, seed, directory, force, cancel);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.CallRecords.WriteFailed", ProblemKind.WriteError, Text.Format(nameof(Core.Resources.Strings.CallRecordWriteFailed), directory, ex.Message), directory), ex);
            }
        }

        private static CallRecordSampleResult GenerateCore(long calls, int seed, string directory, bool force, CancellationToken cancel)
        {

            System.IO.Directory.CreateDirectory(directory);
            var result = new CallRecordSampleResult
            {
                Directory = directory,
                Platform = Path.Combine(directory, "platform.csv"),
                Carrier = Path.Combine(directory, "carrier.csv"),
                PrivacyNumber = Path.Combine(directory, "privacy-number.csv"),
                Expected = Path.Combine(directory, "expected.json"),
                Calls = calls,
                Seed = seed,
            };
            var targets = new[] { result.Platform, result.Carrier, result.PrivacyNumber, result.Expected };
            foreach (string target in targets)
            {
                if (File.Exists(target) && !force)
                {
                    throw new ComplianceException(new ComplianceProblem("ComplianceTools.CallRecords.SampleExists", ProblemKind.ResourceExists, Text.Format(nameof(Core.Resources.Strings.CallRecordSampleExists), target), target));
                }
            }

            var rng = new SplitMix((ulong)seed);
            var missRate = new double[3];
            var dupRate = new double[3];
            for (int s = 0; s < 3; s++)
            {
                missRate[s] = 0.01 + (rng.NextDouble() * 0.05);
                dupRate[s] = 0.01 + (rng.NextDouble() * 0.02);
            }

            var stats = new CallSourceStats[3];
            for (int s = 0; s < 3; s++)
            {
                stats[s] = new CallSourceStats { Source = (CallSource)s, Files = 1 };
            }

            var figures = new CallRecordSampleFigures();
            long callers = Math.Max(1, calls / 4);
            const long Year = (365L * 86400) - 3600;
            long baseUtc = (CallTime.DaysFromCivil(2025, 1, 1) * 86400L) - (8 * 3600);
            var temps = new string[3];
            var writers = new Writer[3];
            try
            {
                for (int s = 0; s < 3; s++)
                {
                    temps[s] = Core.Reporting.OutputFile.TemporaryPath(targets[s]);
                }

                writers[0] = new Writer(temps[0], new UTF8Encoding(false), "\n");
                writers[1] = new Writer(temps[1], new UTF8Encoding(true), "\r\n");
                writers[2] = new Writer(temps[2], new UTF8Encoding(false), "\n");
                writers[0].Raw("call_id,caller,callee,start_time,duration_sec,agent_id,note");
                writers[1].Raw("序号,主叫号码,被叫号码,开始时间,结束时间,通话时长(秒),计费(元)");
                writers[2].Raw("bind_id,x_number,real_caller,callee,start_time_utc,duration_sec");
                var present = new bool[3];
                for (long i = 0; i < calls; i++)
                {
                    if ((i & 0xFFFF) == 0)
                    {
                        cancel.ThrowIfCancellationRequested();
                    }

                    long callerIndex = i % callers;
                    long t = baseUtc + (i * Year / calls);
                    int duration = 5 + (int)rng.Next(600);
                    long callee = 13000000000L + (long)rng.Next(6999999999UL);
                    int mask = 0;
                    for (int s = 0; s < 3; s++)
                    {
                        present[s] = rng.NextDouble() >= missRate[s];
                        if (present[s])
                        {
                            mask |= 1 << s;
                        }
                    }

                    for (int s = 0; s < 3; s++)
                    {
                        if (!present[s])
                        {
                            continue;
                        }

                        long start = s == 0 ? t : t + (long)rng.Next(3);
                        int copies = rng.NextDouble() < dupRate[s] ? 2 : 1;
                        for (int c = 0; c < copies; c++)
                        {
                            WriteRow(writers[s], s, i, callerIndex, start, duration, callee, ref rng, false);
                            stats[s].Rows++;
                        }

                        stats[s].Duplicates += copies - 1;
                        if (rng.NextDouble() < 0.0001)
                        {
                            WriteRow(writers[s], s, i, callerIndex, start, duration, callee, ref rng, true);
                            stats[s].Rows++;
                            stats[s].Rejected++;
                        }
                    }

                    Count(mask, stats, figures);
                }

                foreach (Writer w in writers)
                {
                    w.Dispose();
                }

                for (int s = 0; s < 3; s++)
                {
                    if (File.Exists(targets[s]))
                    {
                        File.Delete(targets[s]);
                    }

                    File.Move(temps[s], targets[s]);
                    result.Bytes += new FileInfo(targets[s]).Length;
                }
            }
            finally
            {
                foreach (Writer w in writers)
                {
                    w?.Dispose();
                }

                foreach (string temp in temps)
                {
                    if (temp != null && File.Exists(temp))
                    {
                        File.Delete(temp);
                    }
                }
            }

            for (int s = 0; s < 3; s++)
            {
                figures.Sources[((CallSource)s).ToString()] = stats[s];
            }

            result.Figures = figures;
            var json = new
            {
                calls,
                seed,
                toleranceSeconds = 2,
                Platform = Figures(stats[0]),
                Carrier = Figures(stats[1]),
                PrivacyNumber = Figures(stats[2]),
                figures.PlatformCarrier,
                figures.PlatformPrivacyNumber,
                figures.CarrierPrivacyNumber,
                figures.AllThree,
                figures.Union,
            };
            string expectedTemp = Core.Reporting.OutputFile.TemporaryPath(result.Expected);
            File.WriteAllText(expectedTemp, JsonConvert.SerializeObject(json, Formatting.Indented), new UTF8Encoding(false));
            if (File.Exists(result.Expected))
            {
                File.Delete(result.Expected);
            }

            File.Move(expectedTemp, result.Expected);
            return result;
        }

        private static object Figures(CallSourceStats s) => new { s.Rows, s.Rejected, s.Duplicates, s.Unique, s.Only, s.Missing };

        private static void Count(int mask, CallSourceStats[] stats, CallRecordSampleFigures f)
        {
            if (mask == 0)
            {
                return;
            }

            f.Union++;
            for (int s = 0; s < 3; s++)
            {
                if ((mask & (1 << s)) != 0)
                {
                    stats[s].Unique++;
                    if (mask == 1 << s)
                    {
                        stats[s].Only++;
                    }
                }
                else
                {
                    stats[s].Missing++;
                }
            }

            if ((mask & 3) == 3)
            {
                f.PlatformCarrier++;
            }

            if ((mask & 5) == 5)
            {
                f.PlatformPrivacyNumber++;
            }

            if ((mask & 6) == 6)
            {
                f.CarrierPrivacyNumber++;
            }

            if (mask == 7)
            {
                f.AllThree++;
            }
        }

        private static void WriteRow(Writer w, int source, long call, long callerIndex, long startUtc, int duration, long callee, ref SplitMix rng, bool malformed)
        {
            int kind = malformed ? (int)rng.Next(4) : -1;
            bool landline = callerIndex % 5 == 0;
            long local = landline ? Scramble(callerIndex / 5, 100000000L) : Scramble(callerIndex, 1000000000L);
            string area = landline ? s_areas[(int)((callerIndex / 5) % s_areas.Length)] : null;
            long mobile = landline ? 0 : ((13 + (callerIndex % 7)) * 1000000000L) + local;
            long startLocal = startUtc + (8 * 3600);
            switch (source)
            {
                case 0:
                    w.Char('P').Digits(call, 9).Char(',');
                    if (kind == 0)
                    {
                        w.Text("NULL");
                    }
                    else
                    {
                        PlatformCaller(w, landline, area, local, mobile, ref rng);
                    }

                    w.Char(',').Number(callee).Char(',');
                    if (kind == 1)
                    {
                        w.Text("2025-02-30 10:00:00");
                    }
                    else
                    {
                        DateTimeText(w, startLocal, '-', true, ' ');
                        if (rng.Next(20) == 0)
                        {
                            w.Char('.').Digits((long)rng.Next(1000), 3);
                        }
                    }

                    w.Char(',').Number(duration).Char(',').Char('A').Digits((long)rng.Next(500), 4);
                    if (kind != 2)
                    {
                        w.Char(',');
                        ulong note = rng.Next(50);
                        if (note == 0)
                        {
                            w.Text("\"客户要求稍后回电, 已登记\"");
                        }
                        else if (note == 1)
                        {
                            w.Text("\"多行备注\n第二行, 含逗号\"");
                        }
                        else if (kind == 3)
                        {
                            w.Text("0000-00-00");
                        }
                    }

                    if (kind == 3)
                    {
                        w.Char(',').Text("extra");
                    }

                    break;
                case 1:
                    w.Number(call + 1).Char(',');
                    if (kind == 0)
                    {
                        w.Text(string.Empty);
                    }
                    else if (landline)
                    {
                        w.Char('0').Text(area).Digits(local, 8);
                    }
                    else
                    {
                        if (rng.Next(5) < 2)
                        {
                            w.Text("86");
                        }

                        w.Number(mobile);
                    }

                    w.Char(',').Number(callee).Char(',');
                    if (kind == 1 || kind == 3)
                    {
                        w.Text(kind == 1 ? "2025/13/1 10:00:00" : "0000-00-00 00:00:00");
                    }
                    else
                    {
                        DateTimeText(w, startLocal, '/', false, ' ');
                    }

                    if (kind != 2)
                    {
                        w.Char(',');
                        DateTimeText(w, startLocal + duration, '/', false, ' ');
                    }

                    w.Char(',').Number(duration).Char(',').Number(duration / 60).Char('.').Digits(duration % 60 * 100 / 60, 2);
                    break;
                default:
                    w.Char('B').Digits(call, 10).Char(',').Text("171").Digits(Scramble(call % 100000, 100000000L), 8).Char(',');
                    if (kind == 0)
                    {
                        w.Text("NULL");
                    }
                    else if (landline)
                    {
                        w.Text("+86 ").Text(area).Char(' ').Digits(local / 10000, 4).Char(' ').Digits(local % 10000, 4);
                    }
                    else
                    {
                        ulong form = rng.Next(10);
                        w.Text(form < 8 ? "+86" : (form == 8 ? "0" : string.Empty)).Number(mobile);
                    }

                    w.Char(',').Number(callee).Char(',');
                    if (kind == 1)
                    {
                        w.Text("2025-02-29T25:00:00Z");
                    }
                    else if (kind == 3)
                    {
                        w.Text("NULL");
                    }
                    else
                    {
                        DateTimeText(w, startUtc, '-', true, 'T');
                        w.Char('Z');
                    }

                    if (kind != 2)
                    {
                        w.Char(',').Number(duration);
                    }

                    break;
            }

            w.EndLine();
        }

        private static void PlatformCaller(Writer w, bool landline, string area, long local, long mobile, ref SplitMix rng)
        {
            ulong form = rng.Next(20);
            if (landline)
            {
                if (form < 10)
                {
                    w.Char('0').Text(area).Char('-').Digits(local, 8);
                }
                else if (form < 16)
                {
                    w.Text("(0").Text(area).Char(')').Digits(local, 8);
                }
                else
                {
                    w.Char('0').Text(area).Digits(local, 8);
                }
            }
            else if (form < 17)
            {
                w.Number(mobile);
            }
            else if (form < 19)
            {
                w.Digits(mobile / 100000000, 3).Char(' ').Digits(mobile / 10000 % 10000, 4).Char(' ').Digits(mobile % 10000, 4);
            }
            else
            {
                w.Text("+86 ").Digits(mobile / 100000000, 3).Char(' ').Digits(mobile / 10000 % 10000, 4).Char(' ').Digits(mobile % 10000, 4);
            }
        }

        private static void DateTimeText(Writer w, long epochSeconds, char sep, bool padded, char middle)
        {
            long days = epochSeconds / 86400;
            int secs = (int)(epochSeconds % 86400);
            CivilFromDays(days, out int y, out int m, out int d);
            w.Digits(y, 4).Char(sep);
            if (padded)
            {
                w.Digits(m, 2).Char(sep).Digits(d, 2).Char(middle).Digits(secs / 3600, 2);
            }
            else
            {
                w.Number(m).Char(sep).Number(d).Char(middle).Number(secs / 3600);
            }

            w.Char(':').Digits(secs / 60 % 60, 2).Char(':').Digits(secs % 60, 2);
        }

        private static void CivilFromDays(long z, out int y, out int m, out int d)
        {
            z += 719468;
            long era = (z >= 0 ? z : z - 146096) / 146097;
            long doe = z - (era * 146097);
            long yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
            long yy = yoe + (era * 400);
            long doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
            long mp = ((5 * doy) + 2) / 153;
            d = (int)(doy - (((153 * mp) + 2) / 5) + 1);
            m = (int)(mp < 10 ? mp + 3 : mp - 9);
            y = (int)(yy + (m <= 2 ? 1 : 0));
        }

        /// <summary>A bijection of [0, modulus) (multiplication by a number coprime with 10): distinct callers stay distinct.</summary>
        private static long Scramble(long index, long modulus) => (long)(((ulong)index * 7919UL + 12345UL) % (ulong)modulus);
    }
}
