using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ComplianceTools.Host
{
    /// <summary>Runs a PowerShell script with ComplianceTools imported, in an embedded PowerShell 7.6 runspace.</summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length == 0 || args[0] == "-h" || args[0] == "--help")
            {
                Console.WriteLine("usage: dotnet run --project src/ComplianceTools.Host -- <script.ps1> [script arguments]");
                Console.WriteLine("       Arguments of the form -Name value are passed as named parameters; -Switch alone as a switch.");
                Console.WriteLine("       --no-import: do not import ComplianceTools before the script (the script imports it itself).");
                return args.Length == 0 ? 2 : 0;
            }

            bool import = true;
            if (args[0] == "--no-import")
            {
                import = false;
                args = args.Skip(1).ToArray();
            }

            string script = Path.GetFullPath(args[0]);
            if (!File.Exists(script))
            {
                Console.Error.WriteLine("Script not found: " + script);
                return 2;
            }

            string manifest = FindManifest();
            if (manifest == null)
            {
                Console.Error.WriteLine("ComplianceTools.psd1 not found above " + AppContext.BaseDirectory + " or " + Environment.CurrentDirectory + ". Run `dotnet build` in the repository first.");
                return 2;
            }

            var iss = InitialSessionState.CreateDefault2();
            using Runspace runspace = RunspaceFactory.CreateRunspace(iss);
            runspace.Open();
            var renderer = new TableRenderer(Path.Combine(Path.GetDirectoryName(manifest), "module", "ComplianceTools.format.ps1xml"));
            bool failed = false;

            if (import)
            {
                using var importer = PowerShell.Create();
                importer.Runspace = runspace;
                importer.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("ErrorAction", "Stop");
                try
                {
                    importer.Invoke();
                }
                catch (RuntimeException ex)
                {
                    WriteError(ex.ErrorRecord);
                    return 1;
                }
            }

            using (var ps = PowerShell.Create())
            {
                ps.Runspace = runspace;
                ps.AddCommand(script);
                BindArguments(ps, args.Skip(1).ToList());
                var output = new PSDataCollection<PSObject>();
                var batch = new List<PSObject>();
                output.DataAdded += (s, e) =>
                {
                    PSObject item = output[e.Index];
                    if (batch.Count > 0 && TypeKey(batch[0]) != TypeKey(item))
                    {
                        renderer.Write(batch);
                        batch.Clear();
                    }

                    batch.Add(item);
                };
                ps.Streams.Error.DataAdded += (s, e) => { failed = true; WriteError(ps.Streams.Error[e.Index]); };
                ps.Streams.Warning.DataAdded += (s, e) => WriteColored(ConsoleColor.Yellow, "WARNING: " + ps.Streams.Warning[e.Index].Message);
                ps.Streams.Information.DataAdded += (s, e) => Console.WriteLine(ps.Streams.Information[e.Index].MessageData);
                ps.Streams.Progress.DataAdded += (s, e) =>
                {
                    ProgressRecord p = ps.Streams.Progress[e.Index];
                    if (p.RecordType != ProgressRecordType.Completed && !Console.IsErrorRedirected)
                    {
                        Console.Error.Write("\r" + Truncate(p.Activity + ": " + p.StatusDescription + (p.PercentComplete >= 0 ? " " + p.PercentComplete + "%" : string.Empty), Math.Max(20, SafeWidth() - 1)).PadRight(Math.Max(20, SafeWidth() - 1)) + "\r");
                    }
                };

                try
                {
                    ps.Invoke(null, output);
                }
                catch (RuntimeException ex)
                {
                    failed = true;
                    WriteError(ex.ErrorRecord);
                }

                if (batch.Count > 0)
                {
                    renderer.Write(batch);
                }
            }

            return failed ? 1 : 0;
        }

        private static string TypeKey(PSObject o) => o.TypeNames.Count > 0 ? o.TypeNames[0] : string.Empty;

        /// <summary>-Name value → named parameter; -Switch (followed by another -Name or nothing) → switch; others → positional.</summary>
        private static void BindArguments(PowerShell ps, List<string> args)
        {
            for (int i = 0; i < args.Count; i++)
            {
                string a = args[i];
                if (a.Length > 1 && a[0] == '-' && !double.TryParse(a, out _))
                {
                    string name = a.Substring(1).TrimEnd(':');
                    if (i + 1 < args.Count && !(args[i + 1].Length > 1 && args[i + 1][0] == '-' && !double.TryParse(args[i + 1], out _)))
                    {
                        ps.AddParameter(name, args[++i]);
                    }
                    else
                    {
                        ps.AddParameter(name, true);
                    }
                }
                else
                {
                    ps.AddArgument(a);
                }
            }
        }

        private static string FindManifest()
        {
            foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            {
                string dir = start;
                while (dir != null)
                {
                    string candidate = Path.Combine(dir, "ComplianceTools.psd1");
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }

                    dir = Path.GetDirectoryName(dir);
                }
            }

            return null;
        }

        private static void WriteError(ErrorRecord error)
        {
            string where = error.InvocationInfo?.MyCommand?.Name;
            string message = (where != null ? where + ": " : string.Empty) + (error.ErrorDetails?.Message ?? error.Exception?.Message ?? error.ToString());
            WriteColored(ConsoleColor.Red, message + Environment.NewLine + "    " + error.FullyQualifiedErrorId + (error.TargetObject != null ? " (" + error.TargetObject + ")" : string.Empty), toError: true);
        }

        private static void WriteColored(ConsoleColor color, string text, bool toError = false)
        {
            TextWriter writer = toError ? Console.Error : Console.Out;
            bool redirected = toError ? Console.IsErrorRedirected : Console.IsOutputRedirected;
            if (redirected)
            {
                writer.WriteLine(text);
                return;
            }

            ConsoleColor saved = Console.ForegroundColor;
            Console.ForegroundColor = color;
            writer.WriteLine(text);
            Console.ForegroundColor = saved;
        }

        internal static int SafeWidth()
        {
            try
            {
                return Console.IsOutputRedirected ? 160 : Math.Max(40, Console.WindowWidth);
            }
            catch (IOException)
            {
                return 160;
            }
        }

        internal static string Truncate(string s, int width) => TextWidth.Truncate(s, width);
    }
}
