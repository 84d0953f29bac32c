using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Privacy;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Workplace.Owners
{
    /// <summary>An owner's ways to be found: e-mail and mobile (either may be missing).</summary>
    internal sealed class Contact
    {
        internal Contact(string mail, string mobile)
        {
            Mail = string.IsNullOrWhiteSpace(mail) ? null : mail.Trim();
            Mobile = Mobiles.Normalize(mobile);
        }

        internal string Mail { get; }

        internal string Mobile { get; }
    }

    /// <summary>
    /// The workbook's owners sheet (owner, mail, mobile) and staff roster (name, mail, mobile), as a way from
    /// an owner as a plan item names them (a mail or a name) to their mobile: DingTalk finds people by mobile
    /// only, and the plan carries mails, never mobiles, so no phone number travels through the pipeline in clear.
    /// </summary>
    public sealed class ContactBook
    {
        private readonly List<(string Name, Contact Contact)> _entries = new List<(string, Contact)>();

        public ContactBook(IEnumerable<OwnerRow> owners, IEnumerable<StaffRow> staff)
        {
            foreach (OwnerRow row in owners ?? Enumerable.Empty<OwnerRow>())
            {
                if (row != null)
                {
                    Add(row.Owner, row.Mail, row.Mobile);
                }
            }

            foreach (StaffRow row in staff ?? Enumerable.Empty<StaffRow>())
            {
                if (row != null)
                {
                    Add(row.Name, row.Mail, row.Mobile);
                }
            }
        }

        public int Count => _entries.Count;

        /// <summary>
        /// The contact for an owner given as a mail (rows with that mail), a mobile, or a name (rows with that
        /// name, when they agree). Mail and mobile from several rows of one person are merged.
        /// </summary>
        internal Contact Find(string given, out bool ambiguous)
        {
            ambiguous = false;
            string g = (given ?? string.Empty).Trim();
            string mobile = Mobiles.Normalize(g);
            IEnumerable<Contact> rows;
            if (g.IndexOf('@') > 0)
            {
                rows = _entries.Where(e => string.Equals(e.Contact.Mail, g, StringComparison.OrdinalIgnoreCase)).Select(e => e.Contact);
            }
            else if (mobile != null)
            {
                rows = _entries.Where(e => e.Contact.Mobile == mobile).Select(e => e.Contact);
            }
            else
            {
                rows = _entries.Where(e => string.Equals(e.Name, g, StringComparison.Ordinal)).Select(e => e.Contact);
            }

            var list = rows.ToList();
            var mails = list.Select(c => c.Mail).Where(m => m != null).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var mobiles = list.Select(c => c.Mobile).Where(m => m != null).Distinct(StringComparer.Ordinal).ToList();
            if (mails.Count > 1 || mobiles.Count > 1)
            {
                ambiguous = true;
                return null;
            }

            string mail = g.IndexOf('@') > 0 ? g : mails.FirstOrDefault();
            string phone = mobile ?? mobiles.FirstOrDefault();
            return mail == null && phone == null ? null : new Contact(mail, phone);
        }

        private void Add(string name, string mail, string mobile)
        {
            var contact = new Contact(mail, mobile);
            if (contact.Mail != null || contact.Mobile != null)
            {
                _entries.Add((string.IsNullOrWhiteSpace(name) ? null : name.Trim(), contact));
            }
        }
    }

    /// <summary>Mainland mobile numbers as the platforms take them: 11 digits starting with 1, a +86/86 prefix dropped.</summary>
    internal static class Mobiles
    {
        /// <summary>The 11-digit mobile, or null when the text is not (only) a mobile number.</summary>
        internal static string Normalize(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            foreach (char c in text.Trim())
            {
                if (!(char.IsDigit(c) || c == '+' || c == '-' || c == ' ' || c == '(' || c == ')' || (c >= '０' && c <= '９')))
                {
                    return null;
                }
            }

            string digits = Mask.Digits(text);
            if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
            {
                digits = digits.Substring(2);
            }

            return digits.Length == 11 && digits[0] == '1' ? digits : null;
        }
    }
}
