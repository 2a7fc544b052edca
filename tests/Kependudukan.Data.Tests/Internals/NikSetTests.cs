using CsCheck;
using Kependudukan.Data.Internals;

namespace Kependudukan.Data.Tests.Internals;

public sealed class NikSetTests
{
    [Fact]
    public void Add_RandomValues_AgreesWithHashSet()
    {
        // Values from a small range repeat often; the set grows past its first capacity.
        Gen.Long[1, 5_000].Array[0, 6_000].Sample(values =>
        {
            var set = new NikSet();
            var reference = new HashSet<long>();
            foreach (var value in values)
            {
                Assert.Equal(reference.Add(value), set.Add(value));
            }

            Assert.Equal(reference.Count, set.Count);
        }, iter: 50);
    }

    [Fact]
    public void Add_RealisticNiks_DetectsRepeats()
    {
        var set = new NikSet();
        Assert.True(set.Add(6472014101900001));
        Assert.True(set.Add(6472011708450002));
        Assert.False(set.Add(6472014101900001));
        Assert.Equal(2, set.Count);
    }
}
