using CsCheck;
using Kependudukan.Aggregation;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Tests.Aggregation;

public class PopulationTableTests
{
    internal static readonly ResidentRow Valid = new()
    {
        Nik = Nik.Parse("6472014101900001"),
        Domicile = RegionCode.Village(64, 72, 1, 1001),
        BirthDate = new LocalDate(1990, 1, 1),
        Sex = Sex.Female,
        Citizenship = Citizenship.Wni,
        MaritalStatus = MaritalStatus.NeverMarried,
        LifeStatus = LifeStatus.Alive,
        RecordingStatus = KtpElStatus.CardIssued,
        RecordingDate = new LocalDate(2012, 5, 1),
        HasBirthCertificate = true,
    };

    [Fact]
    public void GetRow_RandomRows_ReturnsEachRowAsAdded() =>
        PopulationGen.Population(200).Sample(sample =>
        {
            var builder = new PopulationTableBuilder();
            foreach (var (row, i) in sample.Rows.Select((r, i) => (r, i)))
            {
                // Every third row without a NIK, so the NIK column must keep "none" apart from values.
                builder.Add(i % 3 == 0 ? row with { Nik = default } : row);
            }

            var table = builder.Build();
            Assert.Equal(sample.Rows.Length, table.Count);
            for (var i = 0; i < sample.Rows.Length; i++)
            {
                var expected = i % 3 == 0 ? sample.Rows[i] with { Nik = default } : sample.Rows[i];
                Assert.Equal(expected, table.GetRow(i));
            }
        }, iter: 200);

    [Fact]
    public void Build_GroupsRowsByVillageInCodeOrder()
    {
        var builder = new PopulationTableBuilder();
        RegionCode[] villages = [RegionCode.Village(64, 72, 2, 1001), RegionCode.Village(64, 1, 1, 2001), RegionCode.Village(64, 72, 2, 1001)];
        foreach (var village in villages)
        {
            builder.Add(Valid with { Domicile = village });
        }

        var table = builder.Build();
        Assert.Equal(2, table.VillageCount);
        Assert.Equal([RegionCode.Village(64, 1, 1, 2001), RegionCode.Village(64, 72, 2, 1001)], table.Villages);
        Assert.Equal([0, 1, 3], table.VillageStarts);
        Assert.Equal(villages, Enumerable.Range(0, 3).Select(i => table.GetRow(i).Domicile));
    }

    [Fact]
    public void Build_CanContinueAppending()
    {
        var builder = new PopulationTableBuilder();
        builder.Add(Valid);
        var first = builder.Build();
        builder.Add(Valid with { Sex = Sex.Male });
        var second = builder.Build();
        Assert.Equal(1, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Equal(Sex.Male, second.GetRow(1).Sex);
    }

    [Fact]
    public void Ctor_Capacity_ReservesRoomAndGrowsBeyond()
    {
        Assert.Throws<ArgumentOutOfRangeException>("capacity", () => new PopulationTableBuilder(-1));
        var builder = new PopulationTableBuilder(2);
        for (var i = 0; i < 5; i++)
        {
            builder.Add(Valid with { BirthDate = Valid.BirthDate.PlusDays(i) });
        }

        var table = builder.Build();
        Assert.Equal(5, table.Count);
        Assert.Equal(Valid.BirthDate.PlusDays(4), table.GetRow(4).BirthDate);
    }

    [Fact]
    public void Add_Resident_SameAsRow()
    {
        var builder = new PopulationTableBuilder();
        builder.Add(Valid.ToResident());
        Assert.Equal(Valid, builder.Build().GetRow(0));
    }

    [Fact]
    public void BytesPerResident_WorkingSetIsEightBytesPlusVillageRuns()
    {
        var builder = new PopulationTableBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            builder.Add(Valid with { Domicile = RegionCode.Village(64, 72, 1, 1001 + (i % 10)) });
        }

        var table = builder.Build();

        // 4 columns × 2 bytes, plus 10 villages × (8-byte code + 4-byte start) + 1 final start, over 10,000 residents.
        Assert.Equal(8 + ((10 * 12) + 4) / 10_000.0, table.BytesPerResident, 9);

        // Rows were added out of village order (4 bytes each to keep it) and all have a NIK (8 bytes each).
        Assert.Equal(table.BytesPerResident + 12, table.TotalBytesPerResident, 9);
    }

    [Fact]
    public void BytesPerResident_RowsInVillageOrderWithoutNik_StoreNoExtraColumn()
    {
        var builder = new PopulationTableBuilder();
        for (var i = 0; i < 1000; i++)
        {
            builder.Add(Valid with { Nik = default, Domicile = RegionCode.Village(64, 72, 1, 1001 + (i / 100)) });
        }

        var table = builder.Build();
        Assert.Equal(table.WorkingSetBytes, table.TotalBytes);
    }

    public static TheoryData<string, Func<ResidentRow, ResidentRow>> InvalidRows => new()
    {
        { "Domicile", r => r with { Domicile = RegionCode.District(64, 72, 1) } },
        { "Sex", r => r with { Sex = Sex.None } },
        { "Citizenship", r => r with { Citizenship = (Citizenship)4 } },
        { "MaritalStatus", r => r with { MaritalStatus = MaritalStatus.None } },
        { "LifeStatus", r => r with { LifeStatus = LifeStatus.None } },
        { "RecordingStatus", r => r with { RecordingStatus = KtpElStatus.None } },
        { "BirthDate", r => r with { BirthDate = new LocalDate(1899, 12, 31) } },
        { "RecordingDate", r => r with { RecordingDate = new LocalDate(2079, 6, 5) } },
        { "LifeStatusDate", r => r with { LifeStatus = LifeStatus.Deceased, LifeStatusDate = new LocalDate(1850, 1, 1) } },
        { "BirthDate", r => r with { BirthDate = new LocalDate(1990, 1, 1, CalendarSystem.Julian) } },
    };

    [Theory]
    [MemberData(nameof(InvalidRows))]
    public void Add_InvalidRow_ThrowsNamingFieldAndRowWithMaskedNik(string field, Func<ResidentRow, ResidentRow> change)
    {
        var builder = new PopulationTableBuilder();
        builder.Add(Valid);
        builder.Add(Valid);
        var ex = Assert.Throws<ArgumentException>("row", () => builder.Add(change(Valid)));
        Assert.StartsWith("Row 2 (NIK 647201**********): " + field, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("6472014101900001", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, builder.Count);
    }

    [Fact]
    public void Add_MutatedRows_ThrowsExactlyWhenValidateRefusesAndOtherwiseRoundTrips()
    {
        // Enum values one beyond each end (and negative), village and non-village codes, dates around both ends of the
        // storable range in four calendars, alive residents with dates, foreigners with non-ISO permits.
        // Each value valid three times in four: rows with one or two faults are common, and about one row in twenty is valid.
        static Gen<T> Mostly<T>(Gen<T> valid, Gen<T> invalid) => Gen.OneOf(valid, valid, valid, invalid);
        var calendars = new[] { CalendarSystem.Iso, CalendarSystem.Gregorian, CalendarSystem.Julian, CalendarSystem.Coptic };
        var day = Mostly(Gen.OneOf(Gen.Int[0, 2], Gen.Int[65_531, 65_533], Gen.Int[0, 65_533]),
            Gen.OneOf(Gen.Int[-3, -1], Gen.Int[65_534, 65_536], Gen.Int[-40_000, 100_000]));
        var calendar = Mostly(Gen.Const(0), Gen.Int[1, calendars.Length - 1]);
        var date = Gen.Select(day, calendar, (d, c) => new LocalDate(1900, 1, 1).PlusDays(d).WithCalendar(calendars[c]));
        var optionalDate = Gen.OneOf(Gen.Const((LocalDate?)null), date.Select(d => (LocalDate?)d));
        var domicile = Mostly(Gen.Const(RegionCode.Village(64, 72, 1, 1001)), Gen.OneOf(Gen.Const(RegionCode.District(64, 72, 1)), Gen.Const(default(RegionCode))));
        var rows = Gen.Select(
                Mostly(Gen.Int[1, 2], Gen.OneOf<int>(-1, 0, 3)),
                Mostly(Gen.Int[1, 3], Gen.OneOf<int>(-1, 0, 4)),
                Mostly(Gen.Int[1, 4], Gen.OneOf<int>(-1, 0, 5)),
                Mostly(Gen.Int[1, 3], Gen.OneOf<int>(-1, 0, 4)),
                Mostly(Gen.Int[1, 14], Gen.OneOf<int>(-1, 0, 15)),
                domicile,
                date)
            .Select(optionalDate, optionalDate, optionalDate, (t, recording, life, permit) => Valid with
            {
                Sex = (Sex)t.Item1,
                Citizenship = (Citizenship)t.Item2,
                MaritalStatus = (MaritalStatus)t.Item3,
                LifeStatus = (LifeStatus)t.Item4,
                RecordingStatus = (KtpElStatus)t.Item5,
                Domicile = t.Item6,
                BirthDate = t.Item7,
                RecordingDate = recording,
                LifeStatusDate = life,
                PermitExpiry = permit,
            });
        var valid = 0;
        rows.Sample(row =>
        {
            var builder = new PopulationTableBuilder();
            var error = PopulationTableBuilder.Validate(row);
            if (error is null)
            {
                Interlocked.Increment(ref valid);
                builder.Add(row);
                var stored = builder.Build().GetRow(0);
                Assert.Equal(row with { LifeStatusDate = stored.LifeStatusDate, PermitExpiry = stored.PermitExpiry }, stored);
                Assert.Equal(row.LifeStatusDate?.WithCalendar(CalendarSystem.Iso), stored.LifeStatusDate);
                Assert.Equal(row.PermitExpiry?.WithCalendar(CalendarSystem.Iso), stored.PermitExpiry);
            }
            else
            {
                var e = Assert.Throws<ArgumentException>(() => builder.Add(row));
                Assert.EndsWith(error + " (Parameter 'row')", e.Message, StringComparison.Ordinal);
                Assert.Equal(0, builder.Count);
            }
        }, iter: 20_000);
        Assert.InRange(valid, 300, 19_700);
    }

    [Fact]
    public void Add_InvalidResident_ThrowsNamingResident()
    {
        var builder = new PopulationTableBuilder();
        var ex = Assert.Throws<ArgumentException>("resident", () => builder.Add(Valid.ToResident() with { BirthDate = new LocalDate(1890, 1, 1) }));
        Assert.StartsWith("Row 0 (NIK 647201**********): BirthDate should be an ISO date in range [1900-01-01-2079-06-04]; got 1890-01-01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SupportedDates_SpanSixteenBitDayNumbers()
    {
        Assert.Equal(new LocalDate(1900, 1, 1), PopulationTable.MinSupportedDate);
        Assert.Equal(65_533, Period.Between(PopulationTable.MinSupportedDate, PopulationTable.MaxSupportedDate, PeriodUnits.Days).Days);
    }

    [Fact]
    public void GetRow_OutOfRange_Throws()
    {
        var table = new PopulationTableBuilder().Build();
        Assert.Throws<ArgumentOutOfRangeException>("index", () => table.GetRow(0));
    }
}
