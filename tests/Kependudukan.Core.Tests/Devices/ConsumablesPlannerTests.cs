using CsCheck;
using Kependudukan.Devices;
using NodaTime;

namespace Kependudukan.Tests.Devices;

public class ConsumablesPlannerTests
{
    private static readonly LocalDate s_monday = new(2024, 1, 1);

    [Fact]
    public void ProjectRunOut_RibbonsLimit_HandComputed()
    {
        // 1,000 blank cards but 3 ribbons of 250 cards: 750 cards, 7 full days at 100 a day; the 8th working day
        // (1-5, 8, 9, 10 January) is short.
        var planner = new ConsumablesPlanner(cardsPerDay: 100, cardsPerRibbon: 250, WorkingDayCalendar.MondayToFriday);

        var runOut = planner.ProjectRunOut(1_000, 3, s_monday);

        Assert.Equal(750, runOut.PrintableCards);
        Assert.Equal(LimitingConsumable.Ribbons, runOut.LimitedBy);
        Assert.Equal(7, runOut.FullWorkingDays);
        Assert.Equal(new LocalDate(2024, 1, 10), runOut.RunOutDate);
    }

    [Theory]
    [InlineData(500, 3, LimitingConsumable.BlankCards)]
    [InlineData(750, 3, LimitingConsumable.Both)]
    [InlineData(0, 0, LimitingConsumable.Both)]
    public void ProjectRunOut_LimitingConsumable(long cards, long ribbons, LimitingConsumable expected) =>
        Assert.Equal(expected, new ConsumablesPlanner(100, 250).ProjectRunOut(cards, ribbons, s_monday).LimitedBy);

    [Fact]
    public void ProjectRunOut_EmptyStock_RunsOutOnFirstWorkingDay() =>
        Assert.Equal(new LocalDate(2024, 1, 8), new ConsumablesPlanner(100, 250, WorkingDayCalendar.MondayToFriday).ProjectRunOut(0, 5, new LocalDate(2024, 1, 6)).RunOutDate);

    [Fact]
    public void PlanReorder_ThroughEndOfJanuary_HandComputed()
    {
        // 23 weekdays in January 2024 at 100 cards: 2,300 cards and ⌈2,300 / 250⌉ = 10 ribbons; the stock has 1,000 and 3.
        var planner = new ConsumablesPlanner(100, 250, WorkingDayCalendar.MondayToFriday);

        var order = planner.PlanReorder(1_000, 3, s_monday, new LocalDate(2024, 1, 31));

        Assert.Equal(23, order.WorkingDays);
        Assert.Equal(2_300, order.CardsNeeded);
        Assert.Equal(10, order.RibbonsNeeded);
        Assert.Equal(1_300, order.BlankCardsToOrder);
        Assert.Equal(7, order.RibbonsToOrder);
    }

    [Fact]
    public void PlanReorder_StockSuffices_OrdersNothing()
    {
        var order = new ConsumablesPlanner(10, 100).PlanReorder(1_000, 50, s_monday, new LocalDate(2024, 1, 5));

        Assert.Equal(0, order.BlankCardsToOrder);
        Assert.Equal(0, order.RibbonsToOrder);
    }

    [Fact]
    public void PlanReorder_TargetBeforeStart_NeedsNothing() =>
        Assert.Equal(0, new ConsumablesPlanner(10, 100).PlanReorder(0, 0, s_monday, s_monday.PlusDays(-1)).CardsNeeded);

    [Fact]
    public void PlanReorder_Ordered_RunOutAfterTargetAndOneLessIsNotEnough() =>
        Gen.Select(Gen.Int[1, 500], Gen.Int[1, 400], Gen.Long[0, 20_000], Gen.Long[0, 60], Gen.Int[0, 120]).Sample(
            (perDay, perRibbon, cards, ribbons, span) =>
            {
                var planner = new ConsumablesPlanner(perDay, perRibbon, WorkingDayCalendar.MondayToFriday);
                var target = s_monday.PlusDays(span);

                var order = planner.PlanReorder(cards, ribbons, s_monday, target);

                Assert.True(planner.ProjectRunOut(cards + order.BlankCardsToOrder, ribbons + order.RibbonsToOrder, s_monday).RunOutDate > target);
                if (order.BlankCardsToOrder > 0)
                {
                    Assert.True(planner.ProjectRunOut(cards + order.BlankCardsToOrder - 1, ribbons + order.RibbonsToOrder, s_monday).RunOutDate <= target);
                }

                if (order.RibbonsToOrder > 0)
                {
                    Assert.True(planner.ProjectRunOut(cards + order.BlankCardsToOrder, ribbons + order.RibbonsToOrder - 1, s_monday).RunOutDate <= target);
                }
            },
            iter: 2_000);

    [Fact]
    public void InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("cardsPerDay", () => new ConsumablesPlanner(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>("cardsPerRibbon", () => new ConsumablesPlanner(1, 0));
        var planner = new ConsumablesPlanner(1, 1);
        Assert.Throws<ArgumentOutOfRangeException>("blankCards", () => planner.ProjectRunOut(-1, 0, s_monday));
        Assert.Throws<ArgumentOutOfRangeException>("ribbons", () => planner.ProjectRunOut(0, -1, s_monday));
        Assert.Throws<ArgumentOutOfRangeException>("blankCards", () => planner.PlanReorder(-1, 0, s_monday, s_monday));
        Assert.Throws<ArgumentOutOfRangeException>("ribbons", () => planner.PlanReorder(0, -1, s_monday, s_monday));
        Assert.Equal(WorkingDayCalendar.EveryDay, planner.Calendar);
    }
}
