using Kependudukan.Utility;

namespace Kependudukan.Coverage;

/// <summary>Options for exporting a <see cref="CoverageReport"/> to JSON or CSV.</summary>
/// <remarks>Each property validates its value when set, so an options object is always valid.</remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed class CoverageExportOptions
{
    private readonly LabelLanguage _language = LabelLanguage.English;
    private readonly int _percentDecimals = 2;
    private readonly PercentRounding _rounding = PercentRounding.HalfAwayFromZero;
    private readonly CsvHeaderStyle _csvHeader = CsvHeaderStyle.Identifiers;

    /// <summary>Gets the default options.</summary>
    /// <value>English labels, two decimals rounded half away from zero, no suppression, identifier CSV header, indented JSON.</value>
    public static CoverageExportOptions Default { get; } = new();

    /// <summary>Gets the language of labels (JSON <c>labels</c>, CSV header with <see cref="CsvHeaderStyle.Labels"/>).</summary>
    /// <value>The default is <see cref="LabelLanguage.English"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to <see cref="LabelLanguage.None"/> or an undefined value.</exception>
    public LabelLanguage Language
    {
        get => _language;
        init
        {
            Preconditions.CheckArgumentRange(nameof(Language), (int)value, (int)LabelLanguage.English, (int)LabelLanguage.Indonesian);
            _language = value;
        }
    }

    /// <summary>Gets the decimals of exported percentages.</summary>
    /// <value>0 to <see cref="CoverageRatio.MaxDecimals"/>; the default is 2.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [0-<see cref="CoverageRatio.MaxDecimals"/>].</exception>
    public int PercentDecimals
    {
        get => _percentDecimals;
        init
        {
            Preconditions.CheckArgumentRange(nameof(PercentDecimals), value, 0, CoverageRatio.MaxDecimals);
            _percentDecimals = value;
        }
    }

    /// <summary>Gets the rounding of exported percentages.</summary>
    /// <value>The default is <see cref="PercentRounding.HalfAwayFromZero"/>, as national releases do.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to <see cref="PercentRounding.None"/> or an undefined value.</exception>
    public PercentRounding Rounding
    {
        get => _rounding;
        init
        {
            CoverageRatio.CheckRounding(value, nameof(Rounding));
            _rounding = value;
        }
    }

    /// <summary>Gets the small-cell suppression applied to the export.</summary>
    /// <value>The default is <see cref="SuppressionOptions.None"/>.</value>
    public SuppressionOptions Suppression { get; init; }

    /// <summary>Gets the content of the CSV header row.</summary>
    /// <value>The default is <see cref="CsvHeaderStyle.Identifiers"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to <see cref="CsvHeaderStyle.None"/> or an undefined value.</exception>
    public CsvHeaderStyle CsvHeader
    {
        get => _csvHeader;
        init
        {
            Preconditions.CheckArgumentRange(nameof(CsvHeader), (int)value, (int)CsvHeaderStyle.Identifiers, (int)CsvHeaderStyle.Labels);
            _csvHeader = value;
        }
    }

    /// <summary>Gets a value indicating whether JSON is written indented (one member per line).</summary>
    /// <value>The default is <see langword="true"/>; <see langword="false"/> writes compact JSON.</value>
    public bool IndentJson { get; init; } = true;
}
