using System;
using System.Runtime.InteropServices;
using System.Security;

namespace ComplianceTools.Workplace.Connection
{
    internal static class Secrets
    {
        /// <summary>The clear text of a SecureString, for the moment a request needs it (the token request, a robot signature).</summary>
        internal static string Reveal(SecureString value)
        {
            if (value == null || value.Length == 0)
            {
                return string.Empty;
            }

            IntPtr ptr = Marshal.SecureStringToGlobalAllocUnicode(value);
            try
            {
                return Marshal.PtrToStringUni(ptr, value.Length);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }
    }
}
