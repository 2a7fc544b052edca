using System.Runtime.CompilerServices;
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short FromDate(LocalDate date) => (short)(FromIsoParts(date.Year, date.Month, date.Day) + MinValid);

    /// <summary>Returns whether a date can be stored and, if so, its day number: the check of <see cref="IsStorable"/> and the
    /// conversion of <see cref="FromDate"/> in one step, from the date's year, month and day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFromDate(LocalDate date, out short day)
    {
        // 1900-01-01 is day 0 of FromIsoParts; MaxValid - MinValid days later is the last storable date.
        var days = FromIsoParts(date.Year, date.Month, date.Day);
        day = unchecked((short)(days + MinValid));
        return unchecked((uint)days) <= MaxValid - MinValid && date.Calendar == CalendarSystem.Iso;
    }

    /// <summary>Returns the days from 1900-01-01 to an ISO date given by its parts (negative before it), with no table and no
    /// branch on the month: March-based years, so the leap day ends a year (H. Hinnant's <c>days_from_civil</c>).</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1-12.</param>
    /// <param name="day">The day of the month.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int FromIsoParts(int year, int month, int day)
    {
        // 693,901 days from 0000-03-01 to 1900-01-01; every value below stays far inside int.
        var shifted = month <= 2 ? 1 : 0;
        var y = year - shifted;
        var dayOfYear = ((153 * (month + (shifted * 12) - 3)) + 2) / 5 + day - 1;
        return (y * 365) + (y / 4) - (y / 100) + (y / 400) + dayOfYear - 693_901;
    }

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
