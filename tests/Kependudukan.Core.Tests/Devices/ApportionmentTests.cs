using Kependudukan.Devices;

namespace Kependudukan.Tests.Devices;

public partial class ApportionmentTests
{
    // Wikipedia's example for D'Hondt and for Sainte-Laguë: four parties, 8 seats. Hand check, D'Hondt quotients
    // 100k, 80k, 50k, 40k, 33.3k, 30k, 26.7k, 25k take the seats (A 4, B 3, C 1); Sainte-Laguë (divisors 1, 3, 5)
    // takes 100k, 80k, 33.3k, 30k, 26.7k, 20k (A), 20k (D), 16k (B). Adams (1 each, then 100k, 80k, 50k, 40k),
    // Huntington-Hill (1 each, then 70.7k, 56.6k, 40.8k, 32.7k) and Hamilton (quotas 3.48, 2.78, 1.04, 0.70) agree with Sainte-Laguë.
    private static readonly long[] s_fourParties = [100_000, 80_000, 30_000, 20_000];

    [Theory]
    [InlineData(ApportionmentMethod.Jefferson, new[] { 4, 3, 1, 0 })]
    [InlineData(ApportionmentMethod.Webster, new[] { 3, 3, 1, 1 })]
    [InlineData(ApportionmentMethod.Adams, new[] { 3, 3, 1, 1 })]
    [InlineData(ApportionmentMethod.HuntingtonHill, new[] { 3, 3, 1, 1 })]
    [InlineData(ApportionmentMethod.Hamilton, new[] { 3, 3, 1, 1 })]
    [InlineData(ApportionmentMethod.EqualShare, new[] { 2, 2, 2, 2 })]
    public void Allocate_WikipediaFourParties_MatchesPublishedSeats(ApportionmentMethod method, int[] expected)
    {
        var result = Apportionment.Allocate(method, 8, s_fourParties);

        Assert.Equal(expected, result.Units);
        Assert.Equal(expected, result.Added);
        Assert.Empty(result.Ties);
        Assert.Equal(0, result.UnallocatedUnits);
        Assert.Equal(method, result.Method);
    }

    // Weights 90, 5, 5 and 10 units, by hand. Jefferson: A's 10th quotient 90/10 = 9 beats 5. Adams and Huntington-Hill:
    // one each, then A's claims (90, 45, … 11.25 or 63.6 … 12.0) beat B's (5 or 3.5). Webster: A takes 9 (90/8.5 = 10.6 > 10),
    // then B and C tie at 5/0.5 = 10 for the last unit. Hamilton: quotas 9, 0.5, 0.5: B and C tie on the remainder.
    [Theory]
    [InlineData(ApportionmentMethod.Jefferson, new[] { 10, 0, 0 }, false)]
    [InlineData(ApportionmentMethod.Adams, new[] { 8, 1, 1 }, false)]
    [InlineData(ApportionmentMethod.HuntingtonHill, new[] { 8, 1, 1 }, false)]
    [InlineData(ApportionmentMethod.Webster, new[] { 9, 0, 0 }, true)]
    [InlineData(ApportionmentMethod.Hamilton, new[] { 9, 0, 0 }, true)]
    public void Allocate_LargeAndTwoSmall_HandComputed(ApportionmentMethod method, int[] expected, bool tied)
    {
        var result = Apportionment.Allocate(method, 10, [90, 5, 5]);

        Assert.Equal(expected, result.Units);
        Assert.Equal(tied ? 1 : 0, result.UnallocatedUnits);
        if (tied)
        {
            var tie = Assert.Single(result.Ties);
            Assert.Equal([1, 2], tie.Regions);
            Assert.Equal(1, tie.ContestedUnits);
            Assert.Empty(tie.Recipients);
            Assert.True(tie.IsUnresolved);
        }
    }

    // Webster on 90, 5, 15 with 11 units, by hand: A's claims 90/(k + 0.5) = 180, 60, 36, 25.7, 20, 16.4, 13.8, 12, 10.6, 9.5;
    // C's 15/(k + 0.5) = 30, 10, 6; B's 5/0.5 = 10. The ten strongest give A 9 and C 1; the 11th unit is contested by
    // B (unit 1, claim 10) and C (unit 2, claim 10), ahead of A's 9.5.
    [Theory]
    [InlineData(ApportionmentTiePolicy.Report, new[] { 9, 0, 1 }, new int[0])]
    [InlineData(ApportionmentTiePolicy.LowerIndexFirst, new[] { 9, 1, 1 }, new[] { 1 })]
    [InlineData(ApportionmentTiePolicy.LargerWeightFirst, new[] { 9, 0, 2 }, new[] { 2 })]
    public void Allocate_TieUnderPolicy_ListsTieAndAppliesRule(ApportionmentTiePolicy policy, int[] expected, int[] recipients)
    {
        var result = Apportionment.Allocate(ApportionmentMethod.Webster, 11, [90, 5, 15], new ApportionmentOptions { TiePolicy = policy });

        Assert.Equal(expected, result.Units);
        var tie = Assert.Single(result.Ties);
        Assert.Equal([1, 2], tie.Regions);
        Assert.Equal(1, tie.ContestedUnits);
        Assert.Equal(recipients, tie.Recipients);
        Assert.Equal(policy == ApportionmentTiePolicy.Report ? 1 : 0, result.UnallocatedUnits);
    }
}
