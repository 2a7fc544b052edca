// Build task (compiled by RoslynCodeTaskFactory, see RegionData.targets): turns the idn-area-data CSV files into the compact
// compressed resource that Kependudukan.Regions.RegionCatalog.Default loads.
//
// Resource layout:
//   "KRC1"                       magic and format version (4 ASCII bytes)
//   int32 little-endian          length of the payload once decompressed
//   raw deflate stream           the payload
// Payload layout (all integers are unsigned LEB128 varints; levels are province, regency/city, district, village):
//   4 counts                     number of regions per level
//   per level, count deltas      the ten-digit padded code minus the previous padded code of that level (the first minus 0)
//   per level, count lengths     UTF-8 byte length of each name
//   per level, names             the UTF-8 names, concatenated in code order
// The CSV files are checked on the way: header, code syntax and level, the parent column, duplicates, missing parents and
// empty names fail the build with the file and line.
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class CompressRegionData : Task
{
    private static readonly string[] Headers =
    {
        "code,name",
        "code,province_code,name",
        "code,regency_code,name",
        "code,district_code,name",
    };

    [Required]
    public ITaskItem[] Sources { get; set; }

    [Required]
    public string OutputFile { get; set; }

    public override bool Execute()
    {
        if (Sources.Length != 4)
        {
            Log.LogError("Expected 4 region files (provinces, regencies, districts, villages) in that order; got {0}.", Sources.Length);
            return false;
        }

        var levels = new List<KeyValuePair<long, string>>[4];
        var known = new HashSet<long>();
        for (var level = 0; level < 4; level++)
        {
            levels[level] = Read(Sources[level].ItemSpec, level, known);
            if (Log.HasLoggedErrors)
            {
                return false;
            }

            foreach (var entry in levels[level])
            {
                known.Add(entry.Key);
            }
        }

        var payload = Encode(levels);
        var directory = Path.GetDirectoryName(OutputFile);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using (var file = File.Create(OutputFile))
        {
            file.Write(Encoding.ASCII.GetBytes("KRC1"), 0, 4);
            file.Write(BitConverter.GetBytes(payload.Length), 0, 4);
            using (var deflate = new DeflateStream(file, CompressionLevel.Optimal))
            {
                deflate.Write(payload, 0, payload.Length);
            }
        }

        Log.LogMessage(MessageImportance.Low, "Region data: {0}/{1}/{2}/{3} regions, {4} bytes before compression.",
            levels[0].Count, levels[1].Count, levels[2].Count, levels[3].Count, payload.Length);
        return true;
    }

    private List<KeyValuePair<long, string>> Read(string path, int level, HashSet<long> parents)
    {
        var result = new List<KeyValuePair<long, string>>();
        var records = ParseCsv(File.ReadAllText(path, Encoding.UTF8));
        if (records.Count == 0 || string.Join(",", records[0].Value) != Headers[level])
        {
            Log.LogError(null, "KRD001", null, path, 1, 0, 0, 0, "Expected the header '{0}'.", Headers[level]);
            return result;
        }

        var seen = new HashSet<long>();
        for (var r = 1; r < records.Count; r++)
        {
            var line = records[r].Key;
            var fields = records[r].Value;
            if (fields.Length != (level == 0 ? 2 : 3))
            {
                Log.LogError(null, "KRD002", null, path, line, 0, 0, 0, "Expected {0} fields; got {1}.", level == 0 ? 2 : 3, fields.Length);
                continue;
            }

            long code;
            string parentText;
            if (!TryParseCode(fields[0], level, out code, out parentText))
            {
                Log.LogError(null, "KRD003", null, path, line, 0, 0, 0, "'{0}' is not a region code at level {1}.", fields[0], level + 1);
                continue;
            }

            var name = fields[fields.Length - 1];
            if (name.Trim().Length == 0)
            {
                Log.LogError(null, "KRD004", null, path, line, 0, 0, 0, "Region {0} has an empty name.", fields[0]);
            }

            if (level > 0 && fields[1] != parentText)
            {
                Log.LogError(null, "KRD005", null, path, line, 0, 0, 0, "Region {0} lists parent '{1}'; its code implies '{2}'.", fields[0], fields[1], parentText);
            }

            if (level > 0 && !parents.Contains(ParentOf(code, level)))
            {
                Log.LogError(null, "KRD006", null, path, line, 0, 0, 0, "Region {0} has no parent {1} in the previous file.", fields[0], parentText);
            }

            if (!seen.Add(code))
            {
                Log.LogError(null, "KRD007", null, path, line, 0, 0, 0, "Region {0} appears twice.", fields[0]);
            }

            result.Add(new KeyValuePair<long, string>(code, name));
        }

        result.Sort((a, b) => a.Key.CompareTo(b.Key));
        return result;
    }

    private static byte[] Encode(List<KeyValuePair<long, string>>[] levels)
    {
        var output = new MemoryStream();
        foreach (var level in levels)
        {
            WriteVarint(output, level.Count);
        }

        foreach (var level in levels)
        {
            long previous = 0;
            foreach (var entry in level)
            {
                WriteVarint(output, entry.Key - previous);
                previous = entry.Key;
            }
        }

        var utf8 = new UTF8Encoding(false, true);
        foreach (var level in levels)
        {
            foreach (var entry in level)
            {
                WriteVarint(output, utf8.GetByteCount(entry.Value));
            }
        }

        foreach (var level in levels)
        {
            foreach (var entry in level)
            {
                var bytes = utf8.GetBytes(entry.Value);
                output.Write(bytes, 0, bytes.Length);
            }
        }

        return output.ToArray();
    }

    private static void WriteVarint(Stream output, long value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        output.WriteByte((byte)value);
    }

    // Parses PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD (the part count fixed by the level) into the ten-digit padded value.
    private static bool TryParseCode(string text, int level, out long padded, out string parentText)
    {
        padded = 0;
        parentText = null;
        var parts = text.Split('.');
        var widths = new[] { 2, 2, 2, 4 };
        if (parts.Length != level + 1)
        {
            return false;
        }

        for (var i = 0; i < 4; i++)
        {
            var value = 0;
            if (i < parts.Length)
            {
                if (parts[i].Length != widths[i])
                {
                    return false;
                }

                foreach (var c in parts[i])
                {
                    if (c < '0' || c > '9')
                    {
                        return false;
                    }

                    value = (value * 10) + (c - '0');
                }

                if (value == 0 || (i == 0 && value < 11))
                {
                    return false;
                }
            }

            padded = (padded * (i == 3 ? 10_000 : 100)) + value;
        }

        parentText = level == 0 ? string.Empty : text.Substring(0, text.LastIndexOf('.'));
        return true;
    }

    private static long ParentOf(long padded, int level)
    {
        var unit = level == 1 ? 100_000_000L : level == 2 ? 1_000_000L : 10_000L;
        return padded / unit * unit;
    }

    // RFC 4180: fields separated by commas, optionally quoted with "" as an escaped quote; LF or CRLF between records.
    // Returns each record with the line it starts on.
    private static List<KeyValuePair<int, string[]>> ParseCsv(string text)
    {
        var records = new List<KeyValuePair<int, string[]>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        var quoted = false;
        var atFieldStart = true;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }
            }
            else if (c == '"' && atFieldStart)
            {
                quoted = true;
                atFieldStart = false;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add(new KeyValuePair<int, string[]>(recordLine, fields.ToArray()));
                fields.Clear();
                atFieldStart = true;
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
                atFieldStart = false;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new KeyValuePair<int, string[]>(recordLine, fields.ToArray()));
        }

        return records;
    }
}
