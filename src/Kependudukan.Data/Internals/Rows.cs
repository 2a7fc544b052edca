using Kependudukan.Aggregation;

namespace Kependudukan.Data.Internals;

/// <summary>Enumerates the rows a writer writes.</summary>
internal static class Rows
{
    internal static IEnumerable<ResidentRow> Of(PopulationTable table)
    {
        var count = table.Count;
        for (var i = 0; i < count; i++)
        {
            yield return table.GetRow(i);
        }
    }

    internal static IEnumerable<ResidentRow> Of(IEnumerable<Resident> residents)
    {
        foreach (var resident in residents)
        {
            yield return ResidentRow.FromResident(resident);
        }
    }
}
