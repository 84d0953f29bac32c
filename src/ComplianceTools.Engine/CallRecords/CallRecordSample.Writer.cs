using System;
using System.IO;
using System.Text;

namespace ComplianceTools.Engine.CallRecords
{
    // The seeded generator and the file writer behind CallRecordSample.
    public static partial class CallRecordSample
    {
        private struct SplitMix
        {
            private ulong _state;

            public SplitMix(ulong seed)
            {
                _state = seed * 0x9E3779B97F4A7C15UL + 1;
            }

            public ulong NextUInt64()
            {
                ulong z = _state += 0x9E3779B97F4A7C15UL;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }

            public ulong Next(ulong bound) => NextUInt64() % bound;

            public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
        }

        private sealed class Writer : IDisposable
        {
            private readonly StreamWriter _writer;
            private readonly string _newLine;
            private readonly char[] _line = new char[512];
            private int _at;

            public Writer(string path, Encoding encoding, string newLine)
            {
                _writer = new StreamWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), encoding, 1 << 16);
                _newLine = newLine;
            }

            public void Raw(string text)
            {
                Text(text);
                EndLine();
            }

            public Writer Char(char c)
            {
                _line[_at++] = c;
                return this;
            }

            public Writer Text(string s)
            {
                s.CopyTo(0, _line, _at, s.Length);
                _at += s.Length;
                return this;
            }

            public Writer Number(long v)
            {
                if (v == 0)
                {
                    return Char('0');
                }

                int start = _at;
                while (v > 0)
                {
                    _line[_at++] = (char)('0' + (v % 10));
                    v /= 10;
                }

                Array.Reverse(_line, start, _at - start);
                return this;
            }

            public Writer Digits(long v, int width)
            {
                for (int i = width - 1; i >= 0; i--)
                {
                    _line[_at + i] = (char)('0' + (v % 10));
                    v /= 10;
                }

                _at += width;
                return this;
            }

            public void EndLine()
            {
                Text(_newLine);
                _writer.Write(_line, 0, _at);
                _at = 0;
            }

            public void Dispose() => _writer.Dispose();
        }
    }
}
