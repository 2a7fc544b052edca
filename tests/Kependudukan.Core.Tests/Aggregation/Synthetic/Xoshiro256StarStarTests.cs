using CsCheck;
using Kependudukan.Aggregation.Synthetic;

namespace Kependudukan.Tests.Aggregation.Synthetic;

public class Xoshiro256StarStarTests
{
    [Fact]
    public void NextUInt64_ReferenceState_MatchesReferenceImplementation()
    {
        // The first ten outputs of the authors' reference C code from state {1, 2, 3, 4} (as published in rand_xoshiro's tests).
        ulong[] expected =
        [
            11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
            607988272756665600, 16172922978634559625, 8476171486693032832,
            10595114339597558777, 2904607092377533576,
        ];
        var random = new Xoshiro256StarStar(1, 2, 3, 4);
        foreach (var value in expected)
        {
            Assert.Equal(value, random.NextUInt64());
        }
    }

    [Fact]
    public void SplitMix64_SeedZero_MatchesReferenceImplementation()
    {
        ulong state = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, SplitMix64.Next(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, SplitMix64.Next(ref state));
        Assert.Equal(0x06C45D188009454FUL, SplitMix64.Next(ref state));
        Assert.Equal(0xF88BB8A8724C81ECUL, SplitMix64.Next(ref state));
    }

    [Fact]
    public void NextBelow_StaysInRange() =>
        Gen.UInt[1, uint.MaxValue].Select(Gen.ULong).Sample((n, seed) =>
        {
            var random = Xoshiro256StarStar.FromSeed(seed);
            for (var i = 0; i < 100; i++)
            {
                Assert.InRange(random.NextBelow(n), 0u, n - 1);
            }
        });

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.9)]
    [InlineData(1.0)]
    public void NextBool_FrequencyMatchesProbability(double probability)
    {
        var random = Xoshiro256StarStar.FromSeed(7);
        var threshold = SplitMix64.Threshold(probability);
        var hits = 0;
        const int Draws = 100_000;
        for (var i = 0; i < Draws; i++)
        {
            hits += random.NextBool(threshold) ? 1 : 0;
        }

        // Five standard deviations of a binomial proportion at p = 0.5 and n = 100,000 is 0.0079.
        Assert.InRange((double)hits / Draws, probability - 0.008, probability + 0.008);
    }
}
