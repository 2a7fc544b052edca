namespace Kependudukan.Devices;

/// <summary>The outcome of <see cref="Apportionment.Allocate"/>: the units of every region and the ties met on the way.</summary>
/// <remarks>
/// <para><see cref="Units"/> are totals, units already held included; <see cref="Added"/> are the units handed out by this
/// allocation. Without unresolved ties the added units sum to the units requested; with
/// <see cref="ApportionmentTiePolicy.Report"/> the contested units are left out and counted in <see cref="UnallocatedUnits"/>.</para>
/// </remarks>
/// <threadsafety>This type is immutable.</threadsafety>
public sealed class ApportionmentResult
{
    internal ApportionmentResult(ApportionmentMethod method, int[] units, int[] added, ApportionmentTie[] ties)
    {
        Method = method;
        Units = Array.AsReadOnly(units);
        Added = Array.AsReadOnly(added);
        Ties = Array.AsReadOnly(ties);
        foreach (var tie in ties)
        {
            if (tie.IsUnresolved)
            {
                UnallocatedUnits += tie.ContestedUnits;
            }
        }
    }

    /// <summary>Gets the method that produced this result.</summary>
    /// <value>A defined method.</value>
    public ApportionmentMethod Method { get; }

    /// <summary>Gets the total units of each region after the allocation, units already held included.</summary>
    /// <value>One entry per weight, in the order of the weights.</value>
    public IReadOnlyList<int> Units { get; }

    /// <summary>Gets the units handed to each region by this allocation (its total minus the units it already held).</summary>
    /// <value>One entry per weight, each 0 or more.</value>
    public IReadOnlyList<int> Added { get; }

    /// <summary>Gets the ties met on the last units.</summary>
    /// <value>Empty when no tie was met; otherwise one tie.</value>
    public IReadOnlyList<ApportionmentTie> Ties { get; }

    /// <summary>Gets the units left unallocated because their tie was reported, not broken.</summary>
    /// <value>0 unless a tie was met under <see cref="ApportionmentTiePolicy.Report"/>.</value>
    public int UnallocatedUnits { get; }
}
