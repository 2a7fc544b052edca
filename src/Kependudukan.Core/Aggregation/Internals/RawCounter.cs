using Kependudukan.Coverage;

namespace Kependudukan.Aggregation.Internals;

/// <summary>Indexes of the counters a scan accumulates; <see cref="ToCounts"/> turns them into <see cref="CoverageCounts"/>.</summary>
/// <remarks>Scans count what is cheapest to count: "aged 18 or more" instead of children, since children = population − it.</remarks>
internal static class RawCounter
{
    public const int Present = 0;
    public const int WajibByAge = 1;
    public const int WajibByMarriage = 2;
    public const int Recorded = 3;
    public const int PrintReady = 4;
    public const int Printed = 5;
    public const int Failed = 6;
    public const int Duplicate = 7;
    public const int Aged18 = 8;
    public const int ChildWithBirthCertificate = 9;
    public const int Aged17 = 10;
    public const int Under17WithKia = 11;
    public const int MayRecordEarly = 12;
    public const int Newly = 13;

    /// <summary>The stride of one set of counters (padded to a cache-friendly 16).</summary>
    public const int Count = 16;

    public static CoverageCounts ToCounts(ReadOnlySpan<long> raw) => new()
    {
        Population = raw[Present],
        WajibKtp = raw[WajibByAge] + raw[WajibByMarriage],
        WajibKtpByAge = raw[WajibByAge],
        WajibKtpByMarriage = raw[WajibByMarriage],
        Recorded = raw[Recorded],
        PrintReady = raw[PrintReady],
        Printed = raw[Printed],
        RecordingFailed = raw[Failed],
        Duplicates = raw[Duplicate],
        Children = raw[Present] - raw[Aged18],
        ChildrenWithBirthCertificate = raw[ChildWithBirthCertificate],
        ChildrenUnder17 = raw[Present] - raw[Aged17],
        ChildrenUnder17WithKia = raw[Under17WithKia],
        MayRecordEarly = raw[MayRecordEarly],
        NewlyWajibKtp = raw[Newly],
    };

    public static void Add(Span<long> target, ReadOnlySpan<long> source)
    {
        for (var i = 0; i < Count; i++)
        {
            target[i] += source[i];
        }
    }
}
