using CsCheck;
using Kependudukan.Aggregation.Synthetic;

namespace Kependudukan.Tests.Aggregation.Synthetic;

public class FeistelPermutationTests
{
    [Fact]
    public void Map_IsBijectionOnRange() =>
        Gen.Int[1, 5000].Select(Gen.ULong).Sample((count, key) =>
        {
            var permutation = new FeistelPermutation((ulong)count, key);
            var seen = new bool[count];
            for (var i = 0; i < count; i++)
            {
                var image = permutation.Map((ulong)i);
                Assert.InRange(image, 0UL, (ulong)count - 1);
                Assert.False(seen[image]);
                seen[image] = true;
            }
        }, iter: 200);

    [Fact]
    public void Map_DifferentKeys_DifferentOrders()
    {
        var a = new FeistelPermutation(1000, 1);
        var b = new FeistelPermutation(1000, 2);
        var same = Enumerable.Range(0, 1000).Count(i => a.Map((ulong)i) == b.Map((ulong)i));

        // Two independent random permutations share about one fixed point.
        Assert.InRange(same, 0, 10);
    }
}
