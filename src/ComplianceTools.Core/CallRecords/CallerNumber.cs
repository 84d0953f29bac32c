using System.Globalization;

namespace ComplianceTools.Core.CallRecords
{
    /// <summary>
    /// The caller half of the call key: a phone number in national format, packed into a 64-bit number
    /// (digit count in the top bits, so 021… and 21… stay different).
    /// </summary>
    /// <remarks>
    /// Rules: keep the digits (full-width digits fold to ASCII); a trailing ".0…" written by spreadsheets is
    /// ignored; strip a country code 0086, or 86 when the whole number has at least 12 digits; after a
    /// stripped country code a number that is not an 11-digit mobile (1xxxxxxxxxx) gets its trunk 0 back;
    /// a 12-digit 01[3-9]… (a mobile dialled with a leading 0) loses the 0. Short numbers (95599) stay.
    /// A caller needs 5 to 17 digits after this.
    /// </remarks>
    public static class CallerNumber
    {
        /// <summary>Fewest digits a caller may have (95xxx service numbers have 5).</summary>
        public const int MinDigits = 5;

        /// <summary>Most digits a caller may have (E.164 allows 15, plus a trunk 0 and some slack).</summary>
        public const int MaxDigits = 17;

        private const int LengthShift = 57;
        private const long ValueMask = (1L << LengthShift) - 1;

        /// <summary>Normalizes the characters <paramref name="text"/>[0..length) into a key.</summary>
        /// <returns>0 when the key is valid, -1 when there are fewer than 5 digits, 1 when more than 17.</returns>
        // AggressiveOptimization (512): the hot loop is compiled optimized at once, not through tier 0.
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)]
        public static int TryNormalize(char[] text, int length, out long key)
        {
            key = 0;

            // Pass 1: count the digits and keep the first four (enough to decide the prefix rules).
            int n = 0;
            int d0 = -1, d1 = -1, d2 = -1, d3 = -1;
            int end = length;
            for (int i = 0; i < length; i++)
            {
                int d = DigitAt(text[i]);
                if (d < 0)
                {
                    if (text[i] == '.' && n > 0 && OnlyZerosFollow(text, i + 1, length))
                    {
                        end = i;
                        break;
                    }

                    continue;
                }

                switch (n)
                {
                    case 0: d0 = d; break;
                    case 1: d1 = d; break;
                    case 2: d2 = d; break;
                    case 3: d3 = d; break;
                }

                n++;
            }

            int skip = 0;
            bool stripped = false;
            if (n >= 4 && d0 == 0 && d1 == 0 && d2 == 8 && d3 == 6)
            {
                skip = 4;
                stripped = true;
            }
            else if (n >= 12 && d0 == 8 && d1 == 6)
            {
                skip = 2;
                stripped = true;
            }

            int len = n - skip;
            int first = skip == 4 ? -2 : (skip == 2 ? d2 : d0);
            if (skip == 4)
            {
                first = FirstDigitAfter(text, end, 4);
            }

            int total = len;
            if (stripped && len > 0 && !(len == 11 && first == 1) && first != 0)
            {
                total = len + 1;
            }
            else if (!stripped && len == 12 && d0 == 0 && d1 == 1 && d2 >= 3)
            {
                skip = 1;
                total = 11;
            }

            if (total < MinDigits)
            {
                return -1;
            }

            if (total > MaxDigits)
            {
                return 1;
            }

            // Pass 2: the value of the digits after the skipped prefix (a restored trunk 0 adds no value).
            long value = 0;
            int seen = 0;
            for (int i = 0; i < end; i++)
            {
                int d = DigitAt(text[i]);
                if (d < 0)
                {
                    continue;
                }

                if (seen++ >= skip)
                {
                    value = (value * 10) + d;
                }
            }

            key = ((long)total << LengthShift) | value;
            return 0;
        }

        private static int DigitAt(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= '０' && c <= '９')
            {
                return c - '０';
            }

            return -1;
        }

        private static int FirstDigitAfter(char[] text, int end, int skip)
        {
            int seen = 0;
            for (int i = 0; i < end; i++)
            {
                int d = DigitAt(text[i]);
                if (d >= 0 && seen++ == skip)
                {
                    return d;
                }
            }

            return -1;
        }

        /// <summary>Normalizes a string; null when it is not a valid caller.</summary>
        public static string Normalize(string text)
        {
            if (text == null)
            {
                return null;
            }

            char[] chars = text.ToCharArray();
            return TryNormalize(chars, chars.Length, out long key) == 0 ? Format(key) : null;
        }

        /// <summary>The national-format digits of a key (leading zeros kept).</summary>
        public static string Format(long key)
        {
            int length = (int)(key >> LengthShift);
            long value = key & ValueMask;
            return value.ToString(CultureInfo.InvariantCulture).PadLeft(length, '0');
        }

        private static bool OnlyZerosFollow(char[] text, int from, int length)
        {
            bool any = false;
            for (int i = from; i < length; i++)
            {
                char c = text[i];
                if (c == '0')
                {
                    any = true;
                }
                else if (c != ' ')
                {
                    return false;
                }
            }

            return any;
        }
    }
}
