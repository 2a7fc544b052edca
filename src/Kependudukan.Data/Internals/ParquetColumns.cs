using Parquet;
using Parquet.Schema;
using static System.FormattableString;

namespace Kependudukan.Data.Internals;

/// <summary>Formats one cell of a typed column as the text the field parsers read.</summary>
internal delegate ReadOnlySpan<char> CellFormatter<T>(T value, Span<char> scratch);

/// <summary>One column of a Parquet row group, read whole, served cell by cell as text.</summary>
internal abstract class ParquetColumn(DataField field)
{
    internal DataField Field { get; } = field;

    internal abstract ValueTask ReadAsync(ParquetRowGroupReader rowGroup, int rowCount, CancellationToken cancellationToken);

    internal abstract ReadOnlySpan<char> Get(int row);

    /// <summary>Creates the reader for a column by its CLR type; throws for a type the schema has no reading for.</summary>
    internal static ParquetColumn Create(DataField field)
    {
        var type = field.ClrType;
        if (field.IsArray || field.Path.Length > 1)
        {
            throw Unsupported(field, "a list or nested column");
        }

        return type == typeof(ReadOnlyMemory<char>) || type == typeof(string) ? new TextColumn(field)
            : type == typeof(long) ? new ValueColumn<long>(field, CellText.Int64)
            : type == typeof(int) ? new ValueColumn<int>(field, static (v, s) => CellText.Int64(v, s))
            : type == typeof(bool) ? new ValueColumn<bool>(field, static (v, _) => CellText.Flag(v))
            : type == typeof(DateOnly) ? new ValueColumn<DateOnly>(field, CellText.Date)
            : type == typeof(DateTime) ? new ValueColumn<DateTime>(field, CellText.DateTime)
            : throw Unsupported(field, type.Name);
    }

    private static ResidentLoadException Unsupported(DataField field, string what) =>
        new(new LoadIssue(0, field.Name.ToLowerInvariant(), LoadIssueKind.InvalidValue,
            Invariant($"The Parquet column {field.Name} holds {what}; expected text, an integer, a boolean or a date."), true, string.Empty));

    private sealed class TextColumn(DataField field) : ParquetColumn(field)
    {
        private ReadOnlyMemory<char>?[] _values = [];

        internal override async ValueTask ReadAsync(ParquetRowGroupReader rowGroup, int rowCount, CancellationToken cancellationToken)
        {
            if (_values.Length < rowCount)
            {
                _values = new ReadOnlyMemory<char>?[rowCount];
            }

            await rowGroup.ReadAsync<ReadOnlyMemory<char>>(Field, _values.AsMemory(0, rowCount), null, cancellationToken).ConfigureAwait(false);
        }

        internal override ReadOnlySpan<char> Get(int row) => _values[row] is { } value ? value.Span : default;
    }

    private sealed class ValueColumn<T>(DataField field, CellFormatter<T> format) : ParquetColumn(field)
        where T : struct
    {
        private readonly char[] _scratch = new char[CellText.ScratchLength];
        private T?[] _values = [];

        internal override async ValueTask ReadAsync(ParquetRowGroupReader rowGroup, int rowCount, CancellationToken cancellationToken)
        {
            if (_values.Length < rowCount)
            {
                _values = new T?[rowCount];
            }

            await rowGroup.ReadAsync<T>(Field, _values.AsMemory(0, rowCount), null, cancellationToken).ConfigureAwait(false);
        }

        internal override ReadOnlySpan<char> Get(int row) => _values[row] is { } value ? format(value, _scratch) : default;
    }
}
