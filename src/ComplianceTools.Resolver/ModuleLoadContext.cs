using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace ComplianceTools.Resolver
{
    /// <summary>
    /// The module's own load context (PowerShell 7). It serves the assemblies of bin/dependencies to each
    /// other, and ComplianceTools.Core to the cmdlet assembly; assemblies of the running .NET itself
    /// (System.*, netstandard) are left to the default context so types like Span&lt;T&gt; stay one type.
    /// </summary>
    internal sealed class ModuleLoadContext : AssemblyLoadContext
    {
        private static ModuleLoadContext s_instance;
        private readonly string _folder;
        private readonly HashSet<string> _framework;
        private readonly HashSet<string> _owned;

        private ModuleLoadContext(string folder)
        {
            _folder = folder;
            _framework = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
            foreach (string file in Directory.EnumerateFiles(frameworkDir, "*.dll"))
            {
                _framework.Add(Path.GetFileNameWithoutExtension(file));
            }

            _owned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (Directory.Exists(folder))
            {
                foreach (string file in Directory.EnumerateFiles(folder, "*.dll"))
                {
                    string name = Path.GetFileNameWithoutExtension(file);
                    if (!_framework.Contains(name))
                    {
                        _owned.Add(name);
                    }
                }
            }
        }

        internal static void Initialize(string folder)
        {
            if (s_instance != null)
            {
                return;
            }

            s_instance = new ModuleLoadContext(folder);
            Default.Resolving += OnDefaultResolving;
        }

        /// <summary>The default context could not find an assembly: serve it only if it is one of ours.</summary>
        private static Assembly OnDefaultResolving(AssemblyLoadContext context, AssemblyName name)
        {
            string moduleBin = Path.GetDirectoryName(s_instance._folder);

            // The model (ComplianceTools.Core) and its zh-CN messages live in bin/ and belong to the
            // default context, so scripts can name its types.
            if (name.Name == "ComplianceTools.Core" || name.Name == "ComplianceTools.Core.resources")
            {
                string path = string.IsNullOrEmpty(name.CultureName)
                    ? Path.Combine(moduleBin, name.Name + ".dll")
                    : Path.Combine(moduleBin, name.CultureName, name.Name + ".dll");
                return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
            }

            // The engine is asked for by ComplianceTools.dll; it and the third-party assemblies it
            // uses load here, in the module's own context, and are never handed to anyone else.
            if (name.Name.StartsWith("ComplianceTools.", StringComparison.Ordinal) && s_instance._owned.Contains(name.Name))
            {
                return s_instance.LoadFromAssemblyName(name);
            }

            return null;
        }

        protected override Assembly Load(AssemblyName name)
        {
            if (!string.IsNullOrEmpty(name.CultureName) && !string.Equals(name.CultureName, "neutral", StringComparison.OrdinalIgnoreCase))
            {
                string satellite = Path.Combine(_folder, name.CultureName, name.Name + ".dll");
                return File.Exists(satellite) ? LoadFromAssemblyPath(satellite) : null;
            }

            // ComplianceTools.Core is shared with the default context: never a second copy here.
            if (_framework.Contains(name.Name) || !_owned.Contains(name.Name) || name.Name == "ComplianceTools.Core")
            {
                return null;
            }

            return LoadFromAssemblyPath(Path.Combine(_folder, name.Name + ".dll"));
        }
    }
}
