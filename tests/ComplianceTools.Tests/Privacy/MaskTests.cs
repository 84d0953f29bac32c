using ComplianceTools.Core.Privacy;

namespace ComplianceTools.Tests.Privacy
{
    /// <summary>Personal data as reports show it: 138****1234.</summary>
    public sealed class MaskTests
    {
        [Theory]
        [InlineData("13800138000", "138****8000")]
        [InlineData("138 0013 8000", "138****8000")]
        [InlineData("+86 138 0013 8000", "86138****8000")]
        [InlineData("１３８００１３８０００", "138****8000")]
        [InlineData("021-60717894", "021****7894")]
        [InlineData("0755-86013388", "0755****3388")]
        [InlineData("95599", "95599")]
        [InlineData("12321", "12321")]
        public void Phone_numbers_keep_the_prefix_and_the_last_four_digits(string raw, string masked)
        {
            Assert.Equal(masked, Mask.Phone(raw));
        }

        [Theory]
        [InlineData("110101199003071234", "110101********1234")]
        [InlineData("11010119900307123X", "110101********123X")]
        public void Id_numbers_keep_the_region_and_the_last_four(string raw, string masked)
        {
            Assert.Equal(masked, Mask.IdNumber(raw));
        }

        [Theory]
        [InlineData("张三", "张*")]
        [InlineData("欧阳娜娜", "欧***")]
        [InlineData("Alice", "A****")]
        public void Names_keep_the_first_character(string raw, string masked)
        {
            Assert.Equal(masked, Mask.Name(raw));
        }
    }
}
