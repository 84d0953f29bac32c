using System;
using System.Collections.Generic;

namespace ComplianceTools.Engine.CallRecords
{
    /// <summary>Counts of one or more partitions; summed at the end.</summary>
    internal sealed class MatchCounts
    {
        public readonly long[] Duplicates = new long[3];
        public readonly long[] Unique = new long[3];
        public readonly long[] Only = new long[3];
        public readonly long[] Missing = new long[3];

        /// <summary>Matched pairs: [0] platform–carrier, [1] platform–privacy, [2] carrier–privacy.</summary>
        public readonly long[] Pairs = new long[3];
        public long AllThree;
        public long InAll;
        public long Union;

        public void Add(MatchCounts other)
        {
            for (int i = 0; i < 3; i++)
            {
                Duplicates[i] += other.Duplicates[i];
                Unique[i] += other.Unique[i];
                Only[i] += other.Only[i];
                Missing[i] += other.Missing[i];
                Pairs[i] += other.Pairs[i];
            }

            AllThree += other.AllThree;
            InAll += other.InAll;
            Union += other.Union;
        }
    }

    /// <summary>
    /// Matches the calls of one partition. Per source: sort by caller, then by start (file, line);
    /// rows with the caller and start second of an earlier row are duplicates. Across sources, per
    /// caller: every pair of sources is matched one-to-one, nearest first — candidate pairs within the
    /// tolerance are taken by smallest difference, then earliest start in the first source of the pair
    /// (Platform, Carrier, PrivacyNumber order), then earliest in the second. Matched rows are linked;
    /// each group of linked rows is one call of the union.
    /// </summary>
    internal sealed class CallMatcher
    {
        private readonly int _tolerance;
        private readonly int _givenMask;
        private readonly Action<int, long, KeyEntry> _only;
        private int[] _parent = new int[16];
        private byte[] _mask = new byte[16];
        private bool[] _usedA = new bool[16];
        private bool[] _usedB = new bool[16];
        private Candidate[] _candidates = new Candidate[16];

        public CallMatcher(int toleranceSeconds, int givenMask, Action<int, long, KeyEntry> onlyCall)
        {
            _tolerance = toleranceSeconds;
            _givenMask = givenMask;
            _only = onlyCall;
        }

        public MatchCounts Counts { get; } = new MatchCounts();

        /// <summary>Sorts and de-duplicates one source's keys in place; returns the unique count.</summary>
        // AggressiveOptimization (512): the hot loop is compiled optimized at once, not through tier 0.
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)]
        public int SortAndDeduplicate(int source, long[] callers, KeyEntry[] entries, int n)
        {
            Array.Sort(callers, entries, 0, n);
            int write = 0;
            int i = 0;
            while (i < n)
            {
                long caller = callers[i];
                int end = i + 1;
                while (end < n && callers[end] == caller)
                {
                    end++;
                }

                if (end - i > 1)
                {
                    SortRun(entries, i, end);
                }

                for (int k = i; k < end; k++)
                {
                    if (k > i && entries[k].Start == entries[k - 1].Start)
                    {
                        Counts.Duplicates[source]++;
                        continue;
                    }

                    callers[write] = caller;
                    entries[write] = entries[k];
                    write++;
                }

                i = end;
            }

            Counts.Unique[source] += write;
            return write;
        }

        /// <summary>Walks the callers of the three sorted sources together.</summary>
        // AggressiveOptimization (512): the hot loop is compiled optimized at once, not through tier 0.
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)]
        public void Match(long[][] callers, KeyEntry[][] entries, int[] counts)
        {
            var at = new int[3];
            var end = new int[3];
            while (true)
            {
                long caller = long.MaxValue;
                bool any = false;
                for (int s = 0; s < 3; s++)
                {
                    if (at[s] < counts[s] && (!any || callers[s][at[s]] < caller))
                    {
                        caller = callers[s][at[s]];
                        any = true;
                    }
                }

                if (!any)
                {
                    return;
                }

                int present = 0;
                int single = -1;
                for (int s = 0; s < 3; s++)
                {
                    int e = at[s];
                    while (e < counts[s] && callers[s][e] == caller)
                    {
                        e++;
                    }

                    end[s] = e;
                    if (e > at[s])
                    {
                        present++;
                        single = s;
                    }
                }

                if (present == 1)
                {
                    int n = end[single] - at[single];
                    Counts.Union += n;
                    Counts.Only[single] += n;
                    if (_givenMask == (1 << single))
                    {
                        Counts.InAll += n;
                    }

                    for (int s = 0; s < 3; s++)
                    {
                        if (s != single && (_givenMask & (1 << s)) != 0)
                        {
                            Counts.Missing[s] += n;
                        }
                    }

                    if (_only != null)
                    {
                        for (int k = at[single]; k < end[single]; k++)
                        {
                            _only(single, caller, entries[single][k]);
                        }
                    }
                }
                else
                {
                    MatchCaller(caller, entries, at, end);
                }

                for (int s = 0; s < 3; s++)
                {
                    at[s] = end[s];
                }
            }
        }

        // AggressiveOptimization (512): the hot loop is compiled optimized at once, not through tier 0.
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)]
        private void MatchCaller(long caller, KeyEntry[][] entries, int[] lo, int[] hi)
        {
            int na = hi[0] - lo[0], nb = hi[1] - lo[1], nc = hi[2] - lo[2];
            int total = na + nb + nc;
            if (_parent.Length < total)
            {
                int size = Math.Max(total, _parent.Length * 2);
                _parent = new int[size];
                _mask = new byte[size];
            }

            for (int i = 0; i < total; i++)
            {
                _parent[i] = i;
                _mask[i] = 0;
            }

            int[] offset = { 0, na, na + nb };
            MatchPair(0, 1, 0, entries, lo, hi, offset);
            MatchPair(0, 2, 1, entries, lo, hi, offset);
            MatchPair(1, 2, 2, entries, lo, hi, offset);

            for (int s = 0; s < 3; s++)
            {
                for (int k = 0; k < hi[s] - lo[s]; k++)
                {
                    int node = offset[s] + k;
                    _mask[Find(node)] |= (byte)(1 << s);
                }
            }

            for (int s = 0; s < 3; s++)
            {
                for (int k = 0; k < hi[s] - lo[s]; k++)
                {
                    int node = offset[s] + k;
                    if (_parent[node] != node)
                    {
                        continue;
                    }

                    int m = _mask[node];
                    Counts.Union++;
                    if (m == 7)
                    {
                        Counts.AllThree++;
                    }

                    if ((m & _givenMask) == _givenMask)
                    {
                        Counts.InAll++;
                    }

                    for (int t = 0; t < 3; t++)
                    {
                        if ((_givenMask & (1 << t)) != 0 && (m & (1 << t)) == 0)
                        {
                            Counts.Missing[t]++;
                        }
                    }

                    if (m == 1 << s)
                    {
                        Counts.Only[s]++;
                        _only?.Invoke(s, caller, entries[s][lo[s] + k]);
                    }
                }
            }
        }

        // AggressiveOptimization (512): the hot loop is compiled optimized at once, not through tier 0.
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)]
        private void MatchPair(int x, int y, int pairIndex, KeyEntry[][] entries, int[] lo, int[] hi, int[] offset)
        {
            int nx = hi[x] - lo[x], ny = hi[y] - lo[y];
            if (nx == 0 || ny == 0)
            {
                return;
            }

            KeyEntry[] ex = entries[x], ey = entries[y];
            int count = 0;
            int j0 = lo[y];
            for (int i = lo[x]; i < hi[x]; i++)
            {
                int t = ex[i].Start;
                while (j0 < hi[y] && ey[j0].Start < t - _tolerance)
                {
                    j0++;
                }

                for (int j = j0; j < hi[y] && ey[j].Start <= t + _tolerance; j++)
                {
                    if (count == _candidates.Length)
                    {
                        Array.Resize(ref _candidates, count * 2);
                    }

                    _candidates[count++] = new Candidate(Math.Abs(ey[j].Start - t), i - lo[x], j - lo[y]);
                }
            }

            if (count == 0)
            {
                return;
            }

            if (count > 1)
            {
                SortCandidates(count);
            }

            if (_usedA.Length < nx)
            {
                _usedA = new bool[Math.Max(nx, _usedA.Length * 2)];
            }

            if (_usedB.Length < ny)
            {
                _usedB = new bool[Math.Max(ny, _usedB.Length * 2)];
            }

            Array.Clear(_usedA, 0, nx);
            Array.Clear(_usedB, 0, ny);
            for (int c = 0; c < count; c++)
            {
                Candidate cand = _candidates[c];
                if (_usedA[cand.I] || _usedB[cand.J])
                {
                    continue;
                }

                _usedA[cand.I] = true;
                _usedB[cand.J] = true;
                Counts.Pairs[pairIndex]++;
                Union(offset[x] + cand.I, offset[y] + cand.J);
            }
        }

        private void SortCandidates(int count)
        {
            if (count <= 16)
            {
                for (int i = 1; i < count; i++)
                {
                    Candidate v = _candidates[i];
                    int j = i - 1;
                    while (j >= 0 && Compare(_candidates[j], v) > 0)
                    {
                        _candidates[j + 1] = _candidates[j];
                        j--;
                    }

                    _candidates[j + 1] = v;
                }
            }
            else
            {
                Array.Sort(_candidates, 0, count, CandidateComparer.Instance);
            }
        }

        private static int Compare(Candidate a, Candidate b)
        {
            if (a.D != b.D)
            {
                return a.D < b.D ? -1 : 1;
            }

            if (a.I != b.I)
            {
                return a.I < b.I ? -1 : 1;
            }

            return a.J.CompareTo(b.J);
        }

        private int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }

            return i;
        }

        private void Union(int a, int b)
        {
            int ra = Find(a), rb = Find(b);
            if (ra != rb)
            {
                _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }

        private static void SortRun(KeyEntry[] entries, int from, int to)
        {
            if (to - from > 32)
            {
                Array.Sort(entries, from, to - from, EntryComparer.Instance);
                return;
            }

            for (int i = from + 1; i < to; i++)
            {
                KeyEntry v = entries[i];
                int j = i - 1;
                while (j >= from && Before(v, entries[j]))
                {
                    entries[j + 1] = entries[j];
                    j--;
                }

                entries[j + 1] = v;
            }
        }

        private static bool Before(KeyEntry a, KeyEntry b)
        {
            if (a.Start != b.Start)
            {
                return a.Start < b.Start;
            }

            if (a.File != b.File)
            {
                return a.File < b.File;
            }

            return a.Line < b.Line;
        }

        private readonly struct Candidate
        {
            public Candidate(int d, int i, int j)
            {
                D = d;
                I = i;
                J = j;
            }

            public readonly int D;
            public readonly int I;
            public readonly int J;
        }

        private sealed class EntryComparer : IComparer<KeyEntry>
        {
            public static readonly EntryComparer Instance = new EntryComparer();

            public int Compare(KeyEntry a, KeyEntry b) => Before(a, b) ? -1 : (Before(b, a) ? 1 : 0);
        }

        private sealed class CandidateComparer : IComparer<Candidate>
        {
            public static readonly CandidateComparer Instance = new CandidateComparer();

            public int Compare(Candidate a, Candidate b) => CallMatcher.Compare(a, b);
        }
    }
}
