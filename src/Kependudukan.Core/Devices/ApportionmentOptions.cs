using Kependudukan.Utility;

namespace Kependudukan.Devices;

/// <summary>Constraints and the tie policy for <see cref="Apportionment.Allocate"/>.</summary>
/// <remarks>
/// <para>Every bound applies to a region's total after the allocation, units already held included. A region's lower
/// bound is the largest of <see cref="MinimumPerRegion"/>, its entry in <see cref="Minimums"/>, its entry in
/// <see cref="Held"/> (held units are never taken away) and, for <see cref="ApportionmentMethod.Adams"/> and
/// <see cref="ApportionmentMethod.HuntingtonHill"/>, one unit when its weight is positive. Its upper bound is the
/// smallest of <see cref="MaximumPerRegion"/> and its entry in <see cref="Maximums"/>. A minimum is a floor, not a bonus:
/// a region whose proportional share already exceeds its minimum gets nothing extra for it.</para>
/// <para>Per-region lists must have one entry per weight; they are checked when the options are used.</para>
/// </remarks>
/// <threadsafety>Instances are immutable once built, provided the lists given to them are not changed afterwards.</threadsafety>
public sealed class ApportionmentOptions
{
    private readonly int _minimumPerRegion;
    private readonly int? _maximumPerRegion;
    private readonly ApportionmentTiePolicy _tiePolicy = ApportionmentTiePolicy.Report;

    /// <summary>Gets the default options: no bounds, no held units, ties reported.</summary>
    /// <value>A shared instance.</value>
    public static ApportionmentOptions Default { get; } = new();

    /// <summary>Gets the minimum total every region receives, whatever its weight.</summary>
    /// <value>The default value is 0.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MinimumPerRegion
    {
        get => _minimumPerRegion;
        init
        {
            Preconditions.CheckArgumentRange(nameof(MinimumPerRegion), value, 0, int.MaxValue);
            _minimumPerRegion = value;
        }
    }

    /// <summary>Gets the maximum total (cap) of every region.</summary>
    /// <value>The default value is <see langword="null"/>: no common cap.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaximumPerRegion
    {
        get => _maximumPerRegion;
        init
        {
            if (value is int cap)
            {
                Preconditions.CheckArgumentRange(nameof(MaximumPerRegion), cap, 0, int.MaxValue);
            }

            _maximumPerRegion = value;
        }
    }

    /// <summary>Gets the minimum total of each region, by region index.</summary>
    /// <value>The default value is <see langword="null"/>: no per-region minimums.</value>
    public IReadOnlyList<int>? Minimums { get; init; }

    /// <summary>Gets the maximum total (cap) of each region, by region index.</summary>
    /// <value>The default value is <see langword="null"/>: no per-region caps.</value>
    public IReadOnlyList<int>? Maximums { get; init; }

    /// <summary>Gets the units each region already holds, by region index; they count towards its total and are never taken away.</summary>
    /// <value>The default value is <see langword="null"/>: no region holds any unit.</value>
    public IReadOnlyList<int>? Held { get; init; }

    /// <summary>Gets what to do when the last units are contested by more regions than units remain.</summary>
    /// <value>The default value is <see cref="ApportionmentTiePolicy.Report"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined policy other than <see cref="ApportionmentTiePolicy.None"/>.</exception>
    public ApportionmentTiePolicy TiePolicy
    {
        get => _tiePolicy;
        init
        {
            Preconditions.CheckArgumentRange(nameof(TiePolicy), (int)value, (int)ApportionmentTiePolicy.Report, (int)ApportionmentTiePolicy.LargerWeightFirst);
            _tiePolicy = value;
        }
    }
}
