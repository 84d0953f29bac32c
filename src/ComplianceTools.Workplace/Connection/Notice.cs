using System.Globalization;
using ComplianceTools.Core.Resources;

namespace ComplianceTools.Workplace.Connection
{
    /// <summary>
    /// Text sent to people (app messages, work notifications, digests): in the language asked for, Chinese by
    /// default, whatever the UI culture of the server the scheduled task runs on.
    /// </summary>
    internal static class Notice
    {
        internal static readonly CultureInfo Chinese = new CultureInfo("zh-CN");

        internal static string Format(CultureInfo culture, string name, params object[] args) =>
            string.Format(culture, Strings.ResourceManager.GetString(name, culture) ?? name, args);
    }
}
