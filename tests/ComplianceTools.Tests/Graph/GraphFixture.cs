using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using ComplianceTools.Tests.Graph.Fake;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Graph
{
    /// <summary>A runspace with the module imported, a fake Graph on 127.0.0.1, and a connection to it.</summary>
    public abstract class GraphTestBase : IDisposable
    {
        protected GraphTestBase(int pageSize = 3)
        {
            Fake = new FakeGraph(pageSize);
            Ps = new ModuleSession();
        }

        protected FakeGraph Fake { get; }

        protected ModuleSession Ps { get; }

        public virtual void Dispose()
        {
            Ps.Dispose();
            Fake.Dispose();
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

        protected PSObject Connect(string token = null)
        {
            return Ps.Run("Connect-ComplianceGraph -AccessToken $args[0] -GraphEndpoint $args[1]", Secure(token ?? Fake.Token), Fake.Endpoint).Single();
        }

        /// <summary>
        /// Runs a script with every stream on (verbose, debug, information, warning) merged into the output,
        /// and returns each record as text, to look for a secret in any of them. The script reads its arguments as $a.
        /// </summary>
        protected IReadOnlyList<string> AllStreams(string script, params object[] args)
        {
            var result = Ps.Run("$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'; $WarningPreference = 'Continue'; & { param($a) " + script + " } $args *>&1", args);
            var texts = new List<string>();
            foreach (PSObject o in result.Output)
            {
                texts.Add(o.BaseObject.ToString());
                if (o.BaseObject is ErrorRecord e)
                {
                    texts.Add(e.Exception.ToString());
                    texts.Add(e.ErrorDetails?.Message ?? string.Empty);
                }

                texts.AddRange(o.Properties.Select(p => Convert.ToString(SafeValue(p), System.Globalization.CultureInfo.InvariantCulture)));
            }

            texts.AddRange(result.AllErrors.Select(e => e.Exception.ToString()));
            return texts;
        }

        private static object SafeValue(PSPropertyInfo p)
        {
            try
            {
                return p.Value;
            }
            catch (GetValueException)
            {
                return null;
            }
        }
    }
}
