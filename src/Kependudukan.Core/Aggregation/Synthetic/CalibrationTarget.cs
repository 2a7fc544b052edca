using Kependudukan.Coverage;
using Kependudukan.Regions;

namespace Kependudukan.Aggregation.Synthetic;

/// <summary>Exact totals that a synthetic population must reproduce for one region on the as-of date.</summary>
/// <remarks>
/// <para>The totals mean what the same-named fields of <see cref="CoverageCounts"/> mean, as <see cref="ResidentCounter"/>
/// computes them on <see cref="SyntheticPopulationOptions.AsOf"/> with the options' policy and status mapping:
/// <see cref="Population"/> residents present, <see cref="WajibKtp"/> of them wajib KTP, <see cref="Recorded"/> of those
/// recorded, <see cref="Children"/> aged 0 to under 18, and <see cref="ChildrenWithBirthCertificate"/> of those holding a
/// birth certificate. A valid target has 0 ≤ <see cref="Recorded"/> ≤ <see cref="WajibKtp"/> ≤ <see cref="Population"/> and
/// 0 ≤ <see cref="ChildrenWithBirthCertificate"/> ≤ <see cref="Children"/> ≤ <see cref="Population"/>; every such combination
/// can be generated.</para>
/// <para>The region may be at any level; the generator spreads its residents over the villages of
/// <see cref="SyntheticPopulationOptions.Villages"/> that lie inside it. The default value is all zeros with the default
/// (invalid) region code.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly record struct CalibrationTarget
{
    /// <summary>Gets the region the totals are for.</summary>
    /// <value>A region code at any level; the targets of one options object must not overlap.</value>
    public RegionCode Region { get; init; }

    /// <summary>Gets the residents present on the as-of date.</summary>
    /// <value>A count, 0 or more.</value>
    public long Population { get; init; }

    /// <summary>Gets the wajib KTP residents.</summary>
    /// <value>A count, at most <see cref="Population"/>.</value>
    public long WajibKtp { get; init; }

    /// <summary>Gets the wajib KTP residents recorded (sudah rekam) on the as-of date.</summary>
    /// <value>A count, at most <see cref="WajibKtp"/>.</value>
    public long Recorded { get; init; }

    /// <summary>Gets the residents aged 0 to under 18.</summary>
    /// <value>A count, at most <see cref="Population"/>.</value>
    public long Children { get; init; }

    /// <summary>Gets the children aged 0 to under 18 holding a birth certificate.</summary>
    /// <value>A count, at most <see cref="Children"/>.</value>
    public long ChildrenWithBirthCertificate { get; init; }

    /// <summary>Creates a target from counts, for example counts taken from real data that a synthetic population should mirror.</summary>
    /// <param name="region">The region the counts are for.</param>
    /// <param name="counts">The counts; only the five calibrated totals are used.</param>
    /// <returns>The target.</returns>
    public static CalibrationTarget FromCounts(RegionCode region, CoverageCounts counts) => new()
    {
        Region = region,
        Population = counts.Population,
        WajibKtp = counts.WajibKtp,
        Recorded = counts.Recorded,
        Children = counts.Children,
        ChildrenWithBirthCertificate = counts.ChildrenWithBirthCertificate,
    };
}
