using Kependudukan.Coverage;
using Kependudukan.Regions;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Aggregation.Partials;

/// <summary>The part of a partial a validation error is about.</summary>
internal enum PartialPart
{
    None = 0,
    AsOf,
    Interval,
    PolicyId,
    Level,
    Scope,
    Rows,
    Sources,
}

/// <summary>A broken rule: the part, the position of the offending element in its input (−1 for the part as a whole), and the rule.</summary>
internal readonly record struct PartialError(PartialPart Part, int Index, string Message)
{
    /// <summary>Prefixes the message with the location of the offending element (or part), named the way the caller's input names it.</summary>
    /// <param name="locate">Returns the location of an element (index 0 or more) or of a whole part (index −1), or <see langword="null"/> to name none.</param>
    internal string Format(Func<PartialPart, int, string?> locate) =>
        locate(Part, Index) is { } location ? Invariant($"{location}: {Message}") : Message;
}

/// <content>Validation shared by <see cref="Create"/> and the readers.</content>
public sealed partial class CoveragePartial
{
    private static string? CreateLocation(PartialPart part, int index) => index < 0 ? null : Invariant($"{CreateParameter(part)}[{index}]");

    private static string CreateParameter(PartialPart part) => part switch
    {
        PartialPart.AsOf => "asOf",
        PartialPart.Interval => "newlyWajibKtpInterval",
        PartialPart.PolicyId => "policyId",
        PartialPart.Level => "level",
        PartialPart.Scope => "scope",
        PartialPart.Sources => "sources",
        _ => "counts",
    };

    /// <summary>Validates and normalises the content of a partial; the arrays are owned by the callee and reordered.</summary>
    /// <returns>The partial, or <see langword="null"/> with the first broken rule in <paramref name="error"/>.</returns>
    internal static CoveragePartial? TryBuild(
        LocalDate asOf,
        DateInterval? interval,
        CountingPolicyId policyId,
        RegionLevel level,
        RegionCode[] scope,
        RegionCode[] regions,
        CoverageCounts[] counts,
        string[] sources,
        out PartialError error)
    {
        error = CheckSettings(asOf, interval, policyId, level) ?? CheckSources(sources) ?? SortScope(scope) ?? CheckRows(level, scope, regions, counts, interval is not null) ?? default;
        if (error.Part != PartialPart.None)
        {
            return null;
        }

        var sortedSources = sources.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var total = default(CoverageCounts);
        try
        {
            foreach (var row in counts)
            {
                total += row;
            }
        }
        catch (OverflowException)
        {
            error = new PartialError(PartialPart.Rows, -1, "The counts of all rows sum beyond the 64-bit range.");
            return null;
        }

        return new CoveragePartial(asOf, interval, policyId, level, scope, new RegionCountsView(regions, counts), sortedSources, total);
    }

    /// <summary>Sorts scope codes in place and checks that there is at least one and none overlaps another.</summary>
    private static PartialError? SortScope(RegionCode[] scope)
    {
        if (scope.Length == 0)
        {
            return new PartialError(PartialPart.Scope, -1, "A partial needs a scope: at least one region code it covers.");
        }

        for (var i = 0; i < scope.Length; i++)
        {
            if (scope[i].Level == RegionLevel.None)
            {
                return new PartialError(PartialPart.Scope, i, "The default RegionCode is not a region code.");
            }
        }

        var order = SortWithPositions(scope);
        for (var i = 1; i < scope.Length; i++)
        {
            if (scope[i].IsWithin(scope[i - 1]))
            {
                return new PartialError(PartialPart.Scope, Math.Max(order[i], order[i - 1]), scope[i] == scope[i - 1]
                    ? Invariant($"Scope code {scope[i]} appears twice (also at position {Math.Min(order[i], order[i - 1])}).")
                    : Invariant($"Scope codes {scope[i - 1]} and {scope[i]} overlap: a scope lists each region once, none inside another."));
            }
        }

        return null;
    }

    /// <summary>Returns whether a region lies inside a scope code or contains one; <paramref name="scope"/> is sorted and non-overlapping.</summary>
    private static bool Overlaps(RegionCode[] scope, RegionCode region)
    {
        var index = Array.BinarySearch(scope, region);
        if (index >= 0)
        {
            return true;
        }

        // Descendants follow their ancestor in code order, so only the neighbours can be related to the region.
        index = ~index;
        return (index < scope.Length && scope[index].IsWithin(region)) || (index > 0 && region.IsWithin(scope[index - 1]));
    }

    private static bool IsAscending(ReadOnlySpan<RegionCode> codes, bool strictly)
    {
        for (var i = 1; i < codes.Length; i++)
        {
            if (codes[i] < codes[i - 1] || (strictly && codes[i] == codes[i - 1]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sorts <paramref name="keys"/> in place; returns each sorted element's original position.</summary>
    private static int[] SortWithPositions(RegionCode[] keys)
    {
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        return order;
    }

    private static PartialError? CheckSettings(LocalDate asOf, DateInterval? interval, CountingPolicyId policyId, RegionLevel level)
    {
        if (CheckDate(asOf, "as-of date") is { } asOfError)
        {
            return new PartialError(PartialPart.AsOf, -1, asOfError);
        }

        if (interval is not null && (CheckDate(interval.Start, "start of the newly-wajib-KTP interval") ?? CheckDate(interval.End, "end of the newly-wajib-KTP interval")) is { } intervalError)
        {
            return new PartialError(PartialPart.Interval, -1, intervalError);
        }

        if (policyId == default)
        {
            return new PartialError(PartialPart.PolicyId, -1, "The counting policy id is the default value; use CountingPolicyId.From(...) with the settings the counts were computed with.");
        }

        return level is < RegionLevel.Province or > RegionLevel.Village
            ? new PartialError(PartialPart.Level, -1, Invariant($"Level should be Province, Regency, District or Village; got {level}."))
            : null;
    }

    private static string? CheckDate(LocalDate date, string what) =>
        date.Calendar != CalendarSystem.Iso ? Invariant($"The {what} should be in the ISO calendar; got {date.Calendar.Id}.")
        : date.Year is < 1 or > 9999 ? Invariant($"The {what} should be in years 1-9999; got {date.Year}.")
        : null;

    private static PartialError? CheckSources(string[] sources)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            var source = sources[i];
            var message = string.IsNullOrWhiteSpace(source) ? "A source name must not be empty or white space."
                : source.Length > MaxSourceLength ? Invariant($"A source name has at most {MaxSourceLength} characters; got {source.Length}.")
                : source.Any(char.IsControl) ? "A source name must not contain control characters (line breaks, tabs)."
                : char.IsWhiteSpace(source[0]) || char.IsWhiteSpace(source[^1]) ? "A source name must not start or end with white space."
                : null;
            if (message is not null)
            {
                return new PartialError(PartialPart.Sources, i, message);
            }
        }

        return null;
    }

    /// <summary>Checks each row, then sorts rows by region in place and rejects a region given twice.</summary>
    private static PartialError? CheckRows(RegionLevel level, RegionCode[] scope, RegionCode[] regions, CoverageCounts[] counts, bool hasInterval)
    {
        for (var i = 0; i < regions.Length; i++)
        {
            var region = regions[i];
            var message = region.Level == RegionLevel.None ? "The default RegionCode is not a region code."
                : region.Level != level ? Invariant($"Region {region} is at {region.Level} level; every row of this partial is at {level} level.")
                : !Overlaps(scope, region) ? Invariant($"Region {region} lies outside the scope ({FormatScope(scope)}).")
                : CountFields.Check(counts[i], hasInterval) is { } rule ? Invariant($"Counts of {region} break a rule: {rule}")
                : null;
            if (message is not null)
            {
                return new PartialError(PartialPart.Rows, i, message);
            }
        }

        if (IsAscending(regions, strictly: true))
        {
            // Already in order, as the readers and ResidentCounter-based callers of a sorted source give them.
            return null;
        }

        var order = SortWithPositions(regions);
        var original = (CoverageCounts[])counts.Clone();
        for (var i = 0; i < regions.Length; i++)
        {
            counts[i] = original[order[i]];
            if (i > 0 && regions[i] == regions[i - 1])
            {
                return new PartialError(PartialPart.Rows, Math.Max(order[i], order[i - 1]),
                    Invariant($"Region {regions[i]} appears twice (also at position {Math.Min(order[i], order[i - 1])})."));
            }
        }

        return null;
    }
}
