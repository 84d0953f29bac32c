using System.Globalization;
using ComplianceTools.Core.Resources;

namespace ComplianceTools.Core.Common
{
    /// <summary>Messages from Resources/Strings.resx (English) and Strings.zh-CN.resx, by the UI culture.</summary>
    public static class Text
    {
        public static string Get(string name)
        {
            return Strings.ResourceManager.GetString(name, CultureInfo.CurrentUICulture) ?? name;
        }

        public static string Format(string name, params object[] args)
        {
            return string.Format(CultureInfo.CurrentCulture, Get(name), args);
        }
    }
}
