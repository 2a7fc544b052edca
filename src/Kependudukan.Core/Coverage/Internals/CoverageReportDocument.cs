using System.Text.Json.Serialization;
using NodaTime;

namespace Kependudukan.Coverage.Internals;

/// <summary>The JSON document of a coverage report, schema <see cref="SchemaId"/> (see docs/coverage-export-schema.md).</summary>
internal sealed class CoverageReportDocument
{
    internal const string SchemaId = "kependudukan.coverage-report/1";

    [JsonPropertyName("schema")]
    public required string Schema { get; init; }

    [JsonPropertyName("as_of")]
    public required LocalDate AsOf { get; init; }

    [JsonPropertyName("level")]
    public required string Level { get; init; }

    [JsonPropertyName("newly_wajib_ktp_interval")]
    public DateIntervalDocument? NewlyWajibKtpInterval { get; init; }

    [JsonPropertyName("language")]
    public string? Language { get; init; }

    [JsonPropertyName("percent_decimals")]
    public int PercentDecimals { get; init; }

    [JsonPropertyName("percent_rounding")]
    public string? PercentRounding { get; init; }

    [JsonPropertyName("suppression_threshold")]
    public int SuppressionThreshold { get; init; }

    [JsonPropertyName("labels")]
    public Dictionary<string, string>? Labels { get; init; }

    [JsonPropertyName("rows")]
    public required List<RowDocument> Rows { get; init; }
}

internal sealed class DateIntervalDocument
{
    [JsonPropertyName("start")]
    public required LocalDate Start { get; init; }

    [JsonPropertyName("end")]
    public required LocalDate End { get; init; }
}

internal sealed class RowDocument
{
    [JsonPropertyName("level")]
    public required string Level { get; init; }

    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("parent_code")]
    public string? ParentCode { get; init; }

    /// <summary>The counts by identifier, in schema order; <see langword="null"/> marks a suppressed count.</summary>
    [JsonPropertyName("counts")]
    public required Dictionary<string, long?> Counts { get; init; }

    /// <summary>The ratio indicators by identifier, in schema order; <see langword="null"/> marks a suppressed ratio.</summary>
    [JsonPropertyName("ratios")]
    public required Dictionary<string, RatioDocument?> Ratios { get; init; }

    [JsonPropertyName("suppressed")]
    public List<string> Suppressed { get; init; } = [];
}

/// <summary>An exact ratio with its display percentage (<see langword="null"/> when the denominator is 0).</summary>
internal sealed record RatioDocument
{
    [JsonPropertyName("numerator")]
    public required long Numerator { get; init; }

    [JsonPropertyName("denominator")]
    public required long Denominator { get; init; }

    [JsonPropertyName("percent")]
    public decimal? Percent { get; init; }
}

[JsonSourceGenerationOptions(
    Converters = [typeof(LocalDateJsonConverter)],
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(CoverageReportDocument))]
internal sealed partial class CoverageJsonContext : JsonSerializerContext;
