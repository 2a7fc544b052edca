namespace Kependudukan.Devices;

/// <summary>Which consumable runs out first when cards are printed from a stock.</summary>
/// <remarks>The value 0 (<see cref="None"/>) is never returned.</remarks>
public enum LimitingConsumable
{
    /// <summary>No consumable; not a valid result.</summary>
    None = 0,

    /// <summary>The blank cards (blanko) run out first.</summary>
    BlankCards = 1,

    /// <summary>The ink ribbons run out first.</summary>
    Ribbons = 2,

    /// <summary>Blank cards and ribbons run out together.</summary>
    Both = 3,
}
