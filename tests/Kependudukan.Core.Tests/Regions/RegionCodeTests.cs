using System.Globalization;
using CsCheck;
using Kependudukan.Regions;
using Kependudukan.Tests.Identity;

namespace Kependudukan.Tests.Regions;

public class RegionCodeTests
{
    internal static readonly Gen<RegionCode> GenCode = Gen.Int[1, 4].SelectMany(level => level switch
    {
        1 => Gen.Int[11, 99].Select(RegionCode.Province),
        2 => Gen.Select(Gen.Int[11, 99], Gen.Int[1, 99], RegionCode.Regency),
        3 => Gen.Select(Gen.Int[11, 99], Gen.Int[1, 99], Gen.Int[1, 99], RegionCode.District),
        _ => Gen.Select(Gen.Int[11, 99], Gen.Int[1, 99], Gen.Int[1, 99], Gen.Int[1, 9999], RegionCode.Village),
    });

    [Theory]
    [InlineData("64.72.03.1001", RegionLevel.Village, 6472031001)]
    [InlineData("6472031001", RegionLevel.Village, 6472031001)]
    [InlineData("64.72.03", RegionLevel.District, 6472030000)]
    [InlineData("647203", RegionLevel.District, 6472030000)]
    [InlineData("64.72", RegionLevel.Regency, 6472000000)]
    [InlineData("6472", RegionLevel.Regency, 6472000000)]
    [InlineData("64", RegionLevel.Province, 6400000000)]
    [InlineData("11", RegionLevel.Province, 1100000000)]
    [InlineData("99.99.99.9999", RegionLevel.Village, 9999999999)]
    public void Parse_DottedAndPlain_ReportLevelAndPaddedValue(string text, RegionLevel level, long padded)
    {
        var code = RegionCode.Parse(text);
        Assert.Equal(level, code.Level);
        Assert.Equal(padded, code.PaddedValue);
        Assert.Equal(code, RegionCode.Parse(text.AsSpan()));
        Assert.Equal(code, RegionCode.FromPaddedValue(padded));
    }

    [Fact]
    public void Parse_Village_SplitsItsParts()
    {
        var code = RegionCode.Parse("35.13.15.2017");
        Assert.Equal(35, code.ProvinceNumber);
        Assert.Equal(13, code.RegencyNumber);
        Assert.Equal(15, code.DistrictNumber);
        Assert.Equal(2017, code.VillageNumber);
        Assert.Equal(RegionCode.Village(35, 13, 15, 2017), code);
    }

    [Theory]
    [InlineData("", "A region code must not be empty.")]
    [InlineData("10", "The province part of a region code should be in range [11-99].")]
    [InlineData("00.01", "The province part of a region code should be in range [11-99].")]
    [InlineData("64.00", "The regency/city part of a region code should be in range [01-99].")]
    [InlineData("64.72.00", "The district part of a region code should be in range [01-99].")]
    [InlineData("64.72.01.0000", "The village part of a region code should be in range [0001-9999].")]
    [InlineData("64.72.", "A region code must not end with '.'.")]
    [InlineData("64-72", "Expected an ASCII digit at position 3 of the region code.")]
    [InlineData("64.7201", "Expected '.' at position 6 of the region code.")]
    [InlineData("6", "Part 1 of the region code should have 2 digits.")]
    [InlineData("647", "Part 2 of the region code should have 2 digits.")]
    [InlineData("647201100", "Part 4 of the region code should have 4 digits.")]
    [InlineData("64.72.01.100", "Part 4 of the region code should have 4 digits.")]
    [InlineData("64720110011", "A region code has at most four parts (PP.KK.CC.DDDD).")]
    [InlineData("64.72.01.1001.1", "A region code has at most four parts (PP.KK.CC.DDDD).")]
    [InlineData("6x", "Expected an ASCII digit at position 2 of the region code.")]
    [InlineData("64.\u0667\u0662", "Expected an ASCII digit at position 4 of the region code.")]
    [InlineData(" 64", "Expected an ASCII digit at position 1 of the region code.")]
    public void Parse_Invalid_SaysWhichPartIsWrong(string text, string message)
    {
        var ex = Assert.Throws<FormatException>(() => RegionCode.Parse(text));
        Assert.Equal(message, ex.Message);
        Assert.False(RegionCode.TryParse(text, out var result));
        Assert.Equal(default, result);
        Assert.False(RegionCode.TryParse(text.AsSpan(), out _));
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("s", () => RegionCode.Parse(null!));
        Assert.False(RegionCode.TryParse(null, out _));
    }

    [Fact]
    public void Parent_WalksUpOneLevel()
    {
        var village = RegionCode.Parse("64.72.03.1001");
        Assert.Equal(RegionCode.Parse("64.72.03"), village.Parent);
        Assert.Equal(RegionCode.Parse("64.72"), village.Parent.Parent);
        Assert.Equal(RegionCode.Parse("64"), village.Parent.Parent.Parent);
    }

    [Fact]
    public void Parent_OfProvinceOrDefault_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RegionCode.Province(64).Parent);
        Assert.Equal("A region code at level Province has no parent.", ex.Message);
        Assert.Throws<InvalidOperationException>(() => default(RegionCode).Parent);
    }

    [Theory]
    [InlineData(RegionLevel.Province, "64")]
    [InlineData(RegionLevel.Regency, "64.72")]
    [InlineData(RegionLevel.District, "64.72.03")]
    [InlineData(RegionLevel.Village, "64.72.03.1001")]
    public void ToLevel_ReturnsTheContainingCode(RegionLevel level, string expected) =>
        Assert.Equal(RegionCode.Parse(expected), RegionCode.Parse("64.72.03.1001").ToLevel(level));

    [Fact]
    public void ToLevel_BelowOwnLevel_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>("level", () => RegionCode.Parse("64.72").ToLevel(RegionLevel.District));
        Assert.StartsWith("Level should be in range [Province-Regency] for a code at level Regency.", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("level", () => RegionCode.Parse("64.72").ToLevel(RegionLevel.None));
        Assert.Throws<ArgumentOutOfRangeException>("level", () => RegionCode.Parse("64.72").ToLevel((RegionLevel)9));
        var defaultEx = Assert.Throws<InvalidOperationException>(() => default(RegionCode).ToLevel(RegionLevel.Province));
        Assert.Equal("The default region code has no level.", defaultEx.Message);
    }

    [Theory]
    [InlineData("64.72.03.1001", "64.72.03.1001", true)]
    [InlineData("64.72.03.1001", "64.72.03", true)]
    [InlineData("64.72.03.1001", "64.72", true)]
    [InlineData("64.72.03.1001", "64", true)]
    [InlineData("64.72.03.1001", "64.72.04", false)]
    [InlineData("64.72.03.1001", "64.71", false)]
    [InlineData("64.72.03.1001", "65", false)]
    [InlineData("64", "64.72", false)]
    [InlineData("64.72", "64.72.03", false)]
    [InlineData("64.72", "64.72", true)]
    public void IsWithin_ComparesPrefixes(string code, string other, bool expected) =>
        Assert.Equal(expected, RegionCode.Parse(code).IsWithin(RegionCode.Parse(other)));

    [Fact]
    public void IsWithin_Default_IsFalse()
    {
        Assert.False(RegionCode.Parse("64.72").IsWithin(default));
        Assert.False(default(RegionCode).IsWithin(RegionCode.Parse("64")));
    }

    [Theory]
    [InlineData("64.71", true)] // Kota Balikpapan
    [InlineData("64.72", true)] // Kota Samarinda
    [InlineData("64.99", true)]
    [InlineData("64.72.03", true)] // a district inside a city
    [InlineData("64.72.03.1001", true)]
    [InlineData("64.69", false)]
    [InlineData("64.70", false)]
    [InlineData("64.09", false)] // Kabupaten Penajam Paser Utara
    [InlineData("64.09.01.2001", false)]
    [InlineData("64", false)]
    public void IsCity_KotaIs71To99(string text, bool isCity) => Assert.Equal(isCity, RegionCode.Parse(text).IsCity);

    [Fact]
    public void IsCity_Default_IsFalse() => Assert.False(default(RegionCode).IsCity);

    [Fact]
    public void FromNikPrefix_SixDigits_IsTheDistrict() =>
        Assert.Equal(RegionCode.District(64, 72, 1), RegionCode.FromNikPrefix("647201"));

    [Theory]
    [InlineData("64720", "A NIK region prefix has 6 digits; got 5 characters.")]
    [InlineData("6472011", "A NIK region prefix has 6 digits; got 7 characters.")]
    [InlineData("640001", "The regency/city part of a region code should be in range [01-99].")]
    [InlineData("647200", "The district part of a region code should be in range [01-99].")]
    [InlineData("64.720", "Expected '.' at position 6 of the region code.")]
    [InlineData("6472o1", "Expected an ASCII digit at position 5 of the region code.")]
    public void FromNikPrefix_Invalid_Throws(string prefix, string message)
    {
        var ex = Assert.Throws<FormatException>(() => RegionCode.FromNikPrefix(prefix));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_099_999_999)]
    [InlineData(10_000_000_000)]
    [InlineData(6_400_010_000)] // district without a regency
    [InlineData(6_472_000_001)] // village without a district
    [InlineData(-6_400_000_000)]
    public void FromPaddedValue_Invalid_Throws(long value) =>
        Assert.Throws<ArgumentOutOfRangeException>("paddedValue", () => RegionCode.FromPaddedValue(value));

    [Fact]
    public void Factories_OutOfRange_NameTheParameter()
    {
        Assert.Throws<ArgumentOutOfRangeException>("province", () => RegionCode.Province(10));
        Assert.Throws<ArgumentOutOfRangeException>("province", () => RegionCode.Province(100));
        Assert.Throws<ArgumentOutOfRangeException>("regency", () => RegionCode.Regency(64, 0));
        Assert.Throws<ArgumentOutOfRangeException>("regency", () => RegionCode.Regency(64, 100));
        Assert.Throws<ArgumentOutOfRangeException>("district", () => RegionCode.District(64, 72, 0));
        Assert.Throws<ArgumentOutOfRangeException>("village", () => RegionCode.Village(64, 72, 1, 10_000));
        Assert.Throws<ArgumentOutOfRangeException>("province", () => RegionCode.Village(9, 72, 1, 1));
    }

    [Theory]
    [InlineData("64", "64", "64")]
    [InlineData("64.72", "64.72", "6472")]
    [InlineData("64.72.03", "64.72.03", "647203")]
    [InlineData("6472031001", "64.72.03.1001", "6472031001")]
    public void ToString_DottedAndDigits(string text, string dotted, string digits)
    {
        var code = RegionCode.Parse(text);
        Assert.Equal(dotted, code.ToString());
        Assert.Equal(dotted, code.ToString("D", CultureInfo.InvariantCulture));
        Assert.Equal(dotted, $"{code}");
        Assert.Equal(digits, code.ToString("N", null));
        Assert.Equal(digits, $"{code:N}");
    }

    [Fact]
    public void ToString_UnknownFormat_Throws()
    {
        var ex = Assert.Throws<FormatException>(() => RegionCode.Province(64).ToString("X", null));
        Assert.Equal("Region code formats are \"D\" (dotted) and \"N\" (digits).", ex.Message);
    }

    [Fact]
    public void TryFormat_DestinationTooSmall_ReturnsFalse()
    {
        var code = RegionCode.Parse("64.72.03.1001");
        Span<char> buffer = stackalloc char[13];
        Assert.False(code.TryFormat(buffer[..12], out var written, default, null));
        Assert.Equal(0, written);
        Assert.True(code.TryFormat(buffer, out written, default, null));
        Assert.Equal("64.72.03.1001", buffer[..written].ToString());
        Assert.True(code.TryFormat(buffer[..10], out written, "N", null));
        Assert.Equal(10, written);
    }

    [Fact]
    public void DefaultValue_HasNoLevelAndFormatsEmpty()
    {
        var code = default(RegionCode);
        Assert.Equal(RegionLevel.None, code.Level);
        Assert.Equal(0, code.PaddedValue);
        Assert.Equal(string.Empty, code.ToString());
        Assert.Equal(string.Empty, code.ToString("N", null));
        Assert.Equal(code, new RegionCode());
    }

    [Fact]
    public void ValueContract_ParentSortsBeforeItsChildren()
    {
        ValueTypeAssert.Contract(RegionCode.Parse("64.72"), RegionCode.Parse("6472"), RegionCode.Parse("64.72.01"));
        ValueTypeAssert.Contract(RegionCode.Parse("64.72.99.9999"), RegionCode.Parse("6472999999"), RegionCode.Parse("64.73"));
        ValueTypeAssert.Contract(RegionCode.Parse("64"), RegionCode.Province(64), RegionCode.Parse("65"));
        ValueTypeAssert.DefaultSortsFirst(RegionCode.Province(11));
    }

    [Fact]
    public void SpanParsable_GenericCallers_ParseBothForms()
    {
        Assert.Equal(RegionCode.Parse("64.72"), Parse<RegionCode>("6472"));
        Assert.True(RegionCode.TryParse("64.72.03".AsSpan(), out var code));
        Assert.Equal(RegionLevel.District, code.Level);

        static T Parse<T>(string s)
            where T : ISpanParsable<T> => T.Parse(s.AsSpan(), null);
    }

    [Fact]
    public void TryParse_RandomStrings_NeverThrows() =>
        Gen.OneOf(Gen.String, Gen.String["0123456789."]).Sample(text =>
        {
            if (RegionCode.TryParse(text, out var code))
            {
                Assert.NotEqual(RegionLevel.None, code.Level);
            }
        }, iter: 5_000);

    [Fact]
    public void Parse_FormattedCode_RoundTrips() =>
        GenCode.Sample(code =>
        {
            Assert.Equal(code, RegionCode.Parse(code.ToString()));
            Assert.Equal(code, RegionCode.Parse(code.ToString("N", null)));
            Assert.Equal(code, RegionCode.FromPaddedValue(code.PaddedValue));
            Assert.True(code.IsWithin(code.ToLevel(RegionLevel.Province)));
            if (code.Level > RegionLevel.Province)
            {
                Assert.True(code.Parent < code);
                Assert.True(code.IsWithin(code.Parent));
                Assert.False(code.Parent.IsWithin(code));
            }
        }, iter: 2_000);
}
