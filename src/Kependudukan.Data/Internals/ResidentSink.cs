using Kependudukan.Aggregation;

namespace Kependudukan.Data.Internals;

/// <summary>Where accepted rows go: a fresh table builder or a fresh list of residents, never anything the caller holds.</summary>
internal abstract class ResidentSink
{
    internal abstract bool NeedsNik { get; }

    /// <summary>Adds a row; returns the validation error of the destination instead of throwing it.</summary>
    internal abstract ArgumentException? TryAdd(in ResidentRow row);

    /// <summary>Makes room for a total number of rows the load expects, when the destination can use it.</summary>
    internal virtual void Reserve(int rows)
    {
    }

    /// <summary>Appends the rows of a sink of the same kind that one part of a parallel load filled.</summary>
    internal abstract void Append(ResidentSink part);

    /// <summary>Removes rows added earlier.</summary>
    /// <param name="rows">The indices of the rows in the order they were added, ascending.</param>
    internal abstract void Remove(int[] rows);

    /// <summary>Returns, ascending, the indices of the rows whose NIK a row added before them has.</summary>
    internal abstract int[] FindRepeatedNiks(int threads, CancellationToken cancellationToken);

    /// <summary>Returns the NIK of a row added earlier.</summary>
    internal abstract Identity.Nik NikOf(int row);

    /// <summary>Returns whether <paramref name="index"/> is the next index in <paramref name="rows"/>, and advances past it.</summary>
    private protected static bool Skip(IReadOnlyList<int> rows, ref int next, int index)
    {
        if (next < rows.Count && rows[next] == index)
        {
            next++;
            return true;
        }

        return false;
    }
}

internal sealed class TableSink : ResidentSink
{
    /// <summary>The version of the core's column form this package was built against (see <c>EncodedRow.FormatVersion</c>).</summary>
    private const int ColumnFormatVersion = 2;

    private PopulationTableBuilder _builder = new();

    /// <summary>Gets whether the core assembly loaded has the column form this package writes: the package depends on exactly
    /// one core version, but an application can still load another, and then rows take the path through public types only.</summary>
    internal static bool ColumnFormMatches { get; } = ReadColumnFormMatches();

    internal override bool NeedsNik => false;

    /// <summary>Builds the table on as many threads as the load may use.</summary>
    internal PopulationTable Build(ResidentLoadOptions? options) => _builder.Build((options ?? ResidentLoadOptions.Default).MaxDegreeOfParallelism);

    internal override void Reserve(int rows) => _builder.EnsureCapacity(rows);

    internal override void Append(ResidentSink part)
    {
        var builder = ((TableSink)part)._builder;
        if (_builder.Count == 0 && _builder.Capacity <= builder.Capacity)
        {
            // The first part: take its builder (sized for the whole load) instead of copying it.
            _builder = builder;
        }
        else
        {
            _builder.AddRange(builder);
        }
    }

    internal override void Remove(int[] rows) => _builder.RemoveRows(rows);

    internal override int[] FindRepeatedNiks(int threads, CancellationToken cancellationToken) =>
        ColumnFormMatches ? FindRepeatedNiksBeforeBuild(threads, cancellationToken) : _builder.FindRepeatedNiks(threads, cancellationToken);

    internal override Identity.Nik NikOf(int row) => _builder.GetRow(row).Nik;

    private static bool ReadColumnFormMatches()
    {
        try
        {
            return CoreColumnFormatVersion() == ColumnFormatVersion;
        }
        catch (MemberAccessException)
        {
            // A core without the column form at all (MissingMemberException derives from MemberAccessException).
            return false;
        }
        catch (TypeLoadException)
        {
            return false;
        }
    }

    /// <summary>Reads the core's column-form version in a method of its own, so that a core without it fails when this method
    /// is compiled, inside the caller's <see langword="try"/>, not when the caller is.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int CoreColumnFormatVersion() => Aggregation.Internals.EncodedRow.FormatVersion;

    /// <summary>Finds repeated NIKs and leaves the search's working array to the build as the table's NIK column; in a method of
    /// its own, so that it is compiled only with a core that has it (see <see cref="ColumnFormMatches"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private int[] FindRepeatedNiksBeforeBuild(int threads, CancellationToken cancellationToken) =>
        _builder.FindRepeatedNiksBeforeBuild(threads, cancellationToken);

    /// <summary>Adds a row in column form, checked by the loader (see <see cref="PopulationTableBuilder.AddEncoded"/>).</summary>
    internal void AddEncoded(in Aggregation.Internals.EncodedRow row) => _builder.AddEncoded(in row);

    internal override ArgumentException? TryAdd(in ResidentRow row)
    {
        try
        {
            _builder.Add(in row);
            return null;
        }
        catch (ArgumentException e)
        {
            return e;
        }
    }
}

internal sealed class ResidentListSink : ResidentSink
{
    private readonly List<Resident> _residents = [];

    internal override bool NeedsNik => true;

    internal IReadOnlyList<Resident> Residents => _residents.AsReadOnly();

    internal override void Append(ResidentSink part) => _residents.AddRange(((ResidentListSink)part)._residents);

    internal override int[] FindRepeatedNiks(int threads, CancellationToken cancellationToken)
    {
        // Residents always have a NIK, so every row takes part.
        var seen = new HashSet<Identity.Nik>(_residents.Count);
        var repeats = new List<int>();
        for (var row = 0; row < _residents.Count; row++)
        {
            if (row % LoadSession.CancellationInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!seen.Add(_residents[row].Nik))
            {
                repeats.Add(row);
            }
        }

        return [.. repeats];
    }

    internal override Identity.Nik NikOf(int row) => _residents[row].Nik;

    internal override void Remove(int[] rows)
    {
        var next = 0;
        var index = 0;
        _residents.RemoveAll(_ => Skip(rows, ref next, index++));
    }

    internal override ArgumentException? TryAdd(in ResidentRow row)
    {
        try
        {
            _residents.Add(row.ToResident());
            return null;
        }
        catch (ArgumentException e)
        {
            return e;
        }
    }
}
