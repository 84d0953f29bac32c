using System;
using ComplianceTools.Core.Privacy;

namespace ComplianceTools.Core.Numbers
{
    /// <summary>What kind of number a called party sees (外显): the classes NUM-001 weighs.</summary>
    public enum DisplayNumberClass
    {
        /// <summary>Not recognised (too short, a hotline such as 12321, or not a number).</summary>
        Other = 0,

        /// <summary>95xxx (nationwide) or 96xxx (local) short service number, 5 to 8 digits.</summary>
        ShortNumber,

        /// <summary>Fixed line: 0 + area code + local number.</summary>
        Landline,

        /// <summary>Mobile: 1[3-9] + 9 digits.</summary>
        Mobile,

        /// <summary>400 or 800 service number (10 digits).</summary>
        Service400,
    }

    /// <summary>A display number reduced to its digits and classified, whatever its formatting.</summary>
    public sealed class DisplayNumberInfo
    {
        internal DisplayNumberInfo(string digits, DisplayNumberClass numberClass)
        {
            Digits = digits;
            Class = numberClass;
        }

        /// <summary>The number in national form: 95588, 01062345678, 13812345678, 4008001234.</summary>
        public string Digits { get; }

        public DisplayNumberClass Class { get; }

        /// <summary>For output: service numbers (95/96, 400/800) as they are, landlines and mobiles masked.</summary>
        public string Display => Class == DisplayNumberClass.ShortNumber || Class == DisplayNumberClass.Service400 ? Digits : Mask.Phone(Digits);
    }

    /// <summary>
    /// Classifies display numbers from their digits: +86 / 0086 / 86 prefixes, dashes, spaces, parentheses and
    /// full-width digits are all accepted (＋８６ １０-６２３４ ５６７８ is a Beijing landline).
    /// </summary>
    public static class DisplayNumber
    {
        public static DisplayNumberInfo Parse(string raw)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                return new DisplayNumberInfo(string.Empty, DisplayNumberClass.Other);
            }

            string digits = Mask.Digits(raw);
            string trimmed = raw.Trim();
            bool international = trimmed.StartsWith("+", StringComparison.Ordinal) || trimmed.StartsWith("＋", StringComparison.Ordinal);
            if (digits.StartsWith("0086", StringComparison.Ordinal) && digits.Length > 8)
            {
                return National(digits.Substring(4));
            }

            if (digits.StartsWith("86", StringComparison.Ordinal) && (international || (digits.Length == 13 && IsMobile(digits.Substring(2)))))
            {
                return National(digits.Substring(2));
            }

            return new DisplayNumberInfo(digits, ClassOf(digits));
        }

        public static DisplayNumberClass Classify(string raw) => Parse(raw).Class;

        /// <summary>The digits in national form, for matching numbers written differently (+86 95588 = 95588).</summary>
        public static string Canonical(string raw) => Parse(raw).Digits;

        /// <summary>The number fit for output: service numbers readable, landlines and mobiles masked.</summary>
        public static string ForDisplay(string raw) => string.IsNullOrWhiteSpace(raw) ? raw : Parse(raw).Display;

        /// <summary>After a country code the trunk 0 of a landline is dropped (+86 10 …): put it back.</summary>
        private static DisplayNumberInfo National(string rest)
        {
            DisplayNumberClass c = ClassOf(rest);
            bool areaCodeFirst = rest.Length >= 9 && rest.Length <= 11 && rest[0] != '0' && (rest[0] != '1' || rest.StartsWith("10", StringComparison.Ordinal));
            if (c == DisplayNumberClass.Other && areaCodeFirst)
            {
                return new DisplayNumberInfo("0" + rest, DisplayNumberClass.Landline);
            }

            return new DisplayNumberInfo(rest, c);
        }

        private static DisplayNumberClass ClassOf(string d)
        {
            if (d.Length >= 5 && d.Length <= 8 && (d.StartsWith("95", StringComparison.Ordinal) || d.StartsWith("96", StringComparison.Ordinal)))
            {
                return DisplayNumberClass.ShortNumber;
            }

            if (d.Length == 10 && (d.StartsWith("400", StringComparison.Ordinal) || d.StartsWith("800", StringComparison.Ordinal)))
            {
                return DisplayNumberClass.Service400;
            }

            if (IsMobile(d))
            {
                return DisplayNumberClass.Mobile;
            }

            // 0 + area code (2 to 3 digits after the 0) + a 7 or 8 digit local number: 10 to 12 digits in all.
            if (d.Length >= 10 && d.Length <= 12 && d[0] == '0' && d[1] != '0')
            {
                return DisplayNumberClass.Landline;
            }

            return DisplayNumberClass.Other;
        }

        private static bool IsMobile(string d) => d.Length == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
    }
}
