namespace Kependudukan.Devices;

/// <summary>What an apportionment does when the last units are contested by more regions than there are units left.</summary>
/// <remarks>
/// <para>A tie arises when several regions have exactly the same claim (the same priority for a divisor method, the same
/// remainder for <see cref="ApportionmentMethod.Hamilton"/>) on the last units and not all of them can get one. Ties are
/// always listed in <see cref="ApportionmentResult.Ties"/>; the policy only decides whether the contested units are
/// handed out.</para>
/// <para>The value 0 (<see cref="None"/>) is not a policy and is rejected.</para>
/// </remarks>
public enum ApportionmentTiePolicy
{
    /// <summary>No policy; not valid as an argument.</summary>
    None = 0,

    /// <summary>Leave the contested units unallocated and list the tied regions, so a person decides (the default).</summary>
    Report = 1,

    /// <summary>Give the contested units to the tied regions with the lowest indexes.</summary>
    LowerIndexFirst = 2,

    /// <summary>Give the contested units to the tied regions with the largest weights; among equal weights, the lowest indexes.</summary>
    LargerWeightFirst = 3,
}
