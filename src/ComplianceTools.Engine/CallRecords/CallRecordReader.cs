using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading;
using ComplianceTools.Core.CallRecords;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Privacy;
using ComplianceTools.Engine.Workbook;
using ExcelDataReader;
using Sylvan.Data.Csv;

namespace ComplianceTools.Engine.CallRecords
{
    /// <summary>
    /// Reads one call-record file (CSV/TSV, .gz, .xlsx) into keys: caller as a 64-bit number, start as
    /// UTC seconds. The hot loop copies the two fields into char buffers and parses them by hand, so no
    /// string is made per field; rejected rows are counted and reported with file, line and reason.
    /// </summary>
    internal sealed class CallRecordReader
    {
        private const int FieldBuffer = 128;
        private static int s_codePagesRegistered;

        private readonly CallRecordSourceInput _input;
        private readonly string _path;
        private readonly int _fileIndex;
        private readonly PartitionStore _store;
        private readonly int _sourceIndex;
        private readonly Action<CallRecordRejection> _reject;
        private readonly CancellationToken _cancel;
        private readonly KeyBlock[] _blocks;
        private int _callerIndex = -1;

        public CallRecordReader(CallRecordSourceInput input, string path, int fileIndex, PartitionStore store, Action<CallRecordRejection> reject, CancellationToken cancel)
        {
            _input = input;
            _path = path;
            _fileIndex = fileIndex;
            _store = store;
            _sourceIndex = (int)input.Source;
            _reject = reject;
            _cancel = cancel;
            _blocks = new KeyBlock[store.Partitions];
        }

        public long Rows { get; private set; }

        public long Rejected { get; private set; }

        /// <summary>Rows rejected, by <see cref="CallRecordRejectReason"/>.</summary>
        public long[] RejectedBy { get; } = new long[Enum.GetValues(typeof(CallRecordRejectReason)).Length];

        public CallRecordFile File { get; private set; }

        public static void RegisterCodePages()
        {
            if (Interlocked.Exchange(ref s_codePagesRegistered, 1) == 0)
            {
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            }
        }

        /// <summary>Reads the file; a problem that makes the whole file unusable is thrown as ComplianceException.</summary>
        public void Read(CallRecordProgress.FileProgress progress)
        {
            progress.StartedTicks = Stopwatch.GetTimestamp();
            progress.Started = true;
            File = new CallRecordFile { Source = _input.Source, Path = _path, Bytes = progress.Length };
            try
            {
                if (_path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                {
                    ReadExcel(progress);
                }
                else
                {
                    ReadText(progress);
                }

                for (int p = 0; p < _blocks.Length; p++)
                {
                    if (_blocks[p] != null)
                    {
                        _store.Add(_sourceIndex, p, _blocks[p]);
                        _blocks[p] = null;
                    }
                }
            }
            catch (Exception ex) when (!(ex is ComplianceException) && !(ex is OperationCanceledException) && !(ex is OutOfMemoryException))
            {
                throw Problem("ComplianceTools.CallRecords.FileUnreadable", ProblemKind.ReadError, Text.Format(nameof(Core.Resources.Strings.CallRecordFileUnreadable), _path, _input.Source, ex.Message), ex);
            }
            finally
            {
                File.Rows = Rows;
                progress.Rows = Rows;
                progress.BytesRead = progress.Length;
                progress.FinishedTicks = Stopwatch.GetTimestamp();
                progress.Done = true;
            }
        }

        // AggressiveOptimization (512): the hot loop is compiled optimized at once, not through tier 0.
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)]
        private void ReadText(CallRecordProgress.FileProgress progress)
        {
            RegisterCodePages();
            bool gz = _path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            Encoding encoding = _input.Encoding ?? DetectEncoding(gz);
            File.Encoding = encoding.WebName;
            using (var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan))
            using (Stream stream = gz ? (Stream)new GZipStream(file, CompressionMode.Decompress) : file)
            using (var text = new LineCountingReader(new StreamReader(stream, encoding, true, 1 << 16)))
            {
                var options = new CsvDataReaderOptions { HasHeaders = true, BufferSize = 1 << 16, MaxBufferSize = 1 << 24, OwnsReader = false, Comment = '\0' };
                CsvDataReader csv;
                try
                {
                    csv = CsvDataReader.Create(text, options);
                }
                catch (CsvMissingHeadersException)
                {
                    throw Empty();
                }

                using (csv)
                {
                    int fieldCount = csv.FieldCount;
                    var headers = new string[fieldCount];
                    for (int i = 0; i < fieldCount; i++)
                    {
                        headers[i] = csv.GetName(i);
                    }

                    if (fieldCount == 0 || (fieldCount == 1 && string.IsNullOrWhiteSpace(headers[0])))
                    {
                        throw Empty();
                    }

                    ResolveColumns(headers, out int callerIndex, out int startIndex, out int offset, out TimeZoneInfo zone);
                    _callerIndex = callerIndex;
                    var callerChars = new char[FieldBuffer];
                    var startChars = new char[FieldBuffer];
                    long rows = 0;
                    long record = 0;
                    while (csv.Read())
                    {
                        // The physical line: blank lines and line breaks inside quoted fields count, as an editor shows them.
                        long line = text.LineOf(++record);
                        if (csv.RowFieldCount <= 1 && fieldCount > 1 && csv.GetChars(0, 0, callerChars, 0, FieldBuffer) == 0)
                        {
                            continue; // a blank line is not a row
                        }

                        rows++;
                        if ((rows & 0x3FFF) == 0)
                        {
                            progress.Rows = rows;
                            progress.BytesRead = file.Position;
                            _cancel.ThrowIfCancellationRequested();
                        }

                        if (csv.RowFieldCount != fieldCount)
                        {
                            Reject(csv, line, CallRecordRejectReason.FieldCount);
                            continue;
                        }

                        int callerLength = (int)csv.GetChars(callerIndex, 0, callerChars, 0, FieldBuffer);
                        long caller = 0;
                        int status = callerLength >= FieldBuffer ? 1 : CallerNumber.TryNormalize(callerChars, callerLength, out caller);
                        if (status != 0)
                        {
                            Reject(csv, line, status < 0 ? CallRecordRejectReason.CallerMissing : CallRecordRejectReason.CallerTooLong);
                            continue;
                        }

                        int startLength = (int)csv.GetChars(startIndex, 0, startChars, 0, FieldBuffer);
                        if (startLength >= FieldBuffer || !CallTime.TryParse(startChars, startLength, offset, zone, out int start))
                        {
                            Reject(csv, line, CallRecordRejectReason.StartInvalid);
                            continue;
                        }

                        Append(caller, start, line);
                    }

                    Rows = rows;
                }
            }
        }

        private void ReadExcel(CallRecordProgress.FileProgress progress)
        {
            File.Encoding = string.Empty;

            // The same size, ratio and DTD checks as a compliance workbook: a small file must not expand past memory.
            WorkbookPackage.Inspect(_path);
            using (var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16))
            using (IExcelDataReader excel = ExcelReaderFactory.CreateOpenXmlReader(file))
            {
                if (!excel.Read())
                {
                    throw Empty();
                }

                int fieldCount = excel.FieldCount;
                var headers = new string[fieldCount];
                for (int i = 0; i < fieldCount; i++)
                {
                    headers[i] = Convert.ToString(excel.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty;
                }

                if (fieldCount == 0 || Array.TrueForAll(headers, string.IsNullOrWhiteSpace))
                {
                    throw Empty();
                }

                ResolveColumns(headers, out int callerIndex, out int startIndex, out int offset, out TimeZoneInfo zone);
                _callerIndex = callerIndex;
                var chars = new char[FieldBuffer];
                long rows = 0;
                while (excel.Read())
                {
                    // The sheet row as Excel numbers it: blank rows count. Past Excel's last row the file was doctored.
                    long line = excel.Depth + 1;
                    if (line > 1048576)
                    {
                        throw new InvalidDataException(Text.Format(nameof(Core.Resources.Strings.CallRecordPastExcelRows), 1048576));
                    }

                    object callerValue = excel.GetValue(callerIndex);
                    object startValue = excel.GetValue(startIndex);
                    if (callerValue == null && startValue == null && IsBlankRow(excel))
                    {
                        continue;
                    }

                    rows++;
                    if ((rows & 0xFFF) == 0)
                    {
                        progress.Rows = rows;
                        _cancel.ThrowIfCancellationRequested();
                    }

                    string callerText = callerValue is double d ? d.ToString("0", CultureInfo.InvariantCulture) : Convert.ToString(callerValue, CultureInfo.InvariantCulture) ?? string.Empty;
                    int length = Math.Min(callerText.Length, FieldBuffer);
                    callerText.CopyTo(0, chars, 0, length);
                    long caller = 0;
                    int status = callerText.Length >= FieldBuffer ? 1 : CallerNumber.TryNormalize(chars, length, out caller);
                    if (status != 0)
                    {
                        RejectExcel(excel, line, status < 0 ? CallRecordRejectReason.CallerMissing : CallRecordRejectReason.CallerTooLong);
                        continue;
                    }

                    int start;
                    bool ok;
                    if (startValue is DateTime dt)
                    {
                        ok = CallTime.TryFromDateTime(dt, offset, zone, out start);
                    }
                    else if (startValue is double serial)
                    {
                        ok = serial > 0 && serial < 2958466;
                        start = 0;
                        if (ok)
                        {
                            ok = CallTime.TryFromDateTime(DateTime.FromOADate(serial), offset, zone, out start);
                        }
                    }
                    else
                    {
                        string startText = Convert.ToString(startValue, CultureInfo.InvariantCulture) ?? string.Empty;
                        length = Math.Min(startText.Length, FieldBuffer);
                        startText.CopyTo(0, chars, 0, length);
                        ok = CallTime.TryParse(chars, length, offset, zone, out start);
                    }

                    if (!ok)
                    {
                        RejectExcel(excel, line, CallRecordRejectReason.StartInvalid);
                        continue;
                    }

                    Append(caller, start, line);
                }

                Rows = rows;
            }
        }

        private static bool IsBlankRow(IExcelDataReader excel)
        {
            for (int i = 0; i < excel.FieldCount; i++)
            {
                object v = excel.GetValue(i);
                if (v != null && !(v is string s && s.Length == 0))
                {
                    return false;
                }
            }

            return true;
        }

        // AggressiveOptimization (512): the hot loop is compiled optimized at once, not through tier 0.
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)]
        private void Append(long caller, int start, long line)
        {
            int p = PartitionStore.PartitionOf(caller, _store.Bits);
            KeyBlock block = _blocks[p];
            if (block == null)
            {
                block = _blocks[p] = new KeyBlock(_fileIndex);
            }

            int i = block.Count++;
            block.Callers[i] = caller;
            block.Starts[i] = start;
            block.Lines[i] = line > int.MaxValue ? int.MaxValue : (int)line;
            if (block.Count == KeyBlock.Capacity)
            {
                _store.Add(_sourceIndex, p, block);
                _blocks[p] = null;
            }
        }

        private void ResolveColumns(string[] headers, out int callerIndex, out int startIndex, out int offset, out TimeZoneInfo zone)
        {
            callerIndex = ColumnDiscovery.FindCaller(_input.Source, headers, _input.CallerColumn);
            startIndex = ColumnDiscovery.FindStart(headers, _input.StartColumn, out bool utcHint);
            if (callerIndex < 0 || startIndex < 0)
            {
                string kind = Text.Get(callerIndex < 0 ? nameof(Core.Resources.Strings.CallRecordCallerColumn) : nameof(Core.Resources.Strings.CallRecordStartColumn));
                string seen = string.Join(", ", Array.ConvertAll(headers, h => "'" + h + "'"));
                throw Problem("ComplianceTools.CallRecords.ColumnsNotFound", ProblemKind.InvalidData, Text.Format(nameof(Core.Resources.Strings.CallRecordColumnsNotFound), _path, _input.Source, kind, seen), null);
            }

            File.CallerColumn = headers[callerIndex];
            File.StartColumn = headers[startIndex];
            CallTimeZone tz = _input.TimeZone ?? (utcHint ? CallTimeZone.Utc : CallTimeZone.ChinaStandardTime);
            offset = tz.OffsetSeconds;
            zone = tz.Zone;
        }

        private void Reject(CsvDataReader csv, long line, CallRecordRejectReason reason)
        {
            Rejected++;
            RejectedBy[(int)reason]++;
            var fields = new string[csv.RowFieldCount];
            for (int i = 0; i < fields.Length; i++)
            {
                fields[i] = csv.GetString(i);
            }

            _reject(new CallRecordRejection { Source = _input.Source, File = _path, Line = line, Reason = reason, Row = MaskRow(fields, ",", _callerIndex) });
        }

        private void RejectExcel(IExcelDataReader excel, long line, CallRecordRejectReason reason)
        {
            Rejected++;
            RejectedBy[(int)reason]++;
            var fields = new string[excel.FieldCount];
            for (int i = 0; i < fields.Length; i++)
            {
                fields[i] = Convert.ToString(excel.GetValue(i), CultureInfo.InvariantCulture);
            }

            _reject(new CallRecordRejection { Source = _input.Source, File = _path, Line = line, Reason = reason, Row = MaskRow(fields, ",", _callerIndex) });
        }

        /// <summary>
        /// The fields joined, with personal data masked by the one masking path: the caller column (a personal
        /// column) and any field that is a phone number (7+ digits, only number punctuation) as a phone, and every
        /// mobile, landline or ID number inside any other field (free text, next to letters) where it sits.
        /// </summary>
        internal static string MaskRow(string[] fields, string delimiter, int callerIndex = -1)
        {
            var parts = new string[fields.Length];
            for (int i = 0; i < fields.Length; i++)
            {
                string f = fields[i] ?? string.Empty;
                parts[i] = LooksLikePhone(f) || (i == callerIndex && Mask.Digits(f).Length >= 7) ? Mask.Phone(f) : Mask.Text(f);
            }

            return string.Join(delimiter, parts);
        }

        private static bool LooksLikePhone(string value)
        {
            int digits = 0;
            foreach (char c in value)
            {
                if ((c >= '0' && c <= '9') || (c >= '０' && c <= '９'))
                {
                    digits++;
                }
                else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')' && c != '.')
                {
                    return false;
                }
            }

            return digits >= 7;
        }

        private Encoding DetectEncoding(bool gz)
        {
            var head = new byte[1 << 16];
            int n = 0;
            using (var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096))
            using (Stream stream = gz ? (Stream)new GZipStream(file, CompressionMode.Decompress) : file)
            {
                int read;
                while (n < head.Length && (read = stream.Read(head, n, head.Length - n)) > 0)
                {
                    n += read;
                }
            }

            return Detect(head, n);
        }

        /// <summary>UTF-8 with a BOM or when the bytes are valid UTF-8; UTF-16 by BOM; otherwise GB18030.</summary>
        internal static Encoding Detect(byte[] head, int n)
        {
            RegisterCodePages();
            if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
            {
                return new UTF8Encoding(true);
            }

            if (n >= 2 && head[0] == 0xFF && head[1] == 0xFE)
            {
                return Encoding.Unicode;
            }

            if (n >= 2 && head[0] == 0xFE && head[1] == 0xFF)
            {
                return Encoding.BigEndianUnicode;
            }

            // Leave out a multi-byte sequence cut at the end of the sample.
            int end = n;
            for (int back = 1; back <= 3 && n - back >= 0; back++)
            {
                byte b = head[n - back];
                if ((b & 0xC0) == 0xC0)
                {
                    int need = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
                    if (back < need)
                    {
                        end = n - back;
                    }

                    break;
                }

                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            try
            {
                new UTF8Encoding(false, true).GetCharCount(head, 0, end);
                return new UTF8Encoding(false);
            }
            catch (DecoderFallbackException)
            {
                return Encoding.GetEncoding("GB18030");
            }
        }

        private ComplianceException Empty() => Problem("ComplianceTools.CallRecords.FileEmpty", ProblemKind.InvalidData, Text.Format(nameof(Core.Resources.Strings.CallRecordFileEmpty), _path, _input.Source), null);

        private ComplianceException Problem(string id, ProblemKind kind, string message, Exception inner)
        {
            return new ComplianceException(new ComplianceProblem(id, kind, message, _path), inner);
        }
    }
}
