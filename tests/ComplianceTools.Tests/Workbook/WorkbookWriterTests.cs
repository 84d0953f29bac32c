using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Engine.Workbook;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Workbook
{
    /// <summary>The EPPlus writer: what it writes reads back the same, text never becomes a formula, nothing half-written is left.</summary>
    public sealed class WorkbookWriterTests : IDisposable
    {
        private readonly TempFolder _tmp = Paths.NewTempFolder();

        public WorkbookWriterTests()
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        }

        public void Dispose() => _tmp.Dispose();

        [Fact]
        public void Every_kind_of_value_reads_back_as_it_was_written()
        {
            var data = new ComplianceDataset
            {
                Company = new CompanyProfile { CompanyName = "=HYPERLINK(\"http://x\",\"点我\")", LicenceNumber = "B2-20990001", ReportYear = 2025, RealNameSpotCheckPassRate = 0.985, AiCapabilityDeclared = YesNo.No },
                Seats = new List<SeatRow> { new SeatRow { SeatId = "=1+1", Activated = YesNo.Yes, SeatType = SeatType.AI, ActivatedOn = new DateTime(2025, 3, 1) } },
                Scenarios = new List<ScenarioRow> { new ScenarioRow { Scenario = "逾期提醒", AllowedFrom = "09:00", AllowedTo = "21:00", HangUpRate = 0.18, SmsSent = 1200000 } },
                Complaints = new List<ComplaintRow> { new ComplaintRow { TicketId = "T1", Source = ComplaintChannel.C12321, ReceivedAt = new DateTime(2025, 1, 2, 10, 31, 0), ComplainantNumber = "10012345678" } },
                Traffic = new List<TrafficRow> { new TrafficRow { Month = "2025-01", DisplayNumber = "95099001", OutboundCalls = 5000000 } },
            };
            string path = _tmp.File("kinds.xlsx");
            WorkbookWriter.Write(path, data);

            var problems = new List<ComplianceProblem>();
            ComplianceDataset back = WorkbookReader.ReadDataset(path, problems.Add);

            Assert.Empty(problems);
            Assert.Equal("=HYPERLINK(\"http://x\",\"点我\")", back.Company.CompanyName);
            Assert.Equal(0.985, back.Company.RealNameSpotCheckPassRate.Value, 10);
            Assert.Equal(YesNo.No, back.Company.AiCapabilityDeclared);
            Assert.Equal("=1+1", back.Seats[0].SeatId);
            Assert.Equal(SeatType.AI, back.Seats[0].SeatType);
            Assert.Equal(new DateTime(2025, 3, 1), back.Seats[0].ActivatedOn);
            Assert.Equal("21:00", back.Scenarios[0].AllowedTo);
            Assert.Equal(0.18, back.Scenarios[0].HangUpRate.Value, 10);
            Assert.Equal(1200000L, back.Scenarios[0].SmsSent);
            Assert.Equal(new DateTime(2025, 1, 2, 10, 31, 0), back.Complaints[0].ReceivedAt);
            Assert.Equal("10012345678", back.Complaints[0].ComplainantNumber);
            Assert.Equal("2025-01", back.Traffic[0].Month);
            Assert.Equal(5000000L, back.Traffic[0].OutboundCalls);
            Assert.Equal(17, back.SheetsPresent.Count);
            Assert.Empty(back.Staff);

            using (ZipArchive zip = ZipFile.OpenRead(path))
            {
                foreach (ZipArchiveEntry sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
                {
                    using (var reader = new StreamReader(sheet.Open()))
                    {
                        Assert.DoesNotContain("<f>", reader.ReadToEnd());
                    }
                }
            }
        }

        [Fact]
        public void A_null_dataset_writes_the_empty_template_and_no_temporary_file_is_left()
        {
            string path = _tmp.File("template.xlsx");
            WorkbookWriter.Write(path, null);
            Assert.Equal(new[] { "template.xlsx" }, Directory.GetFiles(_tmp.FullName).Select(Path.GetFileName));
            ComplianceDataset back = WorkbookReader.ReadDataset(path, null);
            Assert.Null(back.Company.CompanyName);
            Assert.Empty(back.Complaints);
        }

        [Fact]
        public void Writing_over_an_existing_file_is_refused_unless_asked()
        {
            string path = _tmp.File("exists.xlsx");
            File.WriteAllText(path, "keep");
            var ex = Assert.Throws<ComplianceException>(() => WorkbookWriter.Write(path, null));
            Assert.Equal("ComplianceTools.Workbook.FileExists", ex.ErrorId);
            Assert.Equal("keep", File.ReadAllText(path));
            WorkbookWriter.Write(path, null, new WorkbookWriteOptions { Overwrite = true });
            Assert.NotNull(WorkbookReader.ReadDataset(path, null).Company);
        }

        [Fact]
        public void Column_widths_count_chinese_characters_double()
        {
            Assert.Equal(4, WorkbookWriter.DisplayWidth("坐席"));
            Assert.Equal(15, WorkbookWriter.DisplayWidth("坐席编号 SeatId"));
        }
    }
}
