using System.Collections.ObjectModel;
using Kependudukan.Utility;
using static System.FormattableString;

namespace Kependudukan.Recording;

/// <summary>The allowed changes between SIAK KTP-el statuses (the recording lifecycle).</summary>
/// <remarks>
/// <para>The transition table (a status may change only to a status listed on its row; no status changes to itself):</para>
/// <list type="table">
/// <listheader><term>From</term><description>Allowed next statuses</description></listheader>
/// <item><term><see cref="KtpElStatus.Unregistered"/></term><description><see cref="KtpElStatus.BioCaptured"/> (recording).</description></item>
/// <item><term><see cref="KtpElStatus.BioCaptured"/></term><description><see cref="KtpElStatus.Processing"/>;
/// <see cref="KtpElStatus.EnrollFailureAtRegional"/>.</description></item>
/// <item><term><see cref="KtpElStatus.Processing"/></term><description><see cref="KtpElStatus.SentForEnrollment"/>;
/// <see cref="KtpElStatus.EnrollFailureAtRegional"/>.</description></item>
/// <item><term><see cref="KtpElStatus.SentForEnrollment"/></term><description><see cref="KtpElStatus.ReceivedAtCentral"/>;
/// <see cref="KtpElStatus.EnrollFailureAtCentral"/>, <see cref="KtpElStatus.SearchFailureAtCentral"/>,
/// <see cref="KtpElStatus.DuplicateRecord"/>.</description></item>
/// <item><term><see cref="KtpElStatus.ReceivedAtCentral"/></term><description><see cref="KtpElStatus.PrintReadyRecord"/>
/// (de-duplication passed); <see cref="KtpElStatus.EnrollFailureAtCentral"/>, <see cref="KtpElStatus.SearchFailureAtCentral"/>,
/// <see cref="KtpElStatus.DuplicateRecord"/>.</description></item>
/// <item><term><see cref="KtpElStatus.PrintReadyRecord"/></term><description><see cref="KtpElStatus.SentForCardPrinting"/>.</description></item>
/// <item><term><see cref="KtpElStatus.SentForCardPrinting"/></term><description><see cref="KtpElStatus.CardPrinted"/>.</description></item>
/// <item><term><see cref="KtpElStatus.CardPrinted"/></term><description><see cref="KtpElStatus.CardShipped"/>.</description></item>
/// <item><term><see cref="KtpElStatus.CardShipped"/></term><description><see cref="KtpElStatus.CardIssued"/>.</description></item>
/// <item><term><see cref="KtpElStatus.CardIssued"/></term><description><see cref="KtpElStatus.SentForCardPrinting"/>: a replacement
/// card (damage, loss, data change) is printed from the existing record, with no new recording.</description></item>
/// <item><term><see cref="KtpElStatus.EnrollFailureAtCentral"/>, <see cref="KtpElStatus.SearchFailureAtCentral"/>,
/// <see cref="KtpElStatus.EnrollFailureAtRegional"/>, <see cref="KtpElStatus.DuplicateRecord"/></term>
/// <description><see cref="KtpElStatus.BioCaptured"/>: the resident records again (for a duplicate, once Dukcapil has resolved
/// which record stands).</description></item>
/// </list>
/// <para>The happy path is therefore <see cref="KtpElStatus.Unregistered"/> to <see cref="KtpElStatus.CardIssued"/> in
/// declaration order. No status leads back to <see cref="KtpElStatus.Unregistered"/>: biometrics once captured stay in SIAK.</para>
/// </remarks>
/// <threadsafety>This type is stateless and safe to use from any thread.</threadsafety>
public static class KtpElLifecycle
{
    private static readonly ReadOnlyCollection<KtpElStatus>[] s_next = BuildTable();

    // Bit t of s_allowed[f] is set when status f may change to status t.
    private static readonly int[] s_allowed = Array.ConvertAll(s_next, next => next.Aggregate(0, (mask, to) => mask | (1 << (int)to)));

    /// <summary>Returns whether a status may change to another.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The next status.</param>
    /// <returns><see langword="true"/> when the table in the remarks lists <paramref name="to"/> after <paramref name="from"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> or <paramref name="to"/> is <see cref="KtpElStatus.None"/> or undefined.</exception>
    public static bool IsAllowed(KtpElStatus from, KtpElStatus to)
    {
        CheckStatus(from, nameof(from));
        CheckStatus(to, nameof(to));
        return (s_allowed[(int)from] & (1 << (int)to)) != 0;
    }

    /// <summary>Throws unless a status may change to another.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The next status.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> or <paramref name="to"/> is <see cref="KtpElStatus.None"/> or undefined.</exception>
    /// <exception cref="InvalidOperationException">The change is not allowed; the message names both statuses and the allowed next ones.</exception>
    public static void EnsureAllowed(KtpElStatus from, KtpElStatus to)
    {
        if (!IsAllowed(from, to))
        {
            throw new InvalidOperationException(DescribeIllegal(from, to));
        }
    }

    /// <summary>Returns the statuses a status may change to.</summary>
    /// <param name="from">The current status.</param>
    /// <returns>The allowed next statuses, the forward step first; never empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is <see cref="KtpElStatus.None"/> or undefined.</exception>
    public static IReadOnlyList<KtpElStatus> AllowedNext(KtpElStatus from)
    {
        CheckStatus(from, nameof(from));
        return s_next[(int)from];
    }

    internal static string DescribeIllegal(KtpElStatus from, KtpElStatus to) =>
        Invariant($"A KTP-el status cannot change from {Describe(from)} to {Describe(to)}; from {from} it may change to ")
        + string.Join(", ", s_next[(int)from]) + ".";

    internal static void CheckStatus(KtpElStatus status, string paramName) =>
        Preconditions.CheckArgumentRange(paramName, (int)status, (int)KtpElStatus.Unregistered, (int)KtpElStatus.DuplicateRecord);

    private static string Describe(KtpElStatus status) => Invariant($"{status} ({KtpElStatusParser.GetSiakName(status)})");

    private static ReadOnlyCollection<KtpElStatus>[] BuildTable()
    {
        KtpElStatus[] centralFailures = [KtpElStatus.EnrollFailureAtCentral, KtpElStatus.SearchFailureAtCentral, KtpElStatus.DuplicateRecord];
        KtpElStatus[] recordAgain = [KtpElStatus.BioCaptured];
        var table = new KtpElStatus[(int)KtpElStatus.DuplicateRecord + 1][];
        table[(int)KtpElStatus.None] = [];
        table[(int)KtpElStatus.Unregistered] = [KtpElStatus.BioCaptured];
        table[(int)KtpElStatus.BioCaptured] = [KtpElStatus.Processing, KtpElStatus.EnrollFailureAtRegional];
        table[(int)KtpElStatus.Processing] = [KtpElStatus.SentForEnrollment, KtpElStatus.EnrollFailureAtRegional];
        table[(int)KtpElStatus.SentForEnrollment] = [KtpElStatus.ReceivedAtCentral, .. centralFailures];
        table[(int)KtpElStatus.ReceivedAtCentral] = [KtpElStatus.PrintReadyRecord, .. centralFailures];
        table[(int)KtpElStatus.PrintReadyRecord] = [KtpElStatus.SentForCardPrinting];
        table[(int)KtpElStatus.SentForCardPrinting] = [KtpElStatus.CardPrinted];
        table[(int)KtpElStatus.CardPrinted] = [KtpElStatus.CardShipped];
        table[(int)KtpElStatus.CardShipped] = [KtpElStatus.CardIssued];
        table[(int)KtpElStatus.CardIssued] = [KtpElStatus.SentForCardPrinting];
        table[(int)KtpElStatus.EnrollFailureAtCentral] = recordAgain;
        table[(int)KtpElStatus.SearchFailureAtCentral] = recordAgain;
        table[(int)KtpElStatus.EnrollFailureAtRegional] = recordAgain;
        table[(int)KtpElStatus.DuplicateRecord] = recordAgain;
        return Array.ConvertAll(table, next => Array.AsReadOnly(next));
    }
}
