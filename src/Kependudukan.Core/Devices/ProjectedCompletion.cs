using NodaTime;

namespace Kependudukan.Devices;

/// <summary>When a backlog is cleared: the working days it takes and the date of the last one.</summary>
/// <threadsafety>This type is immutable.</threadsafety>
public sealed class ProjectedCompletion
{
    internal ProjectedCompletion(long workingDays, LocalDate completionDate, long dailyCapacity)
    {
        WorkingDays = workingDays;
        CompletionDate = completionDate;
        DailyCapacity = dailyCapacity;
    }

    /// <summary>Gets the working days needed, the start date included when it is a working day.</summary>
    /// <value>⌈backlog / <see cref="DailyCapacity"/>⌉; 0 for no backlog.</value>
    public long WorkingDays { get; }

    /// <summary>Gets the working day on which the last item is cleared.</summary>
    /// <value>The <see cref="WorkingDays"/>-th working day counted from the start date; the start date itself when there is no backlog.</value>
    public LocalDate CompletionDate { get; }

    /// <summary>Gets what the devices clear together in one working day.</summary>
    /// <value>Devices × daily throughput per device.</value>
    public long DailyCapacity { get; }
}
