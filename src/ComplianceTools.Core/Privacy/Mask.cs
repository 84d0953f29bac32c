using System.Text;
using System.Text.RegularExpressions;

namespace ComplianceTools.Core.Privacy
{
    /// <summary>
    /// Masks personal data (PIPL) before it reaches a finding, report, file or any PowerShell stream:
    /// phone numbers 138****1234, ID numbers 110101********1234, names 张*, e-mail addresses z***@example.com.
    /// Short service numbers (95xxx, 96xxx, 12321) are not personal and stay readable.
    /// This is the one masking path: <see cref="Text"/> masks by what a value looks like, wherever it sits in a
    /// string (errors, warnings, progress, rejected rows, task files, the report); <see cref="Value"/> masks a
    /// value from a column the workbook schema marks personal, whatever it looks like.
    /// </summary>
    public static class Mask
    {
        // A mobile: 1[3-9]x xxxx xxxx, written together, spaced or dashed, after +86, 86, 0086, (+86) or a trunk 0;
        // letters may touch it (张三13800138000, tel:13800138000), another digit may not.
        private static readonly Regex s_mobile = new Regex(
            @"(?<![0-9])(?:(?:[+＋]|00)?86[ \-－\u3000]?|[(（][+＋]?86[)）] ?|0)?1[3-9][0-9](?:[ \-－\u3000]?[0-9]{4}){2}(?![0-9])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // A landline: 0 + area code (2-3 digits, in brackets or not) + 7-8 digits, or +86/0086 + area code without the 0.
        private static readonly Regex s_landline = new Regex(
            @"(?<![0-9])(?:(?:[+＋]|00)86[ \-－\u3000]?[(（]?[1-9][0-9]{1,2}[)）]?|[(（]0[1-9][0-9]{1,2}[)）]|0[1-9][0-9]{1,2})[ \-－\u3000]?[2-9][0-9]{2,3}[ \-－\u3000]?[0-9]{4}(?![0-9])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // A resident ID number: 18 characters (17 digits and a digit or X) or the old 15 digits.
        private static readonly Regex s_idNumber = new Regex(
            @"(?<![0-9])(?:[1-9][0-9]{16}[0-9Xx]|[1-9][0-9]{14})(?![0-9Xx])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // A GUID (a tenant, an item, a temporary folder): hex in 8-4-4-4-12 groups is an identifier, not a person, even
        // where its digits happen to read as a mobile (…a138-1234-5678-…) or a landline.
        private static readonly Regex s_guid = new Regex(
            @"(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly Regex s_email = new Regex(
            @"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>
        /// Every mobile, landline and ID number in a text masked, wherever it sits (inside a sentence, next to
        /// letters, with +86 or spaces); full-width digits count as digits. E-mail addresses are left as they are:
        /// they are masked only where a column is personal (<see cref="Value"/>). Text with fewer than 7 digits is
        /// returned as it is, at the cost of one scan.
        /// </summary>
        public static string Text(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            int digits = 0;
            bool wide = false;
            foreach (char c in text)
            {
                if (c >= '0' && c <= '9')
                {
                    digits++;
                }
                else if (c >= '０' && c <= '９')
                {
                    digits++;
                    wide = true;
                }
            }

            if (digits < 7)
            {
                return text;
            }

            string result = wide ? FoldDigits(text) : text;
            result = OutsideGuids(s_idNumber, result, IdNumber);
            result = OutsideGuids(s_mobile, result, Phone);
            return OutsideGuids(s_landline, result, Phone);
        }

        /// <summary>Every match of a pattern masked, except one that overlaps a GUID.</summary>
        private static string OutsideGuids(Regex pattern, string text, System.Func<string, string> mask)
        {
            // A GUID is 36 characters with hyphens: most texts (a date, a phone) cannot hold one and skip the scan.
            MatchCollection guids = text.Length < 36 || text.IndexOf('-') < 0 ? null : s_guid.Matches(text);
            if (guids == null || guids.Count == 0)
            {
                return pattern.Replace(text, m => mask(m.Value));
            }

            return pattern.Replace(text, m =>
            {
                foreach (Match guid in guids)
                {
                    if (m.Index < guid.Index + guid.Length && guid.Index < m.Index + m.Length)
                    {
                        return m.Value;
                    }
                }

                return mask(m.Value);
            });
        }

        /// <summary>
        /// A value from a personal column (name, phone, ID number, e-mail), masked whatever it looks like: each word
        /// with 7 or more digits as a phone or ID number, an e-mail address keeping its first letter and domain,
        /// any other word as a name (张三 13800138000 → 张* 138****8000).
        /// </summary>
        public static string Value(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            string[] words = value.Trim().Split(new[] { ' ', '\u3000', '\t', ',', ';', '，', '；', '/' }, System.StringSplitOptions.RemoveEmptyEntries);
            var sb = new StringBuilder();
            foreach (string word in words)
            {
                if (sb.Length > 0)
                {
                    sb.Append(' ');
                }

                string digits = Digits(word);
                if (s_email.IsMatch(word))
                {
                    sb.Append(s_email.Replace(word, m => Email(m.Value)));
                }
                else if (digits.Length >= 15)
                {
                    sb.Append(IdNumber(FoldDigits(word)));
                }
                else if (digits.Length >= 7)
                {
                    string masked = Text(word);
                    sb.Append(masked != word && masked != FoldDigits(word) ? masked : Phone(word));
                }
                else
                {
                    sb.Append(Name(word));
                }
            }

            return sb.ToString();
        }

        /// <summary>An e-mail address with all but the first letter of its local part hidden: zhang.san@example.com → z********@example.com.</summary>
        public static string Email(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            int at = value.IndexOf('@');
            if (at <= 0)
            {
                return Name(value);
            }

            return value.Substring(0, 1) + new string('*', System.Math.Max(3, at - 1)) + value.Substring(at);
        }

        private static string FoldDigits(string text)
        {
            var sb = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                sb.Append(c >= '０' && c <= '９' ? (char)('0' + (c - '０')) : c);
            }

            return sb.ToString();
        }

        /// <summary>Masks a phone number of any formatting; numbers of 7 digits or fewer are not personal.</summary>
        public static string Phone(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            string digits = Digits(value);
            if (digits.Length <= 7)
            {
                return value.Trim();
            }

            int keepStart = 3;
            if (digits.StartsWith("86", System.StringComparison.Ordinal) && digits.Length >= 12)
            {
                keepStart = 5;
            }
            else if (digits.StartsWith("0", System.StringComparison.Ordinal) && digits.Length >= 10)
            {
                keepStart = digits.Length >= 11 && (digits[1] == '1' || digits[1] == '2') ? 3 : 4;
            }

            int keepEnd = 4;
            int hidden = digits.Length - keepStart - keepEnd;
            if (hidden < 3)
            {
                keepStart = digits.Length - keepEnd - 3;
                hidden = 3;
            }

            return digits.Substring(0, keepStart) + new string('*', 4) + digits.Substring(digits.Length - keepEnd);
        }

        /// <summary>Masks a resident ID number: the 6-digit region and the last 4 characters stay.</summary>
        public static string IdNumber(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            string v = value.Trim();
            if (v.Length <= 8)
            {
                return new string('*', v.Length);
            }

            int keepStart = v.Length >= 15 ? 6 : 2;
            return v.Substring(0, keepStart) + new string('*', v.Length - keepStart - 4) + v.Substring(v.Length - 4);
        }

        /// <summary>Masks a person's name: the first character stays (张三 → 张*, 欧阳娜娜 → 欧***, Alice → A****).</summary>
        public static string Name(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            string v = value.Trim();
            return v.Length == 1 ? "*" : v.Substring(0, 1) + new string('*', v.Length - 1);
        }

        /// <summary>Masks an e-mail address: the first character of the mailbox and the domain stay (zhangsan@contoso.cn → z*******@contoso.cn).</summary>
        public static string Mail(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            string v = value.Trim();
            int at = v.LastIndexOf('@');
            if (at <= 0)
            {
                return Name(v);
            }

            return v.Substring(0, 1) + new string('*', System.Math.Max(3, at - 1)) + v.Substring(at);
        }

        /// <summary>
        /// Masks a contact as given: an e-mail address (<see cref="Mail"/>), a phone number (<see cref="Phone"/>)
        /// or a name (<see cref="Name"/>).
        /// </summary>
        public static string Contact(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            string v = value.Trim();
            if (v.IndexOf('@') > 0)
            {
                return Mail(v);
            }

            string digits = Digits(v);
            return digits.Length >= 7 && digits.Length * 2 >= v.Length ? Phone(v) : Name(v);
        }

        /// <summary>The ASCII digits of a value, full-width digits folded (１３８ → 138).</summary>
        public static string Digits(string value)
        {
            var sb = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                if (c >= '0' && c <= '9')
                {
                    sb.Append(c);
                }
                else if (c >= '０' && c <= '９')
                {
                    sb.Append((char)('0' + (c - '０')));
                }
            }

            return sb.ToString();
        }
    }
}
