using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Workplace
{
    /// <summary>A runspace with the module imported and a temporary folder for the WeCom calendar state (never the real profile).</summary>
    public abstract class WorkplaceTestBase : IDisposable
    {
        protected WorkplaceTestBase()
        {
            Ps = new ModuleSession();
            State = Paths.NewTempFolder();
        }

        protected ModuleSession Ps { get; }

        /// <summary>Where the tests keep the WeCom calendar ids (Connect-ComplianceWorkplace -StateFolder).</summary>
        protected TempFolder State { get; }

        public virtual void Dispose()
        {
            Ps.Dispose();
            State.Dispose();
        }

        protected static SecureString Secure(string value)
        {
            var secure = new SecureString();
            foreach (char c in value)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>Every stream's text of a result, plus every file under the state folder.</summary>
        protected string Everything(ModuleSession.Result r)
        {
            var parts = new List<string> { r.AllStreamsText() };
            parts.AddRange(r.AllErrors.Select(e => e.Exception.ToString()));
            foreach (string file in System.IO.Directory.EnumerateFiles(State.FullName, "*", System.IO.SearchOption.AllDirectories))
            {
                parts.Add(System.IO.File.ReadAllText(file));
            }

            return string.Join("\n", parts);
        }

        protected static IReadOnlyList<string> Actions(ModuleSession.Result r) => r.Output.Select(o => o.Text("Action")).ToList();
    }
}
