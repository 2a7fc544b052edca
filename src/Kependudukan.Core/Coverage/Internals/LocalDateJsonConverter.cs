using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Kependudukan.Coverage.Internals;

/// <summary>Writes and reads a <see cref="LocalDate"/> as an ISO 8601 date string, <c>"2024-06-30"</c>.</summary>
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A date must be a string in ISO format yyyy-MM-dd.");
        }

        var result = LocalDatePattern.Iso.Parse(reader.GetString()!);
        return result.Success ? result.Value : throw new JsonException("A date must be a string in ISO format yyyy-MM-dd.");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}
