using CsCheck;
using Kependudukan.Aggregation.Synthetic;

namespace Kependudukan.Tests.Aggregation.Synthetic;

public class AliasTableTests
{
    [Fact]
    public void Sample_FrequenciesFollowWeights()
    {
        double[] weights = [1, 0, 3, 6];
        var table = AliasTable.Create(weights);
        var random = Xoshiro256StarStar.FromSeed(11);
        var counts = new int[weights.Length];
        const int Draws = 200_000;
        for (var i = 0; i < Draws; i++)
        {
            counts[table.Sample(ref random)]++;
        }

        Assert.Equal(0, counts[1]);
        Assert.InRange(counts[0] / (double)Draws, 0.095, 0.105);
        Assert.InRange(counts[2] / (double)Draws, 0.295, 0.305);
        Assert.InRange(counts[3] / (double)Draws, 0.595, 0.605);
    }

    [Fact]
    public void Create_AllZero_IsEmpty() => Assert.True(AliasTable.Create([0.0, 0.0]).IsEmpty);
}
