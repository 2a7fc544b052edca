namespace Kependudukan.Identity;

/// <summary>How strictly <see cref="Nik"/> parsing treats its input.</summary>
[Flags]
public enum NikStyles
{
    /// <summary>Exactly 16 ASCII digits, nothing else (the default).</summary>
    None = 0,

    /// <summary>Ignore spaces, dots and hyphens anywhere in the input (<c>6472.0141.0190.0001</c>, <c>647201 410190 0001</c>).</summary>
    AllowSeparators = 1,
}
