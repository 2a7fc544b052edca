namespace Kependudukan.Aggregation;

/// <summary>An immutable population of residents stored for fast aggregation.</summary>
/// <remarks>This first version keeps rows as they are; the columnar encoding replaces it without changing this API.</remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed class PopulationTable
{
    private readonly ResidentRow[] _rows;

    internal PopulationTable(ResidentRow[] rows) => _rows = rows;

    /// <summary>Gets the number of residents.</summary>
    /// <value>The row count.</value>
    public int Count => _rows.Length;

    /// <summary>Returns one resident's column values.</summary>
    /// <param name="index">The row index, 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public ResidentRow GetRow(int index)
    {
        Utility.Preconditions.CheckArgumentRange(nameof(index), index, 0, _rows.Length - 1);
        return _rows[index];
    }
}
