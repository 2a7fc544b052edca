using System.Globalization;
using System.Text;
using System.Text.Json;
using Kependudukan.Coverage.Internals;
using Kependudukan.Regions;
using NodaTime;
using NodaTime.Text;
using static System.FormattableString;

namespace Kependudukan.Coverage;

/// <content>JSON and CSV export (schema in <c>docs/coverage-export-schema.md</c>).</content>
public sealed partial class CoverageReport
{
    private static readonly string[] s_levelIds = ["nation", "province", "regency", "district", "village"];

    /// <summary>Exports the report as JSON (schema <c>kependudukan.coverage-report/1</c>).</summary>
    /// <param name="options">The export options; <see langword="null"/> for <see cref="CoverageExportOptions.Default"/>.</param>
    /// <returns>The JSON text.</returns>
    /// <remarks>The document holds the as-of date, the level, the pemula interval, the options used, labels in the chosen
    /// language and one object per row with its counts and ratios (numerator, denominator, percentage). Dates are ISO
    /// <c>yyyy-MM-dd</c> strings. Suppressed cells are <see langword="null"/> and listed in the row's <c>suppressed</c> array.
    /// Without suppression, <see cref="FromJson"/> reads the text back into an equal report.</remarks>
    public string ToJson(CoverageExportOptions? options = null)
    {
        using var buffer = new MemoryStream();
        WriteJson(buffer, options);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, checked((int)buffer.Length));
    }

    /// <summary>Writes the report as UTF-8 JSON to a stream (see <see cref="ToJson"/>).</summary>
    /// <param name="utf8Json">The stream to write to; it is left open.</param>
    /// <param name="options">The export options; <see langword="null"/> for <see cref="CoverageExportOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    public void WriteJson(Stream utf8Json, CoverageExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        options ??= CoverageExportOptions.Default;
        using var writer = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = options.IndentJson, NewLine = "\n" });
        JsonSerializer.Serialize(writer, ToDocument(options), CoverageJsonContext.Default.CoverageReportDocument);
    }

    /// <summary>Reads a report from JSON written by <see cref="ToJson"/> without suppression.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report; it equals the report that was exported.</returns>
    /// <remarks>The report is rebuilt from the rows at the report's level and checked against every other row of the document;
    /// percentages and labels are display values and are not read.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not a coverage report of schema <c>kependudukan.coverage-report/1</c>, has suppressed
    /// cells (they cannot be restored), or has a row that disagrees with the roll-up of the rows below it.</exception>
    public static CoverageReport FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromDocument(JsonSerializer.Deserialize(json, CoverageJsonContext.Default.CoverageReportDocument));
    }

    /// <summary>Reads a report from a UTF-8 JSON stream (see <see cref="FromJson"/>).</summary>
    /// <param name="utf8Json">The stream to read.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The content is not a readable coverage report (see <see cref="FromJson"/>).</exception>
    public static CoverageReport ReadJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return FromDocument(JsonSerializer.Deserialize(utf8Json, CoverageJsonContext.Default.CoverageReportDocument));
    }

    /// <summary>Exports the report as CSV (RFC 4180), one line per row.</summary>
    /// <param name="options">The export options; <see langword="null"/> for <see cref="CoverageExportOptions.Default"/>.</param>
    /// <returns>The CSV text, lines ended by CRLF.</returns>
    /// <remarks>Columns: <c>as_of, level, code, name, parent_code</c>, the sixteen counts (<c>population</c> … <c>newly_wajib_ktp</c>),
    /// the five ratio percentages (<c>recording_coverage_percent</c> … <c>kia_coverage_percent</c>) and <c>suppressed</c>. Numbers
    /// use the invariant culture (decimal point, no grouping). An empty percentage means no value (zero denominator) or
    /// suppressed; suppressed cells are empty and named in the <c>suppressed</c> column, separated by semicolons.</remarks>
    public string ToCsv(CoverageExportOptions? options = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(writer, options);
        return writer.ToString();
    }

    /// <summary>Writes the report as CSV (see <see cref="ToCsv"/>).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="options">The export options; <see langword="null"/> for <see cref="CoverageExportOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteCsv(TextWriter writer, CoverageExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        options ??= CoverageExportOptions.Default;
        var language = options.Language;
        var labels = options.CsvHeader == CsvHeaderStyle.Labels;
        var header = new List<string>
        {
            labels ? Label(language, "As-of date", "Per tanggal") : "as_of",
            labels ? Label(language, "Level", "Tingkat wilayah") : "level",
            labels ? Label(language, "Region code", "Kode wilayah") : "code",
            labels ? Label(language, "Region name", "Nama wilayah") : "name",
            labels ? Label(language, "Parent region code", "Kode wilayah induk") : "parent_code",
        };
        header.AddRange(CoverageCells.Counts.Select(c => labels ? c.Label(language) : c.Id));
        header.AddRange(CoverageCells.Ratios.Select(i => labels ? i.GetLabel(language) + " (%)" : PercentColumn(i)));
        header.Add(labels ? Label(language, "Suppressed columns", "Kolom yang disembunyikan") : "suppressed");
        WriteCsvLine(writer, header);

        var asOf = LocalDatePattern.Iso.Format(AsOf);
        var suppression = options.Suppression;
        var fields = new List<string>(header.Count);
        var suppressed = new List<string>();
        foreach (var row in _rows)
        {
            fields.Clear();
            suppressed.Clear();
            fields.Add(asOf);
            fields.Add(s_levelIds[(int)row.Level]);
            fields.Add(row.Code?.ToString() ?? string.Empty);
            fields.Add(row.Name ?? string.Empty);
            fields.Add(row.ParentCode?.ToString() ?? string.Empty);
            foreach (var cell in CoverageCells.Counts)
            {
                var value = cell.Get(row.Counts);
                var hidden = suppression.IsSuppressed(value);
                fields.Add(hidden ? string.Empty : value.ToString(CultureInfo.InvariantCulture));
                AddIf(suppressed, hidden, cell.Id);
            }

            foreach (var indicator in CoverageCells.Ratios)
            {
                var ratio = indicator.GetRatio(row.Counts);
                var hidden = suppression.IsSuppressed(ratio);
                var percent = hidden ? null : ratio.Percent(options.PercentDecimals, options.Rounding);
                fields.Add(percent?.ToString("F" + options.PercentDecimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) ?? string.Empty);
                AddIf(suppressed, hidden, PercentColumn(indicator));
            }

            fields.Add(string.Join(';', suppressed));
            WriteCsvLine(writer, fields);
        }
    }

    private static string PercentColumn(CoverageIndicator indicator) => indicator.Id + "_percent";

    private static string Label(LabelLanguage language, string english, string indonesian) => language == LabelLanguage.Indonesian ? indonesian : english;

    private static void AddIf(List<string> list, bool condition, string item)
    {
        if (condition)
        {
            list.Add(item);
        }
    }

    private static void WriteCsvLine(TextWriter writer, List<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(field);
            }
        }

        writer.Write("\r\n");
    }

    private CoverageReportDocument ToDocument(CoverageExportOptions options)
    {
        var language = options.Language;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cell in CoverageCells.Counts)
        {
            labels[cell.Id] = cell.Label(language);
        }

        foreach (var indicator in CoverageCells.Ratios)
        {
            labels[indicator.Id] = indicator.GetLabel(language);
        }

        return new CoverageReportDocument
        {
            Schema = CoverageReportDocument.SchemaId,
            AsOf = AsOf,
            Level = s_levelIds[(int)Level],
            NewlyWajibKtpInterval = NewlyWajibKtpInterval is { } interval ? new DateIntervalDocument { Start = interval.Start, End = interval.End } : null,
            Language = language == LabelLanguage.Indonesian ? "id" : "en",
            PercentDecimals = options.PercentDecimals,
            PercentRounding = options.Rounding == PercentRounding.Truncate ? "truncate" : "half_away_from_zero",
            SuppressionThreshold = options.Suppression.Threshold,
            Labels = labels,
            Rows = [.. _rows.Select(r => ToDocument(r, options))],
        };
    }

    private static RowDocument ToDocument(CoverageRegionRow row, CoverageExportOptions options)
    {
        var suppression = options.Suppression;
        var counts = new Dictionary<string, long?>(StringComparer.Ordinal);
        var ratios = new Dictionary<string, RatioDocument?>(StringComparer.Ordinal);
        foreach (var cell in CoverageCells.Counts)
        {
            var value = cell.Get(row.Counts);
            counts[cell.Id] = suppression.IsSuppressed(value) ? null : value;
        }

        foreach (var indicator in CoverageCells.Ratios)
        {
            var ratio = indicator.GetRatio(row.Counts);
            ratios[indicator.Id] = suppression.IsSuppressed(ratio)
                ? null
                : new RatioDocument { Numerator = ratio.Numerator, Denominator = ratio.Denominator, Percent = ratio.Percent(options.PercentDecimals, options.Rounding) };
        }

        return new RowDocument
        {
            Level = s_levelIds[(int)row.Level],
            Code = row.Code?.ToString(),
            Name = row.Name,
            ParentCode = row.ParentCode?.ToString(),
            Counts = counts,
            Ratios = ratios,
            Suppressed = [.. row.GetSuppressedCells(suppression)],
        };
    }

    private static CoverageReport FromDocument(CoverageReportDocument? document)
    {
        if (document is null)
        {
            throw new JsonException("The JSON is null, not a coverage report.");
        }

        if (!string.Equals(document.Schema, CoverageReportDocument.SchemaId, StringComparison.Ordinal))
        {
            throw new JsonException(Invariant($"Expected schema \"{CoverageReportDocument.SchemaId}\"; got \"{document.Schema}\"."));
        }

        var level = ParseLevel(document.Level);
        if (level == RegionLevel.None)
        {
            throw new JsonException(Invariant($"The report level must be province, regency, district or village; got \"{document.Level}\"."));
        }

        var interval = document.NewlyWajibKtpInterval is { } i
            ? (i.End >= i.Start ? new DateInterval(i.Start, i.End) : throw new JsonException("The pemula interval ends before it starts."))
            : null;
        var names = new Dictionary<RegionCode, string>();
        var leaves = new Dictionary<RegionCode, CoverageCounts>();
        var codes = new List<RegionCode?>(document.Rows.Count);
        foreach (var row in document.Rows)
        {
            var code = ParseRowCode(row);
            codes.Add(code);
            if (code is { } c)
            {
                if (row.Name is not null)
                {
                    names[c] = row.Name;
                }

                if (c.Level == level && !leaves.TryAdd(c, ReadCounts(row, c)))
                {
                    throw new JsonException(Invariant($"Region {c} has more than one row."));
                }
            }
        }

        CoverageReport report;
        try
        {
            foreach (var (code, counts) in leaves)
            {
                CheckNotNegative(code, counts);
            }

            report = Build(leaves, document.AsOf, level, interval, code => names.GetValueOrDefault(code));
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw new JsonException(e.Message, e);
        }

        CheckAgainstRollUp(document, codes, report);
        return report;
    }

    private static RegionCode? ParseRowCode(RowDocument row)
    {
        var level = ParseLevel(row.Level);
        if (row.Code is null)
        {
            return level == RegionLevel.None && row.Level == s_levelIds[0]
                ? null
                : throw new JsonException(Invariant($"A row at level \"{row.Level}\" has no code; only the nation row has none."));
        }

        return RegionCode.TryParse(row.Code, out var code) && code.Level == level
            ? code
            : throw new JsonException(Invariant($"Row code \"{row.Code}\" is not a region code at level \"{row.Level}\"."));
    }

    private static CoverageCounts ReadCounts(RowDocument row, RegionCode code)
    {
        var counts = default(CoverageCounts);
        foreach (var cell in CoverageCells.Counts)
        {
            if (cell.Set is { } set)
            {
                counts = set(counts, ReadCount(row, code, cell.Id));
            }
        }

        return counts;
    }

    private static long ReadCount(RowDocument row, RegionCode? code, string id)
    {
        if (!row.Counts.TryGetValue(id, out var value))
        {
            throw new JsonException(Invariant($"Row {code?.ToString() ?? "nation"} lacks count \"{id}\"."));
        }

        return value ?? throw new JsonException(Invariant($"Row {code?.ToString() ?? "nation"} has suppressed count \"{id}\"; a suppressed export cannot be read back into a report."));
    }

    private static void CheckAgainstRollUp(CoverageReportDocument document, List<RegionCode?> codes, CoverageReport report)
    {
        if (codes.Count != report._rows.Length || codes.Distinct().Count() != codes.Count)
        {
            throw new JsonException(Invariant($"The document has {codes.Count} rows but its regions roll up to {report._rows.Length} distinct rows."));
        }

        for (var i = 0; i < codes.Count; i++)
        {
            var row = codes[i] is { } code ? report.GetRow(code) : report.National;
            var source = document.Rows[i];
            foreach (var cell in CoverageCells.Counts)
            {
                if (ReadCount(source, row.Code, cell.Id) != cell.Get(row.Counts))
                {
                    throw new JsonException(Invariant($"Count \"{cell.Id}\" of row {row} disagrees with the roll-up of the rows below it."));
                }
            }

            foreach (var indicator in CoverageCells.Ratios)
            {
                var ratio = indicator.GetRatio(row.Counts);
                if (!source.Ratios.TryGetValue(indicator.Id, out var value) || value is null || value.Numerator != ratio.Numerator || value.Denominator != ratio.Denominator)
                {
                    throw new JsonException(Invariant($"Ratio \"{indicator.Id}\" of row {row} is missing, suppressed or disagrees with the row's counts."));
                }
            }
        }
    }

    private static RegionLevel ParseLevel(string id)
    {
        var index = Array.IndexOf(s_levelIds, id);
        return index >= 0 ? (RegionLevel)index : throw new JsonException(Invariant($"Unknown level \"{id}\"; expected nation, province, regency, district or village."));
    }
}
