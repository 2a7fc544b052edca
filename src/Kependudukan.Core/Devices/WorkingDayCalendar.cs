using System.Diagnostics.CodeAnalysis;
using Kependudukan.Utility;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Devices;

/// <summary>Which days an office works: every day except its weekend days and its holidays.</summary>
/// <remarks>
/// <para>Weekend days repeat every week; holidays are single dates (national holidays, cuti bersama). Dates are read in
/// the ISO calendar; a date in another calendar is converted, and dates returned are in the calendar of the date given.
/// Whole weeks are skipped arithmetically and holidays are found by binary search, so adding years of working days is cheap.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WorkingDayCalendar
{
    private static readonly LocalDate s_epoch = new(1970, 1, 1); // a Thursday
    private static readonly int s_maxDay = DayNumber(LocalDate.MaxIsoValue);

    private readonly bool[] _isWeekend = new bool[8];
    private readonly int[] _holidays; // day numbers of holidays on working weekdays, ascending
    private readonly int _workingDaysPerWeek;

    /// <summary>Initializes a new instance of the <see cref="WorkingDayCalendar"/> class.</summary>
    /// <param name="weekendDays">The days of the week the office never works; may be empty, must leave at least one working day.</param>
    /// <param name="holidays">The dates the office does not work; <see langword="null"/> for none. Order and duplicates do not matter.</param>
    /// <exception cref="ArgumentNullException"><paramref name="weekendDays"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weekend day is not a defined day of the week (<see cref="IsoDayOfWeek.None"/> included).</exception>
    /// <exception cref="ArgumentException">The weekend covers all seven days.</exception>
    public WorkingDayCalendar(IEnumerable<IsoDayOfWeek> weekendDays, IEnumerable<LocalDate>? holidays = null)
    {
        Preconditions.CheckNotNull(weekendDays);
        foreach (var day in weekendDays)
        {
            Preconditions.CheckArgumentRange(nameof(weekendDays), (int)day, (int)IsoDayOfWeek.Monday, (int)IsoDayOfWeek.Sunday);
            _isWeekend[(int)day] = true;
        }

        var weekend = new List<IsoDayOfWeek>();
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            if (_isWeekend[(int)day])
            {
                weekend.Add(day);
            }
        }

        _workingDaysPerWeek = 7 - weekend.Count;
        Preconditions.CheckArgument(_workingDaysPerWeek > 0, nameof(weekendDays), "The weekend covers all seven days; a calendar needs at least one working day a week.");
        WeekendDays = weekend.AsReadOnly();

        var dates = new SortedSet<LocalDate>();
        foreach (var date in holidays ?? [])
        {
            dates.Add(date.Calendar == CalendarSystem.Iso ? date : date.WithCalendar(CalendarSystem.Iso));
        }

        Holidays = [.. dates];
        _holidays = [.. dates.Select(DayNumber).Where(day => !_isWeekend[(int)DayOfWeek(day)])];
    }

    /// <summary>Gets a calendar in which every day is a working day (calendar days).</summary>
    /// <value>A shared instance with no weekend and no holidays.</value>
    public static WorkingDayCalendar EveryDay { get; } = new([]);

    /// <summary>Gets a calendar that works Monday to Friday, without holidays.</summary>
    /// <value>A shared instance with Saturday and Sunday as the weekend.</value>
    public static WorkingDayCalendar MondayToFriday { get; } = new([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday]);

    /// <summary>Gets the days of the week that are never working days.</summary>
    /// <value>Distinct days, Monday first.</value>
    public IReadOnlyList<IsoDayOfWeek> WeekendDays { get; }

    /// <summary>Gets the holidays.</summary>
    /// <value>Distinct ISO dates in ascending order.</value>
    public IReadOnlyList<LocalDate> Holidays { get; }

    /// <summary>Returns whether a date is a working day.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> unless the date falls on a weekend day or a holiday.</returns>
    public bool IsWorkingDay(LocalDate date) => IsWorkingDay(DayNumber(date));

    /// <summary>Returns the date that is a number of working days after a date.</summary>
    /// <param name="date">The date to count from; it is not counted itself.</param>
    /// <param name="days">The working days to add, 0 or more.</param>
    /// <returns>The <paramref name="days"/>-th working day after <paramref name="date"/>, or <paramref name="date"/> itself when <paramref name="days"/> is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative, or the result would be later than <see cref="LocalDate.MaxIsoValue"/>.</exception>
    public LocalDate AddWorkingDays(LocalDate date, long days)
    {
        Preconditions.CheckArgumentRange(nameof(days), days, 0, long.MaxValue);
        return days == 0 ? date : FromDayNumber(NthWorkingDayAfter(DayNumber(date), days, nameof(days)), date.Calendar);
    }

    /// <summary>Counts the working days between two dates, both included.</summary>
    /// <param name="start">The first date.</param>
    /// <param name="end">The last date.</param>
    /// <returns>The working days from <paramref name="start"/> to <paramref name="end"/> inclusive; 0 when <paramref name="end"/> is before <paramref name="start"/>.</returns>
    public long CountWorkingDays(LocalDate start, LocalDate end)
    {
        int first = DayNumber(start), last = DayNumber(end);
        return last < first ? 0 : WeekdaysBetween(first - 1, last) - HolidaysBetween(first - 1, last);
    }

    /// <summary>Returns the <paramref name="n"/>-th working day on or after <paramref name="start"/> (1 is the first working day from <paramref name="start"/>, which counts if it is one).</summary>
    internal LocalDate NthWorkingDayFrom(LocalDate start, long n, string paramName) =>
        FromDayNumber(NthWorkingDayAfter(DayNumber(start) - 1, n, paramName), start.Calendar);

    private static int DayNumber(LocalDate date) =>
        Period.DaysBetween(s_epoch, date.Calendar == CalendarSystem.Iso ? date : date.WithCalendar(CalendarSystem.Iso));

    private static LocalDate FromDayNumber(long day, CalendarSystem calendar)
    {
        var date = s_epoch.PlusDays((int)day);
        return calendar == CalendarSystem.Iso ? date : date.WithCalendar(calendar);
    }

    private static IsoDayOfWeek DayOfWeek(long day) => (IsoDayOfWeek)((((day % 7) + 10) % 7) + 1);

    private bool IsWorkingDay(long day) => !_isWeekend[(int)DayOfWeek(day)] && Array.BinarySearch(_holidays, (int)day) < 0;

    private long NthWorkingDayAfter(long day, long n, string paramName)
    {
        // Skip n working weekdays; any holiday skipped on the way pushes the end on by one more working day.
        while (true)
        {
            var fullWeeks = (n - 1) / _workingDaysPerWeek;
            if (fullWeeks > (s_maxDay - day) / 7)
            {
                ThrowPastMaximum(paramName);
            }

            var end = day + (7 * fullWeeks);
            for (var left = n - (fullWeeks * _workingDaysPerWeek); left > 0;)
            {
                if (++end > s_maxDay)
                {
                    ThrowPastMaximum(paramName);
                }

                if (!_isWeekend[(int)DayOfWeek(end)])
                {
                    left--;
                }
            }

            var skipped = HolidaysBetween(day, end);
            if (skipped == 0)
            {
                return end;
            }

            (day, n) = (end, skipped);
        }
    }

    /// <summary>Counts the days in (after, last] that fall on working weekdays, holidays included.</summary>
    private long WeekdaysBetween(long after, long last)
    {
        var span = last - after;
        var count = span / 7 * _workingDaysPerWeek;
        for (var day = after + (span / 7 * 7) + 1; day <= last; day++)
        {
            if (!_isWeekend[(int)DayOfWeek(day)])
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Counts the holidays on working weekdays in (after, last].</summary>
    private int HolidaysBetween(long after, long last) => UpperBound(last) - UpperBound(after);

    private int UpperBound(long day)
    {
        int low = 0, high = _holidays.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_holidays[middle] <= day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    [DoesNotReturn]
    private static void ThrowPastMaximum(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, Invariant($"The result would be later than {LocalDate.MaxIsoValue:uuuu-MM-dd}, the last date supported."));
}
