using Kependudukan.Utility;
using NodaTime;

namespace Kependudukan.Devices;

/// <summary>Plans the card-printing consumables of an office: blank cards (blanko) and ink ribbons.</summary>
/// <remarks>
/// <para>Every printed card uses one blank card and a share of a ribbon: a ribbon prints <see cref="CardsPerRibbon"/> cards.
/// The office prints <see cref="CardsPerDay"/> cards on every working day of <see cref="Calendar"/>, starting on the start
/// date when it is a working day. Ribbons are counted whole: leave a partly used ribbon out for a cautious plan.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ConsumablesPlanner
{
    /// <summary>Initializes a new instance of the <see cref="ConsumablesPlanner"/> class.</summary>
    /// <param name="cardsPerDay">The cards printed on a working day, 1 or more.</param>
    /// <param name="cardsPerRibbon">The cards one ink ribbon prints, 1 or more.</param>
    /// <param name="calendar">The working days; <see langword="null"/> for <see cref="WorkingDayCalendar.EveryDay"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cardsPerDay"/> or <paramref name="cardsPerRibbon"/> is less than 1.</exception>
    public ConsumablesPlanner(int cardsPerDay, int cardsPerRibbon, WorkingDayCalendar? calendar = null)
    {
        Preconditions.CheckArgumentRange(nameof(cardsPerDay), cardsPerDay, 1, int.MaxValue);
        Preconditions.CheckArgumentRange(nameof(cardsPerRibbon), cardsPerRibbon, 1, int.MaxValue);
        CardsPerDay = cardsPerDay;
        CardsPerRibbon = cardsPerRibbon;
        Calendar = calendar ?? WorkingDayCalendar.EveryDay;
    }

    /// <summary>Gets the cards printed on a working day.</summary>
    /// <value>1 or more.</value>
    public int CardsPerDay { get; }

    /// <summary>Gets the cards one ink ribbon prints.</summary>
    /// <value>1 or more.</value>
    public int CardsPerRibbon { get; }

    /// <summary>Gets the working days on which cards are printed.</summary>
    /// <value>The calendar given, or <see cref="WorkingDayCalendar.EveryDay"/>.</value>
    public WorkingDayCalendar Calendar { get; }

    /// <summary>Projects when a stock of blank cards and ribbons runs out.</summary>
    /// <param name="blankCards">The blank cards in stock, 0 or more.</param>
    /// <param name="ribbons">The whole ink ribbons in stock, 0 or more.</param>
    /// <param name="start">The first day of printing; it counts when it is a working day.</param>
    /// <returns>The cards the stock prints, which consumable limits it, and the first working day it cannot cover.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blankCards"/> or <paramref name="ribbons"/> is negative, or the run-out date would be later than <see cref="LocalDate.MaxIsoValue"/>.</exception>
    public ConsumablesRunOut ProjectRunOut(long blankCards, long ribbons, LocalDate start)
    {
        Preconditions.CheckArgumentRange(nameof(blankCards), blankCards, 0, long.MaxValue);
        Preconditions.CheckArgumentRange(nameof(ribbons), ribbons, 0, long.MaxValue);
        var ribbonCards = (Int128)ribbons * CardsPerRibbon;
        var printable = (long)Int128.Min(blankCards, ribbonCards);
        var limitedBy = blankCards < ribbonCards ? LimitingConsumable.BlankCards
            : blankCards > ribbonCards ? LimitingConsumable.Ribbons
            : LimitingConsumable.Both;
        var fullDays = printable / CardsPerDay;
        return new ConsumablesRunOut(printable, limitedBy, fullDays, Calendar.NthWorkingDayFrom(start, fullDays + 1, nameof(blankCards)));
    }

    /// <summary>Computes the blank cards and ribbons to order so that printing continues through a target date.</summary>
    /// <param name="blankCards">The blank cards in stock, 0 or more.</param>
    /// <param name="ribbons">The whole ink ribbons in stock, 0 or more.</param>
    /// <param name="start">The first day of printing; it counts when it is a working day.</param>
    /// <param name="targetDate">The last day the stock must cover, included; on or after <paramref name="start"/> for a non-empty plan.</param>
    /// <returns>The working days to cover, the consumables they need and the quantities to order (0 when the stock suffices).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blankCards"/> or <paramref name="ribbons"/> is negative.</exception>
    public ConsumablesReorder PlanReorder(long blankCards, long ribbons, LocalDate start, LocalDate targetDate)
    {
        Preconditions.CheckArgumentRange(nameof(blankCards), blankCards, 0, long.MaxValue);
        Preconditions.CheckArgumentRange(nameof(ribbons), ribbons, 0, long.MaxValue);
        var days = Calendar.CountWorkingDays(start, targetDate);
        var cardsNeeded = days * CardsPerDay;
        var ribbonsNeeded = (cardsNeeded / CardsPerRibbon) + (cardsNeeded % CardsPerRibbon == 0 ? 0 : 1);
        return new ConsumablesReorder(days, cardsNeeded, ribbonsNeeded, Math.Max(0, cardsNeeded - blankCards), Math.Max(0, ribbonsNeeded - ribbons));
    }
}
