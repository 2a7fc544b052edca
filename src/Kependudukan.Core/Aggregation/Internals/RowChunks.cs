namespace Kependudukan.Aggregation.Internals;

/// <summary>Splits the rows of a bulk pass (grouping a table by village, finding repeated NIKs) into contiguous chunks, one
/// per thread, and runs the chunks.</summary>
internal static class RowChunks
{
    /// <summary>The smallest number of rows split over several threads.</summary>
    internal const int ParallelFrom = 1 << 20;

    /// <summary>Returns the number of chunks: 1 below <paramref name="parallelFrom"/> rows, else up to
    /// <paramref name="threads"/> chunks of at least half that many rows.</summary>
    internal static int Count(int rows, int threads, int parallelFrom = ParallelFrom) =>
        rows < parallelFrom ? 1 : Math.Clamp(rows / Math.Max(1, parallelFrom / 2), 1, threads);

    /// <summary>Returns the rows [Start, End) of one chunk.</summary>
    internal static (int Start, int End) Range(int rows, int chunks, int chunk) =>
        ((int)((long)rows * chunk / chunks), (int)((long)rows * (chunk + 1) / chunks));

    /// <summary>Runs <paramref name="body"/> for 0 to <paramref name="count"/> - 1: in parallel with <paramref name="options"/>,
    /// or on this thread (exceptions unwrapped, the options' token checked before each item) when there is one item, no
    /// options or one thread.</summary>
    internal static void For(int count, ParallelOptions? options, Action<int> body)
    {
        if (count == 1 || options is null || options.MaxDegreeOfParallelism == 1)
        {
            for (var i = 0; i < count; i++)
            {
                options?.CancellationToken.ThrowIfCancellationRequested();
                body(i);
            }

            return;
        }

        Parallel.For(0, count, options, body);
    }
}
