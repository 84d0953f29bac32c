using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceTools.Core.Reporting
{
    /// <summary>The one way text enters the HTML report: encoded for element content and quoted attribute values alike.</summary>
    public static class Html
    {
        /// <summary>
        /// Text safe in element content and in a double- or single-quoted attribute: &amp; &lt; &gt; " ' encoded, control
        /// characters other than tab and line breaks dropped (HTML forbids them), lone surrogates replaced.
        /// </summary>
        public static string Encode(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            // Masked on the way out too, so no caller can put a mobile, landline or ID number into the page in clear.
            text = ReportText.Scrub(text);

            StringBuilder sb = null;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                string replacement = null;
                switch (c)
                {
                    case '&': replacement = "&amp;"; break;
                    case '<': replacement = "&lt;"; break;
                    case '>': replacement = "&gt;"; break;
                    case '"': replacement = "&quot;"; break;
                    case '\'': replacement = "&#39;"; break;
                    default:
                        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
                        {
                            replacement = string.Empty;
                        }
                        else if (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
                        {
                            replacement = "\uFFFD";
                        }
                        else if (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
                        {
                            replacement = "\uFFFD";
                        }

                        break;
                }

                if (replacement != null && sb == null)
                {
                    sb = new StringBuilder(text.Length + 16);
                    sb.Append(text, 0, i);
                }

                if (sb != null)
                {
                    if (replacement != null)
                    {
                        sb.Append(replacement);
                    }
                    else
                    {
                        sb.Append(c);
                    }
                }
            }

            return sb == null ? text : sb.ToString();
        }

        /// <summary>The CSP source for an inline block: 'sha256-…' of its exact UTF-8 text.</summary>
        public static string Sha256Source(string block)
        {
            using (SHA256 sha = SHA256.Create())
            {
                return "'sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(block))) + "'";
            }
        }

        /// <summary>A number for SVG coordinates: invariant, at most two decimals.</summary>
        public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
    }
}
