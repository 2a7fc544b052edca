namespace Kependudukan.Coverage;

/// <summary>What the header row of a CSV coverage export contains.</summary>
/// <remarks>The value <see cref="None"/> is the default and is never valid as an argument.</remarks>
public enum CsvHeaderStyle
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>The stable column identifiers (<c>as_of,level,code,...</c>), for programs.</summary>
    Identifiers = 1,

    /// <summary>Labels in <see cref="CoverageExportOptions.Language"/>, for people reading the file in a spreadsheet.</summary>
    Labels = 2,
}
