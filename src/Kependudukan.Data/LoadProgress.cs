namespace Kependudukan.Data;

/// <summary>How far a running load has got, reported through <see cref="IProgress{T}"/>.</summary>
/// <remarks>Reported every 65,536 rows and once at the end; <c>RowsRead == RowsAccepted + RowsRejected</c> in every report.</remarks>
/// <param name="RowsRead">The data rows read so far.</param>
/// <param name="RowsAccepted">The rows accepted so far.</param>
/// <param name="RowsRejected">The rows rejected so far.</param>
public readonly record struct LoadProgress(long RowsRead, long RowsAccepted, long RowsRejected);
