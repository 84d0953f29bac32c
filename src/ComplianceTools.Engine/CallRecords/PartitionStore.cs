using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace ComplianceTools.Engine.CallRecords
{
    /// <summary>A block of keys from one file: callers, starts and lines, in parallel arrays.</summary>
    internal sealed class KeyBlock
    {
        public const int Capacity = 4096;

        public KeyBlock(int fileIndex, int capacity = Capacity)
        {
            FileIndex = fileIndex;
            Callers = new long[capacity];
            Starts = new int[capacity];
            Lines = new int[capacity];
        }

        public int FileIndex;

        public int Count;

        public readonly long[] Callers;

        public readonly int[] Starts;

        public readonly int[] Lines;

        public const int BytesPerKey = 16;
    }

    /// <summary>One call as matched: start second, file and line of its first row.</summary>
    internal struct KeyEntry
    {
        public int Start;
        public int File;
        public int Line;
    }

    /// <summary>
    /// The keys of a run, split by caller hash into partitions per source. Kept in memory until they
    /// pass the memory budget; then every partition goes to its own temporary file and later blocks are
    /// appended there, so memory stays flat however many rows come. Dispose deletes the temporary files.
    /// </summary>
    internal sealed class PartitionStore : IDisposable
    {
        private readonly int _sources;
        private readonly long _budget;
        private readonly string _tempRoot;
        private readonly List<KeyBlock>[] _memory;
        private readonly long[] _counts;
        private readonly object[] _locks;
        private readonly object _spillLock = new object();
        private FileStream[] _files;
        private long _memoryBytes;
        private volatile bool _spilled;
        private string _tempDirectory;

        public PartitionStore(int sources, int partitions, long budgetBytes, string tempRoot)
        {
            _sources = sources;
            Partitions = partitions;
            Bits = 0;
            while ((1 << Bits) < partitions)
            {
                Bits++;
            }

            _budget = budgetBytes;
            _tempRoot = string.IsNullOrEmpty(tempRoot) ? Path.GetTempPath() : tempRoot;
            int slots = sources * partitions;
            _memory = new List<KeyBlock>[slots];
            _counts = new long[slots];
            _locks = new object[slots];
            for (int i = 0; i < slots; i++)
            {
                _memory[i] = new List<KeyBlock>();
                _locks[i] = new object();
            }
        }

        public int Partitions { get; }

        public int Bits { get; }

        public bool Spilled => _spilled;

        /// <summary>The temporary folder, or null while everything is in memory.</summary>
        public string TempDirectory => _tempDirectory;

        /// <summary>The partition of a caller key: the top bits of a Fibonacci hash.</summary>
        public static int PartitionOf(long caller, int bits)
        {
            return bits == 0 ? 0 : (int)((ulong)(caller * unchecked((long)0x9E3779B97F4A7C15UL)) >> (64 - bits));
        }

        public long Count(int source, int partition) => _counts[(source * Partitions) + partition];

        /// <summary>Takes a full (or last) block; the caller must not touch it afterwards.</summary>
        public void Add(int source, int partition, KeyBlock block)
        {
            if (block.Count == 0)
            {
                return;
            }

            int slot = (source * Partitions) + partition;
            if (!_spilled && Interlocked.Add(ref _memoryBytes, (long)block.Callers.Length * KeyBlock.BytesPerKey) > _budget)
            {
                Spill();
            }

            lock (_locks[slot])
            {
                _counts[slot] += block.Count;
                if (_spilled)
                {
                    Write(_files[slot], block);
                }
                else
                {
                    _memory[slot].Add(block);
                }
            }
        }

        /// <summary>Loads one partition of one source into arrays (the blocks are released).</summary>
        public int Load(int source, int partition, ref long[] callers, ref KeyEntry[] entries)
        {
            int slot = (source * Partitions) + partition;
            long total = _counts[slot];
            if (total > int.MaxValue - 64)
            {
                throw new InvalidOperationException("Partition too large.");
            }

            int n = (int)total;
            if (callers == null || callers.Length < n)
            {
                callers = new long[Math.Max(n, 16)];
                entries = new KeyEntry[callers.Length];
            }

            int at = 0;
            lock (_locks[slot])
            {
                foreach (KeyBlock block in _memory[slot])
                {
                    Copy(block, callers, entries, ref at);
                }

                _memory[slot] = new List<KeyBlock>();
                if (_spilled && _files[slot] != null)
                {
                    FileStream file = _files[slot];
                    file.Flush();
                    file.Position = 0;
                    var header = new byte[8];
                    var block = new KeyBlock(0);
                    var bytes = new byte[KeyBlock.Capacity * 8];
                    while (ReadFull(file, header, 8))
                    {
                        block.FileIndex = BitConverter.ToInt32(header, 0);
                        block.Count = BitConverter.ToInt32(header, 4);
                        ReadArray(file, bytes, block.Callers, block.Count * 8);
                        ReadArray(file, bytes, block.Starts, block.Count * 4);
                        ReadArray(file, bytes, block.Lines, block.Count * 4);
                        Copy(block, callers, entries, ref at);
                    }

                    file.Dispose();
                    File.Delete(file.Name);
                    _files[slot] = null;
                }
            }

            return at;
        }

        public void Dispose()
        {
            lock (_spillLock)
            {
                if (_files != null)
                {
                    foreach (FileStream file in _files)
                    {
                        file?.Dispose();
                    }
                }

                if (_tempDirectory != null && Directory.Exists(_tempDirectory))
                {
                    try
                    {
                        Directory.Delete(_tempDirectory, true);
                    }
                    catch (IOException)
                    {
                    }
                    catch (UnauthorizedAccessException)
                    {
                    }
                }
            }
        }

        private static void Copy(KeyBlock block, long[] callers, KeyEntry[] entries, ref int at)
        {
            Array.Copy(block.Callers, 0, callers, at, block.Count);
            for (int i = 0; i < block.Count; i++)
            {
                ref KeyEntry e = ref entries[at + i];
                e.Start = block.Starts[i];
                e.Line = block.Lines[i];
                e.File = block.FileIndex;
            }

            at += block.Count;
        }

        private void Spill()
        {
            lock (_spillLock)
            {
                if (_spilled)
                {
                    return;
                }

                _tempDirectory = Path.Combine(_tempRoot, "ComplianceTools-callrecords-" + Guid.NewGuid().ToString("N").Substring(0, 12));
                Directory.CreateDirectory(_tempDirectory);
                var files = new FileStream[_memory.Length];
                for (int slot = 0; slot < files.Length; slot++)
                {
                    files[slot] = new FileStream(Path.Combine(_tempDirectory, "p" + slot.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".keys"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                }

                _files = files;
                for (int slot = 0; slot < files.Length; slot++)
                {
                    lock (_locks[slot])
                    {
                        foreach (KeyBlock block in _memory[slot])
                        {
                            Write(files[slot], block);
                        }

                        _memory[slot] = new List<KeyBlock>();
                    }
                }

                _spilled = true;
            }
        }

        [ThreadStatic]
        private static byte[] t_bytes;

        private static void Write(FileStream file, KeyBlock block)
        {
            byte[] bytes = t_bytes ?? (t_bytes = new byte[(KeyBlock.Capacity * 8) + 8]);
            Buffer.BlockCopy(BitConverter.GetBytes(block.FileIndex), 0, bytes, 0, 4);
            Buffer.BlockCopy(BitConverter.GetBytes(block.Count), 0, bytes, 4, 4);
            file.Write(bytes, 0, 8);
            Buffer.BlockCopy(block.Callers, 0, bytes, 0, block.Count * 8);
            file.Write(bytes, 0, block.Count * 8);
            Buffer.BlockCopy(block.Starts, 0, bytes, 0, block.Count * 4);
            file.Write(bytes, 0, block.Count * 4);
            Buffer.BlockCopy(block.Lines, 0, bytes, 0, block.Count * 4);
            file.Write(bytes, 0, block.Count * 4);
        }

        private static void ReadArray(FileStream file, byte[] bytes, Array target, int count)
        {
            if (!ReadFull(file, bytes, count))
            {
                throw new EndOfStreamException("Temporary key file truncated.");
            }

            Buffer.BlockCopy(bytes, 0, target, 0, count);
        }

        private static bool ReadFull(FileStream file, byte[] buffer, int count)
        {
            int read = 0;
            while (read < count)
            {
                int n = file.Read(buffer, read, count - read);
                if (n == 0)
                {
                    return false;
                }

                read += n;
            }

            return true;
        }
    }
}
