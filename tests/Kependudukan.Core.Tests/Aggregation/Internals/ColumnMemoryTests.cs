using System.Globalization;
using System.Runtime.InteropServices;
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
    [InlineData(true, Architecture.X64, null, true)]
    [InlineData(true, Architecture.Arm64, null, true)]
    [InlineData(true, Architecture.X64, true, true)]
    [InlineData(true, Architecture.X64, false, false)]
    [InlineData(true, Architecture.Arm64, false, false)]
    [InlineData(true, Architecture.X86, null, false)]
    [InlineData(true, Architecture.Arm, null, false)]
    [InlineData(false, Architecture.X64, null, false)]
    [InlineData(false, Architecture.Arm64, true, false)]
    public void IsWanted_PlatformAndSwitch_AdviseOnLinuxX64OrArm64UnlessSwitchedOff(bool linux, Architecture architecture, bool? switchSetting,
        bool expected) =>
        Assert.Equal(expected, ColumnMemory.IsWanted(linux, architecture, switchSetting));

    [Fact]
    public void AllocateUninitialized_LargeColumnOnLinux_KernelRecordsHugePageAdvice()
    {
        Assert.SkipUnless(
            OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is (Architecture.X64 or Architecture.Arm64) && File.Exists("/proc/self/smaps"),
            "The advice is given on Linux on x64 and Arm64 only.");
        Assert.SkipUnless(File.Exists("/sys/kernel/mm/transparent_hugepage/enabled"), "This kernel has no transparent huge pages.");
        Assert.True(ColumnMemory.AdvisesHugePages, "madvise should be found in the C library on Linux.");

        var column = ColumnMemory.AllocateUninitialized<long>((int)(ColumnMemory.MinAdvisedBytes / sizeof(long)) * 2);

        Assert.Contains("hg", MappingFlags(AddressInside(column)));
        GC.KeepAlive(column);
    }

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
    private static string[] MappingFlags(ulong address)
    {
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var end))
            {
                inside = address >= start && address < end;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        throw new InvalidOperationException("No mapping of this process contains the address.");
    }
}
