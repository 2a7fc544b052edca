using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kependudukan.Aggregation.Internals;

/// <summary>The vectorised kernel: compares a vector of birth, recording and leave days against the as-of thresholds and
/// counts with lane masks in 16-bit accumulators, flushed to 64-bit totals every 4,096 vectors; recording categories come
/// from two byte shuffles whose results carry several counters in 3-bit fields.</summary>
/// <typeparam name="TVec">The vector type.</typeparam>
/// <typeparam name="TIsa">The instruction set the kernel is written in.</typeparam>
internal sealed class VectorCoverageKernel<TVec, TIsa> : ICoverageKernel
    where TVec : struct
    where TIsa : struct, IVectorIsa<TVec>
{
    // Lanes count at most one per vector, so 16-bit lanes hold 4,096 vectors with room to spare.
    private const int FlushInterval = 4096;

    // 3-bit fields hold up to 7 vectors' worth of category counts.
    private const int PackedGroup = 7;

    public static VectorCoverageKernel<TVec, TIsa> Instance { get; } = new();

    public string Name => TIsa.Name;

    public void Count(PopulationTable table, int start, int end, in ScanParameters parameters, Span<long> counters)
    {
        var length = end - start;
        var vectorEnd = start + (length - (length % TIsa.Lanes));
        if (parameters.HasNewly)
        {
            Run<WithNewly>(table, start, vectorEnd, parameters, counters);
        }
        else
        {
            Run<WithoutNewly>(table, start, vectorEnd, parameters, counters);
        }

        ScalarCoverageKernel.Instance.Count(table, vectorEnd, end, parameters, counters);
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<TNewly>(PopulationTable table, int start, int end, in ScanParameters p, Span<long> counters)
        where TNewly : struct, INewlyMode
    {
        unchecked
        {
            ref var birth = ref MemoryMarshal.GetArrayDataReference(table.Birth);
            ref var flags = ref Unsafe.As<ushort, short>(ref MemoryMarshal.GetArrayDataReference(table.Flags));
            ref var recording = ref MemoryMarshal.GetArrayDataReference(table.Recording);
            ref var leave = ref MemoryMarshal.GetArrayDataReference(table.Leave);
            var asOf = TIsa.Create(p.AsOf);
            var born16 = TIsa.Create(p.Born16);
            var born17 = TIsa.Create(p.Born17);
            var born18 = TIsa.Create(p.Born18);
            var newlyAfter = TIsa.Create(p.NewlyAfter);
            var newlyUpTo = TIsa.Create(p.NewlyUpTo);
            var newlyEnd = TIsa.Create(p.NewlyEnd);
            var recordedLookup = TIsa.CreateLookup(p.PackedRecordedLookup);
            var failedLookup = TIsa.CreateLookup(p.PackedFailedLookup);
            var statusMask = TIsa.Create(RowFlags.StatusMask);
            var fieldMask = TIsa.Create(7);
            var lanes = TIsa.Lanes;
            var i = start;
            while (i < end)
            {
                var blockEnd = Math.Min(end, i + (lanes * FlushInterval));
                TVec present = default, byAge = default, byMarriage = default, recorded = default, printReady = default, printed = default;
                TVec failed = default, duplicate = default, aged18 = default, childCertificate = default, aged17 = default, kia = default;
                TVec mayRecord = default, newly = default;
                while (i < blockEnd)
                {
                    // Category counters travel in 3-bit fields of two accumulators for up to 7 vectors.
                    var groupEnd = Math.Min(blockEnd, i + (lanes * PackedGroup));
                    TVec packedRecorded = default, packedFailed = default;
                    for (; i < groupEnd; i += lanes)
                    {
                        var offset = (nuint)i;
                        var b = TIsa.Load(ref birth, offset);
                        var f = TIsa.Load(ref flags, offset);
                        var lv = TIsa.Load(ref leave, offset);

                        var isPresent = TIsa.AndNot(TIsa.GreaterThan(lv, asOf), TIsa.GreaterThan(b, asOf));
                        var under17 = TIsa.GreaterThan(b, born17);
                        var under18 = TIsa.GreaterThan(b, born18);
                        var eligible = TIsa.BitMask(f, 0);
                        var everMarried = TIsa.BitMask(f, RowFlags.EverMarriedShiftUp);
                        var presentEligible = TIsa.And(isPresent, eligible);
                        var isByAge = TIsa.AndNot(presentEligible, under17);
                        var isByMarriage = TIsa.And(TIsa.And(presentEligible, everMarried), under17);
                        var counted = TIsa.AndNot(TIsa.Or(isByAge, isByMarriage), TIsa.GreaterThan(TIsa.Load(ref recording, offset), asOf));
                        var status = TIsa.And(f, statusMask);

                        present = TIsa.Subtract(present, isPresent);
                        byAge = TIsa.Subtract(byAge, isByAge);
                        byMarriage = TIsa.Subtract(byMarriage, isByMarriage);
                        packedRecorded = TIsa.Add(packedRecorded, TIsa.And(TIsa.Lookup(recordedLookup, status), counted));
                        packedFailed = TIsa.Add(packedFailed, TIsa.And(TIsa.Lookup(failedLookup, status), counted));
                        aged18 = TIsa.Subtract(aged18, TIsa.AndNot(isPresent, under18));
                        childCertificate = TIsa.Subtract(childCertificate, TIsa.And(TIsa.And(isPresent, under18), TIsa.BitMask(f, RowFlags.BirthCertificateShiftUp)));
                        aged17 = TIsa.Subtract(aged17, TIsa.AndNot(isPresent, under17));
                        kia = TIsa.Subtract(kia, TIsa.And(TIsa.And(isPresent, under17), TIsa.BitMask(f, RowFlags.KiaShiftUp)));
                        mayRecord = TIsa.Subtract(mayRecord, TIsa.AndNot(TIsa.AndNot(TIsa.And(presentEligible, under17), everMarried), TIsa.GreaterThan(b, born16)));
                        if (TNewly.Enabled)
                        {
                            var window = TIsa.AndNot(TIsa.GreaterThan(b, newlyAfter), TIsa.GreaterThan(b, newlyUpTo));
                            newly = TIsa.Subtract(newly, TIsa.And(TIsa.And(window, eligible), TIsa.GreaterThan(lv, newlyEnd)));
                        }
                    }

                    recorded = TIsa.Add(recorded, TIsa.And(packedRecorded, fieldMask));
                    printReady = TIsa.Add(printReady, TIsa.And(TIsa.ShiftRightLogical(packedRecorded, 3), fieldMask));
                    printed = TIsa.Add(printed, TIsa.ShiftRightLogical(packedRecorded, 6));
                    failed = TIsa.Add(failed, TIsa.And(packedFailed, fieldMask));
                    duplicate = TIsa.Add(duplicate, TIsa.ShiftRightLogical(packedFailed, 3));
                }

                counters[RawCounter.Present] += TIsa.Sum(present);
                counters[RawCounter.WajibByAge] += TIsa.Sum(byAge);
                counters[RawCounter.WajibByMarriage] += TIsa.Sum(byMarriage);
                counters[RawCounter.Recorded] += TIsa.Sum(recorded);
                counters[RawCounter.PrintReady] += TIsa.Sum(printReady);
                counters[RawCounter.Printed] += TIsa.Sum(printed);
                counters[RawCounter.Failed] += TIsa.Sum(failed);
                counters[RawCounter.Duplicate] += TIsa.Sum(duplicate);
                counters[RawCounter.Aged18] += TIsa.Sum(aged18);
                counters[RawCounter.ChildWithBirthCertificate] += TIsa.Sum(childCertificate);
                counters[RawCounter.Aged17] += TIsa.Sum(aged17);
                counters[RawCounter.Under17WithKia] += TIsa.Sum(kia);
                counters[RawCounter.MayRecordEarly] += TIsa.Sum(mayRecord);
                counters[RawCounter.Newly] += TIsa.Sum(newly);
            }
        }
    }
}

/// <summary>Compiles the newly-wajib-KTP counter in or out of a kernel loop.</summary>
internal interface INewlyMode
{
    static abstract bool Enabled { get; }
}

/// <summary>Counts newly wajib KTP residents.</summary>
internal readonly struct WithNewly : INewlyMode
{
    public static bool Enabled => true;
}

/// <summary>Leaves the newly-wajib-KTP counter at 0.</summary>
internal readonly struct WithoutNewly : INewlyMode
{
    public static bool Enabled => false;
}
