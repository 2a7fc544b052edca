using CsCheck;
using Kependudukan.Devices;

namespace Kependudukan.Tests.Devices;

public class FastestFinishTests
{
    [Fact]
    public void Allocate_HandExample_GivesDevicesToSlowestRegion()
    {
        // One device each: 100, 45 and 10 days. The 4th device halves A (50), the 5th goes to A again (50 > 45): 34 days.
        // Any other split is slower: 2, 2, 1 leaves A at 50 days.
        var result = FastestFinish.Allocate(5, [1_000, 450, 100], 10);

        Assert.Equal([3, 1, 1], result.Units);
        Assert.Equal([34L, 45L, 10L], result.DaysPerRegion);
        Assert.Equal(45, result.MaxDays);
        Assert.True(result.CanFinish);
        Assert.Equal(0, result.SpareDevices);
    }

    [Fact]
    public void Allocate_ThroughputByRegion_UsesEach()
    {
        // Alone: 100/10 = 10 days and 100/50 = 2 days; both extra devices go to the slow region (10 -> 5 -> 3.3).
        var result = FastestFinish.Allocate(4, [100, 100], [10, 50]);

        Assert.Equal([3, 1], result.Units);
        Assert.Equal([4L, 2L], result.DaysPerRegion);
        Assert.Equal(4, result.MaxDays);
    }

    [Fact]
    public void Allocate_FewerDevicesThanRegionsWithBacklog_CannotFinish()
    {
        var result = FastestFinish.Allocate(2, [10, 0, 30, 20], 1);

        Assert.Equal([0, 0, 1, 1], result.Units);
        Assert.Equal([null, 0L, 30L, 20L], result.DaysPerRegion);
        Assert.Null(result.MaxDays);
        Assert.False(result.CanFinish);
    }

    [Fact]
    public void Allocate_MoreDevicesThanUseful_LeavesSpare()
    {
        // Three devices clear 5 in one day at 2 a day, two clear 3.
        var result = FastestFinish.Allocate(10, [5, 3, 0], 2);

        Assert.Equal([3, 2, 0], result.Units);
        Assert.Equal([1L, 1L, 0L], result.DaysPerRegion);
        Assert.Equal(1, result.MaxDays);
        Assert.Equal(5, result.SpareDevices);
    }

    [Fact]
    public void Allocate_NoBacklog_NoDevicesNeeded()
    {
        var result = FastestFinish.Allocate(3, [0, 0], 5);

        Assert.Equal([0, 0], result.Units);
        Assert.Equal(0, result.MaxDays);
        Assert.Equal(3, result.SpareDevices);
    }

    [Fact]
    public void Allocate_SmallCases_MinimisesMaxDaysLikeBruteForce() =>
        Gen.Select(Gen.Int[0, 8], Gen.Int[1, 4].SelectMany(n => Gen.Select(Gen.Long[0, 300].Array[n], Gen.Int[1, 40].Array[n]))).Sample(
            (devices, regions) =>
            {
                var (backlogs, throughputs) = regions;
                var result = FastestFinish.Allocate(devices, backlogs, throughputs);

                Assert.Equal(BruteForceMaxDays(devices, backlogs, throughputs), result.MaxDays);
                Assert.Equal(devices, result.Units.Sum() + result.SpareDevices);
                for (var i = 0; i < backlogs.Length; i++)
                {
                    Assert.Equal(Days(backlogs[i], result.Units[i], throughputs[i]), result.DaysPerRegion[i]);
                }
            },
            iter: 3_000);

    [Fact]
    public void Allocate_NationalScale_NoFasterFinishPossible()
    {
        // 280 million residents over 514 regencies: exact claims with 128-bit products.
        var random = new Random(514);
        var backlogs = Enumerable.Range(0, 514).Select(_ => random.NextInt64(0, 3_000_000)).ToArray();
        var throughputs = Enumerable.Range(0, 514).Select(_ => random.Next(50, 400)).ToArray();

        var result = FastestFinish.Allocate(20_000, backlogs, throughputs);

        // Every region finishes within MaxDays, and finishing within MaxDays - 1 would need more devices than there are.
        var max = result.MaxDays!.Value;
        Assert.All(Enumerable.Range(0, 514), i => Assert.True(Days(backlogs[i], result.Units[i], throughputs[i]) <= max));
        Assert.True(max > 1);
        var needed = Enumerable.Range(0, 514).Sum(i => backlogs[i] == 0 ? 0L : Ceiling(backlogs[i], (max - 1) * throughputs[i]));
        Assert.True(needed > 20_000);
        Assert.Equal(20_000, result.Units.Sum());
    }

    [Fact]
    public void Allocate_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("devices", () => FastestFinish.Allocate(-1, [1], 1));
        Assert.Throws<ArgumentOutOfRangeException>("dailyThroughputPerDevice", () => FastestFinish.Allocate(1, [1], 0));
        Assert.Throws<ArgumentNullException>("backlogs", () => FastestFinish.Allocate(1, null!, 1));
        Assert.Throws<ArgumentException>("backlogs", () => FastestFinish.Allocate(1, [1, -1], 1));
        Assert.Throws<ArgumentException>("dailyThroughputPerDevice", () => FastestFinish.Allocate(1, [1, 1], [1]));
        Assert.Throws<ArgumentException>("dailyThroughputPerDevice", () => FastestFinish.Allocate(1, [1, 1], [1, 0]));
    }

    private static long? BruteForceMaxDays(int devices, long[] backlogs, int[] throughputs)
    {
        long? best = null;
        var units = new int[backlogs.Length];
        void Visit(int region, int left)
        {
            if (region == backlogs.Length)
            {
                long? max = 0;
                for (var i = 0; i < backlogs.Length && max is not null; i++)
                {
                    max = Days(backlogs[i], units[i], throughputs[i]) is long d ? Math.Max(max.Value, d) : null;
                }

                if (max is not null && (best is null || max < best))
                {
                    best = max;
                }

                return;
            }

            for (var k = 0; k <= left; k++)
            {
                units[region] = k;
                Visit(region + 1, left - k);
            }
        }

        Visit(0, devices);
        return best;
    }

    private static long? Days(long backlog, int devices, int throughput) =>
        backlog == 0 ? 0 : devices == 0 ? null : Ceiling(backlog, (long)devices * throughput);

    private static long Ceiling(long a, long b) => (a + b - 1) / b;
}
