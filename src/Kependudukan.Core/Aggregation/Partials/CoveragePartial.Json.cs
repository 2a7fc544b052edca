using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Kependudukan.Coverage;
using Kependudukan.Regions;
using NodaTime;
using NodaTime.Text;
using static System.FormattableString;

namespace Kependudukan.Aggregation.Partials;

/// <content>The JSON format (see <c>docs/partials-format.md</c>).</content>
public sealed partial class CoveragePartial
{
    /// <summary>The value of the <c>format</c> property that marks a JSON coverage partial.</summary>
    internal const string JsonFormatName = "kependudukan-coverage-partial";

    /// <summary>The JSON schema version this library writes and reads.</summary>
    internal const int JsonVersion = 1;

    private static readonly string[] s_levelNames = ["", "province", "regency", "district", "village"];

    /// <summary>Writes the partial as JSON (schema version 1).</summary>
    /// <param name="stream">The stream to write UTF-8 JSON to; it is left open.</param>
    /// <param name="indented"><see langword="true"/> to indent the output for reading by people; the default is compact.</param>
    /// <remarks>Dates are ISO <c>yyyy-MM-dd</c>, region codes are dotted (<c>64.72.01.1001</c>), the policy is its id with a
    /// readable description, and each row is an object with the region and its 15 counts. Equal partials give identical text.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Writing to <paramref name="stream"/> fails.</exception>
    public void WriteJsonTo(Stream stream, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
        WriteJson(writer);
    }

    /// <summary>Returns the partial as JSON (schema version 1), as <see cref="WriteJsonTo"/> writes it.</summary>
    /// <param name="indented"><see langword="true"/> to indent the output for reading by people; the default is compact.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a partial from UTF-8 JSON written by <see cref="WriteJsonTo"/> or <see cref="ToJson"/>.</summary>
    /// <param name="stream">The stream to read to its end; it is left open.</param>
    /// <returns>The partial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The text is not well-formed JSON, does not follow schema version 1 (a missing,
    /// unknown, repeated or ill-typed property), or holds content that breaks a rule of <see cref="Create"/>; the message names
    /// the JSON path, for example <c>$.rows[3].recorded</c>.</exception>
    /// <exception cref="IOException">Reading from <paramref name="stream"/> fails.</exception>
    public static CoveragePartial ReadJsonFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return ParseJson(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }

    /// <summary>Reads a partial from JSON text written by <see cref="ToJson"/> or <see cref="WriteJsonTo"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The partial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException"><inheritdoc cref="ReadJsonFrom" path="/exception[@cref='InvalidDataException']"/></exception>
    public static CoveragePartial FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseJson(Encoding.UTF8.GetBytes(json));
    }

    private void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("format", JsonFormatName);
        writer.WriteNumber("version", JsonVersion);
        writer.WriteString("asOf", FormatDate(AsOf));
        if (NewlyWajibKtpInterval is { } interval)
        {
            writer.WriteStartObject("newlyWajibKtpInterval");
            writer.WriteString("start", FormatDate(interval.Start));
            writer.WriteString("end", FormatDate(interval.End));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("newlyWajibKtpInterval");
        }

        writer.WriteStartObject("policy");
        writer.WriteString("id", PolicyId.ToString());
        writer.WriteString("description", PolicyId.Description);
        writer.WriteEndObject();
        writer.WriteString("level", s_levelNames[(int)Level]);
        writer.WriteStartArray("scope");
        foreach (var code in _scope)
        {
            writer.WriteStringValue(code.ToString());
        }

        writer.WriteEndArray();
        writer.WriteStartArray("sources");
        foreach (var source in _sources)
        {
            writer.WriteStringValue(source);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        Span<long> values = stackalloc long[CountFields.Count];
        foreach (var (region, counts) in _rows)
        {
            writer.WriteStartObject();
            writer.WriteString("region", region.ToString());
            CountFields.Read(counts, values);
            for (var f = 0; f < values.Length; f++)
            {
                writer.WriteNumber(CountFields.JsonNames[f], values[f]);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string FormatDate(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static CoveragePartial ParseJson(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var reader = new JsonPartialReader(utf8);
        return reader.ReadPartial();
    }

    /// <summary>A JSON path, turned into text only when a message needs it: a parent path, then an array index and/or a property name.</summary>
    private readonly struct JsonPath(string parent, int index = -1, string? name = null)
    {
        internal static JsonPath Root => new("$");

        internal int Index => index;

        internal JsonPath Property(string propertyName) => new(ToString(), -1, propertyName);

        public override string ToString() =>
            index >= 0
                ? (name is null ? Invariant($"{parent}[{index}]") : Invariant($"{parent}[{index}].{name}"))
                : (name is null ? parent : Invariant($"{parent}.{name}"));
    }

    /// <summary>Reads schema version 1 with <see cref="Utf8JsonReader"/>, keeping the JSON path of every value for messages.</summary>
    private ref struct JsonPartialReader(ReadOnlySpan<byte> utf8)
    {
        private const int RegionField = CountFields.Count;

        private static readonly string[] s_rowNames = [.. CountFields.JsonNames, "region"];
        private static readonly byte[][] s_rowNamesUtf8 = [.. s_rowNames.Select(Encoding.UTF8.GetBytes)];

        private Utf8JsonReader _json = new(utf8);

        internal CoveragePartial ReadPartial()
        {
            var root = JsonPath.Root;
            Next(root);
            Expect(JsonTokenType.StartObject, root, "an object");
            string? format = null;
            long? version = null;
            LocalDate? asOf = null;
            DateInterval? interval = null;
            CountingPolicyId? policyId = null;
            RegionLevel level = RegionLevel.None;
            RegionCode[]? scope = null;
            string[] sources = [];
            List<RegionCode>? regions = null;
            List<CoverageCounts>? counts = null;
            JsonPath? unknown = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (NextProperty(root, seen) is { } name)
            {
                var path = new JsonPath("$", -1, name);
                switch (name)
                {
                    case "format":
                        format = ReadString(path);
                        break;
                    case "version":
                        version = ReadInteger(path);
                        break;
                    case "asOf":
                        asOf = ReadDate(path);
                        break;
                    case "newlyWajibKtpInterval":
                        interval = ReadInterval(path);
                        break;
                    case "policy":
                        policyId = ReadPolicy(path);
                        break;
                    case "level":
                        level = ReadLevel(path);
                        break;
                    case "scope":
                        var codes = new List<RegionCode>();
                        StartArray(path);
                        while (NextItem("$.scope", codes.Count))
                        {
                            codes.Add(ReadCode(new JsonPath("$.scope", codes.Count)));
                        }

                        scope = [.. codes];
                        break;
                    case "sources":
                        var names = new List<string>();
                        StartArray(path);
                        while (NextItem("$.sources", names.Count))
                        {
                            names.Add(ReadString(new JsonPath("$.sources", names.Count)));
                        }

                        sources = [.. names];
                        break;
                    case "rows":
                        (regions, counts) = ReadRows(path);
                        break;
                    default:
                        unknown ??= path;
                        Skip(path);
                        break;
                }
            }

            if (Read(root))
            {
                Fail(root, "unexpected data after the partial");
            }

            if (format != JsonFormatName)
            {
                Fail(root.Property("format"), format is null ? Invariant($"missing; expected \"{JsonFormatName}\"") : Invariant($"expected \"{JsonFormatName}\", got \"{format}\""));
            }

            if (version != JsonVersion)
            {
                Fail(root.Property("version"), version is null ? "missing" : Invariant($"unsupported version {version}; this library reads version {JsonVersion}"));
            }

            if (unknown is { } unknownPath)
            {
                Fail(unknownPath, "unknown property");
            }

            var partial = TryBuild(
                asOf ?? Missing<LocalDate>(root.Property("asOf")),
                interval,
                policyId ?? Missing<CountingPolicyId>(root.Property("policy")),
                level != RegionLevel.None ? level : Missing<RegionLevel>(root.Property("level")),
                scope ?? Missing<RegionCode[]>(root.Property("scope")),
                regions?.ToArray() ?? Missing<RegionCode[]>(root.Property("rows")),
                counts!.ToArray(),
                sources,
                out var error);
            return partial ?? throw new InvalidDataException(Invariant($"Invalid coverage partial JSON at {error.Format(JsonLocation)}"));
        }

        private static string JsonLocation(PartialPart part, int index) => part switch
        {
            PartialPart.AsOf => "$.asOf",
            PartialPart.Interval => "$.newlyWajibKtpInterval",
            PartialPart.PolicyId => "$.policy.id",
            PartialPart.Level => "$.level",
            PartialPart.Scope => index < 0 ? "$.scope" : Invariant($"$.scope[{index}]"),
            PartialPart.Sources => Invariant($"$.sources[{index}]"),
            _ => index < 0 ? "$.rows" : Invariant($"$.rows[{index}]"),
        };

        /// <summary>Reads the rows; the hot loop of a large file, so it matches names without allocating and builds paths only to fail.</summary>
        private (List<RegionCode> Regions, List<CoverageCounts> Counts) ReadRows(JsonPath path)
        {
            const string Rows = "$.rows";
            const int AllFields = (1 << (CountFields.Count + 1)) - 1;
            var regions = new List<RegionCode>();
            var counts = new List<CoverageCounts>();
            Span<long> values = stackalloc long[CountFields.Count];
            StartArray(path);
            while (NextItem(Rows, regions.Count))
            {
                var row = new JsonPath(Rows, regions.Count);
                Next(row);
                Expect(JsonTokenType.StartObject, row, "an object");
                var seen = 0;
                RegionCode region = default;
                while (true)
                {
                    Next(row);
                    if (_json.TokenType == JsonTokenType.EndObject)
                    {
                        break;
                    }

                    var field = FieldIndex();
                    var fieldPath = new JsonPath(Rows, row.Index, field >= 0 ? s_rowNames[field] : GetString(row));
                    if (field < 0)
                    {
                        Fail(fieldPath, "unknown property");
                    }

                    if ((seen & (1 << field)) != 0)
                    {
                        Fail(fieldPath, "the property appears twice");
                    }

                    seen |= 1 << field;
                    if (field == RegionField)
                    {
                        region = ReadCode(fieldPath);
                    }
                    else
                    {
                        values[field] = ReadInteger(fieldPath);
                        if (values[field] < 0)
                        {
                            Fail(fieldPath, Invariant($"expected a count (an integer 0 or more), got {values[field]}"));
                        }
                    }
                }

                if (seen != AllFields)
                {
                    var missing = (seen & (1 << RegionField)) == 0 ? RegionField : BitOperations.TrailingZeroCount(~seen);
                    Fail(new JsonPath(Rows, row.Index, s_rowNames[missing]), "missing");
                }

                regions.Add(region);
                counts.Add(CountFields.Create(values));
            }

            return (regions, counts);
        }

        private readonly int FieldIndex()
        {
            for (var f = 0; f < s_rowNamesUtf8.Length; f++)
            {
                if (_json.ValueTextEquals(s_rowNamesUtf8[f]))
                {
                    return f;
                }
            }

            return -1;
        }

        private DateInterval? ReadInterval(JsonPath path)
        {
            Next(path);
            if (_json.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            Expect(JsonTokenType.StartObject, path, "an object or null");
            LocalDate? start = null;
            LocalDate? end = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (NextProperty(path, seen) is { } name)
            {
                if (name == "start")
                {
                    start = ReadDate(path.Property("start"));
                }
                else if (name == "end")
                {
                    end = ReadDate(path.Property("end"));
                }
                else
                {
                    Fail(path.Property(name), "unknown property");
                }
            }

            var first = start ?? Missing<LocalDate>(path.Property("start"));
            var last = end ?? Missing<LocalDate>(path.Property("end"));
            return last >= first ? new DateInterval(first, last) : Fail<DateInterval>(path.Property("end"), Invariant($"the interval ends ({last:uuuu-MM-dd}) before it starts ({first:uuuu-MM-dd})"));
        }

        private CountingPolicyId ReadPolicy(JsonPath path)
        {
            Next(path);
            Expect(JsonTokenType.StartObject, path, "an object");
            CountingPolicyId? id = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (NextProperty(path, seen) is { } name)
            {
                switch (name)
                {
                    case "id":
                        var text = ReadString(path.Property("id"));
                        var error = CountingPolicyId.TryParseCore(text, out var parsed);
                        id = error is null ? parsed : Fail<CountingPolicyId>(path.Property("id"), error);
                        break;
                    case "description":
                        // Informative only: the id carries the settings.
                        ReadString(path.Property("description"));
                        break;
                    default:
                        Fail(path.Property(name), "unknown property");
                        break;
                }
            }

            return id ?? Missing<CountingPolicyId>(path.Property("id"));
        }

        private RegionLevel ReadLevel(JsonPath path)
        {
            var text = ReadString(path);
            var index = Array.IndexOf(s_levelNames, text);
            return index > 0 ? (RegionLevel)index : Fail<RegionLevel>(path, Invariant($"expected \"province\", \"regency\", \"district\" or \"village\", got \"{text}\""));
        }

        private RegionCode ReadCode(JsonPath path)
        {
            Next(path);
            Expect(JsonTokenType.String, path, "a string");
            Span<char> buffer = stackalloc char[16];
            var length = _json.ValueIsEscaped || _json.ValueSpan.Length > buffer.Length ? -1 : Encoding.UTF8.GetChars(_json.ValueSpan, buffer);
            if (length >= 0 && RegionCode.TryParse(buffer[..length], out var code))
            {
                return code;
            }

            var text = GetString(path);
            return RegionCode.TryParse(text, out code) ? code : Fail<RegionCode>(path, Invariant($"\"{text}\" is not a region code (PP.KK.CC.DDDD)"));
        }

        private LocalDate ReadDate(JsonPath path)
        {
            var text = ReadString(path);
            var result = LocalDatePattern.Iso.Parse(text);
            return result.Success ? result.Value : Fail<LocalDate>(path, Invariant($"\"{text}\" is not a date in the form yyyy-MM-dd"));
        }

        private string ReadString(JsonPath path)
        {
            Next(path);
            Expect(JsonTokenType.String, path, "a string");
            return GetString(path);
        }

        /// <summary>Returns the current string or property name; the reader checks UTF-8 only when a value is decoded.</summary>
        private readonly string GetString(JsonPath path)
        {
            try
            {
                return _json.GetString()!;
            }
            catch (InvalidOperationException ex)
            {
                return Fail<string>(path, "the text is not valid UTF-8: " + ex.Message);
            }
        }

        private long ReadInteger(JsonPath path)
        {
            Next(path);
            Expect(JsonTokenType.Number, path, "an integer");
            return _json.TryGetInt64(out var value) ? value : Fail<long>(path, "expected an integer in the 64-bit range");
        }

        private void StartArray(JsonPath path)
        {
            Next(path);
            Expect(JsonTokenType.StartArray, path, "an array");
        }

        /// <summary>Returns whether the current array has another item, leaving the reader just before it.</summary>
        private bool NextItem(string arrayPath, int index)
        {
            var checkpoint = _json;
            Next(new JsonPath(arrayPath, index));
            if (_json.TokenType == JsonTokenType.EndArray)
            {
                return false;
            }

            _json = checkpoint;
            return true;
        }

        /// <summary>Moves to the next property of the current object; returns its name, or <see langword="null"/> at the object's end.</summary>
        private string? NextProperty(JsonPath objectPath, HashSet<string> seen)
        {
            Next(objectPath);
            if (_json.TokenType == JsonTokenType.EndObject)
            {
                return null;
            }

            var name = GetString(objectPath);
            return seen.Add(name) ? name : Fail<string>(objectPath.Property(name), "the property appears twice");
        }

        private void Skip(JsonPath path)
        {
            try
            {
                _json.Skip();
            }
            catch (JsonException ex)
            {
                Fail(path, Malformed(ex));
            }
        }

        private void Next(JsonPath path)
        {
            if (!Read(path))
            {
                Fail(path, "the JSON ends early");
            }
        }

        private bool Read(JsonPath path)
        {
            try
            {
                return _json.Read();
            }
            catch (JsonException ex)
            {
                return Fail<bool>(path, Malformed(ex));
            }
        }

        private static string Malformed(JsonException ex) => "malformed JSON: " + ex.Message;

        private readonly void Expect(JsonTokenType type, JsonPath path, string what)
        {
            if (_json.TokenType != type)
            {
                Fail(path, Invariant($"expected {what}, got {Describe(_json.TokenType)}"));
            }
        }

        private static string Describe(JsonTokenType type) => type switch
        {
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            _ => type.ToString(),
        };

        private static T Missing<T>(JsonPath path) => Fail<T>(path, "missing");

        [DoesNotReturn]
        private static void Fail(JsonPath path, string problem) =>
            throw new InvalidDataException(Invariant($"Invalid coverage partial JSON at {path}: {problem.TrimEnd('.')}."));

        private static T Fail<T>(JsonPath path, string problem)
        {
            Fail(path, problem);
            return default!;
        }
    }
}
