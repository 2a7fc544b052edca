using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
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
}
