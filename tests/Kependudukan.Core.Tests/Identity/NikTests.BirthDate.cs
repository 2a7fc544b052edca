using Kependudukan.Identity;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Tests.Identity;

public partial class NikTests
{
    private static readonly LocalDate Reference = new(2026, 11, 27);

    [Theory]
    [InlineData("6472011508050001", 2005, 8, 15)]
    [InlineData("6472011508300001", 1930, 8, 15)]
    [InlineData("6472012711260001", 2026, 11, 27)] // born on the reference day itself
    [InlineData("6472012811260001", 1926, 11, 28)] // one day after the reference in 2026: the century before
    [InlineData("6472016711260001", 2026, 11, 27)] // a woman (67 = 27 + 40) born on the reference day
    [InlineData("6472010101000001", 2000, 1, 1)]
    [InlineData("6472013112990001", 1999, 12, 31)]
    [InlineData("6472010101270001", 1927, 1, 1)]
    public void ResolveBirthDate_Reference20261127_PicksTheLatestDateNotAfterIt(string text, int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), Nik.Parse(text).ResolveBirthDate(Reference));

    [Theory]
    [InlineData("6472016902000001", 2026, 11, 27, 2000)]
    [InlineData("6472016902000001", 2100, 3, 1, 2000)] // 2100 is not a leap year
    [InlineData("6472016902000001", 2000, 2, 29, 2000)]
    [InlineData("6472016902000001", 2000, 2, 28, 1600)] // 1900, 1800 and 1700 are not leap years
    [InlineData("6472012902960001", 2026, 11, 27, 1996)]
    [InlineData("6472012902240001", 2024, 2, 29, 2024)]
    [InlineData("6472012902240001", 2024, 2, 28, 1924)]
    [InlineData("6472012902040001", 2103, 6, 1, 2004)] // 2104 would be after the reference
    public void ResolveBirthDate_LeapDay_ResolvesToTheLatestLeapYear(string text, int refYear, int refMonth, int refDay, int expectedYear) =>
        Assert.Equal(new LocalDate(expectedYear, 2, 29), Nik.Parse(text).ResolveBirthDate(new LocalDate(refYear, refMonth, refDay)));

    [Fact]
    public void ResolveBirthDate_OtherCalendar_ConvertsTheReference()
    {
        // 15 November 2026 (Julian) is 28 November 2026 (ISO), so a birth on 28 November 26 resolves to 2026.
        var nik = Nik.Parse("6472012811260001");
        Assert.Equal(new LocalDate(2026, 11, 28), nik.ResolveBirthDate(new LocalDate(2026, 11, 15, CalendarSystem.Julian)));
    }

    [Fact]
    public void ResolveBirthDate_BeforeTheCalendarStarts_Throws()
    {
        var nik = Nik.Parse("6472013112990001");
        var ex = Assert.Throws<ArgumentOutOfRangeException>("reference", () => nik.ResolveBirthDate(new LocalDate(-9998, 1, 1)));
        Assert.StartsWith("No date matching the NIK's birth digits lies within the ISO calendar before the reference date.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Woman, 2009, 1, 1, Sex.Female, true)]
    [InlineData(Woman, 1909, 1, 1, Sex.Female, true)] // the century is not encoded
    [InlineData(Woman, 2009, 1, 1, Sex.Male, false)]
    [InlineData(Woman, 2009, 1, 1, Sex.None, false)]
    [InlineData(Woman, 2009, 1, 2, Sex.Female, false)]
    [InlineData(Woman, 2009, 2, 1, Sex.Female, false)]
    [InlineData(Woman, 2008, 1, 1, Sex.Female, false)]
    [InlineData(Man, 1985, 8, 15, Sex.Male, true)]
    [InlineData(Man, 1985, 8, 15, Sex.Female, false)]
    public void IsConsistentWith_ComparesDayMonthYearOfCenturyAndSex(string text, int year, int month, int day, Sex sex, bool expected) =>
        Assert.Equal(expected, Nik.Parse(text).IsConsistentWith(new LocalDate(year, month, day), sex));

    [Fact]
    public void IsConsistentWith_OtherCalendar_ComparesTheIsoDate()
    {
        var nik = Nik.Create(RegionCode.District(64, 72, 1), new LocalDate(2009, 1, 14), Sex.Male, 1);
        Assert.True(nik.IsConsistentWith(new LocalDate(2009, 1, 1, CalendarSystem.Julian), Sex.Male));
    }
}
