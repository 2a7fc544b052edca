using CsCheck;
using Kependudukan.Aggregation.Internals;
using NodaTime;

namespace Kependudukan.Tests.Aggregation.Internals;

/// <summary>The arithmetic day numbers against <see cref="DateOnly.DayNumber"/> as the reference.</summary>
public sealed class DayNumberTests
{
    private static readonly int s_referenceEpoch = new DateOnly(1900, 1, 1).DayNumber;

    [Fact]
    public void FromIsoParts_EveryDateOfYears1To9999_SameAsDateOnly()
    {
        Gen.Int[DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber].Sample(dayNumber =>
        {
            var date = DateOnly.FromDayNumber(dayNumber);
            Assert.Equal(dayNumber - s_referenceEpoch, DayNumber.FromIsoParts(date.Year, date.Month, date.Day));
        }, iter: 50_000);
    }

    [Theory]
    [InlineData(1900, 1, 1, true)]
    [InlineData(1899, 12, 31, false)]
    [InlineData(2079, 6, 4, true)]
    [InlineData(2079, 6, 5, false)]
    [InlineData(1, 1, 1, false)]
    [InlineData(9999, 12, 31, false)]
    public void TryFromDate_RangeEnds_SameAsIsStorable(int year, int month, int day, bool storable)
    {
        var date = new LocalDate(year, month, day);
        Assert.Equal(storable, DayNumber.IsStorable(date));
        Assert.Equal(storable, DayNumber.TryFromDate(date, out var number));
        if (storable)
        {
            Assert.Equal(date, DayNumber.ToDate(number));
        }
    }

    [Fact]
    public void TryFromDate_AnyDateAndCalendar_SameAsIsStorableAndRoundTrips()
    {
        // From the year 875 on (the Islamic calendar starts in 622), so every calendar can represent each day.
        var calendars = new[] { CalendarSystem.Iso, CalendarSystem.Gregorian, CalendarSystem.Julian, CalendarSystem.IslamicBcl };
        Gen.Select(Gen.Int[-400_000, 800_000], Gen.Int[0, calendars.Length - 1]).Sample((days, calendar) =>
        {
            var date = new LocalDate(1970, 1, 1).PlusDays(days).WithCalendar(calendars[calendar]);
            Assert.Equal(DayNumber.IsStorable(date), DayNumber.TryFromDate(date, out var number));
            if (DayNumber.IsStorable(date))
            {
                Assert.Equal(date, DayNumber.ToDate(number));
                Assert.Equal(number, DayNumber.FromDate(date));
            }
        }, iter: 20_000);
    }
}
