using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using static System.FormattableString;

namespace Kependudukan.Utility;

/// <summary>Argument and state checks shared by every public entry point.</summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>(T? argument, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(argument))] string paramName = "")
        where T : class
    {
        ArgumentNullException.ThrowIfNull(argument, paramName);
        return argument;
    }

    internal static void CheckArgumentRange(string paramName, long value, long minInclusive, long maxInclusive)
    {
        if (value < minInclusive || value > maxInclusive)
        {
            ThrowArgumentOutOfRange(paramName, value, minInclusive, maxInclusive);
        }
    }

    internal static void CheckArgument([DoesNotReturnIf(false)] bool expression, string paramName, string message)
    {
        if (!expression)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    /// <summary>Checks an argument; the message is formatted (with the invariant culture) only when the check fails, so a
    /// check on a hot path allocates nothing.</summary>
    internal static void CheckArgument(
        [DoesNotReturnIf(false)] bool expression,
        string paramName,
        [InterpolatedStringHandlerArgument(nameof(expression))] ref FailureMessageHandler message)
    {
        if (!expression)
        {
            throw new ArgumentException(message.ToStringAndClear(), paramName);
        }
    }

    internal static void CheckState([DoesNotReturnIf(false)] bool expression, string message)
    {
        if (!expression)
        {
            throw new InvalidOperationException(message);
        }
    }

    [Conditional("DEBUG")]
    internal static void DebugCheckArgumentRange(string paramName, long value, long minInclusive, long maxInclusive)
    {
        if (value < minInclusive || value > maxInclusive)
        {
            ThrowArgumentOutOfRange(paramName, value, minInclusive, maxInclusive);
        }
    }

    [DoesNotReturn]
    [StackTraceHidden]
    private static void ThrowArgumentOutOfRange(string paramName, long value, long minInclusive, long maxInclusive) =>
        throw new ArgumentOutOfRangeException(paramName, value, Invariant($"Value should be in range [{minInclusive}-{maxInclusive}]"));

    /// <summary>Formats a check's message with the invariant culture, and only when the check has failed.</summary>
    [InterpolatedStringHandler]
    internal ref struct FailureMessageHandler
    {
        private DefaultInterpolatedStringHandler _inner;
        private readonly bool _active;

        public FailureMessageHandler(int literalLength, int formattedCount, bool expression, out bool shouldAppend)
        {
            _active = !expression;
            shouldAppend = _active;
            _inner = _active ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
        }

        public void AppendLiteral(string value) => _inner.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

        public void AppendFormatted<T>(T value, string? format) => _inner.AppendFormatted(value, format);

        public string ToStringAndClear() => _active ? _inner.ToStringAndClear() : string.Empty;
    }
}
