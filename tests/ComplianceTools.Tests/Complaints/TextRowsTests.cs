using System;
using System.Collections.Generic;
using System.Linq;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Workbook.Sheets;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Complaints
{
    /// <summary>Rows given as text (Import-Csv, hashtables) with Chinese or English headers and times written as text.</summary>
    public sealed class TextRowsTests : IDisposable
    {
        private readonly ModuleSession _ps = new ModuleSession();

        public void Dispose() => _ps.Dispose();

        [Theory]
        [InlineData("2025-03-01 08:00", "2025-03-01 08:00:00")]
        [InlineData("2025/3/1 8:05", "2025-03-01 08:05:00")]
        [InlineData("2025年3月1日 8时30分", "2025-03-01 08:30:00")]
        [InlineData("2025年3月1日", "2025-03-01 00:00:00")]
        [InlineData("２０２５－０３－０１　０８：００", "2025-03-01 08:00:00")]
        [InlineData("2025.3.1 8:00", "2025-03-01 08:00:00")]
        [InlineData("2025-03-01T08:00:00", "2025-03-01 08:00:00")]
        [InlineData("20250301 0800", "2025-03-01 08:00:00")]
        [InlineData("45717.5", "2025-03-01 12:00:00")]
        public void Times_written_as_text_are_read(string text, string expected)
        {
            Assert.True(TimeText.TryParse(text, out DateTime value), text);
            Assert.Equal(expected, value.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        }

        [Theory]
        [InlineData("yesterday")]
        [InlineData("2025-13-01 08:00")]
        [InlineData("")]
        public void Text_that_is_not_a_time_is_refused(string text)
        {
            Assert.False(TimeText.TryParse(text, out _));
        }

        [Fact]
        public void A_row_is_built_from_chinese_headers_and_text_values()
        {
            var row = (ComplaintRow)TextRows.Build(typeof(ComplaintRow), new Dictionary<string, object>
            {
                ["工单号"] = "T1",
                ["来源渠道"] = "12321",
                ["投诉时间"] = "2025年3月1日 8时",
                ["状态"] = "已结案",
                ["不认识的列"] = "ignored",
            });
            Assert.Equal("T1", row.TicketId);
            Assert.Equal(ComplaintChannel.C12321, row.Source);
            Assert.Equal(new DateTime(2025, 3, 1, 8, 0, 0), row.ReceivedAt);
            Assert.Equal(TicketStatus.Closed, row.Status);
            Assert.Null(row.ClosedAt);
        }

        [Fact]
        public void Csv_lines_with_chinese_headers_and_text_times_are_measured()
        {
            // What Import-Csv writes: property bags of text (this runspace has no ConvertFrom-Csv).
            string script = @"
@(
  [pscustomobject]@{ 工单号 = 'T1'; 来源渠道 = '12321'; 受理时间 = '2025年3月1日 8时'; 首次响应时间 = '2025/3/1 9:00'; 结案时间 = '2025-03-01 20:00'; 状态 = '已结案' }
  [pscustomobject]@{ 工单号 = 'T2'; 来源渠道 = '12300'; 受理时间 = '2025-03-02 08:00'; 首次响应时间 = '2025-03-02 09:30'; 结案时间 = ''; 状态 = '处理中' }
) | Measure-ComplaintHandling -AsOf '2025-03-05 08:00'";
            var r = _ps.Run(script);
            r.ThrowOnError();
            Assert.Equal(0.5, (double)r.Output[0].Prop("Value"), 10);
            Assert.Equal(0.5, (double)r.Output[1].Prop("Value"), 10);
        }

        [Fact]
        public void A_value_that_is_not_a_time_fails_that_row_only_naming_the_column()
        {
            string script = @"
@(
  [pscustomobject]@{ 工单号 = 'T1'; 来源渠道 = '12321'; 受理时间 = 'yesterday' }
  [pscustomobject]@{ TicketId = 'T2'; Source = '12321'; ReceivedAt = '2025-03-01 08:00'; ClosedAt = '2025-03-01 10:00'; Status = 'Closed' }
) | Measure-ComplaintHandling -AsOf '2025-03-05'";
            var r = _ps.Run(script);
            var error = Assert.Single(r.Errors);
            Assert.Equal("ComplianceTools.Workbook.BadValue,ComplianceTools.Commands.Complaints.MeasureComplaintHandlingCommand", error.FullyQualifiedErrorId);
            Assert.Contains("ReceivedAt (受理时间): 'yesterday'", error.Exception.Message);
            Assert.Equal(1.0, (double)r.Output.First(o => o.Text("RuleId") == "CMPL-002").Prop("Value"));
        }

        [Fact]
        public void A_whole_workbook_still_binds_to_dataset_not_to_the_rows()
        {
            var r = _ps.Run("$args[0] | Get-ComplaintRate", Audit.InspectionSamples.Varied());
            r.ThrowOnError();
            Assert.Equal("2025", r.Output[0].Text("Period"));
            Assert.Equal(22.0 / 200000, (double)r.Output[0].Prop("Value"), 12);
        }
    }
}
