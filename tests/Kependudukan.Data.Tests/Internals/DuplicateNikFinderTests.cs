using CsCheck;
using Kependudukan.Data.Internals;
using Kependudukan.Identity;

namespace Kependudukan.Data.Tests.Internals;

public sealed class DuplicateNikFinderTests
{
    [Fact]
    public void Sort_RandomKeys_SameAsStableSortByUpperHalf()
    {
        // Few distinct upper halves, so the stability of the sort is tested too.
        Gen.Select(Gen.UInt[0, 40], Gen.UInt).Array[0, 3000].Sample(parts =>
        {
            var keys = parts.Select(p => ((ulong)(p.Item1 * 409_000u) << 32) | p.Item2).ToArray();
            var expected = keys.OrderBy(k => k >> 32).ToArray();
            Assert.Equal(expected, DuplicateNikFinder.Sort(keys, new ulong[keys.Length]).ToArray());
        }, iter: 100);
    }

    [Fact]
    public void FindRepeats_PartsAppended_SameAsOneFinder()
    {
        // Serials from a small range make repeats common; the parts' rows and lines continue the earlier parts'.
        Gen.Int[1, 300].Array[0, 600].Array[1, 4].Sample(parts =>
        {
            var whole = new DuplicateNikFinder();
            var appended = new DuplicateNikFinder();
            var row = 0;
            foreach (var serials in parts)
            {
                var part = new DuplicateNikFinder();
                for (var i = 0; i < serials.Length; i++)
                {
                    var nik = Nik.Parse($"64720141019{serials[i]:00000}");
                    whole.Add(nik, 10 + row + i, row + i);
                    part.Add(nik, 10 + i, i);
                }

                appended.AddRange(part, row, row);
                row += serials.Length;
            }

            Assert.Equal(whole.FindRepeats(1, TestRows.Ct), appended.FindRepeats(2, TestRows.Ct));
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

            Assert.Equal(expected, finder.FindRepeats(1, TestRows.Ct));
        }, iter: 100);
    }
}
