using Kependudukan.Coverage;
using Kependudukan.Regions;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Aggregation.Partials;

/// <content>Merging partials and raising them to a coarser level.</content>
public sealed partial class CoveragePartial
{
    /// <summary>Merges the partials of two disjoint parts of the country into the partial of both.</summary>
    /// <param name="first">The first partial.</param>
    /// <param name="second">The second partial.</param>
    /// <returns>A partial with the union of the scopes, the rows of both (summed where both have a row for the same region, which
    /// happens only for rows coarser than the scopes) and the sources of both.</returns>
    /// <remarks><inheritdoc cref="Merge(IEnumerable{CoveragePartial})" path="/remarks"/></remarks>
    /// <exception cref="ArgumentNullException"><paramref name="first"/> or <paramref name="second"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The partials differ in as-of date, newly-wajib-KTP interval, counting policy or level,
    /// or their scopes overlap; the message names both partials by scope and source, and the conflicting setting or region.</exception>
    /// <exception cref="OverflowException">A sum of counts overflows 64 bits.</exception>
    public static CoveragePartial Merge(CoveragePartial first, CoveragePartial second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return MergeCore([first, second], i => i == 0 ? "first" : "second", nameof(second));
    }

    /// <summary>Merges the partials of disjoint parts of the country, for example every regency of a province.</summary>
    /// <param name="partials">One or more partials.</param>
    /// <returns>The merged partial; the only element when there is one.</returns>
    /// <remarks><inheritdoc cref="Merge(IEnumerable{CoveragePartial})" path="/remarks"/></remarks>
    /// <exception cref="ArgumentNullException"><paramref name="partials"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="partials"/> is empty, or two partials cannot be merged; the message
    /// names them by position, scope and source, and the conflicting setting or region.</exception>
    /// <exception cref="OverflowException">A sum of counts overflows 64 bits.</exception>
    public static CoveragePartial Merge(params CoveragePartial[] partials) => Merge((IEnumerable<CoveragePartial>)partials);

    /// <summary>Merges the partials of disjoint parts of the country, for example every regency of a province.</summary>
    /// <param name="partials">One or more partials.</param>
    /// <returns>The merged partial; the only element when there is one.</returns>
    /// <remarks>
    /// <para>Partials merge only when they share <see cref="AsOf"/>, <see cref="NewlyWajibKtpInterval"/>, <see cref="PolicyId"/>
    /// and <see cref="Level"/>, and no scope code of one equals or lies inside a scope code of another (so no resident is counted
    /// twice). Partials with rows at different levels are refused rather than silently coarsened: raise the finer one with
    /// <see cref="RollUp"/> first.</para>
    /// <para>The result is the same whatever the order and grouping of the inputs: <c>Merge(Merge(a, b), c)</c> equals
    /// <c>Merge(a, Merge(c, b))</c>, and equals a partial counted from the residents of all scopes at once.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="partials"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="partials"/> is empty, or two partials cannot be merged; the message
    /// names them by position, scope and source, and the conflicting setting or region.</exception>
    /// <exception cref="OverflowException">A sum of counts overflows 64 bits.</exception>
    public static CoveragePartial Merge(IEnumerable<CoveragePartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        var array = partials.ToArray();
        for (var i = 0; i < array.Length; i++)
        {
            if (array[i] is null)
            {
                throw new ArgumentNullException(nameof(partials), Invariant($"Partial at position {i} is null."));
            }
        }

        Utility.Preconditions.CheckArgument(array.Length > 0, nameof(partials), "At least one partial is needed to merge.");
        return MergeCore(array, i => Invariant($"partials[{i}]"), nameof(partials));
    }

    /// <summary>Raises the rows to a coarser level, summing the rows that share an ancestor there.</summary>
    /// <param name="level">The new level: <see cref="RegionLevel.Province"/> up to <see cref="Level"/>.</param>
    /// <returns>A partial with the same settings, scope and sources and rows at <paramref name="level"/>; this partial when
    /// <paramref name="level"/> is <see cref="Level"/>.</returns>
    /// <remarks>Raising commutes with merging: <c>Merge(a, b).RollUp(l)</c> equals <c>Merge(a.RollUp(l), b.RollUp(l))</c>. A row
    /// raised above the scope (a regency-scoped partial raised to Province) counts only the scope's residents in that region.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is finer than <see cref="Level"/> or not a valid level.</exception>
    public CoveragePartial RollUp(RegionLevel level)
    {
        if (level < RegionLevel.Province || level > Level)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level,
                Invariant($"Level should be in range [Province-{Level}]: rows can be raised to a coarser level, never refined."));
        }

        if (level == Level)
        {
            return this;
        }

        var regions = _rows.Regions.ToArray();
        for (var i = 0; i < regions.Length; i++)
        {
            regions[i] = regions[i].ToLevel(level);
        }

        // Raising keeps codes in ascending order, so rows with the same ancestor are already adjacent.
        return new CoveragePartial(AsOf, NewlyWajibKtpInterval, PolicyId, level, _scope, SumAdjacent(regions, _rows.Counts.ToArray()), _sources, Total);
    }

    private static CoveragePartial MergeCore(CoveragePartial[] partials, Func<int, string> label, string paramName)
    {
        var head = partials[0];
        if (partials.Length == 1)
        {
            return head;
        }

        for (var i = 1; i < partials.Length; i++)
        {
            var conflict = FindConflict(head, label(0), partials[i], label(i));
            if (conflict is not null)
            {
                throw new ArgumentException(Invariant($"Cannot merge coverage partials with {conflict}."), paramName);
            }
        }

        var scope = partials.SelectMany(p => p._scope).ToArray();
        var owners = partials.SelectMany((p, index) => Enumerable.Repeat(index, p._scope.Length)).ToArray();
        Array.Sort(scope, owners);
        for (var i = 1; i < scope.Length; i++)
        {
            if (scope[i].IsWithin(scope[i - 1]))
            {
                var (a, b) = (Math.Min(owners[i], owners[i - 1]), Math.Max(owners[i], owners[i - 1]));
                throw new ArgumentException(
                    Invariant($"Cannot merge coverage partials with overlapping scopes: {label(a)} ({partials[a].Describe()}) and {label(b)} ({partials[b].Describe()}) both claim {scope[i]}."),
                    paramName);
            }
        }

        // Partials of disjoint scopes usually hold disjoint ranges of codes: concatenated in the order of their first row they
        // are already sorted, and only rows raised above the scopes (after RollUp) need the full sort.
        var byFirstRow = partials.Where(p => p._rows.Count > 0).OrderBy(p => p._rows.Regions[0]).ToArray();
        var regions = byFirstRow.SelectMany(p => p._rows.Regions.ToArray()).ToArray();
        var counts = byFirstRow.SelectMany(p => p._rows.Counts.ToArray()).ToArray();
        if (!IsAscending(regions, strictly: false))
        {
            Array.Sort(regions, counts);
        }

        var total = default(CoverageCounts);
        foreach (var partial in partials)
        {
            total += partial.Total;
        }

        var sources = partials.SelectMany(p => p._sources).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new CoveragePartial(head.AsOf, head.NewlyWajibKtpInterval, head.PolicyId, head.Level, scope, SumAdjacent(regions, counts), sources, total);
    }

    private static string? FindConflict(CoveragePartial a, string aLabel, CoveragePartial b, string bLabel)
    {
        var first = Invariant($"{aLabel} ({a.Describe()})");
        var second = Invariant($"{bLabel} ({b.Describe()})");
        if (a.AsOf != b.AsOf)
        {
            return Invariant($"different as-of dates: {first} is as of {a.AsOf:uuuu-MM-dd}, {second} is as of {b.AsOf:uuuu-MM-dd}");
        }

        if (!Equals(a.NewlyWajibKtpInterval, b.NewlyWajibKtpInterval))
        {
            return Invariant($"different newly-wajib-KTP intervals: {first} has {FormatInterval(a.NewlyWajibKtpInterval)}, {second} has {FormatInterval(b.NewlyWajibKtpInterval)}");
        }

        if (a.PolicyId != b.PolicyId)
        {
            return Invariant($"different counting policies: {first} uses {a.PolicyId} ({a.PolicyId.Description}), {second} uses {b.PolicyId} ({b.PolicyId.Description})");
        }

        if (a.Level != b.Level)
        {
            var coarser = a.Level < b.Level ? a.Level : b.Level;
            return Invariant($"rows at different levels: {first} has {a.Level} rows, {second} has {b.Level} rows; raise the finer one with RollUp(RegionLevel.{coarser}) first");
        }

        return null;
    }

    private static string FormatInterval(DateInterval? interval) =>
        interval is null ? "none" : Invariant($"{interval.Start:uuuu-MM-dd} to {interval.End:uuuu-MM-dd}");

    /// <summary>Sums the counts of adjacent equal regions; <paramref name="regions"/> is sorted.</summary>
    private static RegionCountsView SumAdjacent(RegionCode[] regions, CoverageCounts[] counts)
    {
        var length = 0;
        for (var i = 0; i < regions.Length; i++)
        {
            if (length > 0 && regions[length - 1] == regions[i])
            {
                counts[length - 1] += counts[i];
            }
            else
            {
                regions[length] = regions[i];
                counts[length] = counts[i];
                length++;
            }
        }

        return new RegionCountsView(regions[..length], counts[..length]);
    }
}
