using System.Text;
using CsCheck;
using Kependudukan.Aggregation;
using NodaTime;
using static Kependudukan.Data.Tests.TestRows;

namespace Kependudukan.Data.Tests;

/// <summary>A CSV file loaded in parts on several threads against the same text loaded on one thread: the same table, counts,
/// issues, reject file and exception, whatever the rows contain and wherever the parts start.</summary>
public sealed class ResidentCsvPartsTests
{
    private const string Extra = ",catatan";

    /// <summary>Cells that replace a valid one: other spellings, white space, quotes, bad and missing values.</summary>
    private static readonly string[] s_replacements =
        ["X", " L ", "\"P\"", "2020-13-01", "", "  ", "kawinn", "9", "\"6472014101900001\"", "64.72.01", "1899-12-31", "2090-01-01", "é"];

    /// <summary>Values of the extra column, some with line breaks inside quotes.</summary>
    private static readonly string[] s_notes = ["", "catatan", "\"a, b\"", "\"pindah\nke desa\"", "\"x\r\ny\"", "\"\"\"q\"\"\""];

    private static readonly Gen<string> s_csv =
        Gen.Select(Row.List[0, 60], Gen.Int[0, 99].Array[60], Gen.Int[0, 12].Array[60], Gen.Int[0, 5].Array[60], Gen.Bool, Gen.Bool, Gen.Bool)
            .Select(t => Csv(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7));

    [Fact]
    public void LoadTable_FileInParts_SameAsOneThread()
    {
        Gen.Select(s_csv, Gen.Int[2, 4], Gen.Int[1, 400], Gen.Bool, Gen.Int[0, 2]).Sample(t =>
        {
            var (csv, threads, partBytes, failFast, duplicates) = t;
            var options = new ResidentLoadOptions
            {
                ErrorPolicy = failFast ? LoadErrorPolicy.FailFast : LoadErrorPolicy.Quarantine,
                DuplicateNik = (FindingAction)(duplicates + 1),
                AsOf = new LocalDate(2080, 1, 1),
                MaxIssues = 7,
            };
            var path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path, csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                var expected = Outcome.Of(writer => ResidentCsv.LoadTable(new StringReader(csv), options with { RejectWriter = writer, MaxDegreeOfParallelism = 1 }, cancellationToken: Ct));
                var actual = Outcome.Of(writer => ResidentCsv.LoadTable(path, options with { RejectWriter = writer, MaxDegreeOfParallelism = threads, MinPartBytes = partBytes }, cancellationToken: Ct));
                Assert.Equal(expected, actual);
            }
            finally
            {
                File.Delete(path);
            }
        }, iter: 300);
    }

    [Fact]
    public void LoadTable_FastPath_SameAsGeneralPath()
    {
        // The fast path reads the common cell shapes in place; any row it reads must load exactly as the general path loads it.
        Gen.Select(s_csv, Gen.Bool).Sample(t =>
        {
            var (csv, failFast) = t;
            var options = new ResidentLoadOptions { ErrorPolicy = failFast ? LoadErrorPolicy.FailFast : LoadErrorPolicy.Quarantine, MaxIssues = 7 };
            var expected = Outcome.Of(writer => ResidentCsv.LoadTable(new StringReader(csv), options with { RejectWriter = writer, GeneralPathOnly = true }, cancellationToken: Ct));
            var actual = Outcome.Of(writer => ResidentCsv.LoadTable(new StringReader(csv), options with { RejectWriter = writer }, cancellationToken: Ct));
            Assert.Equal(expected, actual);
        }, iter: 300);
    }

    [Fact]
    public void LoadTable_FileInParts_ProgressAddsUp()
    {
        var rows = Sample(3000, seed: 5);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, ToCsv(rows));
            var reports = new List<LoadProgress>();
            var options = new ResidentLoadOptions { MaxDegreeOfParallelism = 3, MinPartBytes = 1000 };

            var result = ResidentCsv.LoadTable(path, options, new SynchronousProgress(reports.Add), Ct);

            AssertSameRows(rows, result.Data);
            Assert.Equal(new LoadProgress(3000, 3000, 0), reports[^1]);
            Assert.All(reports, r => Assert.Equal(r.RowsRead, r.RowsAccepted + r.RowsRejected));
            Assert.Equal(reports.OrderBy(r => r.RowsRead), reports);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadTable_FileInPartsCancelled_Throws()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, ToCsv(Sample(3000, seed: 6)));
            using var cts = new CancellationTokenSource();
            cts.Cancel();

            Assert.Throws<OperationCanceledException>(() =>
                ResidentCsv.LoadTable(path, new ResidentLoadOptions { MaxDegreeOfParallelism = 3, MinPartBytes = 1000 }, null, cts.Token));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Rows as CSV in the schema's column order (the writers' layout) or with an extra column, where some cells are
    /// replaced, some lines repeated (duplicate NIKs), cut short or doubled as empty lines.</summary>
    private static string Csv(List<ResidentRow> rows, int[] edits, int[] cells, int[] notes, bool crlf, bool trailingLineBreak, bool extra)
    {
        var lines = ToCsv(rows, variant: rows.Count % 3 == 0).Split('\n')[..^1].ToList();
        lines[0] += extra ? Extra : string.Empty;
        for (var i = 1; i < lines.Count; i++)
        {
            var row = lines[i].Split(',');
            var edit = edits[i - 1];
            if (edit < 10)
            {
                row[cells[i - 1]] = s_replacements[edit];
            }

            lines[i] = string.Join(',', row) + (extra ? "," + s_notes[notes[i - 1]] : string.Empty);
            if (edit is >= 10 and < 14 && i > 1)
            {
                lines[i] = lines[i - 1];
            }
            else if (edit is >= 14 and < 16)
            {
                lines[i] = lines[i][..(lines[i].Length / 2)];
            }
            else if (edit == 16)
            {
                lines[i] += "\n";
            }
        }

        var newLine = crlf ? "\r\n" : "\n";
        var text = string.Join(newLine, lines);
        return trailingLineBreak ? text + newLine : text;
    }

    /// <summary>Everything a load produces, comparable as a whole.</summary>
    internal sealed record Outcome(string Summary, string Issues, string Rejects, string Rows, string Error)
    {
        internal static Outcome Of(Func<TextWriter, LoadResult<PopulationTable>> load)
        {
            using var rejects = new StringWriter();
            try
            {
                var result = load(rejects);
                var summary = AssertCounts(result.Summary);
                var counts = string.Join(",", Enum.GetValues<LoadIssueKind>().Skip(1).Select(summary.GetIssueCount));
                return new Outcome(
                    Invariant($"{summary.RowsRead} {summary.RowsAccepted} {summary.RowsRejected} {summary.Warnings} {counts} {string.Join(",", summary.AbsentColumns)}"),
                    string.Join("\n", summary.Issues),
                    rejects.ToString(),
                    string.Join("\n", ToList(result.Data)),
                    string.Empty);
            }
            catch (ResidentLoadException e)
            {
                return new Outcome(string.Empty, string.Empty, string.Empty, string.Empty, e.Issue.ToString() + " " + e.Issue.MaskedNik);
            }
        }
    }
}
