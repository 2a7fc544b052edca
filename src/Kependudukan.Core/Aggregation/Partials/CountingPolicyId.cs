using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Kependudukan.Eligibility;
using Kependudukan.Recording;
using static System.FormattableString;

namespace Kependudukan.Aggregation.Partials;

/// <summary>Identifies the counting settings a <see cref="CoveragePartial"/> was computed with: the eligibility policy and the
/// recording status mapping.</summary>
/// <remarks>
/// <para>The id is a lossless encoding of the settings, not a hash: equal settings give equal ids and different settings give
/// different ids, and the settings can be read back (<see cref="LeapDayRule"/>, <see cref="GetCategory"/>,
/// <see cref="CreateEligibilityPolicy"/>, <see cref="CreateRecordingStatusMapping"/>). It is 64 bits, written as 16 hexadecimal
/// digits: the layout version (1), the <see cref="LeapDayBirthdayRule"/>, then the <see cref="RecordingCategory"/> of each
/// <see cref="KtpElStatus"/> from <see cref="KtpElStatus.Unregistered"/> to <see cref="KtpElStatus.DuplicateRecord"/>. The
/// default settings give <c>1112222334456667</c>.</para>
/// <para>Equality compares the encoded value. The default value of this type is not a valid id: it formats as an empty string,
/// its <see cref="LeapDayRule"/> is <see cref="LeapDayBirthdayRule.None"/> and every category is <see cref="RecordingCategory.None"/>.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly struct CountingPolicyId : IEquatable<CountingPolicyId>, ISpanFormattable
{
    private const int LayoutVersion = 1;
    private const int StatusCount = (int)KtpElStatus.DuplicateRecord;
    private const int Digits = 16;

    // Nibbles from the most significant: layout version, leap-day rule, then the category of statuses 1 to 14.
    private readonly ulong _value;

    private CountingPolicyId(ulong value) => _value = value;

    /// <summary>Gets the id of the default settings (<see cref="KtpEligibilityPolicy.Default"/> and <see cref="RecordingStatusMapping.Default"/>).</summary>
    /// <value>The id <c>1112222334456667</c>.</value>
    public static CountingPolicyId Default { get; } = From(KtpEligibilityPolicy.Default, RecordingStatusMapping.Default);

    /// <summary>Gets the encoded value.</summary>
    /// <value>The 64-bit encoding described in the remarks; 0 for the default value.</value>
    public ulong Value => _value;

    /// <summary>Gets the 29 February rule of the eligibility policy.</summary>
    /// <value>The rule, or <see cref="LeapDayBirthdayRule.None"/> for the default value.</value>
    public LeapDayBirthdayRule LeapDayRule => (LeapDayBirthdayRule)Nibble(1);

    /// <summary>Gets a readable description of the settings, naming only what differs from the defaults.</summary>
    /// <value>For example <c>29 February birthdays on 1 March; default status mapping</c>, or
    /// <c>29 February birthdays on 28 February; status mapping: DuplicateRecord → Recorded, others default</c>.</value>
    public string Description
    {
        get
        {
            if (_value == 0)
            {
                return "no counting policy (default value)";
            }

            var text = new StringBuilder(LeapDayRule == LeapDayBirthdayRule.March1 ? "29 February birthdays on 1 March" : "29 February birthdays on 28 February");
            var changed = 0;
            for (var status = KtpElStatus.Unregistered; status <= KtpElStatus.DuplicateRecord; status++)
            {
                var category = GetCategory(status);
                if (category != RecordingStatusMapping.Default.GetCategory(status))
                {
                    text.Append(changed++ == 0 ? "; status mapping: " : ", ").Append(Invariant($"{status} → {category}"));
                }
            }

            return text.Append(changed == 0 ? "; default status mapping" : ", others default").ToString();
        }
    }

    /// <summary>Returns the id of a pair of counting settings.</summary>
    /// <param name="eligibilityPolicy">The eligibility policy; <see langword="null"/> for <see cref="KtpEligibilityPolicy.Default"/>.</param>
    /// <param name="mapping">The status mapping; <see langword="null"/> for <see cref="RecordingStatusMapping.Default"/>.</param>
    /// <returns>The id; equal settings always give the same id.</returns>
    public static CountingPolicyId From(KtpEligibilityPolicy? eligibilityPolicy = null, RecordingStatusMapping? mapping = null)
    {
        eligibilityPolicy ??= KtpEligibilityPolicy.Default;
        mapping ??= RecordingStatusMapping.Default;
        var value = ((ulong)LayoutVersion << 60) | ((ulong)eligibilityPolicy.LeapDayRule << 56);
        for (var status = KtpElStatus.Unregistered; status <= KtpElStatus.DuplicateRecord; status++)
        {
            value |= (ulong)mapping.GetCategory(status) << Shift(2 + (int)status - 1);
        }

        return new CountingPolicyId(value);
    }

    /// <summary>Returns the id with an encoded value (see <see cref="Value"/>).</summary>
    /// <param name="value">The encoded value.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> does not encode valid settings; the message says which part is wrong.</exception>
    public static CountingPolicyId FromValue(ulong value)
    {
        var error = TryFromValue(value, out var result);
        return error is null ? result : throw new ArgumentOutOfRangeException(nameof(value), value, error);
    }

    /// <summary>Parses an id from its 16 hexadecimal digits.</summary>
    /// <param name="s">The text, for example <c>1112222334456667</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not 16 hexadecimal digits encoding valid settings.</exception>
    public static CountingPolicyId Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var error = TryParseCore(s.AsSpan(), out var result);
        return error is null ? result : throw new FormatException(error);
    }

    /// <summary>Tries to parse an id from its 16 hexadecimal digits; never throws.</summary>
    /// <param name="s">The text, or <see langword="null"/>.</param>
    /// <param name="result">The id, or the default value on failure.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out CountingPolicyId result)
    {
        result = default;
        return s is not null && TryParseCore(s.AsSpan(), out result) is null;
    }

    /// <summary>Returns the category the status mapping gives a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The category, or <see cref="RecordingCategory.None"/> for the default value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is <see cref="KtpElStatus.None"/> or undefined.</exception>
    public RecordingCategory GetCategory(KtpElStatus status)
    {
        Utility.Preconditions.CheckArgumentRange(nameof(status), (int)status, (int)KtpElStatus.Unregistered, (int)KtpElStatus.DuplicateRecord);
        return (RecordingCategory)Nibble(2 + (int)status - 1);
    }

    /// <summary>Creates the eligibility policy these settings describe.</summary>
    /// <returns>A policy with <see cref="LeapDayRule"/>.</returns>
    /// <exception cref="InvalidOperationException">This is the default value.</exception>
    public KtpEligibilityPolicy CreateEligibilityPolicy()
    {
        CheckNotDefault();
        return new KtpEligibilityPolicy(LeapDayRule);
    }

    /// <summary>Creates the status mapping these settings describe.</summary>
    /// <returns>A mapping giving each status the category of <see cref="GetCategory"/>.</returns>
    /// <exception cref="InvalidOperationException">This is the default value.</exception>
    public RecordingStatusMapping CreateRecordingStatusMapping()
    {
        CheckNotDefault();
        var mapping = RecordingStatusMapping.Default;
        for (var status = KtpElStatus.Unregistered; status <= KtpElStatus.DuplicateRecord; status++)
        {
            if (mapping.GetCategory(status) != GetCategory(status))
            {
                mapping = mapping.With(status, GetCategory(status));
            }
        }

        return mapping;
    }

    /// <summary>Formats the id as 16 upper-case hexadecimal digits.</summary>
    /// <returns>The digits, or an empty string for the default value.</returns>
    public override string ToString() => _value == 0 ? string.Empty : _value.ToString("X16", CultureInfo.InvariantCulture);

    /// <summary>Formats the id as 16 upper-case hexadecimal digits.</summary>
    /// <param name="format">Ignored; there is one format.</param>
    /// <param name="formatProvider">Ignored; ids are culture-invariant.</param>
    /// <returns>The digits, or an empty string for the default value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc cref="ISpanFormattable.TryFormat"/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (_value == 0)
        {
            charsWritten = 0;
            return true;
        }

        return _value.TryFormat(destination, out charsWritten, "X16", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public bool Equals(CountingPolicyId other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is CountingPolicyId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Compares two ids for equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when they describe the same settings.</returns>
    public static bool operator ==(CountingPolicyId left, CountingPolicyId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when they describe different settings.</returns>
    public static bool operator !=(CountingPolicyId left, CountingPolicyId right) => !left.Equals(right);

    internal static string? TryParseCore(ReadOnlySpan<char> s, out CountingPolicyId result)
    {
        result = default;
        return s.Length != Digits || !ulong.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? "A counting policy id has exactly 16 hexadecimal digits, for example 1112222334456667."
            : TryFromValue(value, out result);
    }

    internal static string? TryFromValue(ulong value, out CountingPolicyId result)
    {
        var error = Validate(value);
        result = error is null ? new CountingPolicyId(value) : default;
        return error;
    }

    private static string? Validate(ulong value)
    {
        var id = new CountingPolicyId(value);
        if (id.Nibble(0) != LayoutVersion)
        {
            return Invariant($"Counting policy id {value:X16} has layout version {id.Nibble(0)}; this library knows version {LayoutVersion}.");
        }

        if (id.LeapDayRule is not (LeapDayBirthdayRule.March1 or LeapDayBirthdayRule.February28))
        {
            return Invariant($"Counting policy id {value:X16} has leap-day rule {id.Nibble(1)}; it should be 1 (1 March) or 2 (28 February).");
        }

        for (var i = 0; i < StatusCount; i++)
        {
            var category = id.Nibble(2 + i);
            if (category is < (int)RecordingCategory.NotRecorded or > (int)RecordingCategory.Duplicate)
            {
                return Invariant($"Counting policy id {value:X16} maps status {(KtpElStatus)(i + 1)} to category {category}; it should be 1-7.");
            }
        }

        return null;
    }

    private static int Shift(int nibble) => (Digits - 1 - nibble) * 4;

    private int Nibble(int index) => (int)((_value >> Shift(index)) & 0xF);

    private void CheckNotDefault() =>
        Utility.Preconditions.CheckState(_value != 0, "The default CountingPolicyId describes no settings; use CountingPolicyId.From(...).");
}
