using NodaTime;

namespace Kependudukan.Devices;

/// <summary>When a stock of blank cards and ribbons runs out, from <see cref="ConsumablesPlanner.ProjectRunOut"/>.</summary>
/// <threadsafety>This type is immutable.</threadsafety>
public sealed class ConsumablesRunOut
{
    internal ConsumablesRunOut(long printableCards, LimitingConsumable limitedBy, long fullWorkingDays, LocalDate runOutDate)
    {
        PrintableCards = printableCards;
        LimitedBy = limitedBy;
        FullWorkingDays = fullWorkingDays;
        RunOutDate = runOutDate;
    }

    /// <summary>Gets the cards the stock prints: the smaller of the blank cards and the ribbons' cards.</summary>
    /// <value>0 or more.</value>
    public long PrintableCards { get; }

    /// <summary>Gets the consumable that runs out first.</summary>
    /// <value><see cref="LimitingConsumable.BlankCards"/>, <see cref="LimitingConsumable.Ribbons"/> or <see cref="LimitingConsumable.Both"/>.</value>
    public LimitingConsumable LimitedBy { get; }

    /// <summary>Gets the working days on which the stock covers a full day's printing.</summary>
    /// <value><see cref="PrintableCards"/> ÷ cards per day, rounded down.</value>
    public long FullWorkingDays { get; }

    /// <summary>Gets the first working day on which the stock cannot cover a full day's printing.</summary>
    /// <value>The working day after the <see cref="FullWorkingDays"/> covered ones, counted from the start date; on it at most a part of the day's cards can be printed.</value>
    public LocalDate RunOutDate { get; }
}
