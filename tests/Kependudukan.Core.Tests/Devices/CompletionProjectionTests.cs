using Kependudukan.Devices;
using NodaTime;

namespace Kependudukan.Tests.Devices;

public class CompletionProjectionTests
{
    [Fact]
    public void Project_OfficeCalendar_SkipsHolidayAndWeekend()
    {
        // 1,000 residents, 2 recording kits of 100 a day: 5 working days. Monday 1 January 2024 is a holiday, so
        // Tuesday 2 to Friday 5 and Monday 8.
        var calendar = new WorkingDayCalendar([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], [new LocalDate(2024, 1, 1)]);

        var projection = CompletionProjection.Project(1_000, 2, 100, new LocalDate(2024, 1, 1), calendar);

        Assert.Equal(5, projection.WorkingDays);
        Assert.Equal(new LocalDate(2024, 1, 8), projection.CompletionDate);
        Assert.Equal(200, projection.DailyCapacity);
    }

    [Fact]
    public void Project_StartIsWorkingDay_CountsIt()
    {
        // 1,001 at 200 a day: 6 days, 1 to 6 January.
        var projection = CompletionProjection.Project(1_001, 4, 50, new LocalDate(2024, 1, 1));

        Assert.Equal(6, projection.WorkingDays);
        Assert.Equal(new LocalDate(2024, 1, 6), projection.CompletionDate);
    }

    [Fact]
    public void Project_StartOnWeekend_FirstDayIsMonday()
    {
        var projection = CompletionProjection.Project(1, 1, 1, new LocalDate(2024, 1, 6), WorkingDayCalendar.MondayToFriday);

        Assert.Equal(1, projection.WorkingDays);
        Assert.Equal(new LocalDate(2024, 1, 8), projection.CompletionDate);
    }

    [Fact]
    public void Project_NoBacklog_DoneOnStart()
    {
        var projection = CompletionProjection.Project(0, 0, 10, new LocalDate(2024, 1, 6), WorkingDayCalendar.MondayToFriday);

        Assert.Equal(0, projection.WorkingDays);
        Assert.Equal(new LocalDate(2024, 1, 6), projection.CompletionDate);
    }

    [Fact]
    public void Project_InvalidArguments_Throw()
    {
        var start = new LocalDate(2024, 1, 1);
        Assert.Throws<ArgumentOutOfRangeException>("backlog", () => CompletionProjection.Project(-1, 1, 1, start));
        Assert.Throws<ArgumentOutOfRangeException>("devices", () => CompletionProjection.Project(1, -1, 1, start));
        Assert.Throws<ArgumentOutOfRangeException>("dailyThroughputPerDevice", () => CompletionProjection.Project(1, 1, 0, start));
        Assert.Throws<ArgumentException>("devices", () => CompletionProjection.Project(1, 0, 1, start));
        Assert.Throws<ArgumentOutOfRangeException>("backlog", () => CompletionProjection.Project(long.MaxValue, 1, 1, start));
    }
}
