using System.Numerics;

namespace Kependudukan.Tests.Identity;

/// <summary>Checks the value-type contract (NodaTime TestHelper style): equality, hash, ordering and every operator agree.</summary>
internal static class ValueTypeAssert
{
    public static void Contract<T>(T value, T equalValue, T greaterValue)
        where T : struct, IEquatable<T>, IComparable<T>, IComparable, IComparisonOperators<T, T, bool>
    {
        Assert.True(value.Equals(equalValue));
        Assert.False(value.Equals(greaterValue));
        Assert.True(value.Equals((object)equalValue));
        Assert.False(value.Equals((object)greaterValue));
        Assert.False(value.Equals(null));
        Assert.False(value.Equals("not a value"));
        Assert.Equal(value.GetHashCode(), equalValue.GetHashCode());

        Assert.Equal(0, value.CompareTo(equalValue));
        Assert.True(value.CompareTo(greaterValue) < 0);
        Assert.True(greaterValue.CompareTo(value) > 0);
        IComparable comparable = value;
        Assert.Equal(0, comparable.CompareTo(equalValue));
        Assert.True(comparable.CompareTo(greaterValue) < 0);
        Assert.True(comparable.CompareTo(null) > 0);
        Assert.Throws<ArgumentException>("obj", () => comparable.CompareTo("not a value"));

        Assert.True(value == equalValue);
        Assert.False(value == greaterValue);
        Assert.False(value != equalValue);
        Assert.True(value != greaterValue);
        Assert.True(value < greaterValue);
        Assert.False(value < equalValue);
        Assert.False(greaterValue < value);
        Assert.True(value <= greaterValue);
        Assert.True(value <= equalValue);
        Assert.False(greaterValue <= value);
        Assert.True(greaterValue > value);
        Assert.False(value > equalValue);
        Assert.False(value > greaterValue);
        Assert.True(greaterValue >= value);
        Assert.True(value >= equalValue);
        Assert.False(value >= greaterValue);
    }

    /// <summary>The default value equals only itself and sorts before every valid value.</summary>
    public static void DefaultSortsFirst<T>(T valid)
        where T : struct, IEquatable<T>, IComparable<T>, IComparable, IComparisonOperators<T, T, bool> =>
        Contract(default, new T(), valid);
}
