using System;
using ComplianceTools.Core.CallRecords;

namespace ComplianceTools.Tests.CallRecords
{
    /// <summary>The call key: every caller and start form the issue lists, and the values that are rejected.</summary>
    public sealed class CallRecordKeyTests
    {
        [Theory]
        [InlineData("13800138000", "13800138000")]
        [InlineData("138 0013 8000", "13800138000")]
        [InlineData("+86 138 0013 8000", "13800138000")]
        [InlineData("8613800138000", "13800138000")]
        [InlineData("008613800138000", "13800138000")]
        [InlineData("013800138000", "13800138000")]
        [InlineData("021-60717894", "02160717894")]
        [InlineData("(021)60717894", "02160717894")]
        [InlineData("+86 21 6071 7894", "02160717894")]
        [InlineData("862160717894", "02160717894")]
        [InlineData("0086 21 6071 7894", "02160717894")]
        [InlineData("+86 021 6071 7894", "02160717894")]
        [InlineData("010-12345678", "01012345678")]
        [InlineData("+86 10 1234 5678", "01012345678")]
        [InlineData("95599", "95599")]
        [InlineData("96123", "96123")]
        [InlineData("１３８００１３８０００", "13800138000")]
        [InlineData("13800138000.0", "13800138000")]
        [InlineData("0755-12345678", "075512345678")]
        public void Callers_come_out_in_national_format(string written, string national)
        {
            Assert.Equal(national, CallerNumber.Normalize(written));
        }

        [Theory]
        [InlineData("")]
        [InlineData("NULL")]
        [InlineData("1234")]
        [InlineData("+86")]
        [InlineData("123456789012345678")]
        public void Callers_with_fewer_than_5_or_more_than_17_digits_are_not_callers(string written)
        {
            Assert.Null(CallerNumber.Normalize(written));
        }

        [Fact]
        public void A_leading_zero_makes_a_different_caller()
        {
            char[] a = "02160717894".ToCharArray(), b = "2160717894".ToCharArray();
            Assert.Equal(0, CallerNumber.TryNormalize(a, a.Length, out long ka));
            Assert.Equal(0, CallerNumber.TryNormalize(b, b.Length, out long kb));
            Assert.NotEqual(ka, kb);
            Assert.Equal("02160717894", CallerNumber.Format(ka));
        }

        [Theory]
        [InlineData("2025-03-01 10:00:00", "2025-03-01T02:00:00")]
        [InlineData("2025/3/1 10:00:02", "2025-03-01T02:00:02")]
        [InlineData("2025/3/1 9:05:07", "2025-03-01T01:05:07")]
        [InlineData("2025-03-01T10:00:00", "2025-03-01T02:00:00")]
        [InlineData("2025-03-01T02:00:01Z", "2025-03-01T02:00:01")]
        [InlineData("2025-03-01T10:00:01+08:00", "2025-03-01T02:00:01")]
        [InlineData("2025-03-01 10:00:01 +0800", "2025-03-01T02:00:01")]
        [InlineData("2025-03-01T04:00:01-02:00", "2025-03-01T06:00:01")]
        [InlineData("2025-03-01 10:00:00.999", "2025-03-01T02:00:00")]
        [InlineData("2025-03-01T02:00:00.5Z", "2025-03-01T02:00:00")]
        [InlineData("2025-03-01 00:30:00", "2025-02-28T16:30:00")]
        [InlineData("2024-02-29 08:00:00", "2024-02-29T00:00:00")]
        [InlineData(" 2025-03-01 10:00 ", "2025-03-01T02:00:00")]
        public void Starts_without_offset_are_china_time_and_with_offset_as_written(string written, string utc)
        {
            char[] chars = written.ToCharArray();
            Assert.True(CallTime.TryParse(chars, chars.Length, 8 * 3600, null, out int seconds));
            Assert.Equal(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), CallTime.ToUtc(seconds));
        }

        [Theory]
        [InlineData("2025-02-30 10:00:00")]
        [InlineData("2025-13-01 10:00:00")]
        [InlineData("2025-03-01 25:00:00")]
        [InlineData("2025-03-01 10:60:00")]
        [InlineData("0000-00-00 00:00:00")]
        [InlineData("2023-02-29 10:00:00")]
        [InlineData("NULL")]
        [InlineData("")]
        [InlineData("2025-03-01")]
        [InlineData("2025-03-01 10:00:00 CST")]
        public void Starts_that_are_not_real_times_are_rejected(string written)
        {
            char[] chars = written.ToCharArray();
            Assert.False(CallTime.TryParse(chars, chars.Length, 8 * 3600, null, out _));
        }

        [Fact]
        public void A_time_zone_with_daylight_saving_is_applied_per_date()
        {
            TimeZoneInfo berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
            char[] winter = "2025-01-15 12:00:00".ToCharArray(), summer = "2025-07-15 12:00:00".ToCharArray();
            Assert.True(CallTime.TryParse(winter, winter.Length, 0, berlin, out int w));
            Assert.True(CallTime.TryParse(summer, summer.Length, 0, berlin, out int s));
            Assert.Equal(new DateTime(2025, 1, 15, 11, 0, 0), CallTime.ToUtc(w));
            Assert.Equal(new DateTime(2025, 7, 15, 10, 0, 0), CallTime.ToUtc(s));
        }
    }
}
