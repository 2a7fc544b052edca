using System.Collections.Concurrent;
using static System.FormattableString;

namespace Kependudukan.Aggregation.Synthetic;

/// <summary>Generates realistic synthetic populations, deterministically from a seed, for tests, benchmarks and samples.</summary>
/// <remarks>
/// <para>Every resident has a valid NIK (<see cref="Identity.Nik.Create"/> from the domicile's district, the birth date, the
/// sex and a serial unique among residents whose NIKs share district, birth digits and sex, while the 9,999 serials allow), a village domicile, and
/// attributes drawn from <see cref="SyntheticPopulationOptions"/>. With <see cref="SyntheticPopulationOptions.Calibration"/> the
/// totals of each target region, as <see cref="Coverage.ResidentCounter"/> counts them on the as-of date, are exact.</para>
/// <para>The same options give the same rows in the same order from every method here, whatever the number of threads: rows
/// are generated in fixed chunks of 32,768, each from its own xoshiro256** stream seeded from the seed and the chunk index.</para>
/// </remarks>
/// <threadsafety>All members are safe to call from several threads at once (on different builders).</threadsafety>
public static class SyntheticPopulation
{
    /// <summary>Generates the population into a table builder, using several threads.</summary>
    /// <param name="options">The population to generate.</param>
    /// <param name="builder">The builder to append the rows to, in order; it is only called from the calling thread.</param>
    /// <param name="progress">Receives the number of rows appended so far after each chunk, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops generation between chunks; rows appended before then stay in the builder.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid (the message lists every problem), or the
    /// population does not fit a table: its dates fall outside [<see cref="PopulationTable.MinSupportedDate"/>,
    /// <see cref="PopulationTable.MaxSupportedDate"/>] (an as-of date before 2001) or it has more rows than an array holds.
    /// Nothing is added then.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static void Generate(SyntheticPopulationOptions options, PopulationTableBuilder builder, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(builder);
        var plan = Plan(options, nameof(options));
        var threads = options.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : options.MaxDegreeOfParallelism;
        threads = Math.Min(threads, plan.Layout.ChunkCount);
        var total = plan.Layout.TotalRows;
        if (builder.Count + total > Array.MaxLength)
        {
            throw new ArgumentException(
                Invariant($"The options make {total} residents and the builder holds {builder.Count}; a population table holds at most {Array.MaxLength}."),
                nameof(options));
        }

        var earliest = plan.Model.EarliestBirthDate;
        if (earliest < PopulationTable.MinSupportedDate || options.AsOf > PopulationTable.MaxSupportedDate)
        {
            throw new ArgumentException(
                Invariant($"A population table stores dates from {PopulationTable.MinSupportedDate:uuuu-MM-dd} to {PopulationTable.MaxSupportedDate:uuuu-MM-dd}; with AsOf {options.AsOf:uuuu-MM-dd} birth dates go back to {earliest:uuuu-MM-dd}. Use an as-of date from {PopulationTable.MinSupportedDate.PlusYears(SyntheticModel.MaxAge + 1):uuuu-MM-dd} to {PopulationTable.MaxSupportedDate:uuuu-MM-dd}, or GenerateRows/GenerateResidents, which have no such limit."),
                nameof(options));
        }

        // Exactly the rows needed: an empty builder then hands its full columns to the table without a copy.
        builder.EnsureCapacity((int)(builder.Count + total));

        if (threads <= 1)
        {
            var generator = plan.CreateGenerator();
            var buffer = new ResidentRow[SyntheticLayout.ChunkSize];
            var appended = 0L;
            for (var chunk = 0; chunk < plan.Layout.ChunkCount; chunk++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = generator.Fill(chunk, buffer);
                builder.AddTrusted(buffer.AsSpan(0, count));
                appended += count;
                progress?.Report(appended);
            }

            return;
        }

        GenerateParallel(plan, builder, threads, progress, cancellationToken);
    }

    /// <summary>Generates the population as rows, lazily and on the calling thread.</summary>
    /// <param name="options">The population to generate.</param>
    /// <returns>The rows, in the same order as <see cref="Generate"/> appends them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid; the message lists every problem.</exception>
    public static IEnumerable<ResidentRow> GenerateRows(SyntheticPopulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return EnumerateRows(Plan(options, nameof(options)));
    }

    /// <summary>Generates the population as residents, lazily and on the calling thread.</summary>
    /// <param name="options">The population to generate.</param>
    /// <returns>The residents, in the same order as <see cref="Generate"/> appends them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid; the message lists every problem.</exception>
    public static IEnumerable<Resident> GenerateResidents(SyntheticPopulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return EnumerateRows(Plan(options, nameof(options))).Select(row => row.ToResident());
    }

    private static GenerationPlan Plan(SyntheticPopulationOptions options, string paramName)
    {
        options.ThrowIfInvalid(paramName);
        var model = new SyntheticModel(options);
        return new GenerationPlan(model, SyntheticLayout.Create(options, model), options.Seed);
    }

    private static IEnumerable<ResidentRow> EnumerateRows(GenerationPlan plan)
    {
        var generator = plan.CreateGenerator();
        var buffer = new ResidentRow[SyntheticLayout.ChunkSize];
        for (var chunk = 0; chunk < plan.Layout.ChunkCount; chunk++)
        {
            var count = generator.Fill(chunk, buffer);
            for (var i = 0; i < count; i++)
            {
                yield return buffer[i];
            }
        }
    }

    /// <summary>Generates chunks on worker threads, at most <paramref name="threads"/> at a time, each into its own small builder
    /// (so encoding into columns runs in parallel too), and appends those in chunk order on the calling thread while later
    /// chunks are being generated.</summary>
    private static void GenerateParallel(GenerationPlan plan, PopulationTableBuilder builder, int threads, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var generators = new ConcurrentBag<ChunkGenerator>();
        var buffers = new ConcurrentBag<(ResidentRow[] Rows, PopulationTableBuilder Chunk)>();
        var pending = new Queue<Task<(ResidentRow[] Rows, PopulationTableBuilder Chunk)>>();
        var appended = 0L;
        var next = 0;
        try
        {
            while (next < plan.Layout.ChunkCount || pending.Count > 0)
            {
                while (next < plan.Layout.ChunkCount && pending.Count < threads)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var chunk = next++;
                    pending.Enqueue(Task.Run(() =>
                    {
                        var generator = generators.TryTake(out var g) ? g : plan.CreateGenerator();
                        var buffer = buffers.TryTake(out var b) ? b : (Rows: new ResidentRow[SyntheticLayout.ChunkSize], Chunk: new PopulationTableBuilder(SyntheticLayout.ChunkSize));
                        var count = generator.Fill(chunk, buffer.Rows);
                        generators.Add(generator);
                        buffer.Chunk.Clear();
                        buffer.Chunk.AddTrusted(buffer.Rows.AsSpan(0, count));
                        return buffer;
                    }));
                }

                var done = pending.Dequeue().GetAwaiter().GetResult();
                builder.AddRange(done.Chunk);
                appended += done.Chunk.Count;
                progress?.Report(appended);
                buffers.Add(done);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            // Never leave work running behind the caller's back, whether it failed or was cancelled.
            if (pending.Count > 0)
            {
                try
                {
                    Task.WaitAll([.. pending]);
                }
                catch (AggregateException)
                {
                    // The first failure or the cancellation is already propagating.
                }
            }
        }
    }

    private sealed class GenerationPlan(SyntheticModel model, SyntheticLayout layout, long seed)
    {
        public SyntheticModel Model { get; } = model;

        public SyntheticLayout Layout { get; } = layout;

        public ChunkGenerator CreateGenerator() => new(Model, Layout, seed);
    }
}
