namespace Kependudukan.Data.Internals;

/// <summary>Writes CSV fields with RFC 4180 quoting when needed.</summary>
internal static class CsvText
{
    internal static void WriteField(TextWriter writer, ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                writer.Write('"');
            }

            writer.Write(c);
        }

        writer.Write('"');
    }
}
