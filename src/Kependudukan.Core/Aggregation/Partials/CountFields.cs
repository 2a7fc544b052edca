using Kependudukan.Coverage;
using static System.FormattableString;

namespace Kependudukan.Aggregation.Partials;

/// <summary>The stored fields of <see cref="CoverageCounts"/> in their serialised order, and the rules that tie them together.</summary>
internal static class CountFields
{
    internal const int Count = 15;

    private const int Population = 0;
    private const int WajibKtp = 1;
    private const int WajibKtpByAge = 2;
    private const int WajibKtpByMarriage = 3;
    private const int Recorded = 4;
    private const int PrintReady = 5;
    private const int Printed = 6;
    private const int RecordingFailed = 7;
    private const int Duplicates = 8;
    private const int Children = 9;
    private const int ChildrenWithBirthCertificate = 10;
    private const int ChildrenUnder17 = 11;
    private const int ChildrenUnder17WithKia = 12;
    private const int MayRecordEarly = 13;
    private const int NewlyWajibKtp = 14;

    /// <summary>Gets the JSON property names, in serialised order.</summary>
    internal static string[] JsonNames { get; } =
    [
        "population", "wajibKtp", "wajibKtpByAge", "wajibKtpByMarriage", "recorded", "printReady", "printed", "recordingFailed",
        "duplicates", "children", "childrenWithBirthCertificate", "childrenUnder17", "childrenUnder17WithKia", "mayRecordEarly",
        "newlyWajibKtp",
    ];

    private static string[] PropertyNames { get; } = [.. JsonNames.Select(n => string.Concat(n[..1].ToUpperInvariant(), n[1..]))];

    internal static void Read(in CoverageCounts counts, Span<long> values)
    {
        values[Population] = counts.Population;
        values[WajibKtp] = counts.WajibKtp;
        values[WajibKtpByAge] = counts.WajibKtpByAge;
        values[WajibKtpByMarriage] = counts.WajibKtpByMarriage;
        values[Recorded] = counts.Recorded;
        values[PrintReady] = counts.PrintReady;
        values[Printed] = counts.Printed;
        values[RecordingFailed] = counts.RecordingFailed;
        values[Duplicates] = counts.Duplicates;
        values[Children] = counts.Children;
        values[ChildrenWithBirthCertificate] = counts.ChildrenWithBirthCertificate;
        values[ChildrenUnder17] = counts.ChildrenUnder17;
        values[ChildrenUnder17WithKia] = counts.ChildrenUnder17WithKia;
        values[MayRecordEarly] = counts.MayRecordEarly;
        values[NewlyWajibKtp] = counts.NewlyWajibKtp;
    }

    internal static CoverageCounts Create(ReadOnlySpan<long> values) => new()
    {
        Population = values[Population],
        WajibKtp = values[WajibKtp],
        WajibKtpByAge = values[WajibKtpByAge],
        WajibKtpByMarriage = values[WajibKtpByMarriage],
        Recorded = values[Recorded],
        PrintReady = values[PrintReady],
        Printed = values[Printed],
        RecordingFailed = values[RecordingFailed],
        Duplicates = values[Duplicates],
        Children = values[Children],
        ChildrenWithBirthCertificate = values[ChildrenWithBirthCertificate],
        ChildrenUnder17 = values[ChildrenUnder17],
        ChildrenUnder17WithKia = values[ChildrenUnder17WithKia],
        MayRecordEarly = values[MayRecordEarly],
        NewlyWajibKtp = values[NewlyWajibKtp],
    };

    /// <summary>Checks the rules <see cref="CoverageCounts"/> documents; returns the first broken one, or <see langword="null"/>.</summary>
    internal static string? Check(in CoverageCounts counts, bool hasInterval)
    {
        Span<long> v = stackalloc long[Count];
        Read(counts, v);
        for (var i = 0; i < Count; i++)
        {
            if (v[i] < 0)
            {
                return Invariant($"{PropertyNames[i]} ({v[i]}) is negative.");
            }
        }

        if (v[WajibKtp] - v[WajibKtpByAge] != v[WajibKtpByMarriage])
        {
            return Invariant($"WajibKtp ({v[WajibKtp]}) should equal WajibKtpByAge ({v[WajibKtpByAge]}) + WajibKtpByMarriage ({v[WajibKtpByMarriage]}).");
        }

        if (!hasInterval && v[NewlyWajibKtp] != 0)
        {
            return Invariant($"NewlyWajibKtp ({v[NewlyWajibKtp]}) should be 0 when the partial has no newly-wajib-KTP interval.");
        }

        ReadOnlySpan<(int Part, int Whole)> atMost =
        [
            (WajibKtp, Population), (Recorded, WajibKtp), (PrintReady, Recorded), (Printed, PrintReady),
            (RecordingFailed, WajibKtp), (Duplicates, WajibKtp), (Children, Population),
            (ChildrenWithBirthCertificate, Children), (ChildrenUnder17, Children), (ChildrenUnder17WithKia, ChildrenUnder17),
        ];
        foreach (var (part, whole) in atMost)
        {
            if (v[part] > v[whole])
            {
                return Invariant($"{PropertyNames[part]} ({v[part]}) should be at most {PropertyNames[whole]} ({v[whole]}).");
            }
        }

        return v[MayRecordEarly] > v[Population] - v[WajibKtp]
            ? Invariant($"MayRecordEarly ({v[MayRecordEarly]}) should be at most Population − WajibKtp ({v[Population] - v[WajibKtp]}).")
            : null;
    }
}
