using System.Diagnostics.CodeAnalysis;

namespace Kependudukan.Identity;

public readonly partial struct Nik
{
    /// <summary>Formats the NIK as its 16 digits.</summary>
    /// <returns>The 16 digits, or an empty string for the default value. This is personal data: log <see cref="ToMaskedString"/> instead.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the NIK.</summary>
    /// <param name="format"><see langword="null"/>, empty or <c>"G"</c> for 16 digits; <c>"M"</c> for the masked form.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The formatted NIK.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not supported.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[16];
        return TryFormat(buffer, out var written, format, formatProvider)
            ? new string(buffer[..written])
            : throw new FormatException("NIK formats are \"G\" (16 digits) and \"M\" (masked).");
    }

    /// <inheritdoc cref="ISpanFormattable.TryFormat"/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        charsWritten = 0;
        var masked = format is "M";
        if (!masked && !format.IsEmpty && format is not "G")
        {
            return false;
        }

        if (_value == 0)
        {
            return true;
        }

        if (destination.Length < 16)
        {
            return false;
        }

        var v = _value;
        for (var i = 15; i >= 0; i--)
        {
            destination[i] = masked && i >= 6 ? '*' : (char)('0' + (v % 10));
            v /= 10;
        }

        charsWritten = 16;
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(Nik other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Nik other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(Nik other) => _value.CompareTo(other._value);

    /// <summary>Implementation of <see cref="IComparable.CompareTo"/>; explicit so it is not called by accident.</summary>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Nik other => CompareTo(other),
        _ => throw new ArgumentException("Object must be of type Nik.", nameof(obj)),
    };

    /// <summary>Compares two NIKs for equality.</summary>
    /// <param name="left">The first NIK.</param>
    /// <param name="right">The second NIK.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Nik left, Nik right) => left.Equals(right);

    /// <summary>Compares two NIKs for inequality.</summary>
    /// <param name="left">The first NIK.</param>
    /// <param name="right">The second NIK.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(Nik left, Nik right) => !left.Equals(right);

    /// <summary>Orders NIKs by their 16-digit number.</summary>
    /// <param name="left">The first NIK.</param>
    /// <param name="right">The second NIK.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Nik left, Nik right) => left._value < right._value;

    /// <summary>Orders NIKs by their 16-digit number.</summary>
    /// <param name="left">The first NIK.</param>
    /// <param name="right">The second NIK.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or equal.</returns>
    public static bool operator <=(Nik left, Nik right) => left._value <= right._value;

    /// <summary>Orders NIKs by their 16-digit number.</summary>
    /// <param name="left">The first NIK.</param>
    /// <param name="right">The second NIK.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Nik left, Nik right) => left._value > right._value;

    /// <summary>Orders NIKs by their 16-digit number.</summary>
    /// <param name="left">The first NIK.</param>
    /// <param name="right">The second NIK.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or equal.</returns>
    public static bool operator >=(Nik left, Nik right) => left._value >= right._value;
}
