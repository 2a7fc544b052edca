namespace Kependudukan.Devices;

/// <summary>The outcome of <see cref="FastestFinish"/>: devices and working days per region, and the largest number of days.</summary>
/// <remarks>
/// <para>Days are whole working days, <c>⌈backlog / (devices · daily throughput)⌉</c>; a region with no backlog needs 0.
/// A region with a backlog and no device never finishes: its days are <see langword="null"/>, and so is
/// <see cref="MaxDays"/>.</para>
/// </remarks>
/// <threadsafety>This type is immutable.</threadsafety>
public sealed class FastestFinishResult
{
    internal FastestFinishResult(int[] units, long?[] days, int spareDevices)
    {
        Units = Array.AsReadOnly(units);
        DaysPerRegion = Array.AsReadOnly(days);
        SpareDevices = spareDevices;
        long max = 0;
        foreach (var value in days)
        {
            if (value is not long finite)
            {
                return;
            }

            max = Math.Max(max, finite);
        }

        MaxDays = max;
    }

    /// <summary>Gets the devices allocated to each region.</summary>
    /// <value>One entry per backlog, in the order of the backlogs.</value>
    public IReadOnlyList<int> Units { get; }

    /// <summary>Gets the working days each region needs to clear its backlog with its devices.</summary>
    /// <value>One entry per backlog; 0 for no backlog; <see langword="null"/> for a backlog without a device (never cleared).</value>
    public IReadOnlyList<long?> DaysPerRegion { get; }

    /// <summary>Gets the largest number of working days any region needs: the smallest possible with the devices given.</summary>
    /// <value>0 when no region has a backlog; <see langword="null"/> when some region with a backlog got no device.</value>
    public long? MaxDays { get; }

    /// <summary>Gets a value indicating whether every backlog is cleared in a finite number of days.</summary>
    /// <value><see langword="true"/> when <see cref="MaxDays"/> has a value.</value>
    public bool CanFinish => MaxDays.HasValue;

    /// <summary>Gets the devices left over because every region already finishes in one day (or has no backlog).</summary>
    /// <value>0 or more.</value>
    public int SpareDevices { get; }
}
