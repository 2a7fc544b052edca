namespace Kependudukan.Data;

/// <summary>What a load does with a data-quality finding: a row whose values parse but contradict each other or other rows.</summary>
/// <remarks>The value <see cref="None"/> is the default and is never valid as an argument.</remarks>
public enum FindingAction
{
    /// <summary>Not set; never valid as an argument.</summary>
    None = 0,

    /// <summary>Reject the row: it is handled by the <see cref="LoadErrorPolicy"/> like a row with an invalid value.</summary>
    Reject = 1,

    /// <summary>Keep the row and count the finding as a warning.</summary>
    Warn = 2,

    /// <summary>Do not check.</summary>
    Ignore = 3,
}
