using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ComplianceTools.Core.Rules;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Workspace
{
    /// <summary>Accepted deviations in a baseline: read with file and line, applied on the one road wherever the baseline is.</summary>
    public sealed class ExceptionTests : IDisposable
    {
        private readonly LetterFolder _tmp = new LetterFolder();
        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose()
        {
            _ps.Dispose();
            _tmp.Dispose();
        }

        private string Baseline(string json)
        {
            string path = _tmp.File(Guid.NewGuid().ToString("N").Substring(0, 8) + ".json");
            File.WriteAllText(path, json);
            return path;
        }

        [Fact]
        public void A_baseline_may_hold_exceptions_which_the_catalog_keeps_with_their_file_and_line()
        {
            string path = Baseline("{\n  \"name\": \"甲\",\n  \"exceptions\": [\n    { \"rule\": \"SEAT-001\", \"subject\": \"甲\", \"reason\": \"扩容中\", \"approvedBy\": \"王经理\", \"expires\": \"2026-06-30\" }\n  ]\n}\n");
            AcceptedException e = Assert.Single(CatalogLoader.Load(new[] { path }).Exceptions);
            Assert.Equal("SEAT-001", e.RuleId);
            Assert.Equal("甲", e.Subject);
            Assert.Equal(new DateTime(2026, 6, 30), e.Expires);
            Assert.Equal(Path.GetFileName(path), e.Source);
            Assert.Equal(4, e.Line);
            Assert.True(e.IsValidOn(new DateTime(2026, 6, 30)));
            Assert.False(e.IsValidOn(new DateTime(2026, 7, 1)));
        }

        [Theory]
        [InlineData("{ \"rule\": \"SEAT-001\", \"subject\": \"*\", \"reason\": \"r\", \"approvedBy\": \"王经理\" }", "has no 'expires'")]
        [InlineData("{ \"rule\": \"SEAT-001\", \"subject\": \"*\", \"reason\": \"r\", \"expires\": \"2026-06-30\" }", "has no 'approvedBy'")]
        [InlineData("{ \"rule\": \"SEAT-001\", \"reason\": \"r\", \"approvedBy\": \"王经理\", \"expires\": \"2026-06-30\" }", "has no 'subject'")]
        [InlineData("{ \"rule\": \"SEAT-009\", \"subject\": \"*\", \"reason\": \"r\", \"approvedBy\": \"王经理\", \"expires\": \"2026-06-30\" }", "names rule 'SEAT-009'")]
        [InlineData("{ \"rule\": \"SEAT-001\", \"subject\": \"*\", \"reason\": \"r\", \"approvedBy\": \"王经理\", \"expires\": \"30/06/2026\" }", "is not a date in the form yyyy-MM-dd")]
        [InlineData("{ \"rule\": \"SEAT-001\", \"subject\": \"*\", \"reason\": \"r\", \"approvedBy\": \"王经理\", \"expires\": \"2026-06-30\", \"until\": \"x\" }", "unknown field 'until'")]
        public void A_bad_exception_in_a_baseline_is_an_error_naming_the_file_the_line_and_what_is_wrong(string exception, string says)
        {
            string path = Baseline("{\n  \"exceptions\": [\n    " + exception + "\n  ]\n}\n");
            var ex = Assert.Throws<BaselineException>(() => CatalogLoader.Load(new[] { path }));
            var problem = Assert.Single(ex.Problems);
            Assert.Equal("ComplianceTools.Baseline.ExceptionInvalid", problem.ErrorId);
            Assert.StartsWith(path + ", line 3: exception 1", problem.Message, StringComparison.Ordinal);
            Assert.Contains(says, problem.Message);
        }

        [Fact]
        public void Invoke_ComplianceAudit_with_the_baseline_attaches_a_valid_exception_and_warns_about_an_expired_one()
        {
            string workbook = new SmallOperator { Name = "甲", Activated = 60 }.Save(_tmp.File("jia.xlsx"));
            string path = Baseline("{ \"exceptions\": [ { \"rule\": \"SEAT-001\", \"subject\": \"甲\", \"reason\": \"扩容中\", \"approvedBy\": \"王经理\", \"expires\": \"2026-06-30\" } ] }");
            string audit = "Import-ComplianceWorkbook $args[0] | Invoke-ComplianceAudit -Baseline $args[1] -Rule SEAT-001 -AsOf $args[2]";

            var valid = _ps.Run(audit, workbook, path, new DateTime(2026, 6, 30));
            valid.ThrowOnError();
            PSObject finding = valid.Output.First(o => o.Text("RuleId") == "SEAT-001");
            Assert.Equal("Red", finding.Text("Status"));
            Assert.Equal("王经理", ((PSObject)PSObject.AsPSObject(finding.Prop("Exception"))).Text("ApprovedBy"));
            Assert.Equal(1, (int)valid.Output.Last().Prop("Excepted"));
            Assert.Empty(_ps.Run(audit + " | New-RectificationPlan -NoticeDate 2026-06-30 -Owner @{ '*' = 'a@example.com' }", workbook, path, new DateTime(2026, 6, 30)).Output);

            var expired = _ps.Run(audit, workbook, path, new DateTime(2026, 7, 1));
            expired.ThrowOnError();
            Assert.Null(expired.Output.First(o => o.Text("RuleId") == "SEAT-001").Prop("Exception"));
            Assert.Equal("The exception for SEAT-001 (甲) approved by 王经理 expired on 2026-06-30 (" + Path.GetFileName(path) + ":1); on 2026-07-01 it no longer holds and the finding counts as if there were none.", Assert.Single(expired.Warnings));
            Assert.Single(_ps.Run(audit + " | New-RectificationPlan -NoticeDate 2026-07-01 -Owner @{ '*' = 'a@example.com' }", workbook, path, new DateTime(2026, 7, 1)).Output);
        }

        [Fact]
        public void An_exception_for_another_subject_does_not_cover_the_finding()
        {
            string workbook = new SmallOperator { Name = "甲", Activated = 60 }.Save(_tmp.File("jia2.xlsx"));
            string path = Baseline("{ \"exceptions\": [ { \"rule\": \"SEAT-001\", \"subject\": \"乙\", \"reason\": \"r\", \"approvedBy\": \"王经理\", \"expires\": \"2030-01-01\" } ] }");
            var r = _ps.Run("Import-ComplianceWorkbook $args[0] | Invoke-ComplianceAudit -Baseline $args[1] -Rule SEAT-001 -AsOf 2026-03-02", workbook, path);
            r.ThrowOnError();
            Assert.Null(r.Output.First(o => o.Text("RuleId") == "SEAT-001").Prop("Exception"));
        }
    }
}
