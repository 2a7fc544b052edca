using Kependudukan.Utility;

namespace Kependudukan.Coverage;

/// <summary>Small-cell suppression: counts below a threshold, and the ratios built on them, are withheld from published figures.</summary>
/// <remarks>
/// <para>Publishing small counts about small areas can identify people ("the one child without a birth certificate in this
/// village"). With a threshold <c>k</c>, every count below <c>k</c> is suppressed, zero included (a zero can disclose too:
/// "none of the 3 children has a certificate"), and so is every ratio whose numerator or denominator is suppressed. Exports
/// mark suppressed cells explicitly; they are never shown as zero.</para>
/// <para>Limitation: only primary suppression is done. A suppressed cell can sometimes be derived from cells that are shown
/// (a backlog from wajib KTP minus recorded, a village from its district minus its other villages, a 100% ratio that reveals
/// every resident holds a document); complementary suppression is left to the publisher.</para>
/// <para>The default value has threshold 0 and suppresses nothing (<see cref="None"/>).</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly record struct SuppressionOptions
{
    private readonly int _threshold;

    /// <summary>Initializes options with a threshold.</summary>
    /// <param name="threshold">The smallest count that is shown, 0 or more; 0 suppresses nothing.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is negative.</exception>
    public SuppressionOptions(int threshold) => Threshold = threshold;

    /// <summary>Gets options that suppress nothing.</summary>
    /// <value>Threshold 0.</value>
    public static SuppressionOptions None => default;

    /// <summary>Gets the threshold <c>k</c>: counts below it are suppressed.</summary>
    /// <value>0 or more; the default is 0 (nothing suppressed). Common choices are 5 or 10.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value.</exception>
    public int Threshold
    {
        get => _threshold;
        init
        {
            Preconditions.CheckArgumentRange(nameof(Threshold), value, 0, int.MaxValue);
            _threshold = value;
        }
    }

    /// <summary>Returns whether a count is suppressed.</summary>
    /// <param name="count">The count.</param>
    /// <returns><see langword="true"/> when <paramref name="count"/> is below <see cref="Threshold"/>.</returns>
    public bool IsSuppressed(long count) => count < _threshold;

    /// <summary>Returns whether a ratio is suppressed: its numerator or its denominator is.</summary>
    /// <param name="ratio">The ratio.</param>
    /// <returns><see langword="true"/> when <see cref="CoverageRatio.Numerator"/> or <see cref="CoverageRatio.Denominator"/> is below <see cref="Threshold"/>.</returns>
    public bool IsSuppressed(CoverageRatio ratio) => ratio.Numerator < _threshold || ratio.Denominator < _threshold;
}
