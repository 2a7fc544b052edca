using static System.FormattableString;

namespace Kependudukan.Data.Internals;

/// <summary>Maps the columns of an input (a CSV header, a database result, a Parquet schema) to the schema fields by name.</summary>
internal sealed class ColumnMap
{
    private ColumnMap(int[] sourceIndex, string[] absent)
    {
        SourceIndex = sourceIndex;
        AbsentColumns = absent;
    }

    /// <summary>Gets, per field, the index of the source column holding it, or -1.</summary>
    internal int[] SourceIndex { get; }

    internal string[] AbsentColumns { get; }

    /// <summary>Matches names ignoring case, surrounding white space and a byte-order mark; throws when a required column is
    /// missing or a schema column appears twice.</summary>
    internal static ColumnMap Create(IReadOnlyList<string> names, bool nikRequired, long headerLine)
    {
        if (names.Count == 0 || (names.Count == 1 && names[0].Trim().Trim('\uFEFF').Length == 0))
        {
            throw new ResidentLoadException(new LoadIssue(headerLine, string.Empty, LoadIssueKind.MissingHeader,
                Invariant($"The input is empty: expected a header naming the columns {string.Join(", ", RequiredNames(nikRequired))}."), true, string.Empty));
        }

        var index = new int[Field.Count];
        Array.Fill(index, -1);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().Trim('\uFEFF').Trim();
            var field = Array.FindIndex(Field.Names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (field < 0)
            {
                continue;
            }

            if (index[field] >= 0)
            {
                throw new ResidentLoadException(new LoadIssue(headerLine, Field.Names[field], LoadIssueKind.DuplicateColumn,
                    Invariant($"The column {Field.Names[field]} appears twice (columns {index[field] + 1} and {i + 1})."), true, string.Empty));
            }

            index[field] = i;
        }

        foreach (var required in RequiredNames(nikRequired))
        {
            var field = Array.IndexOf(Field.Names, required);
            if (index[field] < 0)
            {
                throw new ResidentLoadException(new LoadIssue(headerLine, required, LoadIssueKind.MissingColumn,
                    Invariant($"The required column {required} is missing.{SeparatorHint(names)}"), true, string.Empty));
            }
        }

        var absent = Enumerable.Range(0, Field.Count).Where(f => index[f] < 0).Select(f => Field.Names[f]).ToArray();
        return new ColumnMap(index, absent);
    }

    private static IEnumerable<string> RequiredNames(bool nikRequired) =>
        Enumerable.Range(0, Field.Count).Where(f => Field.IsRequired(f) || (nikRequired && f == Field.Nik)).Select(f => Field.Names[f]);

    private static string SeparatorHint(IReadOnlyList<string> names)
    {
        if (names.Count != 1)
        {
            return string.Empty;
        }

        foreach (var candidate in ";,\t|")
        {
            if (names[0].Contains(candidate, StringComparison.Ordinal))
            {
                var shown = candidate == '\t' ? "tab" : "'" + candidate + "'";
                return Invariant($" The header is a single column containing {shown}: is the file separated by {shown}? Set ResidentLoadOptions.CsvSeparator.");
            }
        }

        return string.Empty;
    }
}
