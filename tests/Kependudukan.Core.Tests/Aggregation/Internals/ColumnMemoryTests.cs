using System.Globalization;
using System.Runtime.InteropServices;
using CsCheck;
using Kependudukan.Aggregation.Internals;

namespace Kependudukan.Tests.Aggregation.Internals;

/// <summary>The large-column allocator: ordinary arrays, and on Linux the kernel's record of the huge-page advice.</summary>
public sealed class ColumnMemoryTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(5_000_000)]
    public void AllocateUninitialized_AnyLength_WritableArrayOfThatLength(int length)
    {
        var column = ColumnMemory.AllocateUninitialized<short>(length);

        Assert.Equal(length, column.Length);
        for (var i = 0; i < length; i++)
        {
            column[i] = unchecked((short)i);
        }

        for (var i = 0; i < length; i++)
        {
            Assert.Equal(unchecked((short)i), column[i]);
        }
    }

    [Fact]
    public void Copy_Prefix_SameValues()
    {
        var source = Enumerable.Range(0, 3_000_000).Select(i => (long)i * 7919).ToArray();

        var copy = ColumnMemory.Copy(source, 2_500_000);

        Assert.Equal(source[..2_500_000], copy);
    }

    [Theory]
    [InlineData(true, Architecture.X64, "always [madvise] never", null, true)]
    [InlineData(true, Architecture.Arm64, "always [madvise] never\n", null, true)]
    [InlineData(true, Architecture.X64, "always [madvise] never", true, true)]
    [InlineData(true, Architecture.X64, "always [madvise] never", false, false)]
    [InlineData(true, Architecture.Arm64, "always [madvise] never", false, false)]
    [InlineData(true, Architecture.X64, "[always] madvise never", null, false)]
    [InlineData(true, Architecture.X64, "always madvise [never]", null, false)]
    [InlineData(true, Architecture.X64, null, null, false)]
    [InlineData(true, Architecture.X86, "always [madvise] never", null, false)]
    [InlineData(true, Architecture.Arm, "always [madvise] never", null, false)]
    [InlineData(false, Architecture.X64, "always [madvise] never", null, false)]
    [InlineData(false, Architecture.Arm64, "always [madvise] never", true, false)]
    public void IsWanted_PlatformModeAndSwitch_AdviseInMadviseModeOnLinuxX64OrArm64UnlessSwitchedOff(bool linux, Architecture architecture,
        string? modes, bool? switchSetting, bool expected) =>
        Assert.Equal(expected, ColumnMemory.IsWanted(linux, architecture, modes, switchSetting));

    [Fact]
    public void AllocateUninitialized_LargeColumnInMadviseMode_KernelRecordsHugePageAdvice()
    {
        Assert.SkipUnless(
            OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is (Architecture.X64 or Architecture.Arm64) && File.Exists("/proc/self/smaps"),
            "The advice is given on Linux on x64 and Arm64 only.");
        Assert.SkipUnless(
            File.Exists(ColumnMemory.HugePageModesPath) && File.ReadAllText(ColumnMemory.HugePageModesPath).Contains("[madvise]", StringComparison.Ordinal),
            "Transparent huge pages are not in madvise mode here.");
        Assert.True(ColumnMemory.AdvisesHugePages, "madvise should be found in the C library on Linux.");

        var column = ColumnMemory.AllocateUninitialized<long>((int)(ColumnMemory.MinAdvisedBytes / sizeof(long)) * 2);

        // Advising again tells whether this kernel accepts the advice at all (a sandboxed one may refuse it).
        Assert.SkipUnless(ColumnMemory.Advise(column) == 0, "This kernel refuses madvise(MADV_HUGEPAGE).");
        Assert.Contains("hg", Mapping(AddressInside(column)));
        GC.KeepAlive(column);
    }

    [Fact]
    public void WholeHugePages_AnyRange_LargestAlignedRangeInside() =>
        Gen.Select(Gen.Long[0, 1L << 40], Gen.Long[0, 1L << 30]).Sample((start, bytes) =>
        {
            const long Huge = 2L << 20;
            var (first, end) = ColumnMemory.WholeHugePages(start, bytes);

            Assert.Equal(0, first % Huge);
            Assert.Equal(0, end % Huge);
            Assert.True(first >= start && first - start < Huge, "The first whole huge page starts at the first multiple of 2 MiB.");
            Assert.True(end <= start + bytes && start + bytes - end < Huge, "The last whole huge page ends at the last multiple of 2 MiB.");
        }, iter: 10_000);

    [Theory]
    [InlineData(0, 2L << 20, 0, 2L << 20)]
    [InlineData(1, 4L << 20, 2L << 20, 4L << 20)]
    [InlineData(1, (2L << 20) - 1, 2L << 20, 2L << 20)]
    [InlineData(1, (2L << 20) - 2, 2L << 20, 0)]
    [InlineData((6L << 20) + 5, 10L << 20, 8L << 20, 16L << 20)]
    public void WholeHugePages_Edges(long start, long bytes, long expectedFirst, long expectedEnd) =>
        Assert.Equal((expectedFirst, expectedEnd), ColumnMemory.WholeHugePages(start, bytes));

    /// <summary>The address of the middle of an array's data (large arrays do not move).</summary>
    private static ulong AddressInside(long[] column)
    {
        var pin = GCHandle.Alloc(column, GCHandleType.Pinned);
        try
        {
            return (ulong)pin.AddrOfPinnedObject() + ((ulong)column.Length / 2 * sizeof(long));
        }
        finally
        {
            pin.Free();
        }
    }

    /// <summary>The <c>VmFlags</c> of the mapping of this process that contains an address, from <c>/proc/self/smaps</c>.</summary>
    private static string[] Mapping(ulong address)
    {
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var from)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var to))
            {
                inside = address >= from && address < to;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        throw new InvalidOperationException("No mapping of this process contains the address.");
    }
}
