using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ComplianceTools.Resolver
{
    /// <summary>
    /// Runs when the module is imported, before ComplianceTools.dll: ComplianceTools.Engine and every
    /// third-party assembly live in bin/dependencies and are resolved only for our own requests; the
    /// model (ComplianceTools.Core) lives in bin/ and loads into the default context.
    /// On PowerShell 7 they load into the "ComplianceTools" AssemblyLoadContext, so another version of
    /// Newtonsoft.Json, EPPlus or the Graph libraries already in the session neither breaks us nor is broken.
    /// On Windows PowerShell 5.1 (no load contexts) they load from the module folder.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string s_dependencyFolder =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location), "dependencies");

        private static readonly bool s_isCore = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") != null;

        private static readonly object s_gate = new object();
        private static bool s_hooked;

        /// <summary>The folder the engine and the third-party assemblies load from.</summary>
        public static string DependencyFolder => s_dependencyFolder;

        public void OnImport()
        {
            lock (s_gate)
            {
                if (s_hooked)
                {
                    return;
                }

                if (s_isCore)
                {
                    CoreHook.Register(s_dependencyFolder);
                }
                else
                {
                    AppDomain.CurrentDomain.AssemblyResolve += ResolveOnFramework;
                }

                s_hooked = true;
            }
        }

        public void OnRemove(PSModuleInfo module)
        {
            // The handlers stay: cmdlet objects already handed out may still need the engine, and a
            // re-import must find the same load context rather than a second copy of every type.
        }

        private static Assembly ResolveOnFramework(object sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            string moduleBin = Path.GetDirectoryName(s_dependencyFolder);
            foreach (string folder in new[] { moduleBin, s_dependencyFolder })
            {
                string path = string.IsNullOrEmpty(name.CultureName) || name.CultureName == "neutral"
                    ? Path.Combine(folder, name.Name + ".dll")
                    : Path.Combine(folder, name.CultureName, name.Name + ".dll");
                if (File.Exists(path))
                {
                    return Assembly.LoadFrom(path);
                }
            }

            return null;
        }

        /// <summary>Kept in its own type so .NET Framework never loads AssemblyLoadContext.</summary>
        private static class CoreHook
        {
            [MethodImpl(MethodImplOptions.NoInlining)]
            internal static void Register(string folder)
            {
                ModuleLoadContext.Initialize(folder);
            }
        }
    }
}
