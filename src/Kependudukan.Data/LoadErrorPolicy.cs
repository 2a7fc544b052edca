namespace Kependudukan.Data;

/// <summary>What a load does with a row it cannot accept.</summary>
/// <remarks>The value <see cref="None"/> is the default and is never valid as an argument.</remarks>
public enum LoadErrorPolicy
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>Throw <see cref="ResidentLoadException"/> at the first rejected row; nothing is loaded.</summary>
    FailFast = 1,

    /// <summary>Load the good rows and report every rejected row (in <see cref="LoadSummary"/> and the reject file, if any).</summary>
    Quarantine = 2,
}
