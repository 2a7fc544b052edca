using System.Runtime.InteropServices;

namespace Kependudukan.Aggregation.Internals;

/// <summary>Allocates the large columns of builders and tables (tens to hundreds of megabytes each, written once right after
/// they are allocated).</summary>
/// <remarks>
/// <para>The first write to each 4 KiB page of fresh memory costs a page fault in which the kernel clears the page; for a
/// column of 100 MB that is 25,600 faults, and under a hypervisor each fault costs several microseconds (measured: a third of
/// a 10-million-row CSV load). On Linux, where the system's transparent huge pages are in <c>madvise</c> mode (Debian's and
/// Ubuntu's default), a column of <see cref="MinAdvisedBytes"/> or more is therefore advised with <c>madvise(MADV_HUGEPAGE)</c>
/// before it is written, as allocators and databases advise their large buffers: the kernel then backs it with 2 MiB pages,
/// one fault each. In <c>always</c> mode the kernel does that unasked (and the advice would only let a fault wait for memory
/// compaction), in <c>never</c> mode it does not at all: no advice in either. Elsewhere, where the advice fails, or with the
/// <see cref="HugePagesSwitch"/> switch off, nothing changes: the column is an ordinary array either way.</para>
/// <para>The advice covers only whole 2 MiB pages inside the array and changes nothing about its contents. It stays with the
/// address range after the array is collected, so memory the garbage collector reuses there may be in huge pages too.</para>
/// </remarks>
internal static unsafe class ColumnMemory
{
    /// <summary>The <see cref="AppContext"/> switch that, set to <see langword="false"/>, turns the huge-page advice off
    /// (<c>&lt;RuntimeHostConfigurationOption Include="Kependudukan.UseHugePages" Value="false" /&gt;</c> in a project file,
    /// or <c>AppContext.SetSwitch</c> before the first table is built).</summary>
    internal const string HugePagesSwitch = "Kependudukan.UseHugePages";

    /// <summary>Columns this large or larger are advised: at least two whole huge pages, so the advice pays for its system call.</summary>
    internal const long MinAdvisedBytes = 8L << 20;

    /// <summary>Where Linux tells the transparent-huge-page modes, the selected one in brackets.</summary>
    internal const string HugePageModesPath = "/sys/kernel/mm/transparent_hugepage/enabled";

    private const long HugePageBytes = 2L << 20;

    /// <summary>Linux's <c>MADV_HUGEPAGE</c>.</summary>
    private const int MadviseHugePage = 14;

    private static readonly delegate* unmanaged<nint, nuint, int, int> s_madvise = FindMadvise();

    /// <summary>Gets whether large columns are advised (see <see cref="IsWanted"/>, and <c>madvise</c> found).</summary>
    internal static bool AdvisesHugePages => s_madvise != null;

    /// <summary>Returns an array of <paramref name="length"/> elements whose contents are undefined: every element must be
    /// written before it is read.</summary>
    internal static T[] AllocateUninitialized<T>(int length)
        where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(length);
        if (s_madvise != null && (long)length * sizeof(T) >= MinAdvisedBytes)
        {
            _ = Advise(array);
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

    /// <summary>Advises the whole 2 MiB pages inside an array for huge pages.</summary>
    /// <returns>What <c>madvise</c> returned (0: accepted), or 1 when nothing was advised (no <c>madvise</c>, or no whole huge
    /// page inside the array).</returns>
    internal static int Advise<T>(T[] array)
        where T : unmanaged
    {
        if (s_madvise == null)
        {
            return 1;
        }

        // Pinned for the call. Should the collector move the array later (it compacts the large-object heap only when asked
        // to, or to conserve memory), the advice stays with the old range and the array merely loses its huge pages.
        fixed (T* data = array)
        {
            var (first, end) = WholeHugePages((long)data, (long)array.Length * sizeof(T));

            // A refusal (a kernel built without transparent huge pages, say) leaves ordinary pages: nothing to do about it.
            return end > first ? s_madvise((nint)first, (nuint)(end - first), MadviseHugePage) : 1;
        }
    }

    /// <summary>Returns the whole 2 MiB pages inside a range of memory.</summary>
    /// <param name="start">The range's first address.</param>
    /// <param name="bytes">The range's length.</param>
    /// <returns>The first address of the first whole huge page and the address after the last, both multiples of 2 MiB; the
    /// end is at or before the start when no whole huge page lies inside.</returns>
    internal static (long First, long End) WholeHugePages(long start, long bytes) =>
        ((start + HugePageBytes - 1) & ~(HugePageBytes - 1), (start + bytes) & ~(HugePageBytes - 1));

    /// <summary>Returns whether columns are to be advised: on Linux on x64 or Arm64 (the architectures with 2 MiB huge pages
    /// whose <c>MADV_HUGEPAGE</c> is 14), where transparent huge pages are in <c>madvise</c> mode, unless the
    /// <see cref="HugePagesSwitch"/> switch is set off.</summary>
    /// <param name="linux">Whether the process runs on Linux.</param>
    /// <param name="architecture">The process's architecture.</param>
    /// <param name="hugePageModes">The text of <c>/sys/kernel/mm/transparent_hugepage/enabled</c> (the selected mode in
    /// brackets, <c>always [madvise] never</c>), or <see langword="null"/> when it cannot be read.</param>
    /// <param name="switchSetting">The switch's value, or <see langword="null"/> when it is not set.</param>
    /// <returns>Whether to advise.</returns>
    internal static bool IsWanted(bool linux, Architecture architecture, string? hugePageModes, bool? switchSetting) =>
        linux && architecture is (Architecture.X64 or Architecture.Arm64) && switchSetting != false
        && hugePageModes is not null && hugePageModes.Contains("[madvise]", StringComparison.Ordinal);

    private static delegate* unmanaged<nint, nuint, int, int> FindMadvise()
    {
        if (!IsWanted(OperatingSystem.IsLinux(), RuntimeInformation.ProcessArchitecture, OperatingSystem.IsLinux() ? ReadHugePageModes() : null,
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

    /// <summary>Reads the transparent-huge-page modes of the kernel, or <see langword="null"/> when it has none or they cannot
    /// be read.</summary>
    private static string? ReadHugePageModes()
    {
        try
        {
            return File.ReadAllText(HugePageModesPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
