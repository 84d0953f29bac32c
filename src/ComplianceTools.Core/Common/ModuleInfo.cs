using System;
using System.Reflection;

namespace ComplianceTools.Core.Common
{
    /// <summary>Facts about the module itself that reports and result files record.</summary>
    public static class ModuleInfo
    {
        private static readonly Lazy<string> s_version = new Lazy<string>(() =>
        {
            var info = (AssemblyInformationalVersionAttribute)Attribute.GetCustomAttribute(typeof(ModuleInfo).Assembly, typeof(AssemblyInformationalVersionAttribute));
            string version = info?.InformationalVersion ?? typeof(ModuleInfo).Assembly.GetName().Version.ToString(3);
            int plus = version.IndexOf('+');
            return plus > 0 ? version.Substring(0, plus) : version;
        });

        /// <summary>The module's version (Directory.Build.props), without build metadata: 0.1.0.</summary>
        public static string Version => s_version.Value;
    }
}
