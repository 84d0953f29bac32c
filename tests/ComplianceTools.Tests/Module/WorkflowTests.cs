using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ComplianceTools.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace ComplianceTools.Tests.Module
{
    /// <summary>
    /// The CI workflow (.github/workflows/ci.yml) cannot run on this machine; these tests read it with a YAML parser and
    /// check what it promises: Windows with Windows PowerShell 5.1 and with PowerShell 7, Ubuntu and macOS; on every leg
    /// exactly the README's commands (read from README.md, so the two cannot drift); the Task Scheduler tests on Windows;
    /// Pester 5.5+ from the gallery; the results uploaded; and a Release build and test.
    /// </summary>
    public sealed class WorkflowTests
    {
        private const string PowerShellOfLeg = "${{ matrix.powershell }}";
        private static readonly Lazy<YamlMappingNode> s_workflow = new Lazy<YamlMappingNode>(() =>
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(Path.Combine(Paths.Root, ".github", "workflows", "ci.yml")))
            {
                yaml.Load(reader);
            }

            return (YamlMappingNode)yaml.Documents.Single().RootNode;
        });

        private static YamlMappingNode Workflow => s_workflow.Value;

        private static YamlMappingNode Job(string name) => (YamlMappingNode)((YamlMappingNode)Workflow["jobs"])[name];

        private static List<YamlMappingNode> Steps(string job) => ((YamlSequenceNode)Job(job)["steps"]).Cast<YamlMappingNode>().ToList();

        private static string Scalar(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode value) ? ((YamlScalarNode)value).Value : null;

        private static List<YamlMappingNode> Legs() =>
            ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)Job("test")["strategy"])["matrix"])["include"]).Cast<YamlMappingNode>().ToList();

        /// <summary>The command lines of the README's "The two commands" block (comments and blank lines left out).</summary>
        internal static List<string> ReadmeCommands()
        {
            string readme = File.ReadAllText(Path.Combine(Paths.Root, "README.md")).Replace("\r\n", "\n");
            Match section = Regex.Match(readme, "(?ms)^## The two commands\n.*?```bash\n(.*?)```");
            Assert.True(section.Success, "README.md has no bash block under '## The two commands'");
            return section.Groups[1].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)).ToList();
        }

        [Fact]
        public void The_matrix_is_windows_with_windows_powershell_5_1_and_powershell_7_then_ubuntu_and_macos()
        {
            var legs = Legs().Select(l => Scalar(l, "os") + " " + Scalar(l, "powershell")).ToList();
            Assert.Equal(new[] { "windows-latest pwsh", "windows-latest powershell", "ubuntu-latest pwsh", "macos-latest pwsh" }, legs);
            Assert.Equal("${{ matrix.os }}", Scalar(Job("test"), "runs-on"));
            Assert.Equal("false", Scalar((YamlMappingNode)Job("test")["strategy"], "fail-fast"));
            Assert.Equal(4, Legs().Select(l => Scalar(l, "id")).Distinct().Count());

            var on = (YamlMappingNode)Workflow["on"];
            Assert.Contains(new YamlScalarNode("push"), on.Children.Keys);
            Assert.Contains(new YamlScalarNode("pull_request"), on.Children.Keys);
        }

        [Fact]
        public void Every_leg_sets_up_dotnet_10_and_pester_5_5_from_the_gallery_for_its_powershell()
        {
            foreach (string job in new[] { "test", "release" })
            {
                YamlMappingNode dotnet = Steps(job).Single(s => (Scalar(s, "uses") ?? string.Empty).StartsWith("actions/setup-dotnet@", StringComparison.Ordinal));
                Assert.Equal("10.0.x", Scalar((YamlMappingNode)dotnet["with"], "dotnet-version"));
            }

            var installs = Steps("test").Where(s => (Scalar(s, "run") ?? string.Empty).Contains("Install-Module -Name Pester -MinimumVersion 5.5.0", StringComparison.Ordinal)).ToList();
            Assert.Equal(new[] { "pwsh|matrix.powershell == 'pwsh'", "powershell|matrix.powershell == 'powershell'" }, installs.Select(s => Scalar(s, "shell") + "|" + Scalar(s, "if")));
        }

        [Fact]
        public void Every_leg_runs_exactly_the_readme_commands_with_its_own_powershell()
        {
            List<string> readme = ReadmeCommands();
            Assert.Equal(3, readme.Count);   // the main job in PowerShell, the main job in the embedded host, the tests
            Assert.Contains(readme, c => c.StartsWith("dotnet test && pwsh ", StringComparison.Ordinal));

            var unconditional = Steps("test").Where(s => Scalar(s, "if") == null && Scalar(s, "run") != null).ToList();
            Assert.All(unconditional, s => Assert.Equal("bash", Scalar(s, "shell")));
            foreach (YamlMappingNode leg in Legs())
            {
                string powershell = Scalar(leg, "powershell");
                var runs = unconditional.Select(s => Scalar(s, "run").Trim().Replace(PowerShellOfLeg, powershell, StringComparison.Ordinal)).ToList();
                var expected = readme.Select(c => Regex.Replace(c, @"(?<=&& )pwsh(?= )", powershell)).ToList();
                Assert.Equal(expected, runs);
            }
        }

        [Fact]
        public void Windows_runs_the_task_scheduler_tests_in_both_editions_and_they_read_the_switch_the_workflow_sets()
        {
            YamlMappingNode step = Steps("test").Single(s => (Scalar(s, "run") ?? string.Empty).Contains("tests/Pester/ScheduledTask.Tests.ps1", StringComparison.Ordinal));
            Assert.Equal("runner.os == 'Windows'", Scalar(step, "if"));
            Assert.StartsWith(PowerShellOfLeg + " -NoProfile -File tests/Invoke-PesterTests.ps1 -Path tests/Pester/ScheduledTask.Tests.ps1", Scalar(step, "run"), StringComparison.Ordinal);
            Assert.Equal("1", Scalar((YamlMappingNode)step["env"], "COMPLIANCETOOLS_TEST_TASK_SCHEDULER"));
            Assert.Equal(new[] { "pwsh", "powershell" }, Legs().Where(l => Scalar(l, "os").StartsWith("windows", StringComparison.Ordinal)).Select(l => Scalar(l, "powershell")));

            string tests = File.ReadAllText(Path.Combine(Paths.Root, "tests", "Pester", "ScheduledTask.Tests.ps1"));
            Assert.Contains("$env:COMPLIANCETOOLS_TEST_TASK_SCHEDULER -eq '1'", tests);
            Assert.Contains("examples/Register-ComplianceScheduledTask.ps1", tests);
        }

        [Fact]
        public void Results_are_uploaded_even_when_a_test_fails_and_the_release_build_is_tested()
        {
            YamlMappingNode upload = Steps("test").Single(s => (Scalar(s, "uses") ?? string.Empty).StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
            Assert.Equal("always()", Scalar(upload, "if"));
            Assert.Contains("TestResults/", Scalar((YamlMappingNode)upload["with"], "path"));
            Assert.Equal("test-results-${{ matrix.id }}", Scalar((YamlMappingNode)upload["with"], "name"));

            Assert.Contains(Steps("release"), s => Scalar(s, "run") == "dotnet build -c Release && dotnet test -c Release");
            string solution = File.ReadAllText(Path.Combine(Paths.Root, "ComplianceTools.sln"));
            Assert.Contains("src\\ComplianceTools.Host\\ComplianceTools.Host.csproj", solution);
        }
    }
}
