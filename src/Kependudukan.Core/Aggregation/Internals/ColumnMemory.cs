using System.Runtime.InteropServices;

namespace Kependudukan.Aggregation.Internals;

/// <summary>Allocates the large columns of builders and tables (tens to hundreds of megabytes each, written once right after
/// they are allocated).</summary>
/// <remarks>
/// <para>The first write to each 4 KiB page of fresh memory costs a page fault in which the kernel clears the page; for a
/// column of 100 MB that is 25,600 faults, and under a hypervisor each fault costs several microseconds (measured: a third of
/// a 10-million-row CSV load). On Linux, a column of <see cref="MinAdvisedBytes"/> or more is therefore advised with
/// <c>madvise(MADV_HUGEPAGE)</c> before it is written, as allocators and databases advise their large buffers: where the
/// system's transparent huge pages are in their default <c>madvise</c> mode, the kernel then backs the column with 2 MiB
/// pages, one fault each. Elsewhere, where the advice fails, or with the <see cref="HugePagesSwitch"/> switch off, nothing
/// changes: the column is an ordinary array either way.</para>
/// <para>The advice covers only whole 2 MiB pages inside the array and changes nothing about its contents.</para>
/// </remarks>
internal static unsafe class ColumnMemory
{
    /// <summary>The <see cref="AppContext"/> switch that, set to <see langword="false"/>, turns the huge-page advice off
    /// (<c>&lt;RuntimeHostConfigurationOption Include="Kependudukan.UseHugePages" Value="false" /&gt;</c> in a project file,
    /// or <c>AppContext.SetSwitch</c> before the first table is built).</summary>
    internal const string HugePagesSwitch = "Kependudukan.UseHugePages";

    /// <summary>Columns this large or larger are advised: at least two whole huge pages, so the advice pays for its system call.</summary>
    internal const long MinAdvisedBytes = 8L << 20;

    private const long HugePageBytes = 2L << 20;

    /// <summary>Linux's <c>MADV_HUGEPAGE</c>.</summary>
    private const int MadviseHugePage = 14;

    private static readonly delegate* unmanaged<nint, nuint, int, int> s_madvise = FindMadvise();

    /// <summary>Gets whether large columns are advised (Linux on x64 or Arm64, <c>madvise</c> found, switch not off).</summary>
    internal static bool AdvisesHugePages => s_madvise != null;

    /// <summary>Returns an array of <paramref name="length"/> elements whose contents are undefined: every element must be
    /// written before it is read.</summary>
    internal static T[] AllocateUninitialized<T>(int length)
        where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(length);
        if (s_madvise != null && (long)length * sizeof(T) >= MinAdvisedBytes)
        {
            Advise(array);
        }

        return array;
    }

    /// <summary>Returns a copy of the first <paramref name="length"/> elements of <paramref name="source"/>.</summary>
    internal static T[] Copy<T>(T[] source, int length)
        where T : unmanaged
    {
        var copy = AllocateUninitialized<T>(length);
        source.AsSpan(0, length).CopyTo(copy);
        return copy;
    }

    private static void Advise<T>(T[] array)
        where T : unmanaged
    {
        // Pinned for the call, though large arrays do not move unless the large-object heap is compacted on request.
        fixed (T* data = array)
        {
            var start = (long)data;
            var first = (start + HugePageBytes - 1) & ~(HugePageBytes - 1);
            var end = (start + ((long)array.Length * sizeof(T))) & ~(HugePageBytes - 1);
            if (end > first)
            {
                // A refusal (a kernel without transparent huge pages, say) leaves ordinary pages: nothing to do about it.
                _ = s_madvise((nint)first, (nuint)(end - first), MadviseHugePage);
            }
        }
    }

    /// <summary>Returns whether columns are to be advised: on Linux on x64 or Arm64 (the architectures with 2 MiB huge pages
    /// whose <c>MADV_HUGEPAGE</c> is 14), unless the <see cref="HugePagesSwitch"/> switch is set off.</summary>
    /// <param name="linux">Whether the process runs on Linux.</param>
    /// <param name="architecture">The process's architecture.</param>
    /// <param name="switchSetting">The switch's value, or <see langword="null"/> when it is not set.</param>
    internal static bool IsWanted(bool linux, Architecture architecture, bool? switchSetting) =>
        linux && architecture is (Architecture.X64 or Architecture.Arm64) && switchSetting != false;

    private static delegate* unmanaged<nint, nuint, int, int> FindMadvise()
    {
        if (!IsWanted(OperatingSystem.IsLinux(), RuntimeInformation.ProcessArchitecture,
            AppContext.TryGetSwitch(HugePagesSwitch, out var enabled) ? enabled : null))
        {
            return null;
        }

        // The C library the runtime itself runs on (glibc or musl) is already loaded: look in the process first.
        if (NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "madvise", out var madvise)
            || (NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, "madvise", out madvise)))
        {
            return (delegate* unmanaged<nint, nuint, int, int>)madvise;
        }

        return null;
    }
}
