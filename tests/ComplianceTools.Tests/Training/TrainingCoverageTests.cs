using System;
using System.Globalization;
using ComplianceTools.Core.Findings;
using ComplianceTools.Core.Training;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Rules;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Training
{
    /// <summary>TRAIN-001: every active agent has this year's certificate, sign-in and exam paper; Yellow below 100%.</summary>
    public sealed class TrainingCoverageTests : IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public TrainingCoverageTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void Two_of_three_active_agents_covered_is_yellow_and_leavers_and_non_agents_do_not_count()
        {
            var staff = new[]
            {
                new StaffRow { EmployeeId = "E1", Name = "张三", IsAgent = YesNo.Yes, Enabled = YesNo.Yes },
                new StaffRow { EmployeeId = "E2", Name = "李四", IsAgent = YesNo.Yes },
                new StaffRow { EmployeeId = "E3", Name = "王五", IsAgent = YesNo.Yes, Enabled = YesNo.Yes },
                new StaffRow { EmployeeId = "E4", Name = "赵六", IsAgent = YesNo.Yes, Enabled = YesNo.No },
                new StaffRow { EmployeeId = "E5", Name = "钱七", IsAgent = YesNo.No, Enabled = YesNo.Yes },
            };
            var training = new[]
            {
                new TrainingRow { EmployeeId = "E1", Year = 2025, CertificateNumber = "C1", SignedIn = YesNo.Yes, ExamPaper = YesNo.Yes },
                new TrainingRow { EmployeeId = "E2", Year = 2025, CertificateNumber = "C2", SignedIn = YesNo.Yes, ExamPaper = YesNo.Yes },
                new TrainingRow { EmployeeId = "E3", Year = 2025, SignedIn = YesNo.Yes, ExamPaper = YesNo.No },
                new TrainingRow { EmployeeId = "E3", Year = 2024, CertificateNumber = "OLD", SignedIn = YesNo.Yes, ExamPaper = YesNo.Yes },
            };
            Finding f = TrainingCoverage.Check(CatalogLoader.Default.Get(TrainingCoverage.Id), staff, training, 2025);
            Assert.Equal(Severity.Yellow, f.Severity);
            Assert.Equal(2.0 / 3, f.Value.Value, 10);
            EvidenceItem e = Assert.Single(f.Evidence);
            Assert.Equal("E3 王*", e.Subject);
            Assert.Contains("no exam certificate", e.Detail);
            Assert.Contains("no exam paper", e.Detail);
        }

        [Fact]
        public void Runspace_full_coverage_is_green_and_a_missing_record_yellow()
        {
            const string Rows = @"
                [ComplianceTools.Core.Workbook.Sheets.StaffRow]@{ EmployeeId = 'E1'; Name = '张三'; IsAgent = 'Yes'; Enabled = 'Yes' },
                [ComplianceTools.Core.Workbook.Sheets.StaffRow]@{ EmployeeId = 'E2'; Name = '李四'; IsAgent = 'Yes'; Enabled = 'Yes' },
                [ComplianceTools.Core.Workbook.Sheets.TrainingRow]@{ EmployeeId = 'E1'; Year = 2025; CertificateNumber = 'C1'; SignedIn = 'Yes'; ExamPaper = 'Yes' },
                [ComplianceTools.Core.Workbook.Sheets.TrainingRow]@{ EmployeeId = $args[0]; Year = 2025; CertificateNumber = 'C2'; SignedIn = 'Yes'; ExamPaper = 'Yes' } | Test-TrainingCoverage -Year 2025";
            var green = _ps.Run(Rows, "E2").Single();
            Assert.Equal("Green", green.Text("Severity"));
            Assert.Equal("100%", green.Text("ValueText"));
            var yellow = _ps.Run(Rows, "E9").Single();
            Assert.Equal("Yellow", yellow.Text("Severity"));
            Assert.Equal("50%", yellow.Text("ValueText"));
            Assert.Equal("2025", yellow.Text("Period"));
        }
    }
}
