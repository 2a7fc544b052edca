namespace Kependudukan.Data;

/// <summary>What a completed load produced, and its summary.</summary>
/// <typeparam name="T">The loaded data: a <see cref="Aggregation.PopulationTable"/> or a list of <see cref="Resident"/>.</typeparam>
/// <remarks>A load builds its result from scratch and returns it only when complete: a load that throws (fail fast, cancellation,
/// an I/O error) leaves nothing behind and changes nothing the caller holds.</remarks>
/// <threadsafety>Instances are immutable.</threadsafety>
public sealed class LoadResult<T>
    where T : class
{
    internal LoadResult(T data, LoadSummary summary)
    {
        Data = data;
        Summary = summary;
    }

    /// <summary>Gets the accepted rows.</summary>
    /// <value>The table or list, in input order.</value>
    public T Data { get; }

    /// <summary>Gets the counts and issues of the load.</summary>
    /// <value>The summary.</value>
    public LoadSummary Summary { get; }
}
