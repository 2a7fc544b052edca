using CsCheck;
using Kependudukan.Data.Internals;
using Kependudukan.Identity;

namespace Kependudukan.Data.Tests.Internals;

public sealed class DuplicateNikFinderTests
{
    [Fact]
    public void Sort_RandomKeys_SameAsArraySort()
    {
        Gen.Long[0, (1L << 55) - 1].Array[0, 3000].Sample(keys =>
        {
            var expected = (long[])keys.Clone();
            Array.Sort(expected);
            Assert.Equal(expected, DuplicateNikFinder.Sort((long[])keys.Clone(), TestRows.Ct));
        }, iter: 100);
    }

    [Fact]
    public void FindRepeats_RandomNiks_SameAsHashSetReference()
    {
        // Serials from a small range make repeats common.
        Gen.Int[1, 300].Array[0, 2000].Sample(serials =>
        {
            var finder = new DuplicateNikFinder();
            var seen = new HashSet<Nik>();
            var expected = new List<(Nik, long, int)>();
            for (var i = 0; i < serials.Length; i++)
            {
                var nik = Nik.Parse($"64720141019{serials[i]:00000}");
                finder.Add(nik, 10 + i, i);
                if (!seen.Add(nik))
                {
                    expected.Add((nik, 10 + i, i));
                }
            }

            Assert.Equal(expected, finder.FindRepeats(TestRows.Ct));
        }, iter: 100);
    }
}
