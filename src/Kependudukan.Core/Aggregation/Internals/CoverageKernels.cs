using System.Runtime.Intrinsics;

namespace Kependudukan.Aggregation.Internals;

/// <summary>Lists the scan kernels this machine can run, fastest first; the scalar kernel is always last.</summary>
internal static class CoverageKernels
{
    /// <summary>Gets every kernel this machine supports, fastest first; tests run each of them.</summary>
    public static IReadOnlyList<ICoverageKernel> Available { get; } = CreateAvailable();

    /// <summary>Gets the kernel used by default: the first of <see cref="Available"/>.</summary>
    public static ICoverageKernel Best => Available[0];

    /// <summary>Returns the available kernel with the given name.</summary>
    public static ICoverageKernel Get(string name) => Available.First(k => k.Name == name);

    private static ICoverageKernel[] CreateAvailable()
    {
        var kernels = new List<ICoverageKernel>();
        if (Avx2Isa.IsSupported)
        {
            kernels.Add(VectorCoverageKernel<Vector256<short>, Avx2Isa>.Instance);
        }

        if (Vector128Isa.IsSupported)
        {
            kernels.Add(VectorCoverageKernel<Vector128<short>, Vector128Isa>.Instance);
        }

        kernels.Add(ScalarCoverageKernel.Instance);
        return [.. kernels];
    }
}
