namespace Kependudukan.Eligibility;

/// <summary>When a resident born on 29 February completes a year in a non-leap year.</summary>
/// <remarks>No regulation settles this; the library makes it a policy. The value <see cref="None"/> is never valid.</remarks>
public enum LeapDayBirthdayRule
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>The birthday falls on 1 March in non-leap years: a year is complete only once 28 February has passed (the default).</summary>
    March1 = 1,

    /// <summary>The birthday falls on 28 February in non-leap years (what NodaTime's <c>PlusYears</c> gives).</summary>
    February28 = 2,
}
