using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Module
{
    /// <summary>Every .ps1, .psm1 and .psd1 of the repository parses without errors.</summary>
    public sealed class ScriptParseTests
    {
        public static IEnumerable<object[]> Scripts()
        {
            string root = Paths.Root;
            var skip = new[] { "/bin/", "/obj/", "/out/", "/.git/", "/TestResults/" };
            return Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".psm1", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase))
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => !skip.Any(s => ("/" + f).Contains(s, StringComparison.Ordinal)))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new object[] { f });
        }

        [Theory]
        [MemberData(nameof(Scripts))]
        public void Script_parses_without_errors(string relativePath)
        {
            Parser.ParseFile(Path.Combine(Paths.Root, relativePath), out _, out ParseError[] errors);
            Assert.True(errors.Length == 0, relativePath + ": " + string.Join("; ", errors.Select(e => $"line {e.Extent.StartLineNumber}: {e.Message}")));
        }

        [Fact]
        public void The_repository_has_scripts_to_check()
        {
            Assert.Contains(Scripts(), s => (string)s[0] == "ComplianceTools.psd1");
        }
    }
}
