namespace Kependudukan.Aggregation;

/// <summary>Builds a <see cref="PopulationTable"/> by appending residents one row at a time.</summary>
/// <remarks>This first version keeps rows as they are; the columnar encoding replaces it without changing this API.</remarks>
/// <threadsafety>Not thread-safe: use one builder per thread.</threadsafety>
public sealed class PopulationTableBuilder
{
    private readonly List<ResidentRow> _rows = [];

    /// <summary>Gets the number of rows appended so far.</summary>
    /// <value>The row count.</value>
    public int Count => _rows.Count;

    /// <summary>Appends one resident's column values.</summary>
    /// <param name="row">The values.</param>
    /// <exception cref="ArgumentException">A value is invalid; the message names the field and the row number.</exception>
    public void Add(in ResidentRow row) => _rows.Add(row);

    /// <summary>Appends a resident.</summary>
    /// <param name="resident">The resident.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resident"/> is <see langword="null"/>.</exception>
    public void Add(Resident resident) => _rows.Add(ResidentRow.FromResident(resident));

    /// <summary>Builds the table from the rows appended so far; the builder can keep appending afterwards.</summary>
    /// <returns>The table.</returns>
    public PopulationTable Build() => new([.. _rows]);
}
