using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Audit;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Materials;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Engine.Materials;
using ComplianceTools.Engine.Rules;

namespace ComplianceTools.Tests.Materials
{
    /// <summary>MAT-001 to MAT-004 in the audit: run when Company.PackageFolder names a folder (relative to the workbook), else skipped with the reason.</summary>
    public sealed class ReportPackageAuditCheckTests : IDisposable
    {
        private readonly PackageFixture _package = new PackageFixture();
        private readonly List<ComplianceProblem> _problems = new List<ComplianceProblem>();

        public ReportPackageAuditCheckTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose() => _package.Dispose();

        private static readonly IReadOnlyList<RuleCheck> s_checks = AuditChecks.Discover(typeof(RuleCheck).Assembly, typeof(CatalogLoader).Assembly);

        private List<Finding> Run(ComplianceDataset dataset)
        {
            return AuditRunner.Run(s_checks, dataset, CatalogLoader.Default, ReportPackage.RuleIds, new DateTime(2026, 3, 10), report: _problems.Add).Findings.ToList();
        }

        [Fact]
        public void Each_materials_rule_is_a_class_of_its_own_the_runner_finds_by_reflection()
        {
            var materials = s_checks.Where(c => c is MaterialsCheck).ToList();
            Assert.Equal(new[] { "MAT-001", "MAT-002", "MAT-003", "MAT-004" }, materials.Select(c => c.RuleId));
            Assert.All(materials, c => Assert.Contains("Path", c.Inputs));
        }

        [Fact]
        public void A_package_folder_named_relative_to_the_workbook_is_checked()
        {
            List<Finding> findings = Run(_package.Dataset());

            Assert.Equal(4, findings.Count);
            Assert.All(findings, f => Assert.Equal(Severity.Green, f.Severity));
            Assert.All(findings, f => Assert.Equal("示例呼叫中心有限公司|2025", f.Subject + "|" + f.Period));
            Assert.Empty(_problems);
        }

        [Fact]
        public void No_package_folder_in_the_company_sheet_skips_every_rule_with_the_reason()
        {
            ComplianceDataset dataset = _package.Dataset();
            dataset.Company.PackageFolder = "  ";
            List<Finding> findings = Run(dataset);

            Assert.Equal(4, findings.Count);
            Assert.All(findings, f => Assert.Equal(FindingStatus.Skipped, f.Status));
            Assert.All(findings, f => Assert.Equal("The Company sheet names no package folder (PackageFolder / 材料包目录).", f.Reason));
            Assert.Empty(_problems);
        }

        [Fact]
        public void A_package_folder_that_does_not_exist_is_reported_and_the_rules_are_skipped()
        {
            ComplianceDataset dataset = _package.Dataset();
            dataset.Company.PackageFolder = "不存在的材料包";
            List<Finding> findings = Run(dataset);

            Assert.All(findings, f => Assert.Equal(FindingStatus.Skipped, f.Status));
            Assert.Contains("不存在的材料包", findings[0].Reason);
            Assert.Equal("ComplianceTools.Materials.FolderNotFound", Assert.Single(_problems).ErrorId);
        }

        [Fact]
        public void Problems_found_in_the_package_reach_the_audit_as_findings()
        {
            _package.Delete("AuditReport");
            List<Finding> findings = Run(_package.Dataset());

            Finding general = findings.Single(f => f.RuleId == "MAT-001");
            Assert.Equal(Severity.Red, general.Severity);
            Assert.Equal("Audit report", Assert.Single(general.Evidence).Subject);
        }
    }
}
