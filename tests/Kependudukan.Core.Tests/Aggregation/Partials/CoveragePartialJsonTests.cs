using System.Text;
using CsCheck;
using Kependudukan.Aggregation.Partials;
using Kependudukan.Regions;
using NodaTime;
using static Kependudukan.Tests.Aggregation.Partials.PartialTestData;

namespace Kependudukan.Tests.Aggregation.Partials;

public class CoveragePartialJsonTests
{
    // Written by hand from docs/partials-format.md for Samarinda(): two villages with the sample counts (populations 10 and 12).
    private const string SamarindaJson = """
        {
          "format": "kependudukan-coverage-partial",
          "version": 1,
          "asOf": "2024-06-30",
          "newlyWajibKtpInterval": null,
          "policy": {
            "id": "1112222334456667",
            "description": "29 February birthdays on 1 March; default status mapping"
          },
          "level": "village",
          "scope": [
            "64.72"
          ],
          "sources": [
            "Disdukcapil Kota Samarinda"
          ],
          "rows": [
            {
              "region": "64.72.01.1001",
              "population": 10,
              "wajibKtp": 7,
              "wajibKtpByAge": 6,
              "wajibKtpByMarriage": 1,
              "recorded": 5,
              "printReady": 4,
              "printed": 3,
              "recordingFailed": 1,
              "duplicates": 0,
              "children": 3,
              "childrenWithBirthCertificate": 2,
              "childrenUnder17": 3,
              "childrenUnder17WithKia": 1,
              "mayRecordEarly": 0,
              "newlyWajibKtp": 0
            },
            {
              "region": "64.72.01.1002",
              "population": 12,
              "wajibKtp": 7,
              "wajibKtpByAge": 6,
              "wajibKtpByMarriage": 1,
              "recorded": 5,
              "printReady": 4,
              "printed": 3,
              "recordingFailed": 1,
              "duplicates": 0,
              "children": 3,
              "childrenWithBirthCertificate": 2,
              "childrenUnder17": 3,
              "childrenUnder17WithKia": 1,
              "mayRecordEarly": 0,
              "newlyWajibKtp": 0
            }
          ]
        }
        """;

    private static readonly string s_compact = Samarinda().ToJson();

    private static string ReadFails(string json) => Assert.Throws<InvalidDataException>(() => CoveragePartial.FromJson(json)).Message;

    [Fact]
    public void ToJson_Indented_MatchesTheDocumentedSchema() =>
        Assert.Equal(SamarindaJson, Samarinda().ToJson(indented: true).ReplaceLineEndings("\n"));

    [Fact]
    public void ToJson_Compact_HasNoWhiteSpaceBetweenTokens()
    {
        Assert.StartsWith("""{"format":"kependudukan-coverage-partial","version":1,"asOf":"2024-06-30","newlyWajibKtpInterval":null,""", s_compact, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", s_compact, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_Interval_IsAnObjectOfIsoDates() =>
        Assert.Contains(
            "\"newlyWajibKtpInterval\":{\"start\":\"2024-01-01\",\"end\":\"2024-06-30\"}",
            Samarinda(interval: new DateInterval(new LocalDate(2024, 1, 1), AsOf)).ToJson(),
            StringComparison.Ordinal);

    [Fact]
    public void FromJson_HandWrittenDocument_EqualsTheSample() => Assert.Equal(Samarinda(), CoveragePartial.FromJson(SamarindaJson));

    [Fact]
    public void RoundTrip_RandomPartials_AreEqual() =>
        CoveragePartialBinaryTests.RandomPartial.Sample(partial =>
        {
            Assert.Equal(partial, CoveragePartial.FromJson(partial.ToJson()));
            Assert.Equal(partial, CoveragePartial.FromJson(partial.ToJson(indented: true)));
            using var stream = new MemoryStream();
            partial.WriteJsonTo(stream);
            stream.Position = 0;
            Assert.Equal(partial, CoveragePartial.ReadJsonFrom(stream));
            Assert.Equal(partial.ToJson(), Encoding.UTF8.GetString(stream.ToArray()));
        }, iter: 60);

    [Fact]
    public void RoundTrip_ExtremeCounts_AreEqual() =>
        CoveragePartialBinaryTests.ExtremePartial.Sample(partial => Assert.Equal(partial, CoveragePartial.FromJson(partial.ToJson())), iter: 200);

    [Fact]
    public void FromJson_PropertiesInAnotherOrderAndByteOrderMark_AreAccepted()
    {
        var reordered = """
            { "rows": [], "sources": [], "scope": ["64.71", "64.72.01"], "level": "district",
              "policy": { "description": "ignored", "id": "1112222334456667" }, "asOf": "2024-06-30", "version": 1,
              "format": "kependudukan-coverage-partial" }
            """;
        var partial = CoveragePartial.FromJson(reordered);
        Assert.Equal([Code("64.71"), Code("64.72.01")], partial.Scope);
        Assert.Null(partial.NewlyWajibKtpInterval);
        Assert.Empty(partial.Sources);
        Assert.Equal(RegionLevel.District, partial.Level);
        using var stream = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(s_compact)]);
        Assert.Equal(Samarinda(), CoveragePartial.ReadJsonFrom(stream));
    }

    [Theory]
    [InlineData("\"recorded\":5", "\"recorded\":-1", "$.rows[0].recorded: expected a count (an integer 0 or more), got -1.")]
    [InlineData("\"recorded\":5", "\"recorded\":5.5", "$.rows[0].recorded: expected an integer in the 64-bit range.")]
    [InlineData("\"recorded\":5", "\"recorded\":99999999999999999999", "$.rows[0].recorded: expected an integer in the 64-bit range.")]
    [InlineData("\"recorded\":5", "\"recorded\":\"5\"", "$.rows[0].recorded: expected an integer, got a string.")]
    [InlineData(",\"children\":3", "", "$.rows[0].children: missing.")]
    [InlineData("\"population\":10,", "\"population\":10,\"extra\":1,", "$.rows[0].extra: unknown property.")]
    [InlineData("\"population\":12,", "\"population\":12,\"population\":12,", "$.rows[1].population: the property appears twice.")]
    [InlineData("\"region\":\"64.72.01.1002\"", "\"region\":\"64.72.01.100\"", "$.rows[1].region: \"64.72.01.100\" is not a region code (PP.KK.CC.DDDD).")]
    [InlineData("\"region\":\"64.72.01.1002\"", "\"region\":\"64.71.01.1002\"", "$.rows[1]: Region 64.71.01.1002 lies outside the scope (64.72).")]
    [InlineData("\"region\":\"64.72.01.1002\"", "\"region\":\"64.72.01.1001\"", "$.rows[1]: Region 64.72.01.1001 appears twice (also at position 0).")]
    [InlineData("\"region\":\"64.72.01.1002\"", "\"region\":\"64.72.01\"", "$.rows[1]: Region 64.72.01 is at District level; every row of this partial is at Village level.")]
    [InlineData("\"population\":12,", "\"population\":6,", "$.rows[1]: Counts of 64.72.01.1002 break a rule: WajibKtp (7) should be at most Population (6).")]
    [InlineData("\"rows\":[", "\"rows\":{", "$.rows: expected an array, got an object.")]
    [InlineData("\"asOf\":\"2024-06-30\"", "\"asOf\":\"2024-02-30\"", "$.asOf: \"2024-02-30\" is not a date in the form yyyy-MM-dd.")]
    [InlineData("\"asOf\":\"2024-06-30\"", "\"asOf\":\"30-06-2024\"", "$.asOf: \"30-06-2024\" is not a date in the form yyyy-MM-dd.")]
    [InlineData("\"asOf\":\"2024-06-30\"", "\"asOf\":\"2024-06-30\",\"asOf\":\"2024-06-30\"", "$.asOf: the property appears twice.")]
    [InlineData("\"asOf\":\"2024-06-30\",", "", "$.asOf: missing.")]
    [InlineData("\"version\":1", "\"version\":2", "$.version: unsupported version 2; this library reads version 1.")]
    [InlineData("\"version\":1", "\"version\":2,\"future\":true", "$.version: unsupported version 2; this library reads version 1.")]
    [InlineData("\"version\":1,", "", "$.version: missing.")]
    [InlineData("\"format\":\"kependudukan-coverage-partial\"", "\"format\":\"other\"", "$.format: expected \"kependudukan-coverage-partial\", got \"other\".")]
    [InlineData("\"level\":\"village\"", "\"level\":\"kecamatan\"", "$.level: expected \"province\", \"regency\", \"district\" or \"village\", got \"kecamatan\".")]
    [InlineData("\"level\":\"village\"", "\"level\":\"village\",\"extra\":[1,{}]", "$.extra: unknown property.")]
    [InlineData("\"id\":\"1112222334456667\"", "\"id\":\"1112222334456668\"", "$.policy.id: Counting policy id 1112222334456668 maps status DuplicateRecord to category 8; it should be 1-7.")]
    [InlineData("\"id\":\"1112222334456667\"", "\"id\":1112222334456667", "$.policy.id: expected a string, got a number.")]
    [InlineData("\"id\":\"1112222334456667\",", "", "$.policy.id: missing.")]
    [InlineData("\"newlyWajibKtpInterval\":null", "\"newlyWajibKtpInterval\":{\"start\":\"2024-06-30\",\"end\":\"2024-01-01\"}", "$.newlyWajibKtpInterval.end: the interval ends (2024-01-01) before it starts (2024-06-30).")]
    [InlineData("\"newlyWajibKtpInterval\":null", "\"newlyWajibKtpInterval\":{\"start\":\"2024-06-30\"}", "$.newlyWajibKtpInterval.end: missing.")]
    [InlineData("\"newlyWajibKtpInterval\":null", "\"newlyWajibKtpInterval\":[]", "$.newlyWajibKtpInterval: expected an object or null, got an array.")]
    [InlineData("\"scope\":[\"64.72\"]", "\"scope\":[\"64.72\",\"64.72.01\"]", "$.scope[1]: Scope codes 64.72 and 64.72.01 overlap: a scope lists each region once, none inside another.")]
    [InlineData("\"scope\":[\"64.72\"]", "\"scope\":[]", "$.scope: A partial needs a scope: at least one region code it covers.")]
    [InlineData("\"scope\":[\"64.72\"]", "\"scope\":[\"64.72\",7]", "$.scope[1]: expected a string, got a number.")]
    [InlineData("\"sources\":[\"Disdukcapil Kota Samarinda\"]", "\"sources\":[\"\"]", "$.sources[0]: A source name must not be empty or white space.")]
    public void FromJson_Invalid_NamesTheJsonPath(string find, string replace, string problem)
    {
        Assert.Contains(find, s_compact, StringComparison.Ordinal);
        Assert.Equal("Invalid coverage partial JSON at " + problem, ReadFails(s_compact.Replace(find, replace, StringComparison.Ordinal)));
    }

    [Fact]
    public void FromJson_MissingRows_Throws() =>
        Assert.Equal("Invalid coverage partial JSON at $.rows: missing.", ReadFails(s_compact[..s_compact.IndexOf(",\"rows\"", StringComparison.Ordinal)] + "}"));

    [Theory]
    [InlineData("", "$")]
    [InlineData("{", "$")]
    [InlineData("nul", "$")]
    [InlineData("{\"format\":\"kependudukan-coverage-partial\",\"version\":1,}", "$")]
    [InlineData("{\"format\" \"kependudukan-coverage-partial\"}", "$")]
    [InlineData("{\"rows\":[{\"region\":\"64.72.01.1001\" \"population\":1}]}", "$.rows[0]")]
    [InlineData("{\"scope\":[\"64.72\"", "$.scope[1]")]
    public void FromJson_Malformed_NamesThePathWhereItBroke(string json, string path) =>
        Assert.StartsWith($"Invalid coverage partial JSON at {path}: malformed JSON: ", ReadFails(json), StringComparison.Ordinal);

    [Fact]
    public void FromJson_Truncated_IsRejected()
    {
        for (var length = 0; length < s_compact.Length; length += 7)
        {
            Assert.StartsWith("Invalid coverage partial JSON at $", ReadFails(s_compact[..length]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FromJson_TrailingData_IsRejected() =>
        Assert.StartsWith("Invalid coverage partial JSON at $: malformed JSON: ", ReadFails(s_compact + " {}"), StringComparison.Ordinal);

    [Fact]
    public void ReadJsonFrom_InvalidUtf8_IsRejected()
    {
        var bytes = Encoding.UTF8.GetBytes(s_compact);
        bytes[Encoding.UTF8.GetBytes(s_compact[..s_compact.IndexOf("Kota Samarinda", StringComparison.Ordinal)]).Length] = 0xFF;
        using var stream = new MemoryStream(bytes);
        var message = Assert.Throws<InvalidDataException>(() => CoveragePartial.ReadJsonFrom(stream)).Message;
        Assert.StartsWith("Invalid coverage partial JSON at $.sources[0]: ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_NotAnObject_IsRejected() =>
        Assert.Equal("Invalid coverage partial JSON at $: expected an object, got an array.", ReadFails("[]"));

    [Fact]
    public void JsonMethods_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("json", () => CoveragePartial.FromJson(null!));
        Assert.Throws<ArgumentNullException>("stream", () => CoveragePartial.ReadJsonFrom(null!));
        Assert.Throws<ArgumentNullException>("stream", () => Samarinda().WriteJsonTo(null!));
    }
}
