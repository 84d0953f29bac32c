using System;

namespace ComplianceTools.Core.CallRecords
{
    /// <summary>
    /// The start half of the call key: UTC, whole seconds, as seconds since 2000-01-01 00:00:00 UTC
    /// (an int: 1932 to 2068). Parsed by hand from characters, without a string per value.
    /// </summary>
    /// <remarks>
    /// Forms: yyyy-MM-dd HH:mm:ss, yyyy/M/d H:mm:ss, ISO 8601 with T, seconds optional, fractional
    /// seconds (truncated), and a trailing Z or offset (+08:00, +0800, +08) taken as written. A value
    /// without Z or offset is in the source's time zone. The date must exist (no 2025-02-30, month 13,
    /// hour 25, 0000-00-00) and the year lie in 1970–2067.
    /// </remarks>
    public static class CallTime
    {
        /// <summary>Seconds from 1970-01-01 to 2000-01-01.</summary>
        public const long EpochOffset = 946684800;

        private static readonly int[] s_daysInMonth = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

        /// <summary>Parses text[0..length). <paramref name="zone"/> null means a fixed <paramref name="offsetSeconds"/> east of UTC.</summary>
        // AggressiveOptimization (512): the hot loop is compiled optimized at once, not through tier 0.
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)]
        public static bool TryParse(char[] text, int length, int offsetSeconds, TimeZoneInfo zone, out int seconds)
        {
            seconds = 0;
            int p = 0;
            while (p < length && text[p] == ' ')
            {
                p++;
            }

            while (length > p && (text[length - 1] == ' ' || text[length - 1] == '\t'))
            {
                length--;
            }

            if (!Digits(text, ref p, length, 4, 4, out int year))
            {
                return false;
            }

            if (p >= length || (text[p] != '-' && text[p] != '/'))
            {
                return false;
            }

            char sep = text[p++];
            if (!Digits(text, ref p, length, 1, 2, out int month) || p >= length || text[p++] != sep || !Digits(text, ref p, length, 1, 2, out int day))
            {
                return false;
            }

            if (p >= length || (text[p] != ' ' && text[p] != 'T'))
            {
                return false;
            }

            p++;
            while (p < length && text[p] == ' ')
            {
                p++;
            }

            if (!Digits(text, ref p, length, 1, 2, out int hour) || p >= length || text[p++] != ':' || !Digits(text, ref p, length, 1, 2, out int minute))
            {
                return false;
            }

            int second = 0;
            if (p < length && text[p] == ':')
            {
                p++;
                if (!Digits(text, ref p, length, 1, 2, out second))
                {
                    return false;
                }
            }

            if (p < length && (text[p] == '.' || text[p] == ','))
            {
                p++;
                int q = p;
                while (p < length && text[p] >= '0' && text[p] <= '9')
                {
                    p++;
                }

                if (p == q)
                {
                    return false;
                }
            }

            while (p < length && text[p] == ' ')
            {
                p++;
            }

            bool hasOffset = false;
            int offset = 0;
            if (p < length)
            {
                char c = text[p];
                if ((c == 'Z' || c == 'z') && p + 1 == length)
                {
                    hasOffset = true;
                    p++;
                }
                else if (c == '+' || c == '-')
                {
                    p++;
                    if (!Digits(text, ref p, length, 2, 2, out int oh))
                    {
                        return false;
                    }

                    int om = 0;
                    if (p < length && text[p] == ':')
                    {
                        p++;
                    }

                    if (p < length && !Digits(text, ref p, length, 2, 2, out om))
                    {
                        return false;
                    }

                    if (oh > 14 || om > 59)
                    {
                        return false;
                    }

                    offset = ((oh * 60) + om) * 60 * (c == '-' ? -1 : 1);
                    hasOffset = true;
                }

                if (p != length)
                {
                    return false;
                }
            }

            if (year < 1970 || year > 2067 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            int dim = s_daysInMonth[month - 1];
            if (month == 2 && IsLeap(year))
            {
                dim = 29;
            }

            if (day > dim)
            {
                return false;
            }

            long local = (DaysFromCivil(year, month, day) * 86400L) + (hour * 3600) + (minute * 60) + second;
            if (!hasOffset)
            {
                offset = zone == null ? offsetSeconds : ZoneOffset(zone, year, month, day, hour, minute, second);
            }

            seconds = (int)(local - offset - EpochOffset);
            return true;
        }

        /// <summary>Seconds since 2000-01-01 UTC of a DateTime; an Unspecified/Local value is read in the zone.</summary>
        public static bool TryFromDateTime(DateTime value, int offsetSeconds, TimeZoneInfo zone, out int seconds)
        {
            seconds = 0;
            if (value.Year < 1970 || value.Year > 2067)
            {
                return false;
            }

            long local = (DaysFromCivil(value.Year, value.Month, value.Day) * 86400L) + (value.Hour * 3600) + (value.Minute * 60) + value.Second;
            int offset = value.Kind == DateTimeKind.Utc ? 0 : (zone == null ? offsetSeconds : ZoneOffset(zone, value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second));
            seconds = (int)(local - offset - EpochOffset);
            return true;
        }

        /// <summary>The UTC time of a key's start.</summary>
        public static DateTime ToUtc(int seconds) => new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(seconds);

        /// <summary>Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).</summary>
        public static long DaysFromCivil(int y, int m, int d)
        {
            y -= m <= 2 ? 1 : 0;
            int era = (y >= 0 ? y : y - 399) / 400;
            int yoe = y - (era * 400);
            int doy = ((153 * (m + (m > 2 ? -3 : 9))) + 2) / 5 + d - 1;
            int doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
            return (era * 146097L) + doe - 719468;
        }

        private static int ZoneOffset(TimeZoneInfo zone, int y, int mo, int d, int h, int mi, int s)
        {
            var local = new DateTime(y, mo, d, h, mi, s, DateTimeKind.Unspecified);
            return (int)zone.GetUtcOffset(local).TotalSeconds;
        }

        private static bool IsLeap(int y) => (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

        private static bool Digits(char[] text, ref int p, int length, int min, int max, out int value)
        {
            value = 0;
            int count = 0;
            while (p < length && count < max)
            {
                char c = text[p];
                if (c < '0' || c > '9')
                {
                    break;
                }

                value = (value * 10) + (c - '0');
                p++;
                count++;
            }

            return count >= min;
        }
    }
}
