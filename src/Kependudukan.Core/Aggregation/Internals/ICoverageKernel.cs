namespace Kependudukan.Aggregation.Internals;

/// <summary>Counts the residents of a row range of a <see cref="PopulationTable"/> into <see cref="RawCounter"/> counters.</summary>
/// <remarks>Every kernel gives the same counts; they differ only in the instructions used. ITAP expiry is not a kernel
/// concern: kernels treat every ITAP holder as eligible and the caller corrects the few rows with an expired permit.</remarks>
internal interface ICoverageKernel
{
    /// <summary>Gets the kernel name (instruction set and technique).</summary>
    string Name { get; }

    /// <summary>Adds the counts of storage rows [<paramref name="start"/>, <paramref name="end"/>) to <paramref name="counters"/>.</summary>
    void Count(PopulationTable table, int start, int end, in ScanParameters parameters, Span<long> counters);
}
