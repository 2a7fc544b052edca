using Kependudukan.Regions;

namespace Kependudukan.Tests.Regions;

public class RegionCodeTests
{
    [Theory]
    [InlineData("64.72.01.1001", RegionLevel.Village)]
    [InlineData("6472011001", RegionLevel.Village)]
    [InlineData("64.72.01", RegionLevel.District)]
    [InlineData("64.72", RegionLevel.Regency)]
    [InlineData("64", RegionLevel.Province)]
    public void Parse_ValidForms_ReportLevel(string text, RegionLevel level) =>
        Assert.Equal(level, RegionCode.Parse(text).Level);

    [Fact]
    public void Parent_OfVillage_IsItsDistrict() =>
        Assert.Equal(RegionCode.Parse("64.72.01"), RegionCode.Parse("6472011001").Parent);

    [Theory]
    [InlineData("64.72", true)]
    [InlineData("64.09", false)]
    [InlineData("64", false)]
    public void IsCity_FollowsRegencyNumber(string text, bool isCity) => Assert.Equal(isCity, RegionCode.Parse(text).IsCity);

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("64.00")]
    [InlineData("64.72.")]
    [InlineData("64-72")]
    [InlineData("647201100")]
    [InlineData("64.72.01.0000")]
    public void TryParse_Invalid_ReturnsFalse(string text) => Assert.False(RegionCode.TryParse(text, out _));

    [Fact]
    public void ToString_Forms()
    {
        var code = RegionCode.Village(64, 72, 1, 1001);
        Assert.Equal("64.72.01.1001", code.ToString());
        Assert.Equal("6472011001", code.ToString("N", null));
    }
}
