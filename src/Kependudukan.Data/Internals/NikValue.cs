using System.Diagnostics;
using System.Runtime.CompilerServices;
using Kependudukan.Identity;

namespace Kependudukan.Data.Internals;

/// <summary>Creates a <see cref="Nik"/> from a number the caller has already checked with the rules of
/// <see cref="Nik.TryParse(ReadOnlySpan{char}, NikStyles, out Nik)"/>.</summary>
/// <remarks>Kependudukan.Core offers no public way to create a NIK from its number without parsing text again, which costs
/// more than the rest of a CSV row; a <see cref="Nik"/> is exactly its 16-digit number (<see cref="Nik.Value"/>), so the number
/// is reinterpreted. The tests compare every NIK made here with <see cref="Nik.Parse(string)"/>.</remarks>
internal static class NikValue
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Nik FromValidated(long value)
    {
        Debug.Assert(Unsafe.SizeOf<Nik>() == sizeof(long), "A NIK is stored as its number.");
        var nik = Unsafe.As<long, Nik>(ref value);
        Debug.Assert(nik.Value == value, "A NIK is stored as its number.");
        return nik;
    }
}
