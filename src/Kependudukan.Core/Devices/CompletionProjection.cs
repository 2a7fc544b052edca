using Kependudukan.Utility;
using NodaTime;

namespace Kependudukan.Devices;

/// <summary>Projects when a region clears its backlog at its daily capacity.</summary>
/// <remarks>
/// <para>The daily capacity is devices × daily throughput per device; the backlog needs
/// <c>⌈backlog / capacity⌉</c> working days. The start date is the first day of work when it is a working day; the
/// completion date is the working day on which the last item is cleared.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class CompletionProjection
{
    /// <summary>Projects the working days and the date when a backlog is cleared.</summary>
    /// <param name="backlog">The items still to clear (residents to record, cards to print), 0 or more.</param>
    /// <param name="devices">The devices working on it, 0 or more; at least 1 when <paramref name="backlog"/> is positive.</param>
    /// <param name="dailyThroughputPerDevice">What one device clears in a working day, 1 or more.</param>
    /// <param name="start">The first day of work; it counts when it is a working day.</param>
    /// <param name="calendar">The working days; <see langword="null"/> for <see cref="WorkingDayCalendar.EveryDay"/>.</param>
    /// <returns>The working days needed and the completion date; for a backlog of 0, no days and <paramref name="start"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="backlog"/> or <paramref name="devices"/> is negative,
    /// <paramref name="dailyThroughputPerDevice"/> is less than 1, or the completion date would be later than <see cref="LocalDate.MaxIsoValue"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="backlog"/> is positive and <paramref name="devices"/> is 0: the backlog is never cleared.</exception>
    public static ProjectedCompletion Project(long backlog, int devices, int dailyThroughputPerDevice, LocalDate start, WorkingDayCalendar? calendar = null)
    {
        Preconditions.CheckArgumentRange(nameof(backlog), backlog, 0, long.MaxValue);
        Preconditions.CheckArgumentRange(nameof(devices), devices, 0, int.MaxValue);
        Preconditions.CheckArgumentRange(nameof(dailyThroughputPerDevice), dailyThroughputPerDevice, 1, int.MaxValue);
        Preconditions.CheckArgument(backlog == 0 || devices > 0, nameof(devices), "A positive backlog needs at least 1 device; with none it is never cleared.");
        calendar ??= WorkingDayCalendar.EveryDay;

        var capacity = (long)devices * dailyThroughputPerDevice;
        if (backlog == 0)
        {
            return new ProjectedCompletion(0, start, capacity);
        }

        var days = (backlog / capacity) + (backlog % capacity == 0 ? 0 : 1);
        return new ProjectedCompletion(days, calendar.NthWorkingDayFrom(start, days, nameof(backlog)), capacity);
    }
}
