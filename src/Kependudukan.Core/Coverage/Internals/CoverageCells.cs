namespace Kependudukan.Coverage.Internals;

/// <summary>The cells of a report row, in export schema order: the counts, then the ratio indicators.</summary>
internal static class CoverageCells
{
    /// <summary>The count cells; the count indicators share their identifiers and labels.</summary>
    internal static IReadOnlyList<CountCell> Counts { get; } =
    [
        new("population", "Population", "Jumlah penduduk", c => c.Population, (c, v) => c with { Population = v }),
        FromIndicator(CoverageIndicator.WajibKtp, (c, v) => c with { WajibKtp = v }),
        new("wajib_ktp_by_age", "Wajib KTP by age (17 or older)", "Wajib KTP karena umur (17 tahun ke atas)", c => c.WajibKtpByAge, (c, v) => c with { WajibKtpByAge = v }),
        new("wajib_ktp_by_marriage", "Wajib KTP by marriage (under 17)", "Wajib KTP karena status kawin (di bawah 17 tahun)", c => c.WajibKtpByMarriage, (c, v) => c with { WajibKtpByMarriage = v }),
        new("recorded", "Wajib KTP recorded", "Wajib KTP sudah rekam", c => c.Recorded, (c, v) => c with { Recorded = v }),
        FromIndicator(CoverageIndicator.NotRecorded, null),
        new("print_ready", "Print-ready (PRR) or beyond", "Siap cetak (PRR) atau lebih lanjut", c => c.PrintReady, (c, v) => c with { PrintReady = v }),
        new("printed", "Card printed", "Sudah cetak KTP-el", c => c.Printed, (c, v) => c with { Printed = v }),
        new("recording_failed", "Recording failed", "Gagal rekam", c => c.RecordingFailed, (c, v) => c with { RecordingFailed = v }),
        new("duplicates", "Duplicate records", "Rekaman ganda", c => c.Duplicates, (c, v) => c with { Duplicates = v }),
        new("children", "Children aged 0-17", "Anak usia 0-17 tahun", c => c.Children, (c, v) => c with { Children = v }),
        new("children_with_birth_certificate", "Children aged 0-17 with a birth certificate", "Anak 0-17 tahun memiliki akta kelahiran", c => c.ChildrenWithBirthCertificate, (c, v) => c with { ChildrenWithBirthCertificate = v }),
        new("children_under_17", "Children under 17", "Anak di bawah 17 tahun", c => c.ChildrenUnder17, (c, v) => c with { ChildrenUnder17 = v }),
        new("children_under_17_with_kia", "Children under 17 with a KIA", "Anak di bawah 17 tahun memiliki KIA", c => c.ChildrenUnder17WithKia, (c, v) => c with { ChildrenUnder17WithKia = v }),
        new("may_record_early", "Aged 16, may record early", "Usia 16 tahun, boleh rekam lebih awal", c => c.MayRecordEarly, (c, v) => c with { MayRecordEarly = v }),
        FromIndicator(CoverageIndicator.NewlyWajibKtp, (c, v) => c with { NewlyWajibKtp = v }),
    ];

    /// <summary>The ratio indicators, in <see cref="CoverageIndicator.All"/> order.</summary>
    internal static IReadOnlyList<CoverageIndicator> Ratios { get; } = [.. CoverageIndicator.All.Where(i => i.Kind == CoverageIndicatorKind.Ratio)];

    internal static string Label(this CountCell cell, LabelLanguage language) => language == LabelLanguage.Indonesian ? cell.Indonesian : cell.English;

    private static CountCell FromIndicator(CoverageIndicator indicator, Func<CoverageCounts, long, CoverageCounts>? set) =>
        new(indicator.Id, indicator.EnglishLabel, indicator.IndonesianLabel, indicator.GetCount, set);

    /// <summary>A count column: identifier, labels, how to read it from counts and how to set it (<see langword="null"/> for a derived count).</summary>
    internal sealed record CountCell(string Id, string English, string Indonesian, Func<CoverageCounts, long> Get, Func<CoverageCounts, long, CoverageCounts>? Set);
}
