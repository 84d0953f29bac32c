using ComplianceTools.Core.Common;
using ComplianceTools.Core.Numbers;

namespace ComplianceTools.Tests.Numbers
{
    /// <summary>The display-number classifier: the class comes from the digits, whatever the formatting.</summary>
    public sealed class DisplayNumberTests
    {
        [Theory]
        [InlineData("95555", DisplayNumberClass.ShortNumber, "95555")]
        [InlineData("95 105 888", DisplayNumberClass.ShortNumber, "95105888")]
        [InlineData("９６１１１", DisplayNumberClass.ShortNumber, "96111")]
        [InlineData("+86 95555", DisplayNumberClass.ShortNumber, "95555")]
        [InlineData("010-62345678", DisplayNumberClass.Landline, "01062345678")]
        [InlineData("(0755) 8888 6666", DisplayNumberClass.Landline, "075588886666")]
        [InlineData("+86 10 6234 5678", DisplayNumberClass.Landline, "01062345678")]
        [InlineData("0086 755 8888 6666", DisplayNumberClass.Landline, "075588886666")]
        [InlineData("13800138000", DisplayNumberClass.Mobile, "13800138000")]
        [InlineData("+86 138-0013-8000", DisplayNumberClass.Mobile, "13800138000")]
        [InlineData("0086 13800138000", DisplayNumberClass.Mobile, "13800138000")]
        [InlineData("8613800138000", DisplayNumberClass.Mobile, "13800138000")]
        [InlineData("＋８６　１３８００１３８０００", DisplayNumberClass.Mobile, "13800138000")]
        [InlineData("400-800-1234", DisplayNumberClass.Service400, "4008001234")]
        [InlineData("800 820 8820", DisplayNumberClass.Service400, "8008208820")]
        [InlineData("12321", DisplayNumberClass.Other, "12321")]
        [InlineData("12800138000", DisplayNumberClass.Other, "12800138000")]
        [InlineData("", DisplayNumberClass.Other, "")]
        public void Classifies_from_the_digits(string raw, DisplayNumberClass expected, string digits)
        {
            DisplayNumberInfo info = DisplayNumber.Parse(raw);
            Assert.Equal(expected, info.Class);
            Assert.Equal(digits, info.Digits);
        }

        [Fact]
        public void Service_numbers_stay_readable_and_personal_numbers_are_masked()
        {
            Assert.Equal("95105888", DisplayNumber.ForDisplay("95105888"));
            Assert.Equal("4008001234", DisplayNumber.ForDisplay("400-800-1234"));
            Assert.Equal("138****8000", DisplayNumber.ForDisplay("+86 138 0013 8000"));
            Assert.Equal("010****5678", DisplayNumber.ForDisplay("(010) 6234-5678"));
        }

        [Theory]
        [InlineData("2025-03", "2025-03")]
        [InlineData("2025-3", "2025-03")]
        [InlineData("2025/03", "2025-03")]
        [InlineData("202503", "2025-03")]
        [InlineData("2025年3月", "2025-03")]
        [InlineData("2025-03-01", "2025-03")]
        [InlineData("2025-03-01 00:00:00", "2025-03")]
        public void Months_in_any_usual_form_give_one_key(string text, string key)
        {
            Assert.True(MonthKey.TryNormalize(text, out string actual));
            Assert.Equal(key, actual);
        }

        [Theory]
        [InlineData("2025-13")]
        [InlineData("March")]
        [InlineData("")]
        public void Text_that_is_not_a_month_is_refused(string text)
        {
            Assert.False(MonthKey.TryNormalize(text, out _));
        }
    }
}
