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
    public void LoadTable_ColumnFormPath_SameAsGeneralPath()
    {
        // Rows in the writers' layout go straight into column form unless a check the load runs would report them; edited
        // cells raise every finding, reach the ends of the storable dates and the rare sparse columns. Whatever the options,
        // the load must equal the general path's.
        var actions = Gen.OneOf(Gen.Const(FindingAction.Reject), Gen.Const(FindingAction.Warn), Gen.Const(FindingAction.Ignore));
        var options =
            from failFast in Gen.Bool
            from asOf in Gen.OneOf(Gen.Const((LocalDate?)null), Gen.Int[0, 60].Select(y => (LocalDate?)new LocalDate(1960 + y, 7, 1)),
                Gen.OneOf<LocalDate?>(LocalDate.MinIsoValue, new LocalDate(1899, 12, 31), new LocalDate(1900, 1, 1), new LocalDate(2079, 6, 4), new LocalDate(2080, 1, 1)))
            from catalog in Gen.Bool
            from found in actions.Array[5]
            select new ResidentLoadOptions
            {
                ErrorPolicy = failFast ? LoadErrorPolicy.FailFast : LoadErrorPolicy.Quarantine,
                AsOf = asOf,
                RegionCatalog = catalog ? Regions.RegionCatalog.Default : null,
                NikMismatch = found[0],
                DeathBeforeBirth = found[1],
                BirthAfterAsOf = found[2],
                UnknownRegion = found[3],
                DuplicateNik = found[4],
                MaxIssues = 20,
            };
        Gen.Select(Row.List[0, 40], Gen.Int[0, 36].Array[40], options, Gen.Bool).Sample(t =>
        {
            var (rows, edits, loadOptions, crlf) = t;
            var csv = ColumnFormCsv(rows, edits, loadOptions.AsOf, crlf ? "\r\n" : "\n");
            var expected = Outcome.Of(writer => ResidentCsv.LoadTable(new StringReader(csv), loadOptions with { RejectWriter = writer, GeneralPathOnly = true }, cancellationToken: Ct));
            var actual = Outcome.Of(writer => ResidentCsv.LoadTable(new StringReader(csv), loadOptions with { RejectWriter = writer }, cancellationToken: Ct));
            Assert.Equal(expected, actual);
        }, iter: 400);
    }

    /// <summary>Rows in the writers' layout with some cells edited (an edit number above 19 leaves the row as it is).</summary>
    private static string ColumnFormCsv(List<ResidentRow> rows, int[] edits, LocalDate? asOf, string newLine)
    {
        var onAsOf = asOf is { } day && day.Year is >= 1900 and < 2079 ? day : new LocalDate(1990, 7, 1);
        var lines = ToCsv(rows).Split('\n')[..^1];
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            switch (edits[i - 1])
            {
                case 0: cells[3] = cells[3] == "L" ? "P" : "L"; break; // the NIK's sex disagrees
                case 1: cells[2] = "2001-02-03"; break; // the NIK's birth digits disagree
                case 2: (cells[7], cells[8]) = ("mati", "1900-01-02"); break; // death before birth
                case 3: (cells[7], cells[8]) = ("hidup", "2010-05-06"); break; // a living resident's life-status date
                case 4: (cells[4], cells[5]) = ("ITAS", "2030-01-01"); break; // a permit expiry
                case 5: cells[1] = "64.01.01.9999"; break; // not in the catalog
                case 6: cells[10] = "2079-06-05"; break; // one day past the last storable date
                case 7: cells[0] = string.Empty; break; // no NIK
                case 8: cells[2] = "2079-06-04"; break; // the last storable date, born after any as-of date
                case 9: (cells[7], cells[8]) = ("pindah luar negeri", string.Empty); break; // moved abroad on an unknown date
                case 10: (cells[7], cells[8]) = ("mati", "2079-06-04"); break;
                case 11: cells[2] = "1900-01-01"; break; // the first storable date
                case 12: cells[8] = "1899-12-31"; break; // before the first storable date
                case 13: cells[0] = i > 1 ? lines[i - 1].Split(',')[0] : cells[0]; break; // the NIK of the line before
                case 14: (cells[7], cells[8]) = ("mati", Date(rows[i - 1].BirthDate.PlusDays(-1))); break; // died the day before birth
                case 15: (cells[7], cells[8]) = ("pindah luar negeri", cells[2]); break; // left on the day of birth
                case 16: cells[2] = Date(onAsOf.PlusDays(1)); break; // the day after the as-of date
                case 17: cells[2] = Date(onAsOf); break; // on the as-of date
                case 18: cells[2] = "2079-06-05"; break; // born after the last storable date
                case 19: (cells[7], cells[8]) = ("mati", "2079-06-05"); break; // died after it
            }

            lines[i] = string.Join(',', cells);
        }

        return string.Join(newLine, lines) + newLine;
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
