using Kependudukan.Utility;
using static System.FormattableString;

namespace Kependudukan.Recording;

/// <summary>Maps SIAK KTP-el statuses to coverage categories; a documented, overridable policy.</summary>
/// <remarks>
/// <para>The <see cref="Default"/> mapping: <see cref="KtpElStatus.Unregistered"/> → not recorded;
/// <see cref="KtpElStatus.BioCaptured"/>, <see cref="KtpElStatus.Processing"/>, <see cref="KtpElStatus.SentForEnrollment"/>,
/// <see cref="KtpElStatus.ReceivedAtCentral"/> → recorded; <see cref="KtpElStatus.PrintReadyRecord"/>,
/// <see cref="KtpElStatus.SentForCardPrinting"/> → print-ready; <see cref="KtpElStatus.CardPrinted"/>,
/// <see cref="KtpElStatus.CardShipped"/> → printed; <see cref="KtpElStatus.CardIssued"/> → issued; the three failure
/// statuses → failed; <see cref="KtpElStatus.DuplicateRecord"/> → duplicate.</para>
/// <para>"Recorded" (sudah rekam) means biometrics captured and not failed: categories recorded, print-ready, printed and issued.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed class RecordingStatusMapping
{
    private static readonly RecordingCategory[] s_defaultCategories =
    [
        RecordingCategory.None,
        RecordingCategory.NotRecorded,
        RecordingCategory.Recorded,
        RecordingCategory.Recorded,
        RecordingCategory.Recorded,
        RecordingCategory.Recorded,
        RecordingCategory.PrintReady,
        RecordingCategory.PrintReady,
        RecordingCategory.Printed,
        RecordingCategory.Printed,
        RecordingCategory.Issued,
        RecordingCategory.Failed,
        RecordingCategory.Failed,
        RecordingCategory.Failed,
        RecordingCategory.Duplicate,
    ];

    private readonly RecordingCategory[] _categories;

    private RecordingStatusMapping(RecordingCategory[] categories) => _categories = categories;

    /// <summary>Gets the default mapping described in the remarks.</summary>
    /// <value>The shared default mapping.</value>
    public static RecordingStatusMapping Default { get; } = new(s_defaultCategories);

    /// <summary>Returns a copy of this mapping with one status mapped to another category.</summary>
    /// <param name="status">The status to remap.</param>
    /// <param name="category">Its new category.</param>
    /// <returns>A new mapping; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> or <paramref name="category"/> is not a defined, non-<c>None</c> value.</exception>
    public RecordingStatusMapping With(KtpElStatus status, RecordingCategory category)
    {
        Preconditions.CheckArgumentRange(nameof(status), (int)status, (int)KtpElStatus.Unregistered, (int)KtpElStatus.DuplicateRecord);
        Preconditions.CheckArgumentRange(nameof(category), (int)category, (int)RecordingCategory.NotRecorded, (int)RecordingCategory.Duplicate);
        var copy = (RecordingCategory[])_categories.Clone();
        copy[(int)status] = category;
        return new RecordingStatusMapping(copy);
    }

    /// <summary>Returns the category of a status.</summary>
    /// <param name="status">The SIAK status.</param>
    /// <returns>Its coverage category.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is <see cref="KtpElStatus.None"/> or undefined.</exception>
    public RecordingCategory GetCategory(KtpElStatus status)
    {
        if (status is < KtpElStatus.Unregistered or > KtpElStatus.DuplicateRecord)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, Invariant($"Status should be a defined KtpElStatus other than None."));
        }

        return _categories[(int)status];
    }

    /// <summary>Returns whether a category counts as recorded (sudah rekam).</summary>
    /// <param name="category">The category.</param>
    /// <returns><see langword="true"/> for recorded, print-ready, printed and issued.</returns>
    public static bool IsRecorded(RecordingCategory category) => category is >= RecordingCategory.Recorded and <= RecordingCategory.Issued;

    /// <summary>Returns whether a category counts as printed.</summary>
    /// <param name="category">The category.</param>
    /// <returns><see langword="true"/> for printed and issued.</returns>
    public static bool IsPrinted(RecordingCategory category) => category is RecordingCategory.Printed or RecordingCategory.Issued;

    /// <summary>Returns whether a category is print-ready or beyond.</summary>
    /// <param name="category">The category.</param>
    /// <returns><see langword="true"/> for print-ready, printed and issued.</returns>
    public static bool IsPrintReadyOrBeyond(RecordingCategory category) => category is >= RecordingCategory.PrintReady and <= RecordingCategory.Issued;
}
