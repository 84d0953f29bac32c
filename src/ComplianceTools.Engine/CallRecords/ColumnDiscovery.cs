using System;
using System.Collections.Generic;
using System.Text;
using ComplianceTools.Core.CallRecords;

namespace ComplianceTools.Engine.CallRecords
{
    /// <summary>Finds the caller and start columns by header, Chinese or English, with common aliases.</summary>
    internal static class ColumnDiscovery
    {
        // Real-caller headers first: in a privacy-number (AXB) export the key is the real caller.
        private static readonly string[] s_realCaller = Keys("真实主叫", "真实主叫号码", "主叫真实号码", "真实号码", "real_caller", "real_caller_number", "real_calling_number", "realcaller", "a_number", "a号码");

        private static readonly string[] s_caller = Keys(
            "主叫号码", "主叫", "主叫号", "主叫用户号码", "主叫用户", "主叫电话", "来电号码", "呼叫号码",
            "caller", "caller_number", "caller_no", "caller_id", "calling", "calling_number", "calling_no", "calling_party", "calling_party_number", "ani", "from", "from_number", "src", "src_number", "source_number", "originator");

        private static readonly string[] s_start = Keys(
            "开始时间", "呼叫开始时间", "通话开始时间", "起始时间", "开始呼叫时间", "呼叫时间", "发起时间", "拨打时间", "主叫开始时间",
            "start_time", "start_time_utc", "starttime", "start", "begin_time", "begin_time_utc", "begin", "call_start", "call_start_time", "call_begin", "started_at", "start_at", "start_datetime", "call_time");

        // Never the key: the virtual (X) number of a privacy-number binding, or any number that is not the caller.
        private static readonly string[] s_excluded = { "x号码", "虚拟", "中间号", "隐私号", "小号", "xnumber", "virtual", "middle", "telx", "secret", "被叫", "callee", "called" };

        public static string NormalizeHeader(string header)
        {
            var sb = new StringBuilder(header?.Length ?? 0);
            foreach (char c in header ?? string.Empty)
            {
                if (c == '\uFEFF' || char.IsWhiteSpace(c) || c == '_' || c == '-' || c == '(' || c == ')' || c == '（' || c == '）' || c == '.' || c == '"')
                {
                    continue;
                }

                sb.Append(char.ToLowerInvariant(c));
            }

            return sb.ToString();
        }

        /// <summary>Index of the caller column, or -1.</summary>
        public static int FindCaller(CallSource source, IReadOnlyList<string> headers, string mapped)
        {
            if (!string.IsNullOrEmpty(mapped))
            {
                return FindMapped(headers, mapped);
            }

            string[] normalized = Normalize(headers);
            int index = source == CallSource.PrivacyNumber ? FindAlias(normalized, s_realCaller) : -1;
            if (index < 0)
            {
                index = FindAlias(normalized, s_caller);
            }

            if (index < 0 && source != CallSource.PrivacyNumber)
            {
                index = FindAlias(normalized, s_realCaller);
            }

            return index;
        }

        /// <summary>Index of the start column, or -1; <paramref name="utcHint"/> when its header says UTC.</summary>
        public static int FindStart(IReadOnlyList<string> headers, string mapped, out bool utcHint)
        {
            int index = !string.IsNullOrEmpty(mapped) ? FindMapped(headers, mapped) : FindAlias(Normalize(headers), s_start);
            utcHint = index >= 0 && NormalizeHeader(headers[index]).Contains("utc");
            return index;
        }

        private static int FindMapped(IReadOnlyList<string> headers, string mapped)
        {
            string wanted = NormalizeHeader(mapped);
            for (int i = 0; i < headers.Count; i++)
            {
                if (string.Equals(headers[i]?.Trim('\uFEFF', ' '), mapped, StringComparison.OrdinalIgnoreCase) || NormalizeHeader(headers[i]) == wanted)
                {
                    return i;
                }
            }

            return -1;
        }

        private static int FindAlias(string[] normalized, string[] aliases)
        {
            foreach (string alias in aliases)
            {
                for (int i = 0; i < normalized.Length; i++)
                {
                    if (normalized[i] == alias && !IsExcluded(normalized[i]))
                    {
                        return i;
                    }
                }
            }

            return -1;
        }

        private static bool IsExcluded(string normalized)
        {
            foreach (string word in s_excluded)
            {
                if (normalized.Contains(word))
                {
                    return true;
                }
            }

            return false;
        }

        private static string[] Normalize(IReadOnlyList<string> headers)
        {
            var result = new string[headers.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = NormalizeHeader(headers[i]);
            }

            return result;
        }

        private static string[] Keys(params string[] aliases)
        {
            var result = new string[aliases.Length];
            for (int i = 0; i < aliases.Length; i++)
            {
                result[i] = NormalizeHeader(aliases[i]);
            }

            return result;
        }
    }
}
