using Kependudukan.Aggregation;
using NodaTime;
using Parquet;
using Parquet.Schema;
using static System.FormattableString;

namespace Kependudukan.Data.Internals;

/// <summary>Collects rows column by column and writes them as one Parquet row group.</summary>
/// <param name="capacity">The rows of a row group.</param>
/// <param name="fields">The fields of the writer's schema, from <see cref="CreateFields"/>.</param>
internal sealed class ParquetRowGroupBuffer(int capacity, DataField[] fields)
{
    private const int DomicileLength = 13;

    /// <summary>Creates the fields of the resident schema for one writer. Parquet.Net sets a field's levels and path when a
    /// schema takes it, so writers that run at the same time must not share field objects.</summary>
    internal static DataField[] CreateFields() =>
    [
        new DataField<long?>(ResidentColumns.Nik),
        new DataField<string>(ResidentColumns.Domicile, false),
        new DataField<DateOnly>(ResidentColumns.BirthDate),
        new DataField<string>(ResidentColumns.Sex, false),
        new DataField<string>(ResidentColumns.Citizenship, false),
        new DataField<DateOnly?>(ResidentColumns.PermitExpiry),
        new DataField<string>(ResidentColumns.MaritalStatus, false),
        new DataField<string>(ResidentColumns.LifeStatus, false),
        new DataField<DateOnly?>(ResidentColumns.LifeStatusDate),
        new DataField<string>(ResidentColumns.KtpStatus, false),
        new DataField<DateOnly?>(ResidentColumns.RecordingDate),
        new DataField<bool>(ResidentColumns.BirthCertificate),
        new DataField<bool>(ResidentColumns.Kia),
    ];

    private readonly DataField[] _fields = fields;

    private readonly long?[] _nik = new long?[capacity];
    private readonly char[] _domicileText = new char[capacity * DomicileLength];
    private readonly ReadOnlyMemory<char>[] _domicile = new ReadOnlyMemory<char>[capacity];
    private readonly DateOnly[] _birthDate = new DateOnly[capacity];
    private readonly ReadOnlyMemory<char>[] _sex = new ReadOnlyMemory<char>[capacity];
    private readonly ReadOnlyMemory<char>[] _citizenship = new ReadOnlyMemory<char>[capacity];
    private readonly DateOnly?[] _permitExpiry = new DateOnly?[capacity];
    private readonly ReadOnlyMemory<char>[] _marital = new ReadOnlyMemory<char>[capacity];
    private readonly ReadOnlyMemory<char>[] _life = new ReadOnlyMemory<char>[capacity];
    private readonly DateOnly?[] _lifeDate = new DateOnly?[capacity];
    private readonly ReadOnlyMemory<char>[] _ktp = new ReadOnlyMemory<char>[capacity];
    private readonly DateOnly?[] _recordingDate = new DateOnly?[capacity];
    private readonly bool[] _birthCertificate = new bool[capacity];
    private readonly bool[] _kia = new bool[capacity];

    internal int Count { get; private set; }

    internal bool IsFull => Count == _nik.Length;

    internal void Add(in ResidentRow row)
    {
        var i = Count;
        _nik[i] = row.Nik == default ? null : row.Nik.Value;
        var text = _domicileText.AsMemory(i * DomicileLength, DomicileLength);
        row.Domicile.TryFormat(text.Span, out var written);
        _domicile[i] = text[..written];
        _birthDate[i] = ToDateOnly(row.BirthDate);
        _sex[i] = CanonicalText.Sex(row.Sex).AsMemory();
        _citizenship[i] = CanonicalText.Citizenship(row.Citizenship).AsMemory();
        _permitExpiry[i] = ToDateOnly(row.PermitExpiry);
        _marital[i] = CanonicalText.MaritalStatus(row.MaritalStatus).AsMemory();
        _life[i] = CanonicalText.LifeStatus(row.LifeStatus).AsMemory();
        _lifeDate[i] = ToDateOnly(row.LifeStatusDate);
        _ktp[i] = CanonicalText.KtpStatus(row.RecordingStatus).AsMemory();
        _recordingDate[i] = ToDateOnly(row.RecordingDate);
        _birthCertificate[i] = row.HasBirthCertificate;
        _kia[i] = row.HasKia;
        Count = i + 1;
    }

    internal async Task FlushAsync(ParquetWriter writer, CancellationToken cancellationToken)
    {
        var n = Count;
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync<long>(_fields[0], _nik.AsMemory(0, n), null, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<ReadOnlyMemory<char>>(_fields[1], _domicile.AsMemory(0, n), null, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<DateOnly>(_fields[2], _birthDate.AsMemory(0, n), null, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<ReadOnlyMemory<char>>(_fields[3], _sex.AsMemory(0, n), null, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<ReadOnlyMemory<char>>(_fields[4], _citizenship.AsMemory(0, n), null, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<DateOnly>(_fields[5], _permitExpiry.AsMemory(0, n), null, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<ReadOnlyMemory<char>>(_fields[6], _marital.AsMemory(0, n), null, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<ReadOnlyMemory<char>>(_fields[7], _life.AsMemory(0, n), null, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<DateOnly>(_fields[8], _lifeDate.AsMemory(0, n), null, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<ReadOnlyMemory<char>>(_fields[9], _ktp.AsMemory(0, n), null, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<DateOnly>(_fields[10], _recordingDate.AsMemory(0, n), null, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<bool>(_fields[11], _birthCertificate.AsMemory(0, n), null, null, cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<bool>(_fields[12], _kia.AsMemory(0, n), null, null, cancellationToken).ConfigureAwait(false);
            group.CompleteValidate();
        }

        Count = 0;
    }

    private static DateOnly? ToDateOnly(LocalDate? date) => date is { } value ? ToDateOnly(value) : null;

    private static DateOnly ToDateOnly(LocalDate date) =>
        date.Year is >= 1 and <= 9999
            ? new DateOnly(date.Year, date.Month, date.Day)
            : throw new ArgumentException(Invariant($"Parquet dates hold years in range [0001-9999]; got {date.Year}."));
}
