using System.Text;

namespace ComplianceTools.Core.Privacy
{
    /// <summary>
    /// Masks personal data (PIPL) before it reaches a finding, report or log:
    /// phone numbers 138****1234, ID numbers 110101********1234, names 张*.
    /// Short service numbers (95xxx, 96xxx, 12321) are not personal and stay readable.
    /// </summary>
    public static class Mask
    {
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
