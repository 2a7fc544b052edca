using Kependudukan.Data.Internals;

namespace Kependudukan.Data.Tests;

public sealed class ResidentLoadOptionsTests
{
    [Fact]
    public void Default_HasDocumentedValues()
    {
        var options = ResidentLoadOptions.Default;

        Assert.Equal(LoadErrorPolicy.FailFast, options.ErrorPolicy);
        Assert.Null(options.RejectWriter);
        Assert.Null(options.AsOf);
        Assert.Null(options.RegionCatalog);
        Assert.Equal(
            (FindingAction.Reject, FindingAction.Reject, FindingAction.Reject, FindingAction.Warn, FindingAction.Warn),
            (options.DuplicateNik, options.BirthAfterAsOf, options.DeathBeforeBirth, options.NikMismatch, options.UnknownRegion));
        Assert.Equal(1000, options.MaxIssues);
        Assert.Equal(',', options.CsvSeparator);
    }

    [Fact]
    public void AsOf_OtherCalendar_Throws()
    {
        // Birth dates are read in the ISO calendar; NodaTime cannot compare dates of two calendars.
        var e = Assert.Throws<ArgumentException>("AsOf", () => new ResidentLoadOptions { AsOf = new NodaTime.LocalDate(2020, 1, 1, NodaTime.CalendarSystem.Julian) });
        Assert.Contains("ISO calendar", e.Message, StringComparison.Ordinal);
        Assert.Equal(NodaTime.LocalDate.MinIsoValue, new ResidentLoadOptions { AsOf = NodaTime.LocalDate.MinIsoValue }.AsOf);
    }

    [Fact]
    public void Init_InvalidValues_Throw()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("ErrorPolicy", () => new ResidentLoadOptions { ErrorPolicy = LoadErrorPolicy.None });
        Assert.StartsWith("ErrorPolicy should be a defined LoadErrorPolicy other than None.", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("DuplicateNik", () => ResidentLoadOptions.Default with { DuplicateNik = FindingAction.None });
        Assert.Throws<ArgumentOutOfRangeException>("NikMismatch", () => ResidentLoadOptions.Default with { NikMismatch = (FindingAction)4 });
        Assert.Throws<ArgumentOutOfRangeException>("MaxIssues", () => ResidentLoadOptions.Default with { MaxIssues = -1 });
        Assert.Throws<ArgumentOutOfRangeException>("CsvSeparator", () => ResidentLoadOptions.Default with { CsvSeparator = '"' });
        Assert.Throws<ArgumentOutOfRangeException>("CsvSeparator", () => ResidentLoadOptions.Default with { CsvSeparator = 'a' });
        Assert.Throws<ArgumentOutOfRangeException>("CsvSeparator", () => ResidentLoadOptions.Default with { CsvSeparator = '\n' });
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void Init_CommonSeparators_Accepted(char separator) =>
        Assert.Equal(separator, (ResidentLoadOptions.Default with { CsvSeparator = separator }).CsvSeparator);

    [Fact]
    public void Columns_MatchTheSchema()
    {
        Assert.Equal(
            ["nik", "domicile", "birth_date", "sex", "citizenship", "permit_expiry", "marital_status", "life_status", "life_status_date",
             "ktp_status", "recording_date", "birth_certificate", "kia"],
            ResidentColumns.All);
        Assert.Equal(["domicile", "birth_date", "sex", "citizenship", "marital_status"], ResidentColumns.Required);
        Assert.All(ResidentColumns.Required, c => Assert.True(Field.IsRequired(Array.IndexOf(Field.Names, c))));
    }

    [Fact]
    public void Summary_GetIssueCountOfNone_Throws()
    {
        var summary = ResidentCsv.LoadTable(new StringReader(TestRows.Header + "\n"), cancellationToken: TestRows.Ct).Summary;

        Assert.Throws<ArgumentOutOfRangeException>("kind", () => summary.GetIssueCount(LoadIssueKind.None));
        Assert.Throws<ArgumentOutOfRangeException>("kind", () => summary.GetIssueCount((LoadIssueKind)13));
        Assert.Equal(0, summary.GetIssueCount(LoadIssueKind.UnknownRegion));
        Assert.StartsWith("read 0, accepted 0, rejected 0, warnings 0 in ", summary.ToString(), StringComparison.Ordinal);
    }
}
