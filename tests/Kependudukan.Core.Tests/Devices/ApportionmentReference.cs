using System.Numerics;
using Kependudukan.Devices;

namespace Kependudukan.Tests.Devices;

/// <summary>
/// Plain reference implementations: divisor methods give one unit at a time (a whole group of equal claims at once) with
/// claims compared as BigInteger fractions; Hamilton finds its scale by linear interpolation between breakpoints.
/// </summary>
internal static class ApportionmentReference
{
    internal sealed record Outcome(int[] Units, int[] TieRegions, int Contested, int[] Recipients);

    internal static (int[] Lower, int[] Upper, int Total)? Bounds(ApportionmentMethod method, int units, long[] weights, ApportionmentOptions options)
    {
        var n = weights.Length;
        var lower = new int[n];
        var upper = new int[n];
        long total = units + (options.Held?.Sum() ?? 0);
        for (var i = 0; i < n; i++)
        {
            var floors = new List<int> { options.MinimumPerRegion, options.Minimums?[i] ?? 0, options.Held?[i] ?? 0 };
            if (method is ApportionmentMethod.Adams or ApportionmentMethod.HuntingtonHill && weights[i] > 0)
            {
                floors.Add(1);
            }

            lower[i] = floors.Max();
            var cap = Math.Min(options.MaximumPerRegion ?? int.MaxValue, options.Maximums?[i] ?? int.MaxValue);
            if (lower[i] > cap)
            {
                return null;
            }

            upper[i] = weights[i] > 0 ? (int)Math.Min(cap, total) : lower[i];
        }

        return lower.Sum(x => (long)x) <= total && upper.Sum(x => (long)x) >= total ? (lower, upper, (int)total) : null;
    }

    internal static Outcome Allocate(ApportionmentMethod method, int units, long[] weights, ApportionmentOptions options)
    {
        var (lower, upper, total) = Bounds(method, units, weights, options) ?? throw new ArgumentException("infeasible");
        return method == ApportionmentMethod.Hamilton
            ? Hamilton(weights, lower, upper, total, options.TiePolicy)
            : Sequential(method, weights, lower, upper, total, options.TiePolicy);
    }

    internal static (BigInteger Num, BigInteger Den) Claim(ApportionmentMethod method, long weight, int k) => method switch
    {
        ApportionmentMethod.Jefferson => (weight, k + 1),
        ApportionmentMethod.Webster => (2 * (BigInteger)weight, (2 * (BigInteger)k) + 1),
        ApportionmentMethod.Adams => (weight, k),
        ApportionmentMethod.HuntingtonHill => ((BigInteger)weight * weight, (BigInteger)k * (k + 1)),
        ApportionmentMethod.EqualShare => (weight > 0 ? 1 : 0, k + 1),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    private static int Compare((BigInteger Num, BigInteger Den) x, (BigInteger Num, BigInteger Den) y) =>
        (x.Num * y.Den).CompareTo(y.Num * x.Den);

    private static Outcome Sequential(ApportionmentMethod method, long[] weights, int[] lower, int[] upper, int total, ApportionmentTiePolicy policy)
    {
        var units = (int[])lower.Clone();
        var remaining = total - units.Sum();
        while (remaining > 0)
        {
            (BigInteger Num, BigInteger Den)? best = null;
            var group = new List<int>();
            for (var i = 0; i < units.Length; i++)
            {
                if (weights[i] == 0 || units[i] >= upper[i])
                {
                    continue;
                }

                var claim = Claim(method, weights[i], units[i]);
                var order = best is { } b ? Compare(claim, b) : 1;
                if (order > 0)
                {
                    (best, group) = (claim, [i]);
                }
                else if (order == 0)
                {
                    group.Add(i);
                }
            }

            if (group.Count <= remaining)
            {
                group.ForEach(i => units[i]++);
                remaining -= group.Count;
                continue;
            }

            return Tie(units, group, remaining, weights, policy);
        }

        return new Outcome(units, [], 0, []);
    }

    private static Outcome Tie(int[] units, List<int> group, int contested, long[] weights, ApportionmentTiePolicy policy)
    {
        int[] recipients = policy switch
        {
            ApportionmentTiePolicy.Report => [],
            ApportionmentTiePolicy.LowerIndexFirst => [.. group.Order().Take(contested)],
            _ => [.. group.OrderByDescending(i => weights[i]).ThenBy(i => i).Take(contested).Order()],
        };
        foreach (var i in recipients)
        {
            units[i]++;
        }

        return new Outcome(units, [.. group.Order()], contested, recipients);
    }

    private static Outcome Hamilton(long[] weights, int[] lower, int[] upper, int total, ApportionmentTiePolicy policy)
    {
        var n = weights.Length;
        var active = Enumerable.Range(0, n).Where(i => weights[i] > 0 && upper[i] > lower[i]).ToList();
        var target = total - Enumerable.Range(0, n).Where(i => !active.Contains(i)).Sum(i => lower[i]);
        var units = (int[])lower.Clone();
        if (active.Count == 0)
        {
            return new Outcome(units, [], 0, []);
        }

        // g(λ) = Σ clamp(w·λ, lower, upper) at every breakpoint; interpolate linearly inside the segment holding the target.
        var points = active.SelectMany(i => new[] { new Fraction(lower[i], weights[i]), new Fraction(upper[i], weights[i]) })
            .Append(new Fraction(0, 1)).Distinct().Order().ToList();
        Fraction G(Fraction lambda) => active.Aggregate(new Fraction(0, 1), (sum, i) =>
            sum + Fraction.Clamp(lambda * weights[i], new Fraction(lower[i], 1), new Fraction(upper[i], 1)));
        var t = new Fraction(target, 1);
        var j = points.FindLastIndex(p => G(p).CompareTo(t) <= 0);
        var lambda = G(points[j]).CompareTo(t) == 0
            ? points[j]
            : points[j] + ((t - G(points[j])) * (points[j + 1] - points[j]) / (G(points[j + 1]) - G(points[j])));

        var remainders = new Dictionary<int, Fraction>();
        var left = target;
        foreach (var i in active)
        {
            var quota = Fraction.Clamp(lambda * weights[i], new Fraction(lower[i], 1), new Fraction(upper[i], 1));
            units[i] = (int)quota.Floor();
            left -= units[i];
            if (quota - new Fraction(units[i], 1) is { IsZero: false } rest)
            {
                remainders[i] = rest;
            }
        }

        while (left > 0)
        {
            var best = remainders.Values.Max()!;
            var group = remainders.Where(kv => kv.Value.CompareTo(best) == 0).Select(kv => kv.Key).ToList();
            if (group.Count > left)
            {
                return Tie(units, group, left, weights, policy);
            }

            group.ForEach(i => { units[i]++; remainders.Remove(i); });
            left -= group.Count;
        }

        return new Outcome(units, [], 0, []);
    }

    /// <summary>An exact rational with a positive denominator.</summary>
    internal sealed class Fraction : IComparable<Fraction>, IEquatable<Fraction>
    {
        public Fraction(BigInteger num, BigInteger den)
        {
            var g = BigInteger.GreatestCommonDivisor(num, den);
            if (g.IsZero)
            {
                g = 1;
            }

            (Num, Den) = den.Sign < 0 ? (-num / g, -den / g) : (num / g, den / g);
        }

        public BigInteger Num { get; }

        public BigInteger Den { get; }

        public bool IsZero => Num.IsZero;

        public static Fraction operator +(Fraction a, Fraction b) => new((a.Num * b.Den) + (b.Num * a.Den), a.Den * b.Den);

        public static Fraction operator -(Fraction a, Fraction b) => new((a.Num * b.Den) - (b.Num * a.Den), a.Den * b.Den);

        public static Fraction operator *(Fraction a, Fraction b) => new(a.Num * b.Num, a.Den * b.Den);

        public static Fraction operator *(Fraction a, long b) => new(a.Num * b, a.Den);

        public static Fraction operator /(Fraction a, Fraction b) => new(a.Num * b.Den, a.Den * b.Num);

        public static Fraction Clamp(Fraction x, Fraction low, Fraction high) =>
            x.CompareTo(low) < 0 ? low : x.CompareTo(high) > 0 ? high : x;

        public BigInteger Floor() => BigInteger.Divide(Num - (Num.Sign < 0 ? Den - 1 : 0), Den);

        public int CompareTo(Fraction? other) => (Num * other!.Den).CompareTo(other.Num * Den);

        public bool Equals(Fraction? other) => other is not null && Num == other.Num && Den == other.Den;

        public override bool Equals(object? obj) => Equals(obj as Fraction);

        public override int GetHashCode() => HashCode.Combine(Num, Den);
    }
}
