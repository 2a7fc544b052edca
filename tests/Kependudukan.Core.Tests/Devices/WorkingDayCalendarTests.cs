using CsCheck;
using Kependudukan.Devices;
using NodaTime;

namespace Kependudukan.Tests.Devices;

public class WorkingDayCalendarTests
{
    // 2024-01-01 is a Monday.
    private static readonly WorkingDayCalendar s_officeJanuary2024 = new(
        [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday],
        [new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 8), new LocalDate(2024, 1, 13), new LocalDate(2024, 1, 1)]);

    [Theory]
    [InlineData(2024, 1, 1, false)] // holiday
    [InlineData(2024, 1, 2, true)]
    [InlineData(2024, 1, 6, false)] // Saturday
    [InlineData(2024, 1, 7, false)] // Sunday
    [InlineData(2024, 1, 8, false)] // holiday
    [InlineData(2024, 1, 9, true)]
    public void IsWorkingDay_WeekendAndHolidays(int year, int month, int day, bool expected) =>
        Assert.Equal(expected, s_officeJanuary2024.IsWorkingDay(new LocalDate(year, month, day)));

    [Theory]
    [InlineData(5, 0, 5)] // no days: the date itself
    [InlineData(5, 1, 9)] // Friday + 1: Monday 8 is a holiday, so Tuesday 9
    [InlineData(5, 4, 12)]
    [InlineData(5, 5, 15)] // Saturday 13 (also a holiday) and Sunday 14 skipped
    [InlineData(1, 1, 2)]
    [InlineData(6, 1, 9)] // from a Saturday
    public void AddWorkingDays_HandComputed(int fromDay, long days, int expectedDay) =>
        Assert.Equal(new LocalDate(2024, 1, expectedDay), s_officeJanuary2024.AddWorkingDays(new LocalDate(2024, 1, fromDay), days));

    [Fact]
    public void CountWorkingDays_January2024() =>
        // 23 weekdays in January 2024, minus the holidays on Monday 1 and Monday 8 (13 is a Saturday anyway).
        Assert.Equal(21, s_officeJanuary2024.CountWorkingDays(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 31)));

    [Fact]
    public void CountWorkingDays_EndBeforeStart_IsZero() =>
        Assert.Equal(0, s_officeJanuary2024.CountWorkingDays(new LocalDate(2024, 1, 9), new LocalDate(2024, 1, 2)));

    [Fact]
    public void Properties_AreNormalised()
    {
        var calendar = new WorkingDayCalendar([IsoDayOfWeek.Sunday, IsoDayOfWeek.Friday, IsoDayOfWeek.Sunday]);

        Assert.Equal([IsoDayOfWeek.Friday, IsoDayOfWeek.Sunday], calendar.WeekendDays);
        Assert.Empty(calendar.Holidays);
        Assert.Equal([new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 8), new LocalDate(2024, 1, 13)], s_officeJanuary2024.Holidays);
        Assert.Empty(WorkingDayCalendar.EveryDay.WeekendDays);
        Assert.Equal([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], WorkingDayCalendar.MondayToFriday.WeekendDays);
    }

    [Fact]
    public void AddWorkingDays_OtherCalendar_ReturnsSameCalendar()
    {
        var julian = new LocalDate(2024, 1, 1).WithCalendar(CalendarSystem.Julian);

        var result = WorkingDayCalendar.MondayToFriday.AddWorkingDays(julian, 5);

        Assert.Equal(CalendarSystem.Julian, result.Calendar);
        Assert.Equal(new LocalDate(2024, 1, 8), result.WithCalendar(CalendarSystem.Iso));
    }

    [Fact]
    public void AddWorkingDays_LongSpans_MatchDayByDayCount() =>
        Gen.Select(Gen.Int[0, 126], Gen.Int[0, 1_000].Array[0, 40], Gen.Int[0, 1_000], Gen.Int[0, 600]).Sample(
            (weekendMask, holidayOffsets, startOffset, days) =>
            {
                var origin = new LocalDate(2023, 1, 1);
                var weekend = Enumerable.Range(1, 7).Where(d => (weekendMask & (1 << (d - 1))) != 0).Select(d => (IsoDayOfWeek)d).ToHashSet();
                var holidays = holidayOffsets.Select(o => origin.PlusDays(o)).ToHashSet();
                var calendar = new WorkingDayCalendar(weekend, holidays);
                bool IsWorking(LocalDate d) => !weekend.Contains(d.DayOfWeek) && !holidays.Contains(d);
                var start = origin.PlusDays(startOffset);

                var expected = start;
                for (var left = days; left > 0;)
                {
                    expected = expected.PlusDays(1);
                    if (IsWorking(expected))
                    {
                        left--;
                    }
                }

                Assert.Equal(expected, calendar.AddWorkingDays(start, days));
                Assert.Equal(IsWorking(start), calendar.IsWorkingDay(start));
                var end = start.PlusDays(days);
                var count = Enumerable.Range(0, days + 1).Count(i => IsWorking(start.PlusDays(i)));
                Assert.Equal(count, calendar.CountWorkingDays(start, end));
            },
            iter: 300);

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("weekendDays", () => new WorkingDayCalendar(null!));
        Assert.Throws<ArgumentOutOfRangeException>("weekendDays", () => new WorkingDayCalendar([IsoDayOfWeek.None]));
        Assert.Throws<ArgumentException>("weekendDays", () => new WorkingDayCalendar(Enum.GetValues<IsoDayOfWeek>().Skip(1)));
    }

    [Fact]
    public void AddWorkingDays_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("days", () => WorkingDayCalendar.EveryDay.AddWorkingDays(new LocalDate(2024, 1, 1), -1));
        Assert.Throws<ArgumentOutOfRangeException>("days", () => WorkingDayCalendar.MondayToFriday.AddWorkingDays(new LocalDate(2024, 1, 1), long.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>("days", () => WorkingDayCalendar.EveryDay.AddWorkingDays(LocalDate.MaxIsoValue.PlusDays(-2), 3));
        Assert.Equal(LocalDate.MaxIsoValue, WorkingDayCalendar.EveryDay.AddWorkingDays(LocalDate.MaxIsoValue.PlusDays(-2), 2));
    }
}
