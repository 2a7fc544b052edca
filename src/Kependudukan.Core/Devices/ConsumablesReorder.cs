namespace Kependudukan.Devices;

/// <summary>The consumables to order so that printing continues through a target date, from <see cref="ConsumablesPlanner.PlanReorder"/>.</summary>
/// <remarks>Ordering <see cref="BlankCardsToOrder"/> and <see cref="RibbonsToOrder"/> moves the run-out date past the target date; they are the least that do.</remarks>
/// <threadsafety>This type is immutable.</threadsafety>
public sealed class ConsumablesReorder
{
    internal ConsumablesReorder(long workingDays, long cardsNeeded, long ribbonsNeeded, long blankCardsToOrder, long ribbonsToOrder)
    {
        WorkingDays = workingDays;
        CardsNeeded = cardsNeeded;
        RibbonsNeeded = ribbonsNeeded;
        BlankCardsToOrder = blankCardsToOrder;
        RibbonsToOrder = ribbonsToOrder;
    }

    /// <summary>Gets the working days from the start date through the target date.</summary>
    /// <value>0 or more.</value>
    public long WorkingDays { get; }

    /// <summary>Gets the cards printed on those days, and so the blank cards needed.</summary>
    /// <value><see cref="WorkingDays"/> × cards per day.</value>
    public long CardsNeeded { get; }

    /// <summary>Gets the whole ribbons needed to print <see cref="CardsNeeded"/>.</summary>
    /// <value><see cref="CardsNeeded"/> ÷ cards per ribbon, rounded up.</value>
    public long RibbonsNeeded { get; }

    /// <summary>Gets the blank cards to order beyond the stock.</summary>
    /// <value>0 or more.</value>
    public long BlankCardsToOrder { get; }

    /// <summary>Gets the ribbons to order beyond the stock.</summary>
    /// <value>0 or more.</value>
    public long RibbonsToOrder { get; }
}
