using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Kependudukan.Aggregation.Internals;

/// <summary>The portable kernel: one resident at a time with integer compares; also counts the tails of the vector kernels
/// and the permit corrections.</summary>
internal sealed class ScalarCoverageKernel : ICoverageKernel
{
    public static ScalarCoverageKernel Instance { get; } = new();

    public string Name => "Scalar";

    public void Count(PopulationTable table, int start, int end, in ScanParameters parameters, Span<long> counters)
    {
        var birth = table.Birth;
        var flags = table.Flags;
        var recording = table.Recording;
        var leave = table.Leave;
        for (var row = start; row < end; row++)
        {
            var eligible = RowFlags.IsEligibleCitizen(flags[row]);
            CountRow(birth[row], flags[row], recording[row], leave[row], parameters, eligible, eligible, counters, 1);
        }
    }

    /// <summary>Adds <paramref name="sign"/> times one resident's counts, with citizenship eligibility on the as-of date
    /// and on the last day of the newly-wajib-KTP interval given by the caller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CountRow(short birth, ushort flags, short recording, short leave, in ScanParameters p, bool eligibleOnAsOf, bool eligibleOnNewlyEnd, Span<long> counters, long sign)
    {
        unchecked
        {
            var present = birth <= p.AsOf && leave > p.AsOf;
            var aged16 = birth <= p.Born16;
            var aged17 = birth <= p.Born17;
            var aged18 = birth <= p.Born18;
            var everMarried = RowFlags.IsEverMarried(flags);
            var presentEligible = present && eligibleOnAsOf;
            var byAge = presentEligible && aged17;
            var byMarriage = presentEligible && everMarried && !aged17;
            var category = (byAge || byMarriage) && recording <= p.AsOf ? p.CategoryLookup.GetElement(flags & RowFlags.StatusMask) : 0;
            counters[RawCounter.Present] += present ? sign : 0;
            counters[RawCounter.WajibByAge] += byAge ? sign : 0;
            counters[RawCounter.WajibByMarriage] += byMarriage ? sign : 0;
            counters[RawCounter.Recorded] += (category & ScanParameters.CategoryRecorded) != 0 ? sign : 0;
            counters[RawCounter.PrintReady] += (category & ScanParameters.CategoryPrintReady) != 0 ? sign : 0;
            counters[RawCounter.Printed] += (category & ScanParameters.CategoryPrinted) != 0 ? sign : 0;
            counters[RawCounter.Failed] += (category & ScanParameters.CategoryFailed) != 0 ? sign : 0;
            counters[RawCounter.Duplicate] += (category & ScanParameters.CategoryDuplicate) != 0 ? sign : 0;
            counters[RawCounter.Aged18] += present && aged18 ? sign : 0;
            counters[RawCounter.ChildWithBirthCertificate] += present && !aged18 && RowFlags.HasBirthCertificate(flags) ? sign : 0;
            counters[RawCounter.Aged17] += present && aged17 ? sign : 0;
            counters[RawCounter.Under17WithKia] += present && !aged17 && RowFlags.HasKia(flags) ? sign : 0;
            counters[RawCounter.MayRecordEarly] += presentEligible && !everMarried && aged16 && !aged17 ? sign : 0;
            if (p.HasNewly)
            {
                var newly = eligibleOnNewlyEnd && birth > p.NewlyAfter && birth <= p.NewlyUpTo && leave > p.NewlyEnd;
                counters[RawCounter.Newly] += newly ? sign : 0;
            }
        }
    }
}
