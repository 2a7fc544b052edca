namespace Kependudukan.Coverage;

/// <summary>Whether a coverage indicator is a count of residents or a ratio of two counts.</summary>
/// <remarks>The value <see cref="None"/> is the default and is never valid as an argument.</remarks>
public enum CoverageIndicatorKind
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>A count of residents (<see cref="CoverageIndicator.GetCount"/>).</summary>
    Count = 1,

    /// <summary>A ratio of two counts (<see cref="CoverageIndicator.GetRatio"/>).</summary>
    Ratio = 2,
}
