using Kependudukan.Identity;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Tests.Identity;

public partial class NikTests
{
    // 64.72.01 (Palaran, Kota Samarinda), a man born 15 August (19)85, serial 0123.
    private const string Man = "6472011508850123";

    // 64.72.01, a woman born 1 January (20)09: day 01 + 40 = 41, serial 0001.
    private const string Woman = "6472014101090001";

    [Theory]
    [InlineData(Man, Sex.Male, 15, 15, 8, 85, 123)]
    [InlineData(Woman, Sex.Female, 41, 1, 1, 9, 1)] // 40 is subtracted from a woman's day
    public void Parse_Valid_DecodesEveryPart(string text, Sex sex, int encodedDay, int day, int month, int yearOfCentury, int serial)
    {
        var nik = Nik.Parse(text);

        Assert.Equal(long.Parse(text, System.Globalization.CultureInfo.InvariantCulture), nik.Value);
        Assert.Equal(RegionCode.District(64, 72, 1), nik.RegistrationDistrict);
        Assert.Equal(sex, nik.Sex);
        Assert.Equal(encodedDay, nik.EncodedDay);
        Assert.Equal(day, nik.BirthDay);
        Assert.Equal(month, nik.BirthMonth);
        Assert.Equal(yearOfCentury, nik.BirthYearOfCentury);
        Assert.Equal(serial, nik.Serial);
    }

    [Theory]
    [InlineData("6472014101090001", 1, Sex.Female)]
    [InlineData("6472017101090001", 31, Sex.Female)]
    [InlineData("6472015501090001", 15, Sex.Female)]
    [InlineData("6472010101090001", 1, Sex.Male)]
    [InlineData("6472013101090001", 31, Sex.Male)]
    public void Parse_DayRange_DecodesDayAndSex(string text, int day, Sex sex)
    {
        var nik = Nik.Parse(text);
        Assert.Equal(day, nik.BirthDay);
        Assert.Equal(sex, nik.Sex);
    }

    [Fact]
    public void Parse_RetiredRegionCode_IsStillValid()
    {
        // 64.04 (Bulungan) moved from Kalimantan Timur to Kalimantan Utara (65) in 2012; NIKs issued before keep 64.04.
        var nik = Nik.Parse("6404011203800002");

        Assert.Equal(RegionCode.District(64, 4, 1), nik.RegistrationDistrict);
        Assert.False(RegionCatalog.Default.Contains(nik.RegistrationDistrict));
        Assert.False(RegionCatalog.Default.Contains(nik.RegistrationDistrict.Parent));
        Assert.True(RegionCatalog.Default.Contains(RegionCode.Province(64)));
    }

    [Fact]
    public void Create_Woman_Adds40ToTheDay() =>
        Assert.Equal(Nik.Parse(Woman), Nik.Create(RegionCode.District(64, 72, 1), new LocalDate(2009, 1, 1), Sex.Female, 1));

    [Fact]
    public void Create_Man_EncodesTheDateAsIs() =>
        Assert.Equal(Nik.Parse(Man), Nik.Create(RegionCode.District(64, 72, 1), new LocalDate(1985, 8, 15), Sex.Male, 123));

    [Fact]
    public void Create_LeapDayWoman_Encodes69()
    {
        var nik = Nik.Create(RegionCode.District(35, 13, 15), new LocalDate(2000, 2, 29), Sex.Female, 7);
        Assert.Equal("3513156902000007", nik.ToString());
    }

    [Fact]
    public void Create_OtherCalendar_EncodesTheIsoDate()
    {
        // 1 January 2009 in the Julian calendar is 14 January 2009 in the ISO (Gregorian) calendar.
        var julian = new LocalDate(2009, 1, 1, CalendarSystem.Julian);
        var nik = Nik.Create(RegionCode.District(64, 72, 1), julian, Sex.Male, 1);
        Assert.Equal("6472011401090001", nik.ToString());
    }

    [Fact]
    public void Create_NotADistrict_Throws()
    {
        var ex = Assert.Throws<ArgumentException>("registrationDistrict",
            () => Nik.Create(RegionCode.Regency(64, 72), new LocalDate(2009, 1, 1), Sex.Male, 1));
        Assert.Equal("The registration region of a NIK must be a district (PP.KK.CC); got a code at level Regency. (Parameter 'registrationDistrict')", ex.Message);
        Assert.Throws<ArgumentException>("registrationDistrict",
            () => Nik.Create(RegionCode.Village(64, 72, 1, 1001), new LocalDate(2009, 1, 1), Sex.Male, 1));
        Assert.Throws<ArgumentException>("registrationDistrict", () => Nik.Create(default, new LocalDate(2009, 1, 1), Sex.Male, 1));
    }

    [Theory]
    [InlineData(Sex.None)]
    [InlineData((Sex)3)]
    public void Create_SexNotSet_Throws(Sex sex)
    {
        var ex = Assert.Throws<ArgumentException>("sex", () => Nik.Create(RegionCode.District(64, 72, 1), new LocalDate(2009, 1, 1), sex, 1));
        Assert.Equal($"Sex must be Male or Female; got {sex}. (Parameter 'sex')", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    [InlineData(-1)]
    public void Create_SerialOutOfRange_Throws(int serial)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>("serial",
            () => Nik.Create(RegionCode.District(64, 72, 1), new LocalDate(2009, 1, 1), Sex.Male, serial));
        Assert.StartsWith("Value should be in range [1-9999]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Default_Is16Digits()
    {
        var nik = Nik.Parse(Woman);
        Assert.Equal(Woman, nik.ToString());
        Assert.Equal(Woman, nik.ToString("G", null));
        Assert.Equal(Woman, nik.ToString(null, null));
        Assert.Equal(Woman, $"{nik}");
    }

    [Fact]
    public void ToMaskedString_HidesBirthDateAndSerial()
    {
        var nik = Nik.Parse(Woman);
        Assert.Equal("647201**********", nik.ToMaskedString());
        Assert.Equal("647201**********", nik.ToString("M", null));
        Assert.Equal("647201**********", $"{nik:M}");
    }

    [Fact]
    public void ToString_UnknownFormat_Throws()
    {
        var ex = Assert.Throws<FormatException>(() => Nik.Parse(Woman).ToString("X", null));
        Assert.Equal("NIK formats are \"G\" (16 digits) and \"M\" (masked).", ex.Message);
    }

    [Fact]
    public void TryFormat_DestinationTooSmall_ReturnsFalse()
    {
        var nik = Nik.Parse(Woman);
        Span<char> small = stackalloc char[15];
        Assert.False(nik.TryFormat(small, out var written, default, null));
        Assert.Equal(0, written);

        Span<char> exact = stackalloc char[16];
        Assert.True(nik.TryFormat(exact, out written, "M", null));
        Assert.Equal("647201**********", exact[..written].ToString());
        Assert.False(nik.TryFormat(exact, out _, "X", null));
    }

    [Fact]
    public void DefaultValue_IsEmptyAndInvalid()
    {
        var nik = default(Nik);

        Assert.Equal(0, nik.Value);
        Assert.Equal(string.Empty, nik.ToString());
        Assert.Equal(string.Empty, nik.ToMaskedString());
        Assert.Equal(default, nik.RegistrationDistrict);
        Assert.Equal(Sex.None, nik.Sex);
        Assert.Equal(0, nik.BirthDay);
        Assert.Equal(0, nik.BirthMonth);
        Assert.Equal(0, nik.Serial);
        Assert.False(nik.IsConsistentWith(new LocalDate(2000, 1, 1), Sex.Male));
        var ex = Assert.Throws<InvalidOperationException>(() => nik.ResolveBirthDate(new LocalDate(2026, 1, 1)));
        Assert.Equal("The default NIK has no birth date.", ex.Message);
        Assert.Equal(nik, new Nik());
    }

    [Fact]
    public void ValueContract_OrdersByNumber()
    {
        ValueTypeAssert.Contract(Nik.Parse(Man), Nik.Parse(Man), Nik.Parse("6472011508850124"));
        ValueTypeAssert.Contract(Nik.Parse("1101010101000001"), Nik.Parse("1101010101000001"), Nik.Parse(Man));
        ValueTypeAssert.DefaultSortsFirst(Nik.Parse("1101010101000001"));
    }

    [Fact]
    public void ValueContract_SortsAList()
    {
        string[] sorted = ["1101010101000001", Man, "6472011508850124", Woman, "9471015512990001"];
        var shuffled = new[] { sorted[3], sorted[0], sorted[4], sorted[2], sorted[1] }.Select(Nik.Parse).ToList();
        shuffled.Sort();
        Assert.Equal(sorted, shuffled.Select(n => n.ToString()));
    }
}
