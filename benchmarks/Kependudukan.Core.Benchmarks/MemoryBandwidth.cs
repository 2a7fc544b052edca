using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Kependudukan.Aggregation;

namespace Kependudukan.Benchmarks;

/// <summary>The physical limit of a full scan: one vectorised pass summing every byte of the table's four working-set
/// columns, split into the same row chunks as the engine and run on all cores.</summary>
internal static class MemoryBandwidth
{
    private const int ChunkRows = 1 << 16;

    public static long SumBytes(PopulationTable table, int threads)
    {
        var chunks = (table.Count + ChunkRows - 1) / ChunkRows;
        var sums = new long[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, chunk =>
        {
            var start = chunk * ChunkRows;
            var length = Math.Min(ChunkRows, table.Count - start);
            sums[chunk] = Sum(MemoryMarshal.AsBytes(table.Birth.AsSpan(start, length)))
                + Sum(MemoryMarshal.AsBytes(table.Flags.AsSpan(start, length)))
                + Sum(MemoryMarshal.AsBytes(table.Recording.AsSpan(start, length)))
                + Sum(MemoryMarshal.AsBytes(table.Leave.AsSpan(start, length)));
        });
        return sums.Sum();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Sum(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        long total = 0;
        if (Avx2.IsSupported)
        {
            var acc = Vector256<ulong>.Zero;
            ref var first = ref MemoryMarshal.GetReference(bytes);
            for (; i + Vector256<byte>.Count <= bytes.Length; i += Vector256<byte>.Count)
            {
                acc += Avx2.SumAbsoluteDifferences(Vector256.LoadUnsafe(ref first, (nuint)i), Vector256<byte>.Zero).AsUInt64();
            }

            total = (long)Vector256.Sum(acc);
        }

        for (; i < bytes.Length; i++)
        {
            total += bytes[i];
        }

        return total;
    }
}
