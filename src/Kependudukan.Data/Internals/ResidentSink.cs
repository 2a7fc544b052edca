using Kependudukan.Aggregation;

namespace Kependudukan.Data.Internals;

/// <summary>Where accepted rows go: a fresh table builder or a fresh list of residents, never anything the caller holds.</summary>
internal abstract class ResidentSink
{
    internal abstract bool NeedsNik { get; }

    /// <summary>Adds a row; returns the validation error of the destination instead of throwing it.</summary>
    internal abstract ArgumentException? TryAdd(in ResidentRow row);
}

internal sealed class TableSink : ResidentSink
{
    private readonly PopulationTableBuilder _builder = new();

    internal override bool NeedsNik => false;

    internal PopulationTable Build() => _builder.Build();

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
