namespace Kependudukan.Coverage;

/// <summary>Language of human-readable labels in coverage exports.</summary>
/// <remarks>The value <see cref="None"/> is the default and is never valid as an argument. Identifiers (indicator ids,
/// column names) never depend on the language; only labels do.</remarks>
public enum LabelLanguage
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>English labels.</summary>
    English = 1,

    /// <summary>Indonesian (Bahasa Indonesia) labels.</summary>
    Indonesian = 2,
}
