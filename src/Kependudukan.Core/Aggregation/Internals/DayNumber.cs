using NodaTime;

namespace Kependudukan.Aggregation.Internals;

/// <summary>Dates as signed 16-bit day numbers: the storage of every date column of a <see cref="PopulationTable"/>.</summary>
/// <remarks>
/// <para>Day number <see cref="MinValid"/> (−32,767) is 1900-01-01 and <see cref="MaxValid"/> (32,766) is 2079-06-04, so
/// a signed 16-bit compare orders dates and SIMD kernels compare eight or sixteen of them in one instruction.</para>
/// <para>The two values outside that range are sentinels: <see cref="Never"/> (32,767) sorts after every date and
/// <see cref="Always"/> (−32,768) before every date. A query date is clamped to [<see cref="Always"/>, <see cref="MaxValid"/>]
/// and a birth-date threshold to the whole 16-bit range; both clamps keep every comparison with a stored day exact.</para>
/// </remarks>
internal static class DayNumber
{
    /// <summary>The smallest stored day: 1900-01-01.</summary>
    public const short MinValid = -32767;

    /// <summary>The largest stored day: 2079-06-04.</summary>
    public const short MaxValid = 32766;

    /// <summary>A day after every date ("never happens").</summary>
    public const short Never = short.MaxValue;

    /// <summary>A day before every date ("always happened").</summary>
    public const short Always = short.MinValue;

    private static readonly int s_epochDayNumber = new DateOnly(1900, 1, 1).DayNumber;

    /// <summary>Gets the first supported date.</summary>
    public static LocalDate MinDate { get; } = new(1900, 1, 1);

    /// <summary>Gets the last supported date.</summary>
    public static LocalDate MaxDate { get; } = ToDate(MaxValid);

    /// <summary>Returns whether a date can be stored.</summary>
    public static bool IsStorable(LocalDate date) => date.Calendar == CalendarSystem.Iso && date >= MinDate && date <= MaxDate;

    /// <summary>Returns the day number of a storable date.</summary>
    public static short FromDate(LocalDate date) => (short)(date.ToDateOnly().DayNumber - s_epochDayNumber + MinValid);

    /// <summary>Returns the date of a valid day number.</summary>
    public static LocalDate ToDate(short day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(day - MinValid + s_epochDayNumber));

    /// <summary>Returns the day number of any ISO date, clamped to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static short Clamp(LocalDate date, short min, short max)
    {
        var day = (long)date.ToDateOnly().DayNumber - s_epochDayNumber + MinValid;
        return (short)Math.Clamp(day, min, max);
    }

    /// <summary>Returns the day number of a query date: exact inside the supported range, clamped outside it.</summary>
    public static short Query(LocalDate date) => Clamp(date, Always, MaxValid);

    /// <summary>Returns the day number of a birth-date threshold ("born on or before"), clamped to the whole 16-bit range.</summary>
    public static short Threshold(LocalDate date) => Clamp(date, Always, Never);

    /// <summary>Returns the recording-day column value of a row: its recording date, or <see cref="Always"/> when unknown
    /// (counted as recorded on every date).</summary>
    public static short RecordingDay(in ResidentRow row) => row.RecordingDate is { } recorded ? FromDate(recorded) : Always;

    /// <summary>Returns the leave-day column value of a row: <see cref="Never"/> for a living resident, the date of death or
    /// of moving abroad, or <see cref="Always"/> when that date is unknown (gone on every date).</summary>
    public static short LeaveDay(in ResidentRow row) =>
        row.LifeStatus == LifeStatus.Alive ? Never
        : row.LifeStatusDate is { } left ? FromDate(left)
        : Always;
}
