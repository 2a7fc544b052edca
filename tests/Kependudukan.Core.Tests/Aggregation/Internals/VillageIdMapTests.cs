using CsCheck;
using Kependudukan.Aggregation.Internals;

namespace Kependudukan.Tests.Aggregation.Internals;

/// <summary>The village-id map against a <see cref="Dictionary{TKey, TValue}"/> as the reference.</summary>
public sealed class VillageIdMapTests
{
    [Fact]
    public void GetOrAdd_RandomCodes_SameAsDictionary()
    {
        // Few distinct codes (many repeats) up to enough to grow the table several times; codes that differ only in high digits.
        var codes = Gen.OneOf(Gen.Long[1, 40], Gen.Long[1_101_011_001, 9_999_999_999], Gen.Int[1, 5_000].Select(i => i * 100_000_000L + 1));
        Gen.Select(codes.Array[0, 3_000], Gen.Bool).Sample((keys, clearHalfway) =>
        {
            var map = new VillageIdMap();
            var reference = new Dictionary<long, int>();
            for (var i = 0; i < keys.Length; i++)
            {
                if (clearHalfway && i == keys.Length / 2)
                {
                    map.Clear();
                    reference.Clear();
                }

                var expectedAdded = !reference.TryGetValue(keys[i], out var expected);
                if (expectedAdded)
                {
                    expected = reference.Count;
                    reference.Add(keys[i], expected);
                }

                Assert.Equal(expected, map.GetOrAdd(keys[i], reference.Count - (expectedAdded ? 1 : 0), out var added));
                Assert.Equal(expectedAdded, added);
                Assert.Equal(reference.Count, map.Count);
            }
        }, iter: 300);
    }
}
