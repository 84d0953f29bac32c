using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ComplianceTools.Tests.Infrastructure
{
    /// <summary>
    /// A real PowerShell 7.6 runspace with ComplianceTools imported by its manifest, exactly as a user does.
    /// Such a runspace has the core cmdlets only (no Select-Object, Get-Date): tests go through the
    /// module's own cmdlets and .NET methods, and read output objects through their PowerShell properties.
    /// </summary>
    public sealed class ModuleSession : IDisposable
    {
        private readonly Runspace _runspace;

        public ModuleSession(string uiCulture = "en-US", bool import = true)
        {
            var iss = InitialSessionState.CreateDefault2();
            iss.ThreadOptions = PSThreadOptions.UseCurrentThread;
            _runspace = RunspaceFactory.CreateRunspace(iss);
            _runspace.Open();
            UiCulture = new CultureInfo(uiCulture);
            if (import)
            {
                Run("Import-Module -Name $args[0] -ErrorAction Stop", Paths.Manifest).ThrowOnError();
            }
        }

        public CultureInfo UiCulture { get; }

        /// <summary>Runs a script; $args holds the arguments. Errors are collected, not thrown.</summary>
        public Result Run(string script, params object[] args)
        {
            CultureInfo saved = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = UiCulture;
            try
            {
                using (var ps = PowerShell.Create())
                {
                    ps.Runspace = _runspace;
                    ps.AddScript(script);
                    foreach (object arg in args)
                    {
                        ps.AddArgument(arg);
                    }

                    Collection<PSObject> output;
                    Exception terminating = null;
                    try
                    {
                        output = ps.Invoke();
                    }
                    catch (RuntimeException ex)
                    {
                        output = new Collection<PSObject>();
                        terminating = ex;
                    }

                    return new Result(output.ToList(), ps.Streams.Error.ToList(), ps.Streams.Warning.Select(w => w.Message).ToList(), ps.Streams.Verbose.Select(w => w.Message).ToList(), terminating)
                    {
                        Progress = ps.Streams.Progress.Select(p => p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation).ToList(),
                        Information = ps.Streams.Information.Select(i => Convert.ToString(i.MessageData, CultureInfo.InvariantCulture)).ToList(),
                    };
                }
            }
            finally
            {
                CultureInfo.CurrentUICulture = saved;
            }
        }

        public void Dispose() => _runspace.Dispose();

        public sealed class Result
        {
            public Result(IReadOnlyList<PSObject> output, IReadOnlyList<ErrorRecord> errors, IReadOnlyList<string> warnings, IReadOnlyList<string> verbose, Exception terminating)
            {
                Output = output;
                Errors = errors;
                Warnings = warnings;
                Verbose = verbose;
                Terminating = terminating;
            }

            public IReadOnlyList<PSObject> Output { get; }

            public IReadOnlyList<ErrorRecord> Errors { get; }

            public IReadOnlyList<string> Warnings { get; }

            public IReadOnlyList<string> Verbose { get; }

            public Exception Terminating { get; }

            public IReadOnlyList<string> Progress { get; set; } = Array.Empty<string>();

            public IReadOnlyList<string> Information { get; set; } = Array.Empty<string>();

            /// <summary>
            /// Everything a user could see, one line per item: every output object's properties (a level deep),
            /// error messages, targets and details, warnings, verbose, progress and information — for scans of personal data.
            /// </summary>
            public string AllStreamsText()
            {
                var parts = new List<string>();
                foreach (PSObject o in Output)
                {
                    parts.Add(Convert.ToString(o, CultureInfo.InvariantCulture));
                    foreach (PSPropertyInfo p in o.Properties)
                    {
                        object value;
                        try
                        {
                            value = p.Value;
                        }
                        catch (GetValueException)
                        {
                            continue;
                        }

                        if (value is System.Collections.IEnumerable items && !(value is string))
                        {
                            foreach (object item in items)
                            {
                                parts.Add(Convert.ToString(item, CultureInfo.InvariantCulture));
                            }
                        }
                        else
                        {
                            parts.Add(Convert.ToString(value, CultureInfo.InvariantCulture));
                        }
                    }
                }

                foreach (ErrorRecord e in AllErrors)
                {
                    parts.Add(e.ToString());
                    parts.Add(e.Exception?.Message);
                    parts.Add(Convert.ToString(e.TargetObject, CultureInfo.InvariantCulture));
                    parts.Add(e.ErrorDetails?.Message);
                    parts.Add(e.ErrorDetails?.RecommendedAction);
                    parts.Add(e.CategoryInfo.TargetName);
                }

                parts.AddRange(Warnings);
                parts.AddRange(Verbose);
                parts.AddRange(Progress);
                parts.AddRange(Information);
                return string.Join("\n", parts.Where(x => !string.IsNullOrEmpty(x)));
            }

            /// <summary>Every error: the non-terminating ones and the terminating one.</summary>
            public IEnumerable<ErrorRecord> AllErrors => Terminating is IContainsErrorRecord c ? Errors.Concat(new[] { c.ErrorRecord }) : Errors;

            public Result ThrowOnError()
            {
                var all = AllErrors.ToList();
                if (all.Count > 0)
                {
                    throw new InvalidOperationException(string.Join(Environment.NewLine, all.Select(e => e.FullyQualifiedErrorId + ": " + e)));
                }

                return this;
            }

            public PSObject Single()
            {
                ThrowOnError();
                Assert.Single(Output);
                return Output[0];
            }
        }
    }

    /// <summary>Reads a property of an output object, whatever load context its type lives in.</summary>
    public static class PSObjectExtensions
    {
        public static object Prop(this PSObject obj, string name) => obj.Properties[name]?.Value;

        public static string Text(this PSObject obj, string name) => Convert.ToString(obj.Properties[name]?.Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Paths of the repository, found from the test assembly's folder.</summary>
    public static class Paths
    {
        private static readonly Lazy<string> s_root = new Lazy<string>(() =>
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "ComplianceTools.psd1")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("ComplianceTools.psd1 not found above " + AppContext.BaseDirectory);
        });

        public static string Root => s_root.Value;

        public static string Manifest => Path.Combine(Root, "ComplianceTools.psd1");

        public static string Fixture(params string[] parts) => Path.Combine(new[] { AppContext.BaseDirectory, "Fixtures" }.Concat(parts).ToArray());

        public static string NuGetRoot => typeof(Paths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "NuGetPackageRoot").Value;

        /// <summary>A new empty folder under the system temp folder, removed by the caller.</summary>
        public static TempFolder NewTempFolder() => new TempFolder();
    }

    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            FullName = Path.Combine(Path.GetTempPath(), "ct-tests-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(FullName);
        }

        public string FullName { get; }

        public string File(string name) => Path.Combine(FullName, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(FullName, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
