using CsCheck;
using Kependudukan.Aggregation;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Tests.Aggregation;

/// <summary>The bulk members of <see cref="PopulationTableBuilder"/>, each against the plain one-row-at-a-time <see cref="PopulationTableBuilder.Add(in ResidentRow)"/>.</summary>
public class PopulationTableBuilderBulkTests
{
    private static readonly ResidentRow s_valid = PopulationTableTests.Valid;

    [Fact]
    public void AddRangeOfBuilders_RandomSplits_EqualsAddingEveryRowInOrder() =>
        Gen.Select(PopulationGen.Population(120), Gen.Int[1, 5], Gen.Int[0, 2]).Sample((sample, parts, nikMode) =>
        {
            // nikMode 0: every row has its NIK; 1: none has; 2: only some parts have them.
            var rows = sample.Rows.Select((row, i) => nikMode == 1 || (nikMode == 2 && i * parts / Math.Max(1, sample.Rows.Length) % 2 == 0)
                ? row with { Nik = default }
                : row).ToArray();
            var expected = Reference(rows);

            var combined = new PopulationTableBuilder();
            var part = new PopulationTableBuilder();
            var size = (rows.Length + parts - 1) / parts;
            for (var start = 0; start < rows.Length; start += Math.Max(1, size))
            {
                part.Clear();
                foreach (var row in rows.AsSpan(start, Math.Min(size, rows.Length - start)))
                {
                    part.Add(in row);
                }

                combined.AddRange(part);
            }

            AssertSameTable(expected, combined.Build());
        }, iter: 150);

    [Fact]
    public void AddRangeOfSpan_RandomRows_EqualsAddingEveryRowInOrder() =>
        PopulationGen.Population(150).Sample(sample =>
        {
            var builder = new PopulationTableBuilder();
            var half = sample.Rows.Length / 2;
            builder.AddRange(sample.Rows.AsSpan(0, half));
            builder.AddRange(sample.Rows.AsSpan(half));
            AssertSameTable(Reference(sample.Rows), builder.Build());
        }, iter: 150);

    [Fact]
    public void AddRangeOfSpan_InvalidRowInTheMiddle_AddsNothingAndNamesTheRow()
    {
        var builder = new PopulationTableBuilder();
        builder.Add(s_valid);
        ResidentRow[] rows =
        [
            s_valid with { Domicile = RegionCode.Village(64, 1, 1, 2001), PermitExpiry = new LocalDate(2030, 1, 1) },
            s_valid with { Domicile = RegionCode.Village(64, 2, 1, 2001), LifeStatusDate = new LocalDate(2020, 1, 1) },
            s_valid with { Domicile = RegionCode.Village(64, 3, 1, 2001), BirthDate = new LocalDate(1850, 1, 1) },
        ];

        var error = Assert.Throws<ArgumentException>(() => builder.AddRange(rows));

        Assert.Equal("rows", error.ParamName);
        Assert.StartsWith($"Row 3 (NIK {s_valid.Nik.ToMaskedString()}): BirthDate", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("6472014101900001", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, builder.Count);

        // Nothing of the refused range survives: no villages without rows, no sparse dates; the builder goes on as before.
        builder.Add(rows[1] with { Nik = default });
        var table = builder.Build();
        Assert.Equal(2, table.VillageCount);
        Assert.Equal([s_valid, rows[1] with { Nik = default }], [table.GetRow(0), table.GetRow(1)]);
        Assert.Equal(Reference([s_valid, rows[1] with { Nik = default }]).TotalBytes, table.TotalBytes);
    }

    [Fact]
    public void AddRangeOfBuilder_Itself_AppendsItsRowsAgain()
    {
        var builder = new PopulationTableBuilder();
        builder.Add(s_valid with { PermitExpiry = new LocalDate(2030, 1, 1), Citizenship = Citizenship.ForeignerWithItap });
        builder.Add(s_valid with { Domicile = RegionCode.Village(64, 1, 1, 2001), Nik = default });

        builder.AddRange(builder);

        var table = builder.Build();
        Assert.Equal(4, table.Count);
        Assert.Equal(table.GetRow(0), table.GetRow(2));
        Assert.Equal(table.GetRow(1), table.GetRow(3));
        Assert.Equal(new LocalDate(2030, 1, 1), table.GetRow(2).PermitExpiry);
    }

    [Fact]
    public void Build_ThenKeepAdding_LeavesTheFirstTableUnchanged()
    {
        // An exact capacity lets the first table take the builder's columns without a copy; later rows must not reach it.
        var builder = new PopulationTableBuilder(2);
        builder.Add(s_valid);
        builder.Add(s_valid with { Sex = Sex.Male, Nik = default });
        Assert.Equal(builder.Count, builder.Capacity);
        var first = builder.Build();

        builder.Add(s_valid with { BirthDate = new LocalDate(2001, 2, 3) });
        builder.AddRange(builder);
        builder.Clear();
        builder.Add(s_valid with { BirthDate = new LocalDate(1970, 7, 8), HasBirthCertificate = false });
        var second = builder.Build();

        Assert.Equal([s_valid, s_valid with { Sex = Sex.Male, Nik = default }], [first.GetRow(0), first.GetRow(1)]);
        Assert.Equal(1, second.Count);
        Assert.Equal(s_valid with { BirthDate = new LocalDate(1970, 7, 8), HasBirthCertificate = false }, second.GetRow(0));
    }

    [Fact]
    public void Clear_AfterRowsWithNiks_DoesNotLeakOldNiksIntoRowsWithout()
    {
        var builder = new PopulationTableBuilder();
        builder.Add(s_valid);
        builder.Add(s_valid);
        builder.Clear();
        builder.Add(s_valid with { Nik = default });

        var table = builder.Build();

        Assert.Equal(1, table.Count);
        Assert.Equal(default, table.GetRow(0).Nik);
        Assert.Equal(Reference([s_valid with { Nik = default }]).TotalBytes, table.TotalBytes);
    }

    [Fact]
    public void Clear_AfterBuildTookTheColumns_StartsAgainFromNoCapacity()
    {
        var builder = new PopulationTableBuilder(1);
        builder.Add(s_valid);
        var table = builder.Build();

        builder.Clear();

        Assert.Equal(0, builder.Capacity);
        Assert.Equal(s_valid, table.GetRow(0));
    }

    [Fact]
    public void EnsureCapacity_GrowsOnlyWhenNeeded()
    {
        var builder = new PopulationTableBuilder();
        Assert.Equal(0, builder.Capacity);
        Assert.Equal(100, builder.EnsureCapacity(100));
        Assert.Equal(100, builder.EnsureCapacity(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.EnsureCapacity(-1));
        for (var i = 0; i < 100; i++)
        {
            builder.Add(s_valid);
        }

        Assert.Equal(100, builder.Capacity);

        // Growing at least doubles, as List<T> does, so one call per batch stays linear.
        Assert.Equal(200, builder.EnsureCapacity(150));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.EnsureCapacity(Array.MaxLength + 1));
    }

    [Fact]
    public void RemoveRows_RandomRows_EqualsAddingOnlyTheRest() =>
        Gen.Select(PopulationGen.Population(120), Gen.Int[0, 3], Gen.Bool, Gen.Int[1, 3]).Sample((sample, mode, buildFirst, parts) =>
        {
            // mode 0: every row has its NIK; 1: none has; 2: only some have; 3: every row is removed.
            var rows = sample.Rows.Select((row, i) => mode == 1 || (mode == 2 && i % 3 == 0) ? row with { Nik = default } : row).ToArray();
            var random = new Random(rows.Length);
            var removed = Enumerable.Range(0, rows.Length).Where(_ => mode == 3 || random.Next(4) == 0).ToArray();
            var builder = new PopulationTableBuilder(rows.Length);
            var size = Math.Max(1, (rows.Length + parts - 1) / parts);
            for (var start = 0; start < rows.Length; start += size)
            {
                builder.AddRange(rows.AsSpan(start, Math.Min(size, rows.Length - start)));
            }

            var before = buildFirst ? builder.Build() : null;

            builder.RemoveRows(removed);

            AssertSameTable(Reference(rows.Where((_, i) => !removed.Contains(i)).ToArray()), builder.Build());
            if (before is not null)
            {
                AssertSameTable(Reference(rows), before);
            }

            // The builder goes on as usual after a removal.
            builder.Add(s_valid);
            Assert.Equal(s_valid, builder.Build().GetRow(builder.Count - 1));
        }, iter: 200);

    [Fact]
    public void GetRow_RandomRows_EqualsTheRowAdded() =>
        Gen.Select(PopulationGen.Population(120), Gen.Int[1, 3], Gen.Bool).Sample((sample, parts, removeSome) =>
        {
            // Rows added one by one, in batches and from other builders, then some removed.
            var rows = sample.Rows.Select((row, i) => i % 5 == 0 ? row with { Nik = default } : row).ToList();
            var builder = new PopulationTableBuilder();
            var size = Math.Max(1, (rows.Count + parts - 1) / parts);
            for (var start = 0; start < rows.Count; start += size)
            {
                var batch = rows.GetRange(start, Math.Min(size, rows.Count - start)).ToArray();
                if (parts == 2)
                {
                    var other = new PopulationTableBuilder();
                    other.AddRange(batch);
                    builder.AddRange(other);
                }
                else
                {
                    builder.AddRange(batch);
                }
            }

            if (removeSome)
            {
                var removed = Enumerable.Range(0, rows.Count).Where(i => i % 3 == 1).ToArray();
                builder.RemoveRows(removed);
                rows = [.. rows.Where((_, i) => i % 3 != 1)];
            }

            Assert.Equal(rows, Enumerable.Range(0, builder.Count).Select(builder.GetRow));
            Assert.Throws<ArgumentOutOfRangeException>(() => builder.GetRow(builder.Count));
            Assert.Throws<ArgumentOutOfRangeException>(() => builder.GetRow(-1));
        }, iter: 150);

    [Fact]
    public void FindRepeatedNiks_RandomRows_SameAsHashSetReference() =>
        Gen.Select(PopulationGen.Population(150), Gen.Int[1, 12], Gen.Int[1, 3], Gen.Bool).Sample((sample, pool, threads, removeSome) =>
        {
            // NIKs drawn from a small pool of the rows' own NIKs repeat often; every fourth row has none.
            var rows = sample.Rows.Select((row, i) => i % 4 == 3 ? row with { Nik = default } : row with { Nik = sample.Rows[i % pool].Nik }).ToList();
            var builder = new PopulationTableBuilder();
            builder.AddRange(rows.ToArray());
            if (removeSome)
            {
                var removed = Enumerable.Range(0, rows.Count).Where(i => i % 5 == 0).ToArray();
                builder.RemoveRows(removed);
                rows = [.. rows.Where((_, i) => i % 5 != 0)];
            }

            var seen = new HashSet<Kependudukan.Identity.Nik>();
            var expected = Enumerable.Range(0, rows.Count).Where(i => rows[i].Nik != default && !seen.Add(rows[i].Nik)).ToArray();
            Assert.Equal(expected, builder.FindRepeatedNiks(threads, TestContext.Current.CancellationToken));
        }, iter: 200);

    [Fact]
    public void FindRepeatedNiksBeforeBuild_ThenBuild_SameAsSearchAndBuildAlone() =>
        Gen.Select(PopulationGen.Population(150), Gen.Int[0, 3], Gen.Int[1, 3], Gen.Int[0, 2]).Sample((sample, variant, threads, after) =>
        {
            // variant 0: every row has a NIK (the search's working array becomes the NIK column); 1: some rows have none;
            // 2: NIKs repeat; 3: rows already in village order (the columns are kept as they are).
            var rows = sample.Rows.Select((row, i) => variant switch
            {
                1 when i % 4 == 3 => row with { Nik = default },
                2 => row with { Nik = sample.Rows[i % 7].Nik },
                _ => row,
            }).ToArray();
            if (variant == 3)
            {
                rows = [.. rows.OrderBy(row => row.Domicile)];
            }

            var reference = new PopulationTableBuilder();
            var builder = new PopulationTableBuilder();
            reference.AddRange(rows);
            builder.AddRange(rows);

            var repeats = builder.FindRepeatedNiksBeforeBuild(threads, TestContext.Current.CancellationToken);
            Assert.Equal(reference.FindRepeatedNiks(threads, TestContext.Current.CancellationToken), repeats);

            // The working array is kept exactly when it has one element per row: every row has a NIK.
            var everyRowHasNik = rows.Length > 0 && rows.All(row => row.Nik != default);
            var spare = builder.SpareNikColumn;
            Assert.Equal(everyRowHasNik, spare is not null);

            // after 1: rows removed between search and build; 2: more rows added, so the array no longer fits either.
            if (after == 1 && rows.Length > 0)
            {
                reference.RemoveRows([0]);
                builder.RemoveRows([0]);
            }
            else if (after == 2)
            {
                reference.Add(s_valid);
                builder.Add(s_valid);
            }

            var expected = reference.Build(threads);
            var actual = builder.Build(threads);
            AssertSameTable(expected, actual);
            Assert.Equal(everyRowHasNik && after == 0, spare is not null && ReferenceEquals(spare, actual.NikColumn));
            Assert.Null(builder.SpareNikColumn);

            // The array went to the first table: a second build has a NIK column of its own, and the first table keeps its NIKs.
            var again = builder.Build(threads);
            AssertSameTable(expected, again);
            AssertSameTable(expected, actual);
        }, iter: 200);

    [Fact]
    public void FindRepeatedNiks_BadArguments_Throw()
    {
        var builder = new PopulationTableBuilder();
        builder.Add(s_valid);
        builder.Add(s_valid);
        Assert.Equal([1], builder.FindRepeatedNiks(1, TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.FindRepeatedNiks(0, TestContext.Current.CancellationToken));
        Assert.ThrowsAny<OperationCanceledException>(() => builder.FindRepeatedNiks(1, new CancellationToken(canceled: true)));
        Assert.Empty(new PopulationTableBuilder().FindRepeatedNiks(1, TestContext.Current.CancellationToken));

        // After Clear the NIK column is reused with old NIKs past Count, and rows without a NIK write 0 over them.
        builder.Clear();
        builder.Add(s_valid with { Nik = default });
        builder.Add(s_valid with { Nik = default });
        Assert.Empty(builder.FindRepeatedNiks(1, TestContext.Current.CancellationToken));
        builder.Add(s_valid);
        Assert.Empty(builder.FindRepeatedNiks(1, TestContext.Current.CancellationToken));
        builder.Add(s_valid);
        Assert.Equal([3], builder.FindRepeatedNiks(1, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(0)] // villages in random order
    [InlineData(1)] // villages in code order throughout: no grouping needed
    [InlineData(2)] // in code order within each half, not across them: the chunk boundary decides
    public void Build_OnSeveralThreads_SameTableAsOneThread(int order)
    {
        // Over a million rows (so several threads take part) from a few thousand random ones, spread over 700 villages.
        const int Count = (1 << 20) + 4321;
        var sample = Gen.Select(PopulationGen.Row(new LocalDate(2025, 8, 17)).Array[3000, 3000], Gen.Int[0, 699].Array[Count]).Single(_ => true, seed: "0N0XIzNsQ0O2");
        var (rows, villages) = sample;
        if (order > 0)
        {
            Array.Sort(villages, 0, order == 1 ? Count : Count / 2);
            Array.Sort(villages, order == 1 ? 0 : Count / 2, order == 1 ? 0 : Count - (Count / 2));
        }

        var one = new PopulationTableBuilder(Count);
        var several = new PopulationTableBuilder(Count);
        var added = new ResidentRow[Count];
        for (var i = 0; i < Count; i++)
        {
            added[i] = rows[i % rows.Length] with { Domicile = RegionCode.Village(64, 72, 1 + (villages[i] / 100), 1001 + (villages[i] % 100)) };
            one.Add(in added[i]);
            several.Add(in added[i]);
        }

        var expected = one.Build(1);
        var actual = several.Build(3);

        Assert.Equal(expected.Birth, actual.Birth);
        Assert.Equal(expected.Flags, actual.Flags);
        Assert.Equal(expected.Recording, actual.Recording);
        Assert.Equal(expected.Leave, actual.Leave);
        Assert.Equal(expected.Villages, actual.Villages);
        Assert.Equal(expected.VillageStarts, actual.VillageStarts);
        AssertSameTable(expected, actual);
        Assert.All(Enumerable.Range(0, Count).Where(i => i % 97 == 0), i => Assert.Equal(added[i], actual.GetRow(i)));
        if (order == 1)
        {
            // Rows already grouped are stored in insertion order.
            Assert.All(Enumerable.Range(0, Count), i => Assert.Equal(i, actual.StorageRowOf(i)));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => several.Build(0));
    }

    [Fact]
    public void RemoveRows_AfterBuildTookTheColumns_LeavesThatTableUnchanged()
    {
        // Rows in village order filling the capacity exactly: the first table takes the builder's columns as they are.
        var rows = new[]
        {
            s_valid with { Domicile = RegionCode.Village(64, 72, 1, 1001) },
            s_valid with { Domicile = RegionCode.Village(64, 72, 1, 1002), Nik = default },
            s_valid with { Domicile = RegionCode.Village(64, 72, 1, 1003), HasKia = true },
        };
        var builder = new PopulationTableBuilder(rows.Length);
        builder.AddRange(rows);
        var first = builder.Build();

        builder.RemoveRows([0]);

        AssertSameTable(Reference(rows), first);
        AssertSameTable(Reference(rows[1..]), builder.Build());
    }

    [Fact]
    public void RemoveRows_LastRowsOfTheLastVillage_ThatVillageCanBeAddedAgain()
    {
        var other = s_valid with { Domicile = RegionCode.Village(64, 72, 1, 1009), Nik = default };
        var builder = new PopulationTableBuilder();
        builder.AddRange([s_valid, other, other]);

        builder.RemoveRows([1, 2]);
        builder.Add(other);

        AssertSameTable(Reference([s_valid, other]), builder.Build());
    }

    [Theory]
    [InlineData(new[] { 3 }, "index 0 is 3")]
    [InlineData(new[] { -1 }, "index 0 is -1")]
    [InlineData(new[] { 1, 1 }, "index 1 is 1, after 1")]
    [InlineData(new[] { 2, 0 }, "index 1 is 0, after 2")]
    public void RemoveRows_BadIndices_ThrowsNamingTheIndexAndRemovesNothing(int[] removed, string expected)
    {
        var builder = new PopulationTableBuilder();
        builder.AddRange([s_valid, s_valid with { Sex = Sex.Male, Nik = default }, s_valid with { HasKia = true }]);

        var error = Assert.Throws<ArgumentException>(() => builder.RemoveRows(removed));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("rows", error.ParamName);
        Assert.Equal(3, builder.Count);
        Assert.Equal(s_valid with { HasKia = true }, builder.Build().GetRow(2));
    }

    private static PopulationTable Reference(ResidentRow[] rows)
    {
        var builder = new PopulationTableBuilder();
        foreach (var row in rows)
        {
            builder.Add(in row);
        }

        return builder.Build();
    }

    private static void AssertSameTable(PopulationTable expected, PopulationTable actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.VillageCount, actual.VillageCount);
        Assert.Equal(expected.TotalBytes, actual.TotalBytes);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected.GetRow(i), actual.GetRow(i));
        }
    }
}
